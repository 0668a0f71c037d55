# shellcheck shell=bash source-path=SCRIPTDIR
# MONTH 'latest': each force's run reports its own force's latest month
# in its own inputs (the real files: Warwickshire to February 2019, West
# Mercia to January), and the index gives each run's month.
# shellcheck source=forces.inc
source "$CASE/forces.inc"
[ -d "$POLICE" ] || skip "no real data ($POLICE)"
w2=$POLICE/2019-02-warwickshire-street.csv
m1=$POLICE/2019-01-west-mercia-street.csv
run 0 "$FORCES" --out runs latest "$POLICE/2019-01-warwickshire-street.csv" "$w2" \
	"$POLICE/2018-12-west-mercia-street.csv" "$m1"
eq "Warwickshire total" "$(crimes "$w2")" \
	"$(force_total runs/warwickshire/2019-02/measures.csv 2019-02 Warwickshire)"
eq "West Mercia total" "$(crimes "$m1")" \
	"$(force_total runs/west-mercia/2019-01/measures.csv 2019-01 "West Mercia")"
cat >want <<'MD'
# Performance Summaries by force: each force's latest month

2 forces: 2 done, 0 failed, 0 skipped.

| force | month | status | report |
|---|---|---|---|
| Warwickshire | 2019-02 | done | [summary.html](warwickshire/2019-02/summary.html) · [summary.md](warwickshire/2019-02/summary.md) |
| West Mercia | 2019-01 | done | [summary.html](west-mercia/2019-01/summary.html) · [summary.md](west-mercia/2019-01/summary.md) |
MD
same want runs/index.md
links_resolve runs
