# Two runs give identical bytes, and so does a run under another locale
# (de_DE.UTF-8, whose decimal comma must not leak into anything; if the
# locale is not installed setlocale falls back, and C.UTF-8 is tried
# too).  Inputs: the street sample, a force extract, stdin.
source "$CASE/lib.inc"
cp "$SAMPLE_STREET" s.csv
cp "$CASE/force-a.csv" a.csv
run 0 "$BIN/ingest-crime" --stats s.csv a.csv
cp out one
cp err err_one
run 0 "$BIN/ingest-crime" --stats s.csv a.csv
same one out
same err_one err
for loc in de_DE.UTF-8 C.UTF-8; do
	LC_ALL=$loc "$BIN/ingest-crime" --stats s.csv a.csv >out 2>err ||
		fail "LC_ALL=$loc: exit $?"
	same one out
	same err_one err
done
