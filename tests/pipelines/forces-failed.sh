# shellcheck shell=bash source-path=SCRIPTDIR
# One force failing does not stop the others (issue 12, item 6): on the
# real files, a first forces.sh makes February 2019 for both forces; a
# second, with --replace and without West Mercia's February file (the
# month is not covered for it), replaces Warwickshire's run and fails
# West Mercia's: exit 1 naming West Mercia, its previous run unchanged
# file for file, the index saying failed and why, with a link to its
# log.
# shellcheck source=forces.inc
source "$CASE/forces.inc"
# shellcheck source=runs.inc
source "$CASE/runs.inc"
[ -d "$POLICE" ] || skip "no real data ($POLICE)"
w1=$POLICE/2019-01-warwickshire-street.csv
w2=$POLICE/2019-02-warwickshire-street.csv
m1=$POLICE/2019-01-west-mercia-street.csv
m2=$POLICE/2019-02-west-mercia-street.csv
run 0 "$FORCES" --out runs 2019-02 "$w1" "$w2" "$m1" "$m2"
sums runs/west-mercia/2019-02 >before
old=$(readlink runs/west-mercia/2019-02)
run 1 "$FORCES" --out runs --replace 2019-02 "$w1" "$w2" "$m1"
has err "forces.sh: West Mercia: failed: "
has err "forces.sh: failed: West Mercia"
hasnt err "failed: Warwickshire"
has err "forces.sh: 2 forces: 1 done, 1 failed, 0 skipped"
[ ! -s out ] || fail "stdout: $(head -n 3 out)"
# Warwickshire: the new run, of the two files given.
printf '%s\n' "$w1" "$w2" >want
same want runs/warwickshire/2019-02/inputs.txt
eq "Warwickshire total" "$(crimes "$w2")" \
	"$(force_total runs/warwickshire/2019-02/measures.csv 2019-02 Warwickshire)"
# West Mercia: the month is not covered; the previous run stands.
has runs/west-mercia/monthly.log "aggregate-district: the input covers 2019-01 for force 'West Mercia', not 2019-02"
eq "West Mercia's run" "$old" "$(readlink runs/west-mercia/2019-02)"
sums runs/west-mercia/2019-02 >after
same before after
[ -z "$(leftovers runs)" ] || fail "left behind: $(leftovers runs)"
has runs/index.md "2 forces: 1 done, 1 failed, 0 skipped."
has runs/index.md "| Warwickshire | 2019-02 | done | [summary.html](warwickshire/2019-02/summary.html) · [summary.md](warwickshire/2019-02/summary.md) |"
has runs/index.md "| West Mercia | 2019-02 | failed: aggregate-district failed: aggregate-district: the input covers 2019-01 for force 'West Mercia', not 2019-02 "
has runs/index.md " [monthly.log](west-mercia/monthly.log) |"
has runs/index.html '<td class="failed">failed: '
printf '%s\n' warwickshire/2019-02/summary.html warwickshire/2019-02/summary.md \
	west-mercia/monthly.log >want
hrefs runs/index.html >got
same want got
links_resolve runs
