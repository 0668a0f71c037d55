# shellcheck shell=bash source-path=SCRIPTDIR
# rerun.sh leaves a trace of the fix (issue 9.10): the manifest records the
# stage re-run from, the replacement input with its sha256 and the
# previous manifest's sha256 (all computed here with sha256sum), the
# previous manifest is kept unchanged in history/, the inputs of the run's
# ingest-crime stay as they were; a failed re-run leaves the run as it was.
# shellcheck source=runs.inc
source "$CASE/runs.inc"
cat >extract.csv <<'CSV'
crime_ref,recorded_date,offence_code,offence_desc,district,dwelling,lsoa_code,oa_code,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,mo_text,force
23/1/19,2019-12-02,105A,Assault,Rugby,,E01031167,,,,V1,person,,16,2019-12-20,,Warwickshire
23/2/19,2019-12-03,46,Shoplifting,Warwick,,E01031314,,,,O1,organisation,BUSINESS,99,2019-12-21,,Warwickshire
CSV
extract_sha=$(sha256sum <extract.csv | cut -d' ' -f1)
extract_bytes=$(wc -c <extract.csv | tr -d " ")
run 0 "$ROOT/pipelines/monthly.sh" --out runs/r --force Warwickshire 2019-12 extract.csv
cp runs/r/manifest.json first-manifest.json
first_sha=$(sha256sum <runs/r/manifest.json | cut -d' ' -f1)
# The extract changes after the run: the manifest still names the bytes
# the run read.
echo '23/3/19,2019-12-04,58A,Criminal damage,Rugby,,E01031167,,,,V1,person,,,,,Warwickshire' >>extract.csv

zcat runs/r/streams/3-flag-repeat.csv.gz | sed 's/,99,2019-12-21,/,16,2019-12-21,/' >fixed.csv
fixed_sha=$(sha256sum <fixed.csv | cut -d' ' -f1)
fixed_bytes=$(wc -c <fixed.csv | tr -d ' ')
run 0 "$ROOT/pipelines/rerun.sh" --from compute-outcomes --input fixed.csv runs/r
python3 -m json.tool runs/r/manifest.json >/dev/null || fail "manifest.json is not JSON"
has runs/r/manifest.json '"rerun": {"from_stage": "compute-outcomes", "from_stage_number": 4, "input": {"path": "fixed.csv", "bytes": '"$fixed_bytes"', "sha256": "'"$fixed_sha"'", "replaces": "streams/3-flag-repeat.csv.gz"}, "previous_manifest": "history/1-manifest.json", "previous_manifest_sha256": "'"$first_sha"'"}'
same first-manifest.json runs/r/history/1-manifest.json
has runs/r/manifest.json '{"path": "extract.csv", "bytes": '"$extract_bytes"', "sha256": "'"$extract_sha"'"}'
# The kept stream is the fix, and the manifest gives its sha256.
zcat runs/r/streams/3-flag-repeat.csv.gz >kept.csv
same fixed.csv kept.csv
has runs/r/manifest.json '{"path": "streams/3-flag-repeat.csv.gz", "sha256": "'"$(sha256sum <runs/r/streams/3-flag-repeat.csv.gz | cut -d' ' -f1)"'"}'
has runs/r/manifest.json '"stage": "compute-outcomes", "read": 2, "written": 2, "rejected": 0'

# A second re-run chains on the first.
second_sha=$(sha256sum <runs/r/manifest.json | cut -d' ' -f1)
cp runs/r/manifest.json second-manifest.json
run 0 "$ROOT/pipelines/rerun.sh" --from emit-summary runs/r
has runs/r/manifest.json '"rerun": {"from_stage": "emit-summary", "from_stage_number": 6, "input": null, "previous_manifest": "history/2-manifest.json", "previous_manifest_sha256": "'"$second_sha"'"}'
same first-manifest.json runs/r/history/1-manifest.json
same second-manifest.json runs/r/history/2-manifest.json

# A re-run that fails (the replacement is not a stream) changes nothing.
sums runs/r >before.sums
entries runs >before.entries
printf 'not a stream\n' >junk.csv
run 1 "$ROOT/pipelines/rerun.sh" --from tag-rural --input junk.csv runs/r
sums runs/r >after.sums
same before.sums after.sums
entries runs >after.entries
same before.entries after.entries
# Usage errors say how to use it.
run 2 "$ROOT/pipelines/rerun.sh" runs/r
has err "usage: rerun.sh --from STAGE [--input STREAM] RUNDIR"
run 2 "$ROOT/pipelines/rerun.sh" --from
has err "option '--from' needs a value"
