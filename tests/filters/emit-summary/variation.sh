# Making Data Count verdicts (definitions §3; rules 5b, 5c, 12): the
# variation in words and as an icon, the reason with the run that ends
# with M, the points of a control chart coloured by variation.
source "$CASE/lib.inc"
write_full f.csv
run 0 "$BIN/emit-summary" f.csv
# Shoplifting: June 250 < July 255 < ... < December 312 is 7 months each
# higher than the one before (May 260 > June 250 starts the run).  Not
# in the summary's list, but flagged (special cause): in the headline.
has out "| Shoplifting | 312 | 280 | 11.4% | 262 | N | concern (high) | 7 months in a row, each higher than the one before |"
has out "312 shoplifting offences were recorded across Testshire in December. This is an 11.4% increase compared to November (280) and above the monthly average (262). This is special cause variation of concern: 7 months in a row, each higher than the one before."
# DA: May .. December, 8 months above the average 600.0 (April 590 is
# below).  Its direction is up (topics.csv): improvement.
has out "| Domestic abuse | 675 | 650 | — | 600 | N | improvement (high) | 8 months in a row above the average |"
has out "This is special cause variation showing improvement: 8 months in a row above the average."
# HATE: the table says two of three high.
has out "| Hate crime | 80 | 60 | — | 55 | N | improvement (high) | two of the last three months close to the upper control limit |"
# Total: common cause.
has out "| Total recorded crime | 3,850 | 3,662 | 5.1% | 3,649 | N | common cause |  |"
has out "This is common cause variation: within the control limits, no pattern."
# An uncovered month ends a run: without September, the run the table
# calls a shift cannot be shown from the table's months -> "7 or more".
grep -v '^2019-09,force,Testshire,marker,DA,' f.csv >gap.csv
run 0 "$BIN/emit-summary" gap.csv
has out "| Domestic abuse | 675 | 650 | — | 600 | N | improvement (high) | 7 or more months in a row above the average |"
# The exceptional rows of M at any level, with their reasons.
run 0 "$BIN/emit-summary" f.csv
has out "- Rural crime: Shoplifting (Testshire): above the upper control limit (96.4)"

# HTML: icons in the headline (concern orange, improvement blue, common
# cause grey); chart points beyond a limit coloured by the direction:
# total crime is "down", so July 2019 (4,113 > 4,087.0) is a concern and
# February 2018 (3,192 < 3,210.0) an improvement.
run 0 "$BIN/emit-summary" --format html f.csv
eq "icons" 4 "$(grep -o '<svg class="vi"' out | wc -l | tr -d ' ')"
has out '<circle cx="10" cy="10" r="9" fill="#ed8b00"/><text x="10" y="14.5" class="vt">H</text>'
has out '<circle cx="10" cy="10" r="9" fill="#005eb8"/><text x="10" y="14.5" class="vt">H</text>'
python3 - out <<'PY' || fail "point colours"
import re, sys
html = open(sys.argv[1]).read()
svg = html[html.index("Total recorded crime, Testshire: the last 25 months"):]
svg = svg[:svg.index("</svg>")]
pts = re.findall(r'<circle cx="[^"]*" cy="[^"]*" r="([^"]*)" fill="([^"]*)"><title>([^:]*): ([^\n<]*)', svg)
assert len(pts) == 25, len(pts)
col = {lab: fill for r, fill, lab, v in pts}
assert col["Jul-19"] == "#ed8b00", col["Jul-19"]
assert col["Feb-18"] == "#005eb8", col["Feb-18"]
assert sum(1 for f in col.values() if f != "#7f7f7f") == 2, col
# the average and both limits are drawn and labelled with their values
for lab in ("upper 4,087.0", "average 3,649", "lower 3,210.0"):
    assert lab in svg, lab
# the axis is fitted: it does not start at 0, and has >= 5 labels
ticks = [int(t.replace(",", "")) for t in re.findall(r'class="yl">([0-9,]+)<', svg)]
assert len(ticks) >= 5 and min(ticks) > 0 and min(ticks) <= 3192 and max(ticks) >= 4113, ticks
PY
# Markdown: a chart is a table of its figures and its note.
run 0 "$BIN/emit-summary" f.csv
has out "Average 3,649, control limits 3,210.0 to 4,087.0, over Dec 2016 – Nov 2019 (36 covered months)."
has out "| Recorded | 3,454 | 3,539 | 3,192 |"
# --chart-months 13: the last 13 months only.
run 0 "$BIN/emit-summary" --chart-months 13 f.csv
has out "**Total recorded crime, Testshire: the last 13 months**"
has out "| Recorded | 3,533 | 3,587 |"
