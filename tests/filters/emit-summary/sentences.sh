# Every sentence variant of docs/report.md, from lib.inc's rows.
source "$CASE/lib.inc"
write_table m.csv
run 0 "$BIN/emit-summary" m.csv
# Total: 3738 > 3543 -> increase; |3738 - 3490| = 248 > 2% of 3490 (69.8)
# -> above; average 3490.0 shown whole (rule 5).
has out "3,738 offences were recorded in December. This is an increase compared to November (3,543) and above the monthly average (3,490)."
# HATE: 43 < 81 -> decrease; |43 - 71| = 28 > 1.42 -> below.
has out "43 hate offences were recorded in December. This is a decrease compared to November (81) and below the monthly average (71)."
# DA: 1000 = 1000 -> no change; |1000 - 980.4| = 19.6 <= 19.608 -> in
# line; 980.4 rounds to 980.
has out "1,000 domestic abuse offences were recorded in December. This is no change compared to November (1,000) and in line with the monthly average (980)."
# CAR: exactly 2% above 1000.0 (20) -> in line (both ends included).
has out "1,020 child at risk offences were recorded in December. This is a decrease compared to November (1,021) and in line with the monthly average (1,000)."
# CSE: 21 over 1000.0 is 2.1% -> above; exceptional Y.
has out "1,021 CSE offences were recorded in December. This is an increase compared to November (0) and above the monthly average (1,000). Exceptional volumes were recorded."
# BUSINESS: one -> singular; Y (low).
has out "1 business crime was recorded in December. This is a decrease compared to November (2) and in line with the monthly average (1). Volumes were exceptionally low."
has out "688 ASB incidents were recorded in December. This is a decrease compared to November (691) and below the monthly average (1,132)."
# Rural: |906 - 903| = 3 <= 18.06 -> in line.
has out "906 rural offences were recorded in December. This is an increase compared to November (836) and in line with the monthly average (903)."
# Bicycle theft is flagged Y (low), so it is a headline topic of its own.
has out "29 bicycle theft offences were recorded in December. This is a decrease compared to November (44) and below the monthly average (45). Volumes were exceptionally low."
# Repeat victims (rule 6): 718 of 2,606 = 27.6%; cohort sums
# 776+900+300+268+96 = 2340 and 400+300+150+100+38 = 988.
has out "718 repeat victims were recorded in December. This is an increase compared to November (642) and above the monthly average (600)."
has out "In December, 27.6% (718) of all victims (2,606) were repeat victims. This is an increase compared to December 2018 (614). 87 (12.1%) were also repeat victims in November. 20 (2.8%) were repeat victims in each of the last 3 months – October, November and December."
has out "December's repeat victim cohort accounts for 2,340 offences recorded in the last 12 months, of which 988 were recorded in December."
# Outcomes (rule 7): 84.7 < 85.9 -> a lower proportion.
has out "84.7% (27,006) of offences recorded in Apr 2019 – Dec 2019 (31,903) were assigned an outcome within the period. This is a lower proportion compared to the same period a year earlier (85.9%)."
has out "Out of the 3,419 offences outcomed in December, 284 (8.3%) resulted in an 'action taken' outcome (November: 253, 7.7%)."
# Data note (rule 10).
has out "3,800 records in December 2019 (3,500 with a victim, 3,800 with a Home Office offence code, 1,400 with an outcome code, 0 with police.uk outcome text). Monthly averages and control limits: Dec 2016 – Nov 2019."
has out "# Performance Summary: Testshire, December 2019"
