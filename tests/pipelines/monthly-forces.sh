# The reporting force is settled before stage 1 (issue 9, item 8): inputs
# naming several forces without --force are a usage error that lists
# them, before any stage runs; a force the inputs do not name is a data
# error; "Warwickshire Police" (police.uk's Falls within) is Warwickshire.
# The sample extract holds Warwickshire and West Mercia records.
SAMPLE=$ROOT/sample-data/warwickshire-extract.csv.gz
run 2 bash "$ROOT/pipelines/monthly.sh" --out run 2019-12 "$SAMPLE"
has err "the inputs name 2 forces ('Warwickshire', 'West Mercia'): choose one with --force NAME"
hasnt err "ingest-crime: read"
[ ! -e run ] || fail "a run directory was made"
run 1 bash "$ROOT/pipelines/monthly.sh" --out run --force Kent 2019-12 "$SAMPLE"
has err "no record names the force 'Kent' (the inputs name 'Warwickshire', 'West Mercia')"
[ ! -e run ] || fail "a run directory was made"
# One month of the sample is enough for the rest.
gzip -dc "$SAMPLE" | python3 -c '
import csv, sys
r = csv.reader(sys.stdin)
w = csv.writer(sys.stdout, lineterminator="\n")
h = next(r)
w.writerow(h)
i = h.index("recorded_date")
w.writerows(row for row in r if row[i].startswith("2019-12"))' >dec.csv
run 0 bash "$ROOT/pipelines/monthly.sh" --out run --force "Warwickshire Police" 2019-12 dec.csv
has run/measures.csv ",force,Warwickshire,recorded_crime,Total recorded crime,"
