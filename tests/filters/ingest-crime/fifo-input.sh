# An input that cannot be read twice (a FIFO, <(...), a pipe on stdin) is
# copied once and read like a file (issue 8, defect 1: it wrote 0 of 243
# records and blamed line 1, because the first pass had consumed it).
source "$CASE/lib.inc"
cp "$SAMPLE_STREET" s.csv
want=$(($(lines s.csv) - 1))
run 0 "$BIN/ingest-crime" --stats s.csv
nosrc out >from_file
run 0 "$BIN/ingest-crime" --stats <(cat s.csv)
eq "records from <(cat)" "read $want, written $want, rejected 0" "$(stats_of err)"
nosrc out >from_procsub
# The names differ (/dev/fd/N): compare without the source column.
same from_file from_procsub
mkfifo pipe.csv
cat s.csv >pipe.csv &
run 0 "$BIN/ingest-crime" --stats pipe.csv s.csv
wait
# The same content twice: read once, from the FIFO, named first.
eq "records from a FIFO and the same file" "read $want, written $want, rejected 0" "$(stats_of err)"
has err "s.csv: warning: the same content as 'pipe.csv'; read once, from there"
eq "sources" "pipe.csv:2" "$(field out 1 source)"
