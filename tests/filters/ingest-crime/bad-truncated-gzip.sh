# A truncated gzip: the records before the damage are kept and counted,
# the message names the file, exit 1 (docs/stream.md "Accounting and exit
# status"), also with -r (the damage is not a record to reject).
# "Before the damage" is measured independently by zcat: every complete
# line it recovers from the cut file (the sample holds no quotes, so a
# line is a record) must come out; the partial last line may be rejected.
source "$CASE/lib.inc"
cp "$SAMPLE_STREET" s.csv
run 0 "$BIN/ingest-crime" s.csv
nosrc out >plain
gzip -9 -c s.csv >full.gz
size=$(wc -c <full.gz)
head -c $((size / 2)) full.gz >cut.csv.gz
zcat cut.csv.gz >part 2>/dev/null
complete=$(($(lines part) - 1))
[ "$complete" -gt 10 ] || fail "test setup: zcat recovers only $complete records"
run 1 "$BIN/ingest-crime" --stats cut.csv.gz
has err "cut.csv.gz"
accounted err
eq "records written before the damage" "$complete" "$(($(lines out) - 1))"
nosrc out >got
head -n $((complete + 1)) plain >want
same want got
run 1 "$BIN/ingest-crime" -r rej.csv --stats cut.csv.gz
has err "cut.csv.gz"
accounted err
nosrc out >got_r
same want got_r
