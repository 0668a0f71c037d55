# Projections (definitions §3.2; rule 13): the sentence, the chart of
# M-11 .. M recorded and M-5 .. M+6 projected with its interval, and the
# backtest in the notes.
source "$CASE/lib.inc"
write_full f.csv
run 0 "$BIN/emit-summary" f.csv
# Checks Jul..Dec: in line, in line, in line, below, in line, above ->
# 4 in line, 1 above, 1 below; December above; the trend row says level.
has out "At force level, the recorded volume in December was above the projection. Over the last 6 months, 4 were in line with the projection, 1 above and 1 below. Volumes are projected to stay level over the next 6 months (January 2020: 3,708.8, 95% interval 3,496.0 to 3,921.7)."
has out "**Total recorded crime, Testshire: 6-month projection**"
has out "| Projection | — | — | — | — | — | — | 3,950.5 | 3,900.0 | 3,850.0 | 3,800.0 | 3,600.0 | 3,500.0 | 3,708.8 | 3,400.0 | 3,800.0 | 3,700.0 | 3,900.0 | 3,850.0 |"
has out "Projection (definitions §3.2) with its 95% prediction interval: Jul 2019 – Dec 2019 fitted on the 36 covered months to Jun 2019; Jan 2020 onwards on the 36 to Dec 2019."
# The backtest (projection_mape) in the notes.
has out "| Total recorded crime | 12 | 4.3% |"
has out "Months tested: Jan 2019 – Dec 2019."
# Projected series without rows, in a table that has some: said per topic.
has out "The 6-month projection is not available: the table holds no projection rows for Shoplifting"
# HTML: the interval as a band, the projection dashed, the split between
# M and M+1.
run 0 "$BIN/emit-summary" --format html f.csv
has out '<polygon class="band" points="'
has out '<polyline class="proj" points="'
has out 'class="split"/>'
# A table without any projection rows says so once, in the notes.
grep -v ',projection' f.csv >none.csv
run 0 "$BIN/emit-summary" none.csv
has out "Projections: not available — the table holds no projection rows"
hasnt out "The 6-month projection is not available"
hasnt out "6-month projection**"
