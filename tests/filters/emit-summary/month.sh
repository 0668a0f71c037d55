# --month picks the reporting month; by default it is the latest single
# month of a count in the input (2019-12 here: spans and projections,
# which lie ahead of M, do not count).
source "$CASE/lib.inc"
write_table m.csv
echo '2020-01,force,Testshire,projection,recorded_crime:Total recorded crime,3700.0,36,' >>m.csv
run 0 "$BIN/emit-summary" m.csv
has out "# Performance Summary: Testshire, December 2019"
run 0 "$BIN/emit-summary" --month 2019-11 --title "Monthly Review" m.csv
has out "# Monthly Review: Testshire, November 2019"
# November: 3543 < 3792 (October) -> decrease; no monthly_average row
# whose span ends before November -> not available.
has out "3,543 offences were recorded across Testshire in November. This is a decrease compared to October (3,792); the monthly average is not available."
# A month with nothing at all: every topic not available, never 0.
run 0 "$BIN/emit-summary" --month 2017-06 m.csv
has out "Total recorded crime: not available for June 2017."
has out "Coverage figures for June 2017 are not available."
hasnt out "| Total recorded crime | 0 |"
