# The real Bedfordshire excerpt (../shared/realdata/excerpts, 2018-01):
# a street file and an outcomes file with the real headers and
# vocabulary (issue 9, item 4).  Worked out by hand from the two files:
# the street file's 6th row has 11 fields (its empty Context was cut with
# the newline) and is rejected by ingest-crime; of the 5 other crimes, 4
# have an outcome row (3c05…, fad8…, 6bde…, 8262…), all dated 2018-01;
# the outcomes file's 5th row (c7ff…) is for the rejected crime:
# unmatched.  1f35… keeps its street text "Unable to prosecute suspect"
# (No action taken) with no outcome month: street files carry no dates.
ex=$SHARED/realdata/excerpts
[ -d "$ex" ] || skip "no ../shared/realdata/excerpts"
run 0 "$BIN/ingest-crime" --stats -r rej.csv "$ex/2018-01-bedfordshire-street.csv"
eq "ingest-crime" "read 6, written 5, rejected 1" "$(stats_of err)"
has rej.csv "11 fields, the header has 12"
mv out street.csv
run 0 "$BIN/compute-outcomes" --stats --outcomes "$ex/2018-01-bedfordshire-outcomes.csv" street.csv
has err "outcomes_loaded 5, outcomes_joined 4, outcomes_unmatched 1"
accounted err
cat >expect <<'E'
3c05|Offender given a caution|Action taken|caution|2018-01
fad8|Investigation complete; no suspect identified|Investigation complete – no suspect identified||2018-01
6bde|Investigation complete; no suspect identified|Investigation complete – no suspect identified||2018-01
8262|Investigation complete; no suspect identified|Investigation complete – no suspect identified||2018-01
1f35|Unable to prosecute suspect|No action taken||
E
python3 - <<'PY' >got
import csv
for r in csv.DictReader(open('out', newline='')):
    print('|'.join([r['record_id'][:4], r['outcome_text'], r['outcome_group'],
                    r['outcome_subgroup'], r['outcome_month']]))
PY
same expect got
