# shellcheck shell=bash source-path=SCRIPTDIR
# make install puts forces.sh beside the other pipelines, linked from bin/
# as crimepipe-forces; the installed one, moved elsewhere, runs with the
# installed filters and tables alone (no checkout, no CRIMEPIPE_BIN, no
# CRIMEPIPE_REFERENCE).
# shellcheck source=forces.inc
source "$CASE/forces.inc"
[ "${SANITIZE:-}" != 1 ] || skip "install is checked on the plain build"
run 0 make -s -C "$ROOT" install PREFIX="$PWD/prefix"
[ -x prefix/bin/crimepipe-forces ] || fail "prefix/bin/crimepipe-forces not installed"
[ -f prefix/share/crimepipe/pipelines/forces.sh ] || fail "forces.sh not installed"
mv prefix moved
cp "$STREET" street.csv
env -u CRIMEPIPE_BIN -u CRIMEPIPE_REFERENCE PATH=/usr/bin:/bin \
	moved/bin/crimepipe-forces --out runs 2019-01 street.csv >out 2>err ||
	fail "installed crimepipe-forces failed: $(tail -n 5 err)"
eq "Warwickshire total" "$(crimes street.csv)" \
	"$(force_total runs/warwickshire/2019-01/measures.csv 2019-01 Warwickshire)"
has runs/index.md "| Warwickshire | 2019-01 | done |"
moved/bin/crimepipe-forces --help >out 2>err || fail "crimepipe-forces --help failed"
grep -q '^forces.sh: one monthly run per force' out || fail "crimepipe-forces --help: $(head -n 2 out)"
