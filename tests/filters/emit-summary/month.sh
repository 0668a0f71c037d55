# --month picks the reporting month; by default it is the latest single
# month in the input (2019-12 here, although spans reach no later).
source "$CASE/lib.inc"
write_table m.csv
run 0 "$BIN/emit-summary" --month 2019-11 --title "Monthly Review" m.csv
has out "# Monthly Review: Testshire, November 2019"
# November: 3543 < 3792 (October) -> decrease; no monthly_average row
# whose span ends in October -> not available.
has out "3,543 offences were recorded in November. This is a decrease compared to October (3,792); the monthly average is not available."
# A month with nothing at all: every topic not available.
run 0 "$BIN/emit-summary" --month 2017-06 m.csv
has out "Total recorded crime: not available for June 2017."
has out "Coverage figures for June 2017 are not available."
