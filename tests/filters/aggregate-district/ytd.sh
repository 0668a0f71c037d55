# Year to date (DEFINITIONS.md 3): the financial year (default April) to
# the reporting month vs the same months a year earlier; --fy-start moves
# the year's first month.  change_prev_year compares with M - 12.
source "$CASE/lib.inc"
{
	echo "$HDR"
	gen Rugby 2018-03 7
	gen Rugby 2018-04 4
	gen Rugby 2018-12 1
	gen Rugby 2019-03 5
	gen Rugby 2019-04 2
	gen Rugby 2019-12 3
} >in.csv
S=recorded_crime:Shoplifting
K="district,Rugby"
run 0 "$BIN/aggregate-district" --month 2019-12 in.csv
# April: 2019-04 .. 2019-12 = 2 + 3 = 5; 2018-04 .. 2018-12 = 4 + 1 = 5.
is out "2019-04..2019-12,$K,ytd,$S" "5,,"
is out "2018-04..2018-12,$K,ytd_prev,$S" "5,,"
is out "2019-04..2019-12,$K,change_ytd,$S" "0.0,5,"
# December 3 vs December 2018 1: +200.0%; vs November: n/a, and no
# denominator, because November is not covered (DEFINITIONS.md 3.0: the
# input holds no record of it, so it is not 0).
is out "2019-12,$K,change_prev_year,$S" "200.0,1,"
is out "2019-12,$K,change_prev_month,$S" "n/a,,"
# January: the first covered month of 2019 is March (DEFINITIONS.md 3.0:
# the span actually covered), so 2019-03 .. 2019-12 = 5 + 2 + 3 = 10;
# a year earlier 2018-03, -04, -12 are all covered: 7 + 4 + 1 = 12;
# (10 - 12) / 12 = -16.67% -> -16.7.
run 0 "$BIN/aggregate-district" --month 2019-12 --fy-start 1 in.csv
is out "2019-03..2019-12,$K,ytd,$S" "10,,"
is out "2018-03..2018-12,$K,ytd_prev,$S" "12,,"
is out "2019-03..2019-12,$K,change_ytd,$S" "-16.7,12,"
is out "2019-01..2019-12,force,Warwickshire,coverage,ytd" '"2019-03..2019-04,2019-12",,'
# A year starting in the reporting month: December alone, 3 vs 1.
run 0 "$BIN/aggregate-district" --month 2019-12 --fy-start 12 in.csv
is out "2019-12..2019-12,$K,ytd,$S" "3,,"
is out "2019-12..2019-12,$K,change_ytd,$S" "200.0,1,"
# Reporting March 2019 with April years: 2018-04 .. 2019-03 =
# 4 + 1 + 5 = 10; a year earlier 2017-04 is not covered, so there is no
# ytd_prev and no change (DEFINITIONS.md 3.0), never a 7 taken for
# twelve months.
run 0 "$BIN/aggregate-district" --month 2019-03 in.csv
is out "2018-04..2019-03,$K,ytd,$S" "10,,"
hasnt out "ytd_prev,$S"
hasnt out "change_ytd,$S"
# ytd is for counts only: no victim series here; markers have it; the
# input holds no ASB at all, so there is no asb row (unsupported).
hasnt out "asb:Anti-social behaviour"
has out "ytd,marker:DA"
