# shellcheck shell=bash source-path=SCRIPTDIR
# Same input, same bytes: two monthly runs, and a run under a German
# locale and another time zone, give byte-identical measures and reports.
export CRIMEPIPE_BIN=$BIN
sample=$ROOT/sample-data/warwickshire-extract.csv.gz
run 0 "$ROOT/pipelines/monthly.sh" --out a --force Warwickshire 2019-12 "$sample"
run 0 "$ROOT/pipelines/monthly.sh" --out b --force Warwickshire 2019-12 "$sample"
if locale -a 2>/dev/null | grep -qi '^de_DE\.utf8$'; then
	german=de_DE.UTF-8
else
	german=C.UTF-8	# the locale is not installed here; .ci/run installs it
fi
LC_ALL=$german LANG=$german TZ=Pacific/Auckland run 0 env LC_ALL=$german TZ=Pacific/Auckland \
	"$ROOT/pipelines/monthly.sh" --out c --force Warwickshire 2019-12 "$sample"
for f in measures.csv summary.md summary.html summary.csv summary.json; do
	same "a/$f" "b/$f"
	same "a/$f" "c/$f"
done
for s in 1-ingest-crime 2-tag-rural 3-flag-repeat 4-compute-outcomes; do
	cmp -s "a/streams/$s.csv.gz" "c/streams/$s.csv.gz" || fail "streams/$s differs"
done
