# shellcheck shell=bash source-path=SCRIPTDIR
# nightly.sh's store keeps every delivery unchanged (issue 9.9): a second
# delivery of a name on the same day goes to <day>.2/, deliveries.txt lists
# every delivery with its kind in the order received, current.txt names
# the newest force snapshot, and each night writes one log line.
# shellcheck source=runs.inc
source "$CASE/runs.inc"
head='crime_ref,recorded_date,offence_code,offence_desc,district,dwelling,lsoa_code,oa_code,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,mo_text,force'
mkdir -p a b
{ echo "$head"; echo '23/1/19,2019-12-02,105A,Assault,Rugby,,E01031167,,,,V1,person,,,,,Warwickshire'; } >a/warks.csv
{ cat a/warks.csv; echo '23/2/19,2019-12-05,46,Shoplifting,Warwick,,E01031314,,,,O1,organisation,BUSINESS,,,,Warwickshire'; } >b/warks.csv
run 0 "$ROOT/pipelines/nightly.sh" --month 2019-12 --day 2019-12-03 store a/warks.csv
run 0 "$ROOT/pipelines/nightly.sh" --month 2019-12 --day 2019-12-03 store b/warks.csv
same a/warks.csv store/extracts/2019-12-03/warks.csv
same b/warks.csv store/extracts/2019-12-03.2/warks.csv
printf 'force\textracts/2019-12-03/warks.csv\nforce\textracts/2019-12-03.2/warks.csv\n' >want
same want store/deliveries.txt
printf 'force\textracts/2019-12-03.2/warks.csv\n' >want
same want store/current.txt
printf '2019-12-03 month=2019-12 inputs=1 ok\n2019-12-03 month=2019-12 inputs=1 ok\n' >want
same want store/nightly.log
grep -q '^2019-12,force,Warwickshire,recorded_crime,Total recorded crime,2,' store/runs/2019-12/measures.csv ||
	fail "expected the second snapshot's 2 crimes"
# The same file twice in one night: two deliveries, two names.
run 0 "$ROOT/pipelines/nightly.sh" --month 2019-12 --day 2019-12-04 store a/warks.csv a/warks.csv
same a/warks.csv store/extracts/2019-12-04/warks.csv
same a/warks.csv store/extracts/2019-12-04.2/warks.csv
eq "deliveries" 4 "$(lines store/deliveries.txt)"
# The run's manifest names the store's copy, with its sha256.
has store/runs/2019-12/manifest.json "{\"path\": \"$PWD/store/extracts/2019-12-04.2/warks.csv\", \"bytes\": $(wc -c <a/warks.csv | tr -d ' '), \"sha256\": \"$(sha256sum <a/warks.csv | cut -d' ' -f1)\"}"
entries store >got
printf '%s\n' .crimepipe.lock current.txt deliveries.txt extracts failed nightly.log runs >want
same want got
entries store/runs >got
eq "runs/" 3 "$(lines got)"
# A usage error is not a night: nothing logged.
run 2 "$ROOT/pipelines/nightly.sh" --day 2019-13-01 store a/warks.csv
has err "'2019-13-01' is not a day"
run 2 "$ROOT/pipelines/nightly.sh" store --month 2019-12 a/warks.csv
has err "usage: nightly.sh"
eq "nights logged" 3 "$(lines store/nightly.log)"
