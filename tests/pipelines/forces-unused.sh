# shellcheck shell=bash source-path=SCRIPTDIR
# An input that names no force (here a street file with its header only)
# is read by no run: forces.sh says so, runs the forces of the other
# inputs, lists the input in the index, and exits 1 (nothing goes
# silently unread).
# shellcheck source=forces.inc
source "$CASE/forces.inc"
head -n 1 "$STREET" >empty.csv
run 1 "$FORCES" --out runs 2019-01 "$STREET" empty.csv
has err "forces.sh: empty.csv: names no force: no run reads it"
has err "forces.sh: 1 input names no force: no run read it"
has err "forces.sh: 1 force: 1 done, 0 failed, 0 skipped"
[ ! -s out ] || fail "stdout: $(head -n 3 out)"
printf '%s\n' "$STREET" >want
same want runs/warwickshire/2019-01/inputs.txt
cat >want <<'MD'
# Performance Summaries by force: 2019-01

1 force: 1 done, 0 failed, 0 skipped.

| force | month | status | report |
|---|---|---|---|
| Warwickshire | 2019-01 | done | [summary.html](warwickshire/2019-01/summary.html) · [summary.md](warwickshire/2019-01/summary.md) |

Inputs that name no force (no run reads them):

- empty.csv
MD
same want runs/index.md
has runs/index.html '<li>empty.csv</li>'
# Inputs that name no force at all: nothing to run, no index.
run 1 "$FORCES" --out none 2019-01 empty.csv
has err "forces.sh: the inputs name no force"
[ ! -e none/index.html ] || fail "an index with no force"
