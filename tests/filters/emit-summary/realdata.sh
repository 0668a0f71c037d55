# The report on real data.police.uk files (issue 9 items 2, 3, 4, 6):
# Warwickshire's October and December 2018 street files, without November.
# November is never 0; the average rests on October alone and says so; no
# limits and no verdicts; the year to date is the span covered, partial,
# with no year earlier; the topics street files cannot support are named,
# the outcome rate with how to supply outcomes files; ASB is reported.
police=$SHARED/realdata/police
[ -d "$police" ] || skip "no ../shared/realdata"
export PATH="$BIN:$PATH"
set -o pipefail
ingest-crime "$police/2018-10-warwickshire-street.csv" \
	"$police/2018-12-warwickshire-street.csv" 2>/dev/null | tag-rural |
	flag-repeat | compute-outcomes >s.csv || fail "the record stages"
aggregate-district --month 2018-12 --force Warwickshire s.csv >m.csv ||
	fail "aggregate-district"
run 0 emit-summary m.csv
# Counted independently: December's crimes (rows that are not ASB), and
# October's, the one baseline month.
n() { awk -F, 'NR > 1 && $10 != "Anti-social behaviour"' "$1" | wc -l | tr -d ' '; }
g() { awk -v n="$1" 'BEGIN { s = sprintf("%d", n); if (n >= 1000) s = sprintf("%d,%03d", n / 1000, n % 1000); print s }'; }
nd=$(g "$(n "$police/2018-12-warwickshire-street.csv")")
no=$(g "$(n "$police/2018-10-warwickshire-street.csv")")
has out "$nd offences were recorded across Warwickshire in December. The figure for November is not available (the input does not cover it); this is"
has out "the monthly average ($no). No control limits and no verdict: the baseline has 1 covered month (12 are needed)."
has out "The input covers Oct 2018, Dec 2018. Monthly averages and control limits: Oct 2018 (1 month)."
hasnt out "compared to November (0)"
hasnt out "Exceptional volumes were recorded"
hasnt out "| Y (low) |"
has out "| Total recorded crime | $nd | — | n/a | $no | — | — | no limits: 1 covered baseline month (12 are needed) |"
has out "Oct 2018 – Dec 2018 (partial)"
has out "The year to date is partial: the input covers Oct 2018, Dec 2018 of Apr 2018 – Dec 2018"
has out "The same months a year earlier are not all covered by the input: no comparison is made"
has out "Outcome rate: not available without outcomes files — supply them with compute-outcomes --outcomes / monthly.sh --outcomes"
has out "carry police.uk's last outcome category: the latest status as published, not dated, so it gives no outcome rate."
has out "Repeat victims: not available — "
has out "### Anti-social behaviour"
hasnt out "| Rape |"
# A month past the data: aggregate-district writes the coverage rows only
# (--allow-empty-month), and the report says so, every topic not
# available, nothing as 0.
aggregate-district --month 2019-06 --force Warwickshire --allow-empty-month s.csv >e.csv ||
	fail "aggregate-district --allow-empty-month"
run 0 emit-summary e.csv
has out "The input holds no records for June 2019: every figure of the month is not available."
has out "Total recorded crime: not available for June 2019."
hasnt out "| 0 |"
