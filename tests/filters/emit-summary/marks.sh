# District comparison marks (rule 13): a rate above the same area's rate
# the month before.  Alpha: 7.27 (Dec) > 6.49 (Nov) -> marked; 6.49 <
# 6.52 (Oct) -> not; October has no September to compare -> not.
source "$CASE/lib.inc"
write_table m.csv
run 0 "$BIN/emit-summary" m.csv
has out "**Alpha (district)**"
has out "| Total recorded crime | 466 | 7.27 ▲ | 6.49 | 6.52 |"
# Force: 6.62 > 6.27 -> marked; 6.27 < 6.72 -> not.
has out "| Total recorded crime | 3,738 | 6.62 ▲ | 6.27 | 6.72 |"
run 0 "$BIN/emit-summary" --format json m.csv
# In JSON the marks are [row, column] pairs: Total is row 3 (Homicide,
# Vehicle offences, Bicycle theft, Total: no "Other crimes against
# society" row, since the table has none) and the M rate column 2.
has out '"rose": [[3, 2]]'
run 0 "$BIN/emit-summary" --format html m.csv
has out '<td class="n up">7.27 ▲</td>'
