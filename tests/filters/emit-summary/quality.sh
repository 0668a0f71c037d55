# The Data quality section (rule 15; issue 9 item 7): inputs with their
# months and records, each stage's accounting from its log, the rejects
# grouped by stage and reason, the warnings, the counts, the unplaced and
# the assumptions; in JSON too.
source "$CASE/lib.inc"
write_full f.csv
# A rejects file as the stages append to it; one record holds a quoted
# newline (the stream reader reads it whole).
cat >rej.csv <<'CSV'
reject_stage,reject_reason,source,record
ingest-crime,field 'month': '2019-13' is not a valid month,x.csv:3,"23/1/19,2019-13,8N"
ingest-crime,field 'month': '2019-02-30' is not a valid month,x.csv:7,"23/2/19,""2019-02-30
a second line"",8N"
compute-outcomes,field 'outcome_code': 'OC99' is not a Home Office outcome code,unknown_outcome_oc99.csv:3,"23/3/19,OC99"
ingest-crime,repeats the victim of x.csv:12,x.csv:14,"23/4/19,V1"
CSV
cat >ingest.log <<'LOG'
ingest-crime: b.csv: warning: superseded by 'c.csv', a later delivery of the same force and month (West Mercia 2018-12); the one named last is read
ingest-crime: wm.csv:5: warning: field 'Crime ID': repeats the crime first seen at wm.csv:3; kept with crime_count 0
ingest-crime: wm.csv:9: warning: field 'Crime ID': repeats the crime first seen at wm.csv:4; kept with crime_count 0
ingest-crime: 284 residential burglaries had an empty 'dwelling' and were counted as residential (dwelling)
ingest-crime: 3 records rejected, see rejects/ingest-crime.csv
ingest-crime: read 1000, written 997, rejected 3, crimes 990, crime_set_bytes 100, duplicate_inputs 1, superseded_inputs 1, assumed_dwelling 284
LOG
cat >tag.log <<'LOG'
tag-rural: read 997, written 997, rejected 0, unknown_geography 12
LOG
cat >bad.log <<'LOG'
compute-outcomes: read 997, written 995, rejected 1
LOG
run 0 "$BIN/emit-summary" --stats --run-rejects rej.csv --run-log ingest.log \
	--run-log tag.log --run-log bad.log f.csv
sed -n '/^## Data quality/,$p' out >dq
has dq "| crime-2019.csv | Oct 2019 – Dec 2019 | 5,700 |"
has dq "| late.csv | Dec 2019 | 1,998 |"
has dq "| ingest-crime | 1,000 | 997 | 3 | yes | crimes 990, crime_set_bytes 100, duplicate_inputs 1, superseded_inputs 1, assumed_dwelling 284 |"
has dq "| tag-rural | 997 | 997 | 0 | yes | unknown_geography 12 |"
# 997 != 995 + 1: the check says so.
has dq "| compute-outcomes | 997 | 995 | 1 | NO |  |"
# Rejects by stage and reason: values left out, a field's name kept.
has dq "| ingest-crime | field 'month': '…' is not a valid month | 2 | x.csv:3 |"
has dq "| compute-outcomes | field 'outcome_code': '…' is not a Home Office outcome code | 1 | unknown_outcome_oc99.csv:3 |"
has dq "| ingest-crime | repeats the victim of … | 1 | x.csv:14 |"
# Warnings, grouped the same way, with their whole messages.
has dq "| ingest-crime | field 'Crime ID': repeats the crime first seen at …; kept with crime_count 0 | 2 | wm.csv:5: warning: field 'Crime ID': repeats the crime first seen at wm.csv:3; kept with crime_count 0; wm.csv:9: warning: field 'Crime ID': repeats the crime first seen at wm.csv:4; kept with crime_count 0 |"
has dq "| ingest-crime | superseded by '…', a later delivery of the same force and month (West Mercia 2018-12); the one named last is read | 1 | b.csv: warning: superseded by 'c.csv'"
has dq "- ingest-crime duplicate_inputs 1: inputs read once because the same content had been read already"
has dq "- ingest-crime assumed_dwelling 284: residential burglaries with an empty 'dwelling' counted as residential (dwelling), definitions §2.2"
has dq "- tag-rural unknown_geography 12: records with no rural class"
has dq "Unplaced in December (counted in the force total, in no district): no lsoa 22, outside force area 4, unknown district 0."
has dq "- ingest-crime: 284 residential burglaries had an empty 'dwelling' and were counted as residential (dwelling)"
hasnt dq "records rejected, see"
# The run files are not the table: --stats counts its rows only.
eq "stats" "read $(($(lines f.csv) - 1)), written $(($(lines f.csv) - 1)), rejected 0" "$(stats_of err)"
# JSON carries the section.
run 0 "$BIN/emit-summary" --format json --run-rejects rej.csv --run-log ingest.log f.csv
python3 - out <<'PY' || fail "json data quality"
import json, sys
d = json.load(open(sys.argv[1]))
assert list(d["sections"])[-1] == "data_quality"
tabs = {c["table"]["caption"]: c["table"] for c in d["sections"]["data_quality"]["content"] if "table" in c}
rej = tabs["Rejected records by stage and reason (values shown as \u2026)"]
assert [[c["text"] for c in r] for r in rej["rows"]][0] == ["ingest-crime",
    "field 'month': '\u2026' is not a valid month", "2", "x.csv:3"], rej["rows"][0]
assert rej["rows"][0][2]["value"] == 2
PY
# A rejects file of another shape: a message, exit 1, the report made.
printf 'a,b\n1,2\n' >notrej.csv
run 1 "$BIN/emit-summary" --run-rejects notrej.csv --run-log no-such.log f.csv
has err "notrej.csv:1: not a rejects file"
has err "no-such.log: No such file or directory"
has out "## Data quality"
