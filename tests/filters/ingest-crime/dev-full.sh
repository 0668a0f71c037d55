# Output to /dev/full fails with exit 1 and a message.
source "$CASE/lib.inc"
[ -w /dev/full ] || skip "no /dev/full"
cp "$SAMPLE_STREET" s.csv
"$BIN/ingest-crime" s.csv >/dev/full 2>err
eq "exit status" 1 "$?"
[ -s err ] || fail "no message on a write error"
