# shellcheck shell=bash source-path=SCRIPTDIR
# A force the areas table has no district for cannot be reported
# (DEFINITIONS.md 1.4): forces.sh skips it with a line saying so, runs the
# others, and exits 0; the index lists it as skipped, with no link.  An
# outcomes file goes to the runs of the forces it names.
# shellcheck source=forces.inc
source "$CASE/forces.inc"
as_force Nowhere nowhere.csv
outcomes=$ROOT/sample-data/police-uk/2019-01-warwickshire-outcomes.csv
run 0 "$FORCES" --out runs --outcomes "$outcomes" 2019-01 nowhere.csv "$STREET"
has err "forces.sh: Nowhere: skipped: aggregate-district: option '--force': 'Nowhere' has no district in"
has err "forces.sh: 2 forces: 1 done, 0 failed, 1 skipped"
echo runs/index.html >want
same want out
[ ! -e runs/nowhere ] || fail "a directory for the skipped force"
printf '%s\n' "$STREET" >want
same want runs/warwickshire/2019-01/inputs.txt
has runs/warwickshire/2019-01/manifest.json "\"outcomes\": [
    {\"path\": \"$outcomes\""
eq "Warwickshire total" "$(crimes "$STREET")" \
	"$(force_total runs/warwickshire/2019-01/measures.csv 2019-01 Warwickshire)"
cat >want <<'MD'
# Performance Summaries by force: 2019-01

2 forces: 1 done, 0 failed, 1 skipped.

| force | month | status | report |
|---|---|---|---|
| Nowhere | 2019-01 | skipped: the areas table has no district of this force |  |
| Warwickshire | 2019-01 | done | [summary.html](warwickshire/2019-01/summary.html) · [summary.md](warwickshire/2019-01/summary.md) |
MD
same want runs/index.md
has runs/index.html '<tr><td>Nowhere</td><td>2019-01</td><td class="skipped">skipped: the areas table has no district of this force</td><td></td></tr>'
links_resolve runs
self_contained runs/index.html
