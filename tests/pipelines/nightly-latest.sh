# shellcheck shell=bash source-path=SCRIPTDIR
# With no --month, nightly.sh refreshes the reporting force's latest month
# in the data, not the month of today (issue 9.9), and monthly.sh's
# 'latest' names its run directory after the month it found.  The month
# comes from aggregate-district --list-months; on a build without it, a
# stand-in lists the months of this test's simple stream with awk.
# shellcheck source=runs.inc
source "$CASE/runs.inc"
"$BIN/aggregate-district" --list-months </dev/null >/dev/null 2>probe.err || true
if grep -q "unrecognized option" probe.err; then
	mkdir sbin
	for f in "$BIN"/*; do ln -s "$f" sbin/; done
	rm sbin/aggregate-district
	cat >sbin/aggregate-district <<SH
#!/bin/sh
[ "\$1" = --list-months ] || exec "$BIN/aggregate-district" "\$@"
# --list-months --force NAME STREAM (no quoted fields in this test)
zcat "\$4" | awk -F, -v force="\$3" 'NR > 1 && \$6 == force { print \$4 }' | sort -u
SH
	chmod +x sbin/aggregate-district
	export CRIMEPIPE_BIN=$PWD/sbin
fi
head='crime_ref,recorded_date,offence_code,offence_desc,district,dwelling,lsoa_code,oa_code,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,mo_text,force'
{
	echo "$head"
	echo '23/1/19,2019-10-02,105A,Assault,Rugby,,E01031167,,,,V1,person,,,,,Warwickshire'
	echo '23/2/19,2019-11-05,46,Shoplifting,Warwick,,E01031314,,,,O1,organisation,BUSINESS,,,,Warwickshire'
	echo '22/9/19,2019-12-05,46,Shoplifting,Worcester,,E01032200,,,,O2,organisation,BUSINESS,,,,West Mercia'
} >extract.csv
run 0 "$ROOT/pipelines/nightly.sh" --force Warwickshire --day 2020-02-01 store extract.csv
eq "runs" "2019-11" "$(cd store/runs && ls)"
eq "log" "2020-02-01 month=2019-11 inputs=1 ok" "$(cat store/nightly.log)"
grep -q '^2019-11,force,Warwickshire,recorded_crime,Total recorded crime,1,' store/runs/2019-11/measures.csv ||
	fail "expected 1 crime in November"

run 0 "$ROOT/pipelines/monthly.sh" --into runs --force Warwickshire latest extract.csv
eq "stdout" runs/2019-11 "$(cat out)"
has runs/2019-11/options.env "month=2019-11"
has runs/2019-11/manifest.json '"month": "2019-11",'
has runs/2019-11/manifest.json '"options": {"month": "latest",'
