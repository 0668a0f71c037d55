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
# December 3 vs December 2018 1: +200.0%; vs November 0: n/a.
is out "2019-12,$K,change_prev_year,$S" "200.0,1,"
is out "2019-12,$K,change_prev_month,$S" "n/a,0,"
# January: 2019-01 .. 2019-12 = 5 + 2 + 3 = 10; 2018: 7 + 4 + 1 = 12;
# (10 - 12) / 12 = -16.67% -> -16.7.
run 0 "$BIN/aggregate-district" --month 2019-12 --fy-start 1 in.csv
is out "2019-01..2019-12,$K,ytd,$S" "10,,"
is out "2018-01..2018-12,$K,ytd_prev,$S" "12,,"
is out "2019-01..2019-12,$K,change_ytd,$S" "-16.7,12,"
# A year starting in the reporting month: December alone, 3 vs 1.
run 0 "$BIN/aggregate-district" --month 2019-12 --fy-start 12 in.csv
is out "2019-12..2019-12,$K,ytd,$S" "3,,"
is out "2019-12..2019-12,$K,change_ytd,$S" "200.0,1,"
# Reporting March 2019 with April years: 2018-04 .. 2019-03 =
# 4 + 1 + 5 = 10 vs 2017-04 .. 2018-03 = 7; (10 - 7) / 7 = 42.86 -> 42.9.
run 0 "$BIN/aggregate-district" --month 2019-03 in.csv
is out "2018-04..2019-03,$K,ytd,$S" "10,,"
is out "2017-04..2018-03,$K,ytd_prev,$S" "7,,"
is out "2018-04..2019-03,$K,change_ytd,$S" "42.9,7,"
# ytd is for counts only: no victim series here, and asb/marker have it.
has out "ytd,asb:Anti-social behaviour"
has out "ytd,marker:DA"
