# The annual-projection table from the summary's own figures (issue 11;
# rule 14): every arrow as the summary prints it, and exactly Rape and
# Violence without injury rated red.  The long table is built here from
# annual-figures.txt; change_ytd is worked out by awk, rounded half away
# from zero to one decimal (definitions §3), independently of the code.
source "$CASE/lib.inc"
awk -F'|' -v hdr="$LONG_HDR" '
function r1(x) { return sprintf("%.1f", (x < 0 ? -1 : 1) * int((x < 0 ? -x : x) * 10 + 0.5) / 10) }
BEGIN { print hdr
	print "2019-12,force,Testshire,coverage,records,3800,,"
	print "2019-04..2019-12,force,Testshire,coverage,ytd,2019-04..2019-12,," }
/^#/ || NF < 6 { next }
{
	if ($1 ~ /^marker:/) { split($1, k, ":"); m = "marker"; c = k[2] }
	else { m = "recorded_crime"; c = $1
		print "2019-04..2020-03,force,Testshire,projected_annual_change," m ":" c "," $2 ",1,"
	}
	q = (c ~ /,/) ? "\"" : ""
	print "2019-12,force,Testshire," m "," c ",100,,"
	print "2018-04..2018-12,force,Testshire,ytd_prev," m ":" c "," $3 ",,"
	print "2019-04..2019-12,force,Testshire,ytd," m ":" c "," $4 ",,"
	print "2019-04..2019-12,force,Testshire,change_ytd," m ":" c "," r1(($4 - $3) / $3 * 100) "," $3 ","
}' "$CASE/annual-figures.txt" >a.csv
run 0 "$BIN/emit-summary" a.csv
# The table rows, as the summary prints them: label | projected | Apr-Dec
# 2018 | Apr-Dec 2019 | change | rating.
awk -F'|' '/^#/ || NF < 6 || $1 ~ /^marker:/ { next }
function g(n) { return n >= 1000 ? sprintf("%d,%03d", int(n / 1000), n % 1000) : n }
function r1(x) { return sprintf("%.1f", (x < 0 ? -1 : 1) * int((x < 0 ? -x : x) * 10 + 0.5) / 10) }
{ printf "| %s | %s %s%% | %s | %s | %s %s%% | %s |\n", $1, $5, $2, g($3), g($4), $6, r1(($4 - $3) / $3 * 100), $7 }' \
	"$CASE/annual-figures.txt" >expect
awk '/^\*\*Performance against annual projections\*\*/ { on = 1; next }
	on && /^\| Crime group|^\|---/ { next }
	on && /^\|/ { print; n++ } on && n && /^$/ { exit }' out >got
same expect got
has out "| Crime group | Projected annual change | Apr 2018 – Dec 2018 | Apr 2019 – Dec 2019 | Change | Rating |"
# The markers: the year to date only, arrows, never rated.
has out "| Hate crime | 689 | 619 | ↘ -10.2% |"
has out "| Child at risk | 4,045 | 5,870 | ↑ 45.1% |"
# JSON: exactly the two rows are red, in the change and rating cells.
run 0 "$BIN/emit-summary" --format json a.csv
python3 - out <<'PY' || fail "json red ratings"
import json, sys
d = json.load(open(sys.argv[1]))
tabs = [c["table"] for c in d["sections"]["annual_projections"]["content"] if "table" in c]
red = [(r[0]["text"], j) for t in tabs for r in t["rows"] for j, c in enumerate(r) if c.get("red")]
assert red == [("Violence without injury", 4), ("Violence without injury", 5),
    ("Rape", 4), ("Rape", 5)], red
rape = [r for r in tabs[0]["rows"] if r[0]["text"] == "Rape"][0]
assert rape[1]["value"] == -2.4 and rape[1]["key"]["measure"] == "projected_annual_change", rape[1]
assert rape[4]["value"] == 38.7 and rape[5]["text"] == "Red", rape
PY
# The edges of the cuts (definitions §3.2): 2.5 and 11.0 are inside their
# bands, 11.1 beyond; a rise of exactly 11.0 is not red.
for v in 2.5:⇒ -2.5:⇒ 2.6:↗ 11.0:↗ -11.0:↘ 11.1:↑ -11.1:↓; do
	sed "s/^2019-04..2019-12,force,Testshire,change_ytd,recorded_crime:Shoplifting,[^,]*,/2019-04..2019-12,force,Testshire,change_ytd,recorded_crime:Shoplifting,${v%%:*},/" a.csv >e.csv
	run 0 "$BIN/emit-summary" e.csv
	has out "| Shoplifting | ⇒ -1.9% | 2,556 | 2,549 | ${v##*:} ${v%%:*}% |"
done
has out "| Shoplifting | ⇒ -1.9% | 2,556 | 2,549 | ↓ -11.1% |  |"
sed "s/^2019-04..2019-12,force,Testshire,change_ytd,recorded_crime:Shoplifting,[^,]*,/2019-04..2019-12,force,Testshire,change_ytd,recorded_crime:Shoplifting,11.0,/" a.csv >e.csv
run 0 "$BIN/emit-summary" e.csv
has out "| Shoplifting | ⇒ -1.9% | 2,556 | 2,549 | ↗ 11.0% |  |"
