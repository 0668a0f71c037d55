# shellcheck shell=bash source-path=SCRIPTDIR
# A force's directory name (its slug) is its name in lower case, '&' read
# as 'and', every other run of bytes but a-z and 0-9 one '-', none at the
# ends; force-<sha256, 8 hex> for a name with no letter or digit.  Two
# forces with one slug are both failed, not run (exit 1, named); the
# others run.  The index escapes names for HTML and Markdown.  The forces
# are made up: an areas table with a district for each (copied
# reference/ tables, CRIMEPIPE_REFERENCE), street files from the sample.
# shellcheck source=forces.inc
source "$CASE/forces.inc"
cp -r "$ROOT/reference" ref
export CRIMEPIPE_REFERENCE=$PWD/ref
odd="St. <Helen's> | *Co*"
{
	echo "E07999901,Fake One,,Fake One Area,Devon & Cornwall,1000,400"
	echo "E07999902,Fake Two,,Fake Two Area,$odd,1000,400"
	echo "E07999903,Fake Three,,Fake Three Area,A B,1000,400"
	echo "E07999904,Fake Four,,Fake Four Area,A.B,1000,400"
	echo "E07999905,Fake Five,,Fake Five Area,ĦĦ,1000,400"
} >>ref/areas.csv
as_force "Devon & Cornwall" devon.csv
as_force "$odd" odd.csv
as_force "A B" ab1.csv
as_force "A.B" ab2.csv
as_force "ĦĦ" h.csv
h=force-$(printf '%s' "ĦĦ" | sha256sum | cut -c1-8)
run 1 "$FORCES" --out runs 2019-01 devon.csv odd.csv ab1.csv ab2.csv h.csv
has err "forces.sh: A B: not run: its directory name 'a-b' is that of force 'A.B' too"
has err "forces.sh: A.B: not run: its directory name 'a-b' is that of force 'A B' too"
has err "forces.sh: failed: A B, A.B"
for d in devon-and-cornwall st-helen-s-co "$h"; do
	[ -f "runs/$d/2019-01/summary.html" ] || fail "no run in runs/$d"
done
[ ! -e runs/a-b ] || fail "runs/a-b made for a clash"
eq "the odd force's total" "$(crimes odd.csv)" \
	"$(force_total "runs/st-helen-s-co/2019-01/measures.csv" 2019-01 "$odd")"
cat >want <<MD
# Performance Summaries by force: 2019-01

5 forces: 3 done, 2 failed, 0 skipped.

| force | month | status | report |
|---|---|---|---|
| A B | 2019-01 | failed: its directory name 'a-b' is that of force 'A.B' too |  |
| A.B | 2019-01 | failed: its directory name 'a-b' is that of force 'A B' too |  |
| Devon & Cornwall | 2019-01 | done | [summary.html](devon-and-cornwall/2019-01/summary.html) · [summary.md](devon-and-cornwall/2019-01/summary.md) |
| St. \\<Helen's\\> \\| \\*Co\\* | 2019-01 | done | [summary.html](st-helen-s-co/2019-01/summary.html) · [summary.md](st-helen-s-co/2019-01/summary.md) |
| ĦĦ | 2019-01 | done | [summary.html]($h/2019-01/summary.html) · [summary.md]($h/2019-01/summary.md) |
MD
same want runs/index.md
has runs/index.html "<tr><td>Devon &amp; Cornwall</td>"
has runs/index.html "<tr><td>St. &lt;Helen&#39;s&gt; | *Co*</td>"
has runs/index.html "<tr><td>A B</td><td>2019-01</td><td class=\"failed\">failed: its directory name &#39;a-b&#39; is that of force &#39;A.B&#39; too</td><td></td></tr>"
hasnt runs/index.html "<Helen"
links_resolve runs
self_contained runs/index.html
