# The shape of every format.
source "$CASE/lib.inc"
write_table m.csv
write_other o.csv

# md: the sections in report order (docs/report.md "Order of the report").
run 0 "$BIN/emit-summary" m.csv o.csv
grep '^## ' out >headings
cat >expect <<'TXT'
## Headline
## Total recorded crime and district comparison
## Crime breakdown
## Year to date
## Repeat victims
## Outcomes
## Rural crime
## Markers
## Anti-social behaviour
## Other measures
TXT
same expect headings
# The generic topic from the second file: |75 - 76.5| = 1.5 <= 2% of
# 76.5 (1.53) -> in line; a generic average keeps its decimal (rule 5).
has out "### Victim satisfaction: Whole experience"
has out "Victim satisfaction: Whole experience was 75 in December. This is a decrease compared to November (76) and in line with the monthly average (76.5)."
# YTD: 32086 -> 31903, -0.6% as in the table.
has out "| Total recorded crime | 32,086 | 31,903 | -0.6% |"

# json: parses, numbers are numbers, sections in order.
run 0 "$BIN/emit-summary" --format json m.csv o.csv
python3 -m json.tool out >/dev/null || fail "json does not parse"
python3 - out <<'PY' || fail "json shape"
import json, sys
d = json.load(open(sys.argv[1]))
assert list(d) == ["title", "force", "month", "note", "sections"], list(d)
assert d["month"] == "2019-12" and d["force"] == "Testshire"
assert list(d["sections"])[:3] == ["headline", "district_comparison", "crime_breakdown"]
assert list(d["sections"])[-1] == "other"
head = [c["table"] for c in d["sections"]["headline"]["content"] if "table" in c][0]
row = [r for r in head["rows"] if r[0] == "Total recorded crime"][0]
assert row == ["Total recorded crime", 3738, 3543, 3490, "N"], row
bd = [c["table"] for c in d["sections"]["crime_breakdown"]["content"] if "table" in c][0]
hom = [r for r in bd["rows"] if r[0] == "Homicide"][0]
assert hom[1:6] == [1, 0, "n/a", 0, "n/a"], hom
veh = [r for r in bd["rows"] if r[0] == "Vehicle offences"][0]
assert veh[4] is None, veh        # no December 2018 row: null
PY

# csv: the long header, then only rows of the input, sorted.
run 0 "$BIN/emit-summary" --format csv m.csv o.csv
eq "csv header" "$LONG_HDR" "$(head -n 1 out)"
tail -n +2 out >used
tail -n +2 m.csv >all
tail -n +2 o.csv >>all
LC_ALL=C sort all >all.sorted
LC_ALL=C sort -c used || fail "csv rows not sorted"
[ -z "$(LC_ALL=C comm -23 used all.sorted)" ] || fail "csv has rows not in the input"
has used "2019-12,force,Testshire,recorded_crime,Total recorded crime,3738,564700,6.62"
has used "2019-12,force,Testshire,victim_satisfaction,Whole experience,75,,"

# html: self-contained, A4, one chart per topic with a December figure
# plus one bar chart for the repeat cohort.
run 0 "$BIN/emit-summary" --format html m.csv o.csv
has out "<!DOCTYPE html>"
has out "@page { size: A4;"
has out "page-break-inside: avoid"
hasnt out "<script"
hasnt out "http"
hasnt out "url("
hasnt out "@import"
# Topics with a chart: Total, Bicycle theft, DA, HATE, CAR, CSE, BUSINESS,
# rural, ASB, repeat victims (All), victim satisfaction = 11 line charts;
# Repeat DA victims has no rows (no chart); 1 cohort bar chart.
eq "svg charts" 12 "$(grep -c '<svg ' out)"
