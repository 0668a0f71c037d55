# shellcheck shell=bash source-path=SCRIPTDIR
# rerun.sh after a data fix: a record rejected by compute-outcomes (an
# outcome code outside the framework) is corrected in the kept stream of
# the stage before, and the re-run takes it in: the rejects empty, the
# record counted, the manifest rewritten.
export CRIMEPIPE_BIN=$BIN
# A small force extract: 3 crimes in 2019-12, one with outcome code 99.
cat >extract.csv <<'CSV'
crime_ref,recorded_date,offence_code,offence_desc,district,dwelling,lsoa_code,oa_code,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,mo_text,force
23/1/19,2019-12-02,105A,Assault,Rugby,,E01031167,,,,V1,person,,16,2019-12-20,,Warwickshire
23/2/19,2019-12-03,46,Shoplifting,Warwick,,E01031314,,,,O1,organisation,BUSINESS,99,2019-12-21,,Warwickshire
23/3/19,2019-12-04,58A,Criminal damage,Rugby,,E01031167,,,,V1,person,,,,,Warwickshire
CSV
run 0 "$ROOT/pipelines/monthly.sh" --out run --force Warwickshire 2019-12 extract.csv
has run/logs/4-compute-outcomes.log "read 3, written 2, rejected 1"
has run/rejects/compute-outcomes.csv "'99'"
# Total recorded crime in December: 2, the rejected crime is missing.
grep -q '^2019-12,force,Warwickshire,recorded_crime,Total recorded crime,2,' run/measures.csv ||
	fail "expected 2 crimes before the fix"

# The fix: outcome code 99 was a typo for 16 (awk on the kept stream:
# the stream has no quoted fields here, so a field split is safe).
zcat run/streams/3-flag-repeat.csv.gz |
	awk -F, -v OFS=, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "outcome_code") c = i } NR > 1 && $c == "99" { $c = "16" } { print }' >fixed.csv
run 0 "$ROOT/pipelines/rerun.sh" --from compute-outcomes --input fixed.csv run
has run/logs/4-compute-outcomes.log "read 3, written 3, rejected 0"
eq "rejects rows after the fix (header only)" 1 "$(lines run/rejects/compute-outcomes.csv)"
grep -q '^2019-12,force,Warwickshire,recorded_crime,Total recorded crime,3,' run/measures.csv ||
	fail "expected 3 crimes after the fix"
has run/manifest.json '"stage": "compute-outcomes", "read": 3, "written": 3, "rejected": 0'

# Re-running the report alone, and the usage errors.
run 0 "$ROOT/pipelines/rerun.sh" --from emit-summary run
[ -s run/summary.html ] || fail "no summary after --from emit-summary"
run 2 "$ROOT/pipelines/rerun.sh" --from ingest-crime run
run 2 "$ROOT/pipelines/rerun.sh" --from nonsense run
run 1 "$ROOT/pipelines/rerun.sh" --from tag-rural not-a-run-dir
