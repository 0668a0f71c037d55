# Every sentence variant of docs/report.md, from lib.inc's rows.
source "$CASE/lib.inc"
write_table m.csv
run 0 "$BIN/emit-summary" m.csv
# Total: 3738 > 3543 -> increase, change_prev_month 5.5 -> "a 5.5%
# increase"; |3738 - 3490| = 248 > 2% of 3490 (69.8) -> above; both point
# up -> "and"; the average 3490.0 of a count is written whole (rule 5).
has out "3,738 offences were recorded across Testshire in December. This is a 5.5% increase compared to November (3,543) and above the monthly average (3,490)."
# HATE: 43 < 81, no change row -> "a decrease" without a %; 28 > 1.42 ->
# below; same way -> "and".
has out "43 hate offences were recorded across Testshire in December. This is a decrease compared to November (81) and below the monthly average (71)."
# DA: 1000 = 1000 -> no change; |1000 - 980.4| = 19.6 <= 19.608 -> in
# line; 980.4 is written 980.
has out "1,000 domestic abuse offences were recorded across Testshire in December. This is no change compared to November (1,000) and in line with the monthly average (980)."
# CAR: 1020 < 1021 -> decrease; exactly 2% above 1000.0 -> in line (ends
# included); a decrease and "in line" point different ways -> "but".
has out "1,020 child at risk offences were recorded across Testshire in December. This is a decrease compared to November (1,021) but in line with the monthly average (1,000)."
# CSE: 1021 vs 0 (change n/a) -> "an increase", no %; 21 over 1000.0 is
# 2.1% -> above; exceptional Y.
has out "1,021 CSE offences were recorded across Testshire in December. This is an increase compared to November (0) and above the monthly average (1,000). Exceptional volumes were recorded."
# BUSINESS: one -> singular; 1 vs 1.0 -> in line, after a decrease -> but;
# Y (low).
has out "1 business crime was recorded across Testshire in December. This is a decrease compared to November (2) but in line with the monthly average (1). Volumes were exceptionally low."
has out "688 ASB incidents were recorded across Testshire in December. This is a decrease compared to November (691) and below the monthly average (1,132)."
# Rural: |906 - 903| = 3 <= 18.06 -> in line after an increase -> but
# (the summary's own sentence for rural crime).
has out "906 rural offences were recorded across Testshire in December. This is an increase compared to November (836) but in line with the monthly average (903)."
# Bicycle theft: change -34.1 -> "a 34.1% decrease"; flagged Y (low), so
# a headline topic and a crime-group block of its own.
has out "29 bicycle theft offences were recorded across Testshire in December. This is a 34.1% decrease compared to November (44) and below the monthly average (45). Volumes were exceptionally low."
# Repeat victims (rule 6): 718 of 2,606 = 27.6%; no change rows -> words
# only; cohort sums 776+900+300+268+96 = 2340 and 400+300+150+100+38 = 988.
has out "718 repeat victims were recorded across Testshire in December. This is an increase compared to November (642) and above the monthly average (600)."
has out "In December, 27.6% (718) of all victims (2,606) were repeat victims. This is an increase compared to November (642) and an increase compared to December 2018 (614). 87 (12.1%) were also repeat victims in November. 20 (2.8%) were repeat victims in each of the last 3 months – October, November and December."
has out "December's repeat victim cohort accounts for 2,340 offences recorded in the last 12 months, of which 988 were recorded in December."
# Outcomes (rule 7): 84.7 < 85.9 -> a lower proportion; action taken of
# the period 7.9% (2,135); subgroups as a share of action taken: 187 / 284
# = 0.65845 -> 65.8%.
has out "84.7% (27,006) of offences recorded in Apr 2019 – Dec 2019 (31,903) were assigned an outcome within the period. This is a lower proportion compared to the same period a year earlier (85.9%). 7.9% (2,135) of them were assigned an 'action taken' outcome."
has out "Out of the 3,419 offences outcomed in December, 284 (8.3%) resulted in an 'action taken' outcome (November: 253, 7.7%). Of these: 65.8% (187) charge/summons."
has out "| Action taken: charge/summons (% of action taken) | — | — | 187 | 65.8% |"
has out "783 (22.9%) offences resulted in Outcome 16 in December."
# Data note (rule 10): no coverage/months row, an average without a
# denominator -> the span only.
has out "3,800 records in December 2019 (3,500 with a victim, 3,800 with a Home Office offence code, 1,400 with an outcome code, 0 with police.uk outcome text). Monthly averages and control limits: Dec 2016 – Nov 2019."
has out "# Performance Summary: Testshire, December 2019"
# The policing area "North Area" has only December: its sentence says so.
has out "North Area: 3,738 offences in December. The figure for November and the monthly average are not available."
# Article before a number read with a vowel sound (rule 3).
sed 's/^2019-12,force,Testshire,change_prev_month,recorded_crime:Total recorded crime,5.5,/2019-12,force,Testshire,change_prev_month,recorded_crime:Total recorded crime,8.5,/' m.csv >an.csv
run 0 "$BIN/emit-summary" an.csv
has out "This is an 8.5% increase compared to November (3,543)"
sed 's/^2019-12,force,Testshire,change_prev_month,recorded_crime:Total recorded crime,5.5,/2019-12,force,Testshire,change_prev_month,recorded_crime:Total recorded crime,11.0,/' m.csv >an.csv
run 0 "$BIN/emit-summary" an.csv
has out "This is an 11.0% increase compared to November (3,543)"
