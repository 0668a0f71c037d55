# outcome_month and days_to_outcome (DEFINITIONS.md 2.4, 3 outcome rate):
#   A 2019-12-30 -> 2020-01-02: across a month and a year end: 2 days to
#     2019-12-31, 1 more to 2020-01-01, 1 more = 3 days; month 2020-01.
#   B 2020-02-28 -> 2020-03-01: 2020 is a leap year, so 02-29 lies
#     between: 2 days; month 2020-03.
#   C 2019-02-28 -> 2019-03-01: no leap day in 2019: 1 day.
#   D same day 2019-12-05 -> 2019-12-05: 0 days; month 2019-12.
#   E outcome 2019-12-04 before recorded 2019-12-05: reject, 'outcome_date'.
#   F outcome date 2019-02-30 does not exist: reject, 'outcome_date'.
#   G code 16 with no outcome_date: kept, group from the code, month and
#     days empty (the man page's decision).
#   H outcome_date 2019-12-10 with no code and no text: group 'unknown'
#     (an outcome was assigned, which one is not known), month 2019-12,
#     days 10 - 5 = 5, and a warning naming the field.
#   I neither code, text nor date: 'pending', month and days empty.
#   J recorded 2019-12-01 -> 2020-11-30 (2020 a leap year): 30 days to
#     2019-12-31, 366 in 2020 up to 2020-12-31, less 1 = 30 + 335 = 365.
source "$CASE/stream.inc"
{
	echo "$HDR"
	rec A 2019-12-30 "Violence with injury" 1 2020-01-02 ""
	rec B 2020-02-28 "Violence with injury" 8 2020-03-01 ""
	rec C 2019-02-28 "Violence with injury" 8 2019-03-01 ""
	rec D 2019-12-05 "Violence with injury" 2 2019-12-05 ""
	rec E 2019-12-05 "Violence with injury" 2 2019-12-04 ""
	rec F 2019-02-05 "Violence with injury" 2 2019-02-30 ""
	rec G 2019-12-05 "Violence with injury" 16 "" ""
	rec H 2019-12-05 "Violence with injury" "" 2019-12-10 ""
	rec I 2019-12-05 "Violence with injury" "" "" ""
	rec J 2019-12-01 "Shoplifting" 14 2020-11-30 ""
} >in.csv
cat >expect <<'EOF2'
A|Action taken|charge/summons|2020-01|3
B|Action taken|community resolution|2020-03|2
C|Action taken|community resolution|2019-03|1
D|Action taken|caution|2019-12|0
G|No action taken|||
H|unknown||2019-12|5
I|pending|||
J|Investigation complete – no suspect identified||2020-11|365
EOF2
run 1 "$BIN/compute-outcomes" --stats in.csv
pick out record_id outcome_group outcome_subgroup outcome_month days_to_outcome >got
same expect got
# Messages name the record's own source (its source column, s:<id>) and
# its line in the stream.
has err "s:E: field 'outcome_date': '2019-12-04' is before the recorded date '2019-12-05' (stream in.csv:6)"
has err "s:F: field 'outcome_date': '2019-02-30' is not a valid date (YYYY-MM-DD) (stream in.csv:7)"
has err "s:H: warning: field 'outcome_code': empty, with an outcome_date: group 'unknown' (stream in.csv:9)"
has err "read 10, written 8, rejected 2"
accounted err
