# District comparison (rule 17): one table, the force and each district
# four columns each; only a rate of M above the same area's rate of M-1
# is marked, never the M-1 or M-2 columns.
source "$CASE/lib.inc"
write_table m.csv
# Beta: November above October (5.99 > 5.79) must stay unmarked; December
# 6.54 > 5.99 is marked.
cat >>m.csv <<'CSV'
2019-11,district,Beta,recorded_crime,Total recorded crime,3000,500631,5.99
2019-10,district,Beta,recorded_crime,Total recorded crime,2900,500631,5.79
CSV
run 0 "$BIN/emit-summary" m.csv
# Groups: the three at force level, then Total; areas: the force, Alpha,
# Beta.  Force 6.62 > 6.27 marked; Alpha 7.27 > 6.49 marked (6.49 < 6.52);
# Beta 6.54 > 5.99 marked, 5.99 > 5.79 not.
has out "| Total recorded crime | 3,738 | 6.62 ▲ | 6.27 | 6.72 | 466 | 7.27 ▲ | 6.49 | 6.52 | 3,272 | 6.54 ▲ | 5.99 | 5.79 |"
has out "| Crime group | Testshire: Dec 2019 | Testshire: Rate | Testshire: Rate Nov | Testshire: Rate Oct | Alpha: Dec 2019 |"
eq "district tables" 1 "$(grep -c '^\*\*District comparison by crime group\*\*' out)"
run 0 "$BIN/emit-summary" --format json m.csv
python3 - out <<'PY' || fail "json marks"
import json, sys
d = json.load(open(sys.argv[1]))
t = [c["table"] for c in d["sections"]["district_comparison"]["content"] if "table" in c][0]
assert [g["label"] for g in t["groups"]] == ["", "Testshire", "Alpha", "Beta"], t["groups"]
assert [g["span"] for g in t["groups"]] == [1, 4, 4, 4]
rose = [(i, j) for i, r in enumerate(t["rows"]) for j, c in enumerate(r) if c.get("rose")]
assert rose == [(3, 2), (3, 6), (3, 10)], rose
assert t["rows"][3][2]["key"]["period"] == "2019-12" and t["rows"][3][2]["field"] == "rate"
PY
run 0 "$BIN/emit-summary" --format html m.csv
has out '<td class="n up"'
has out '>7.27 ▲</td>'
hasnt out '>5.99 ▲'
