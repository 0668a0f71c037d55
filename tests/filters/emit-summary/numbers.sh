# Thousands separators by emit-summary's own code (rule 1), in a C locale
# and in any other: 3738 -> 3,738; 1000000 -> 1,000,000; 999999 ->
# 999,999; a rate keeps its decimals; a count's average 3490.0 is 3,490
# wherever it is shown (rule 5).
source "$CASE/lib.inc"
write_table m.csv
run 0 "$BIN/emit-summary" m.csv
has out "| Total recorded crime | 3,738 | 3,543 | 5.5% | 3,490 | N | — |"
# Crime breakdown: M, M-1, % change, M-12 (none: em dash), % change
# (none), exceptional, trend, policing areas exceptional (none).
has out "| Vehicle offences | 1,000,000 | 999,999 | 0.0% | — | — | N | N |  |"
# District table, force: rate 1770.85 in M and M-1 (not a rise: no
# mark), no October row (em dash).
has out "| Vehicle offences | 1,000,000 | 1,770.85 | 1,770.85 | — |"
# A change that rounds to 0.0 between different counts (rule 3).
echo '2019-12,force,Testshire,change_prev_month,marker:CAR,0.0,1021,' >>m.csv
run 0 "$BIN/emit-summary" m.csv
has out "1,020 child at risk offences were recorded across Testshire in December. This is a decrease of less than 0.1% compared to November (1,021) but in line with the monthly average (1,000)."
LC_ALL=en_US.UTF-8 run 0 "$BIN/emit-summary" m.csv
has out "| Vehicle offences | 1,000,000 | 999,999 | 0.0% |"
# The average in a chart's note is the same figure as in the sentence.
run 0 "$BIN/emit-summary" m.csv
has out "Average 3,490, control limits 3,000.0 to 4,000.0, over Dec 2016 – Nov 2019."
