# No data is not zero (definitions §3.0; issue 9 items 2 and 3): a table
# of October and December 2018 with no November.  Uncovered months are
# "—" with the reason; the average rests on the one covered baseline
# month and says so; fewer than 12 baseline months give no limits and no
# verdict; the year to date is the span covered, marked partial, with no
# year earlier.
source "$CASE/lib.inc"
cat >c.csv <<CSV
$LONG_HDR
2018-12,force,Testshire,coverage,months,"2018-10,2018-12",,
2018-12,force,Testshire,coverage,records,2000,,
2018-04..2018-12,force,Testshire,coverage,ytd,"2018-10,2018-12",,
2018-10,force,Testshire,recorded_crime,Total recorded crime,1900,564700,3.36
2018-12,force,Testshire,recorded_crime,Total recorded crime,1958,564700,3.47
2018-10..2018-10,force,Testshire,monthly_average,recorded_crime:Total recorded crime,1900.0,1,
2018-12,force,Testshire,change_prev_month,recorded_crime:Total recorded crime,n/a,,
2018-12,force,Testshire,change_prev_year,recorded_crime:Total recorded crime,n/a,,
2018-10..2018-12,force,Testshire,ytd,recorded_crime:Total recorded crime,3858,,
CSV
run 0 "$BIN/emit-summary" c.csv
# November is not covered: said, never 0.  |1958 - 1900| = 58 > 38 ->
# above.
has out "1,958 offences were recorded across Testshire in December. The figure for November is not available (the input does not cover it); this is above the monthly average (1,900). No control limits and no verdict: the baseline has 1 covered month (12 are needed)."
has out "The input covers Oct 2018, Dec 2018. Monthly averages and control limits: Oct 2018 (1 month)."
has out "| Total recorded crime | 1,958 | — | n/a | 1,900 | — | — | no limits: 1 covered baseline month (12 are needed) |"
has out "Average 1,900 over Oct 2018 (1 covered month); no control limits (they need 12 covered months)."
hasnt out "(0)"
hasnt out "| 0 |"
hasnt out "Exceptional volumes"
# The year to date: the covered span, partial, no year earlier.
has out "| Crime group | Projected annual change | A year earlier | Oct 2018 – Dec 2018 (partial) | Change | Rating |"
has out "| Total recorded crime | — | — | 3,858 | — |  |"
has out "The year to date is partial: the input covers Oct 2018, Dec 2018 of Apr 2018 – Dec 2018 (definitions §3.0)."
has out "The same months a year earlier are not all covered by the input: no comparison is made (definitions §3.0)."
# The chart leaves the uncovered month out (a gap, not a 0).
run 0 "$BIN/emit-summary" --format json c.csv
python3 - out <<'PY' || fail "json nulls"
import json, sys
d = json.load(open(sys.argv[1]))
ch = [c["chart"] for c in d["sections"]["total_crime"]["content"] if "chart" in c][0]
i = ch["labels"].index("Nov-18")
assert ch["series"]["recorded"][i - 1:i + 2] == [1900, None, 1958], ch["series"]["recorded"][i - 1:i + 2]
assert ch["upper"] is None and ch["lower"] is None and ch["average"] == 1900
head = [c["table"] for c in d["sections"]["headline"]["content"] if "table" in c][0]
assert head["rows"][0][2] == {"text": "\u2014", "value": None}, head["rows"][0][2]
PY
