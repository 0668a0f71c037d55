# shellcheck shell=bash source-path=SCRIPTDIR
# A police.uk download holding street and outcomes files in one zip is a
# 'mixed' delivery: nightly.sh gives it to ingest-crime (which reads the
# street files and leaves the outcomes files, saying so) and to
# compute-outcomes --outcomes (which reads the outcomes files and leaves
# the street ones).  The crimes joined are the street Crime IDs the
# outcomes file names, counted with comm.
# shellcheck source=runs.inc
source "$CASE/runs.inc"
s=$ROOT/sample-data/police-uk/2019-01-warwickshire-street.csv
o=$ROOT/sample-data/police-uk/2019-01-warwickshire-outcomes.csv
cp "$s" "$o" .
python3 -m zipfile -c download.zip 2019-01-warwickshire-street.csv 2019-01-warwickshire-outcomes.csv
run 0 "$ROOT/pipelines/nightly.sh" --force Warwickshire --month 2019-01 --day 2019-02-05 store download.zip
printf 'mixed\t%s\n' extracts/2019-02-05/download.zip >want
same want store/deliveries.txt
cut -d, -f1 "$s" | tail -n +2 | grep . | sort -u >ids_street
cut -d, -f1 "$o" | tail -n +2 | grep . | sort -u >ids_outcomes
joined=$(comm -12 ids_street ids_outcomes | wc -l | tr -d ' ')
[ "$joined" -gt 0 ] || fail "test setup: no Crime ID in both files"
has store/runs/2019-01/logs/4-compute-outcomes.log "outcomes_joined $joined,"
has store/runs/2019-01/logs/1-ingest-crime.log "warning: an outcomes file, not read with crimes"
