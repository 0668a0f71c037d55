# The same data twice is read once (DEFINITIONS.md 3.0; issue 9, item 5:
# ingest-crime f.csv f.csv.gz de-duplicated the crimes with a warning per
# record but doubled the ASB silently).  Identical decoded content,
# whatever its packaging (the file, its gzip copy, a zip member), is read
# from its first naming, with one warning for each repeat.
source "$CASE/lib.inc"
cp "$SAMPLE_STREET" s.csv
gzip -n -c s.csv >s.csv.gz
python3 -m zipfile -c s.zip s.csv
run 0 "$BIN/ingest-crime" --stats s.csv
cp out once.csv
rows=$(($(lines s.csv) - 1))
asb=$(awk -F, 'NR > 1 && $10 == "Anti-social behaviour"' s.csv | wc -l | tr -d ' ')
[ "$asb" -gt 0 ] || fail "test setup: the sample holds no ASB"
run 0 "$BIN/ingest-crime" --stats s.csv s.csv.gz s.zip
eq stats "read $rows, written $rows, rejected 0" "$(stats_of err)"
has err "duplicate_inputs 2"
eq "warnings" 2 "$(grep -c 'warning: the same content as' err)"
has err "s.csv.gz: warning: the same content as 's.csv'; read once, from there"
has err "s.zip!s.csv: warning: the same content as 's.csv'; read once, from there"
hasnt err "repeats the crime"
same once.csv out
eq "ASB rows" "$asb" "$(csvcol out crime_group | grep -c '^Anti-social behaviour$')"
