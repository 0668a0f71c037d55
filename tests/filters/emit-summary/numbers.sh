# Thousands separators by emit-summary's own code (rule 1), in a C locale
# and in any other: 3738 -> 3,738; 1000000 -> 1,000,000; 999999 ->
# 999,999; a one-decimal 3490.0 -> 3,490.0; a rate keeps its decimals.
source "$CASE/lib.inc"
write_table m.csv
run 0 "$BIN/emit-summary" m.csv
has out "| Total recorded crime | 3,738 | 3,543 | 3,490.0 | N |"
# Crime breakdown: M, M-1, % change, M-12 (none: em dash), % change
# (none), exceptional, trend, policing areas exceptional (none).
has out "| Vehicle offences | 1,000,000 | 999,999 | 0.0% | — | — | N | N |  |"
# District table, force: rate 1770.85 in M and M-1 (not a rise: no
# mark), no October row (em dash).
has out "| Vehicle offences | 1,000,000 | 1,770.85 | 1,770.85 | — |"
LC_ALL=en_US.UTF-8 run 0 "$BIN/emit-summary" m.csv
has out "| Vehicle offences | 1,000,000 | 999,999 | 0.0% |"
