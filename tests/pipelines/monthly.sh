# shellcheck shell=bash source-path=SCRIPTDIR
# monthly.sh on the sample: every stage accounts for its records, every
# output is there, the manifest names the input with its sha256, and a bad
# option or month is a usage error.
export CRIMEPIPE_BIN=$BIN
sample=$ROOT/sample-data/warwickshire-extract.csv.gz
run 0 "$ROOT/pipelines/monthly.sh" --out run --force Warwickshire 2019-12 "$sample"
for f in streams/1-ingest-crime.csv.gz streams/2-tag-rural.csv.gz \
    streams/3-flag-repeat.csv.gz streams/4-compute-outcomes.csv.gz \
    measures.csv summary.md summary.html summary.csv summary.json manifest.json; do
	[ -s "run/$f" ] || fail "run/$f missing or empty"
done
# The sample's data rows (records: a few mo_text fields hold newlines, so
# count records, not lines, with the dumper).
records=$("$BIN/csvparse" "$sample" | tail -n +2 | wc -l)
for n in 1-ingest-crime 2-tag-rural 3-flag-repeat 4-compute-outcomes 5-aggregate-district; do
	has "run/logs/$n.log" "read $records, written $records, rejected 0"
done
has run/manifest.json "\"sha256\": \"$(sha256sum <"$sample" | cut -d' ' -f1)\""
has run/manifest.json '"stage": "flag-repeat", "read": '"$records"
python3 -m json.tool run/manifest.json >/dev/null || fail "manifest.json is not JSON"
# The kept stream is the filters' output, byte for byte.
run 0 "$BIN/ingest-crime" "$sample"
mv out ingested.csv
run 0 "$BIN/tag-rural" ingested.csv
zcat run/streams/2-tag-rural.csv.gz >kept.csv
same out kept.csv

run 2 "$ROOT/pipelines/monthly.sh" --out bad 2019-13 "$sample"
has err "'2019-13' is not a month"
run 2 "$ROOT/pipelines/monthly.sh" --bogus 2019-12 "$sample"
run 1 "$ROOT/pipelines/monthly.sh" --out bad 2019-12 no-such-file.csv
has err "no-such-file.csv: cannot read input"
