# shellcheck shell=bash source-path=SCRIPTDIR
# Without GNU parallel (a PATH without it) forces.sh says so and runs the
# forces one after another, with the same outcome: the same index and the
# same reports, byte for byte, as with GNU parallel (when it is
# installed), and as a second run.
# shellcheck source=forces.inc
source "$CASE/forces.inc"
as_force "West Mercia" wm.csv
no_parallel nopar
PATH=$PWD/nopar run 0 "$FORCES" --out seq -j 2 2019-01 "$STREET" wm.csv
has err "forces.sh: GNU parallel is not installed (Debian package parallel): running 2 forces one after another (-j 2 ignored)"
has err "forces.sh: Warwickshire (1 of 2)"
has err "forces.sh: West Mercia (2 of 2)"
eq "Warwickshire total" "$(crimes "$STREET")" \
	"$(force_total seq/warwickshire/2019-01/measures.csv 2019-01 Warwickshire)"
eq "West Mercia total" "$(crimes wm.csv)" \
	"$(force_total seq/west-mercia/2019-01/measures.csv 2019-01 "West Mercia")"
cat >want <<'MD'
# Performance Summaries by force: 2019-01

2 forces: 2 done, 0 failed, 0 skipped.

| force | month | status | report |
|---|---|---|---|
| Warwickshire | 2019-01 | done | [summary.html](warwickshire/2019-01/summary.html) · [summary.md](warwickshire/2019-01/summary.md) |
| West Mercia | 2019-01 | done | [summary.html](west-mercia/2019-01/summary.html) · [summary.md](west-mercia/2019-01/summary.md) |
MD
same want seq/index.md
links_resolve seq
if command -v parallel >/dev/null && parallel --version 2>/dev/null | grep -q '^GNU parallel'; then
	run 0 "$FORCES" --out par 2019-01 "$STREET" wm.csv
	has err "forces.sh: running 2 forces with GNU parallel"
else
	echo "GNU parallel is not installed: the second run is sequential too"
	run 0 "$FORCES" --out par 2019-01 "$STREET" wm.csv
fi
for f in index.md index.html warwickshire/2019-01/measures.csv warwickshire/2019-01/summary.md \
    warwickshire/2019-01/summary.html west-mercia/2019-01/measures.csv \
    west-mercia/2019-01/summary.md west-mercia/2019-01/summary.html; do
	same "seq/$f" "par/$f"
done
# A second run (--replace): the same index.
cp seq/index.html first.html
PATH=$PWD/nopar run 0 "$FORCES" --out seq --replace 2019-01 "$STREET" wm.csv
same first.html seq/index.html
[ -z "$(leftovers seq)" ] || fail "left behind: $(leftovers seq)"
