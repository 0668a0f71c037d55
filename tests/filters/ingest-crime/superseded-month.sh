# Two data.police.uk files for one force and month (police.uk republishes
# months, revised): the one named last is read, with a warning naming both
# (DEFINITIONS.md 3.0; issue 9, item 5).  A file of another month, or of
# the other kind (outcomes), is not affected.
source "$CASE/lib.inc"
cp "$SAMPLE_STREET" first.csv
# The revised delivery: the same month, one row fewer, one outcome moved.
sed '$d' first.csv | sed '3s/Defendant found not guilty/Offender fined/' >revised.csv
cmp -s first.csv revised.csv && fail "test setup: the files are equal"
rows=$(($(lines revised.csv) - 1))
run 0 "$BIN/ingest-crime" --stats first.csv revised.csv
eq stats "read $rows, written $rows, rejected 0" "$(stats_of err)"
has err "first.csv: warning: superseded by 'revised.csv', a later delivery of the same force and month (Warwickshire 2019-01); the one named last is read"
has err "superseded_inputs 1"
run 0 "$BIN/ingest-crime" revised.csv
nosrc out >want
run 0 "$BIN/ingest-crime" first.csv revised.csv
nosrc out >got
same want got
# Named the other way round, the other file is read.
run 0 "$BIN/ingest-crime" --stats revised.csv first.csv
eq stats "read $((rows + 1)), written $((rows + 1)), rejected 0" "$(stats_of err)"
has err "revised.csv: warning: superseded by 'first.csv'"
