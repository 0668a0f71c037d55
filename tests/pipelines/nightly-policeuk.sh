# shellcheck shell=bash source-path=SCRIPTDIR
# nightly.sh on real data.police.uk files (issue 9.9): a zip of several
# months and forces is a police.uk delivery, not a force snapshot, so the
# months delivered before it stay current: every street file delivered is
# an input, oldest first, and ingest-crime reads every row of them.
# shellcheck source=runs.inc
source "$CASE/runs.inc"
police=$SHARED/realdata/police
[ -d "$police" ] || skip "no real data ($police)"
command -v python3 >/dev/null || skip "python3 not installed (makes the zip)"
# A download as data.police.uk packs it: YYYY-MM/YYYY-MM-<force>-street.csv.
python3 - "$police" <<'PY' || fail "cannot make the zip"
import sys, zipfile
src = sys.argv[1]
with zipfile.ZipFile("download.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for m, force in (("2018-12", "warwickshire"), ("2019-01", "warwickshire"), ("2019-01", "west-mercia")):
        name = f"{m}-{force}-street.csv"
        z.write(f"{src}/{name}", f"{m}/{name}")
PY
run 0 "$ROOT/pipelines/nightly.sh" --force Warwickshire --month 2018-11 --day 2019-01-05 store \
	"$police/2018-10-warwickshire-street.csv" "$police/2018-11-warwickshire-street.csv"
run 0 "$ROOT/pipelines/nightly.sh" --force Warwickshire --month 2019-01 --day 2019-02-05 store download.zip
printf 'street\t%s\n' extracts/2019-01-05/2018-10-warwickshire-street.csv \
	extracts/2019-01-05/2018-11-warwickshire-street.csv extracts/2019-02-05/download.zip >want
same want store/deliveries.txt
same want store/current.txt
printf '%s\n' "$PWD/store/extracts/2019-01-05/2018-10-warwickshire-street.csv" \
	"$PWD/store/extracts/2019-01-05/2018-11-warwickshire-street.csv" \
	"$PWD/store/extracts/2019-02-05/download.zip" >want
same want store/runs/2019-01/inputs.txt
# Every data row of the five files (wc -l counts the header too).
rows=0
for f in 2018-10-warwickshire 2018-11-warwickshire 2018-12-warwickshire 2019-01-warwickshire 2019-01-west-mercia; do
	rows=$((rows + $(lines "$police/$f-street.csv") - 1))
done
has store/runs/2019-01/logs/1-ingest-crime.log "ingest-crime: read $rows, written $rows, rejected 0"
# West Mercia's rows are another force's for the Warwickshire report.
has store/runs/2019-01/logs/5-aggregate-district.log "other_force $(($(lines "$police/2019-01-west-mercia-street.csv") - 1)),"
# The November run of the first night stands as it was made.
printf '%s\n' "$PWD/store/extracts/2019-01-05/2018-10-warwickshire-street.csv" \
	"$PWD/store/extracts/2019-01-05/2018-11-warwickshire-street.csv" >want
same want store/runs/2018-11/inputs.txt

# A later delivery of a month (November again, cut to its first 1,000
# rows) is read in place of the earlier one; the same zip delivered again
# is read once (its three members, each a duplicate).
head -n 1001 "$police/2018-11-warwickshire-street.csv" >2018-11-warwickshire-street.csv
run 0 "$ROOT/pipelines/nightly.sh" --force Warwickshire --month 2019-01 --day 2019-02-06 store \
	2018-11-warwickshire-street.csv
run 0 "$ROOT/pipelines/nightly.sh" --force Warwickshire --month 2019-01 --day 2019-02-07 store download.zip
eq "current inputs" 5 "$(lines store/current.txt)"
rows=$((rows - ($(lines "$police/2018-11-warwickshire-street.csv") - 1) + 1000))
has store/runs/2019-01/logs/1-ingest-crime.log "ingest-crime: read $rows, written $rows, rejected 0"
has store/runs/2019-01/logs/1-ingest-crime.log "duplicate_inputs 3, superseded_inputs 1"
eq "nights logged ok" 4 "$(grep -c ' ok$' store/nightly.log)"
