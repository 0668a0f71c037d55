# The shape of every format (docs/report.md "Order of the report",
# "Formats").
source "$CASE/lib.inc"
write_table m.csv
write_other o.csv

# md: the sections in report order.
run 0 "$BIN/emit-summary" m.csv o.csv
grep '^## ' out >headings
cat >expect <<'TXT'
## Headline
## Total recorded crime
## District comparison
## Crime breakdown
## Performance against annual projections
## Crime groups
## Repeat victims
## Domestic abuse, hate crime and other markers
## Outcomes
## Rural crime
## Anti-social behaviour
## Other measures
## Notes
## Data quality
TXT
same expect headings
# Without a generic topic there are no "Other measures" at all.
run 0 "$BIN/emit-summary" m.csv
hasnt out "## Other measures"
# The generic topic from the second file: |75 - 76.5| = 1.5 <= 2% of
# 76.5 (1.53) -> in line; a generic average keeps its decimal (rule 5).
run 0 "$BIN/emit-summary" m.csv o.csv
has out "### Victim satisfaction: Whole experience"
has out "Victim satisfaction: Whole experience was 75 in December. This is a decrease compared to November (76) but in line with the monthly average (76.5)."
# The line of what the data cannot give leaves out what another source
# supplied (victim_satisfaction here).
has out "Not in this data (shown when another source's long table is given): public confidence, missing persons, road traffic casualties, call handling, response times."
# YTD: 32086 -> 31903, -0.6%: within 2.5% -> the level arrow.
has out "| Total recorded crime | — | 32,086 | 31,903 | ⇒ -0.6% |  |"

# json: parses; figures typed; every table cell of a figure keyed.
run 0 "$BIN/emit-summary" --format json m.csv o.csv
python3 - out <<'PY' || fail "json shape"
import json, sys
d = json.load(open(sys.argv[1]))
assert list(d) == ["title", "force", "month", "note", "figures", "sections"], list(d)
assert d["month"] == "2019-12" and d["force"] == "Testshire"
ids = list(d["sections"])
assert ids[:3] == ["headline", "total_crime", "district_comparison"], ids
assert ids[-2:] == ["notes", "data_quality"], ids
head = [c["table"] for c in d["sections"]["headline"]["content"] if "table" in c][0]
row = [r for r in head["rows"] if r[0]["text"] == "Total recorded crime"][0]
# M, M-1, % change, average (the table's 3490.0, shown whole), exceptional
assert [c.get("value") for c in row[1:6]] == [3738, 3543, 5.5, 3490.0, "N"], row
assert row[4]["text"] == "3,490" and row[3]["text"] == "5.5%", row
assert row[1]["key"] == {"period": "2019-12", "area_type": "force",
    "area": "Testshire", "measure": "recorded_crime",
    "category": "Total recorded crime"}, row[1]
assert row[1]["field"] == "value"
assert row[4]["key"]["period"] == "2016-12..2019-11"
assert row[6] == {"text": "\u2014", "value": None}, row[6]   # no variation row
bd = [c["table"] for c in d["sections"]["crime_breakdown"]["content"] if "table" in c][0]
hom = [r for r in bd["rows"] if r[0]["text"] == "Homicide"][0]
assert [c["value"] for c in hom[1:6]] == [1, 0, "n/a", 0, "n/a"], hom
veh = [r for r in bd["rows"] if r[0]["text"] == "Vehicle offences"][0]
assert veh[4]["value"] is None and "key" not in veh[4], veh   # no Dec 2018 row
# figures: every row used, numbers as numbers, empty fields null
figs = d["figures"]
tot = [f for f in figs if f["measure"] == "recorded_crime" and f["period"] == "2019-12"
       and f["area_type"] == "force" and f["category"] == "Total recorded crime"]
assert tot == [{"period": "2019-12", "area_type": "force", "area": "Testshire",
    "measure": "recorded_crime", "category": "Total recorded crime",
    "value": 3738, "denominator": 564700, "rate": 6.62}], tot
hat = [f for f in figs if f["measure"] == "marker" and f["category"] == "HATE" and f["period"] == "2019-12"][0]
assert hat["denominator"] is None and hat["rate"] is None, hat
# sentences carry their figures with keys
tc = d["sections"]["total_crime"]["content"]
para = [c for c in tc if "text" in c and c["text"].startswith("3,738 offences")][0]
assert [f["text"] for f in para["figures"]] == ["3,738", "5.5%", "3,543", "3,490"], para["figures"]
assert para["figures"][3]["value"] == 3490.0
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

# html: self-contained, A4 with a landscape page for the district table.
run 0 "$BIN/emit-summary" --format html m.csv o.csv
has out "<!DOCTYPE html>"
has out "@page { size: A4;"
has out "@page wide { size: A4 landscape;"
has out '<section id="district_comparison" class="wide">'
hasnt out "<script"
hasnt out "http"
hasnt out "url("
hasnt out "@import"
# Charts: a control chart per topic with a month in the last 25: Total,
# Bicycle theft, DA, HATE, CAR, CSE, BUSINESS, rural, ASB, repeat victims
# (All), victim satisfaction = 11 (Repeat DA victims has no rows); the
# cohort bar chart; the outcome trends of action taken and outcome 16
# (the only codes with rows) = 14.  No projection rows: no projection.
eq "svg charts" 14 "$(grep -o '<svg class="chart"' out | wc -l | tr -d ' ')"
hasnt out "6-month projection"
