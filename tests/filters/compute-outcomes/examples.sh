# The man page's EXAMPLES, run on tiny inputs.
#   extract.csv: 23/1/19 recorded 2019-12-02, outcome oc8 on 2019-12-12
#   (community resolution, 10 days); 23/2/19 no outcome (pending).
#   outcomes-2019.zip holds one outcomes file: C1 in 2019-03 "Suspect
#   charged" (charge/summons); street.csv's crime C1 gets it.
source "$CASE/stream.inc"
source "$CASE/outcomes.inc"
# ingest-crime only makes the input here: prefer the plain build.
ingest=$ROOT/bin/ingest-crime
[ -x "$ingest" ] || ingest=$BIN/ingest-crime
[ -x "$ingest" ] || skip "no ingest-crime"
command -v python3 >/dev/null || skip "no python3"
cat >extract.csv <<'EOF2'
crime_ref,recorded_date,offence_code,offence_desc,district,lsoa_code,victim_id,victim_type,markers,outcome_code,outcome_date,mo_text,force
23/1/19,2019-12-02,8N,Assault with injury,Rugby,E01031234,V1,person,,oc8,2019-12-12,,Warwickshire
23/2/19,2019-12-03,46,Shoplifting,Rugby,E01031234,,,,,,,Warwickshire
EOF2
set -o pipefail
"$ingest" --stats extract.csv 2>ingest.err | "$BIN/compute-outcomes" --stats -r rejects.csv >out 2>err ||
    fail "example 1 failed: $(cat ingest.err err)"
eq "example 1" "8|Action taken|community resolution|2019-12|10 |pending|||" \
    "$(pick out outcome_code outcome_group outcome_subgroup outcome_month days_to_outcome | tr '\n' ' ' | sed 's/ $//')"
accounted err

{ echo "$OHDR"; orow C1 2019-03 "Suspect charged"; } >2019-03-warwickshire-outcomes.csv
python3 -c '
import zipfile
with zipfile.ZipFile("outcomes-2019.zip", "w") as z:
    z.write("2019-03-warwickshire-outcomes.csv")'
{ echo "$HDR"; rec C1 "" Shoplifting "" "" "Under investigation"; } >street.csv
"$ingest" outcomes-2019.zip >updates.csv 2>ingest.err || fail "ingest: $(cat ingest.err)"
run 0 "$BIN/compute-outcomes" --outcomes updates.csv street.csv
mv out grouped.csv
eq "example 3" "C1|Suspect charged|Action taken|charge/summons|2019-03" \
    "$(pick grouped.csv record_id outcome_text outcome_group outcome_subgroup outcome_month)"
