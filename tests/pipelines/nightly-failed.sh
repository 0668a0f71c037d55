# shellcheck shell=bash source-path=SCRIPTDIR
# A night that fails is all or nothing (issue 9.9): current.txt, the run
# and deliveries.txt stay as they were, the night's deliveries go to
# failed/ unchanged, nothing is left behind, and the night is logged
# "failed: <reason>"; a night stopped by SIGTERM too, and one killed with
# SIGKILL is logged by the next night, which undoes it.
# shellcheck source=runs.inc
source "$CASE/runs.inc"
head='crime_ref,recorded_date,offence_code,offence_desc,district,dwelling,lsoa_code,oa_code,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,mo_text,force'
{ echo "$head"; echo '23/1/19,2019-12-02,105A,Assault,Rugby,,E01031167,,,,V1,person,,,,,Warwickshire'; } >warks.csv
run 0 "$ROOT/pipelines/nightly.sh" --month 2019-12 --day 2019-12-03 store warks.csv

# snap: the store's state, to compare after each failed night.
snap() {
	{
		sums store/runs/2019-12
		cat store/current.txt store/deliveries.txt
		entries store
		entries store/runs
		(cd store && find extracts | sort)
	} >"$1"
}
snap before
printf '%s\n' "2019-12-03 month=2019-12 inputs=1 ok" >want.log

# 1. A delivery ingest-crime cannot read.
printf 'not,a,crime,extract\n1,2,3,4\n' >bad.csv
run 1 "$ROOT/pipelines/nightly.sh" --month 2019-12 --day 2019-12-07 store bad.csv
snap after
same before after
same bad.csv store/failed/2019-12-07/bad.csv
echo "2019-12-07 month=2019-12 failed: bad.csv: ingest-crime cannot read it: ingest-crime: $PWD/store/extracts/2019-12-07/bad.csv:1: not a recognised extract: expected a data.police.uk street or outcomes header, or a force extract with a 'crime_ref' column" >>want.log
same want.log store/nightly.log

# 2. A refresh that fails in monthly.sh (an outcomes file it cannot read).
run 1 "$ROOT/pipelines/nightly.sh" --month 2019-12 --day 2019-12-08 --outcomes missing.csv store warks.csv
snap after
same before after
same warks.csv store/failed/2019-12-08/warks.csv
has store/failed/2019-12-08.stderr "monthly.sh: missing.csv: cannot read input"
echo "2019-12-08 month=2019-12 failed: missing.csv: cannot read input (see failed/2019-12-08.stderr)" >>want.log
same want.log store/nightly.log

# 3. Stopped by SIGTERM while monthly.sh runs flag-repeat.
blocking_bin wbin flag-repeat
CRIMEPIPE_BIN=$PWD/wbin "$ROOT/pipelines/nightly.sh" --month 2019-12 --day 2019-12-09 \
	store warks.csv >out 2>err &
pid=$!
wait_for wbin/flag-repeat.pid
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
eq "exit status after SIGTERM" 1 "$rc"
gone "$(cat wbin/flag-repeat.pid)"
snap after
same before after
same warks.csv store/failed/2019-12-09/warks.csv
echo "2019-12-09 month=2019-12 failed: stopped by SIGTERM" >>want.log
same want.log store/nightly.log

# 4. Killed with SIGKILL: nothing can be logged then; the next night
# (which waits for the killed night's stages to end) logs it and undoes it.
rm -rf wbin
blocking_bin wbin flag-repeat
CRIMEPIPE_BIN=$PWD/wbin "$ROOT/pipelines/nightly.sh" --month 2019-12 --day 2019-12-10 \
	store warks.csv >out 2>err &
pid=$!
wait_for wbin/flag-repeat.pid
kill -KILL "$pid"
wait "$pid" 2>/dev/null || true
[ -f store/night.pending ] || fail "no night.pending after SIGKILL"
kill "$(cat wbin/flag-repeat.pid)"
run 0 "$ROOT/pipelines/nightly.sh" --month 2019-12 --day 2019-12-11 store warks.csv
has err "the night of 2019-12-10 was interrupted"
same warks.csv store/failed/2019-12-10/warks.csv
echo "2019-12-10 month=2019-12 failed: interrupted (found by the night of 2019-12-11)" >>want.log
echo "2019-12-11 month=2019-12 inputs=1 ok" >>want.log
same want.log store/nightly.log
printf 'force\textracts/2019-12-03/warks.csv\nforce\textracts/2019-12-11/warks.csv\n' >want
same want store/deliveries.txt
entries store >got
printf '%s\n' .crimepipe.lock current.txt deliveries.txt extracts failed nightly.log runs >want
same want got
