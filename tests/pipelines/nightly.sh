# shellcheck shell=bash source-path=SCRIPTDIR
# nightly.sh: each night's extracts go into the store; the newest force
# snapshot replaces the older; a failed refresh leaves the last good run.
export CRIMEPIPE_BIN=$BIN
head='crime_ref,recorded_date,offence_code,offence_desc,district,dwelling,lsoa_code,oa_code,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,mo_text,force'
mkdir -p day1 day2 day3
{ echo "$head"; echo '23/1/19,2019-12-02,105A,Assault,Rugby,,E01031167,,,,V1,person,,,,,Warwickshire'; } >day1/warks.csv
{ echo "$head"; echo '23/1/19,2019-12-02,105A,Assault,Rugby,,E01031167,,,,V1,person,,16,2019-12-20,,Warwickshire'
  echo '23/2/19,2019-12-05,46,Shoplifting,Warwick,,E01031314,,,,O1,organisation,BUSINESS,,,,Warwickshire'; } >day2/warks.csv
run 0 "$ROOT/pipelines/nightly.sh" --month 2019-12 --day 2019-12-03 store day1/warks.csv
grep -q '^2019-12,force,Warwickshire,recorded_crime,Total recorded crime,1,' store/runs/2019-12/measures.csv ||
	fail "night 1: expected 1 crime"
run 0 "$ROOT/pipelines/nightly.sh" --month 2019-12 --day 2019-12-06 store day2/warks.csv
# The snapshot of 2019-12-06 replaces that of 2019-12-03: 2 crimes, not 3.
grep -q '^2019-12,force,Warwickshire,recorded_crime,Total recorded crime,2,' store/runs/2019-12/measures.csv ||
	fail "night 2: expected 2 crimes"
[ -f store/extracts/2019-12-03/warks.csv ] || fail "night 1's extract not kept"
eq "nights logged" 2 "$(lines store/nightly.log)"
# Night 3 brings a file with a bad header: the refresh fails, the store
# keeps night 2's run.
printf 'not,a,crime,extract\n1,2,3,4\n' >day3/warks.csv
run 1 "$ROOT/pipelines/nightly.sh" --month 2019-12 --day 2019-12-07 store day3/warks.csv
grep -q '^2019-12,force,Warwickshire,recorded_crime,Total recorded crime,2,' store/runs/2019-12/measures.csv ||
	fail "a failed night replaced the last good run"
