# Every EXAMPLES block of docs/man/emit-summary.1 runs as written (issue 9
# item 12), in a directory laid out like a pipelines/monthly.sh run.
export PATH="$BIN:$PATH"
ln -s "$ROOT/sample-data" sample-data
awk '/^\.Bd -literal/ { on = 1; n++; next } /^\.Ed/ { on = 0; next }
	on { gsub(/\\e/, "\\"); print > ("example" n ".sh") }' \
	"$ROOT/docs/man/emit-summary.1"
[ -s example1.sh ] && [ -s example4.sh ] || fail "no EXAMPLES blocks"
# The first block makes m.csv; the run directory's files for the second
# are made the way monthly.sh makes them.
bash -euo pipefail example1.sh 2>err1 || { cat err1; fail "example 1"; }
[ -s summary-2019-12.html ] || fail "example 1 wrote no report"
mkdir rejects logs
ingest-crime -r rejects/ingest-crime.csv --stats sample-data/warwickshire-extract.csv.gz \
	2>logs/1-ingest-crime.log | tag-rural --stats 2>logs/2-tag-rural.log >/dev/null
cp m.csv measures.csv
for i in 2 3 4; do
	bash -euo pipefail "example$i.sh" 2>err || { cat err; fail "example $i"; }
done
has summary.md "## Data quality"
# The sample's records, counted by Python's csv module.
n=$(python3 -c 'import csv, gzip, sys; print(format(sum(1 for _ in csv.reader(gzip.open(sys.argv[1], "rt", newline=""))) - 1, ","))' \
	sample-data/warwickshire-extract.csv.gz)
has summary.md "| ingest-crime | $n |"
has summary.md "| tag-rural | $n | $n | 0 | yes | unknown_geography"
[ "$(head -n 1 used.csv)" = "period,area_type,area,measure,category,value,denominator,rate" ] ||
	fail "example 3: not the long header"
