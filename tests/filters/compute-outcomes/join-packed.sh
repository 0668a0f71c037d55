# Outcomes files come in any packaging the input layer reads: the same
# join as join.sh with o1 gzipped and o2 inside a zip archive (with a
# non-CSV member that is not read), and then both CSVs as members of one
# zip, in archive order (o1 then o2).
source "$CASE/stream.inc"
source "$CASE/outcomes.inc"
command -v gzip >/dev/null || skip "no gzip"
command -v python3 >/dev/null || skip "no python3"
make_outcomes
make_crimes
gzip -c o1.csv >o1.csv.gz
echo "not data" >readme.txt
python3 - <<'PY'
import zipfile
with zipfile.ZipFile("o2.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.write("readme.txt")
    z.write("o2.csv")
with zipfile.ZipFile("both.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.write("o1.csv")
    z.write("o2.csv")
PY
join_expect >expect
run 0 "$BIN/compute-outcomes" --stats --outcomes o1.csv.gz --outcomes o2.zip in.csv
pick out record_id outcome_text outcome_group outcome_subgroup outcome_month days_to_outcome >got
same expect got
has err "$JOIN_STATS"
run 0 "$BIN/compute-outcomes" --stats --outcomes both.zip in.csv
pick out record_id outcome_text outcome_group outcome_subgroup outcome_month days_to_outcome >got
same expect got
has err "$JOIN_STATS"
