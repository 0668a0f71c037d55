# shellcheck shell=bash source-path=SCRIPTDIR
# A run directory made by an older monthly.sh (a real directory) is
# replaced by the link scheme with --replace, and rerun.sh works on one; a
# replacement stopped between its two renames (the old run moved aside to
# .NAME.legacy.*, no link yet) is undone by the next run, which puts the
# old run back.
# shellcheck source=runs.inc
source "$CASE/runs.inc"
run 0 "$ROOT/pipelines/monthly.sh" --out first 2019-01 "$STREET"
mkdir runs
cp -rL first runs/r		# a real directory, as older runs were
sums runs/r >before.sums
run 0 "$ROOT/pipelines/rerun.sh" --from emit-summary runs/r
[ -L runs/r ] || fail "runs/r is not a link after rerun.sh"
has runs/r/manifest.json '"from_stage": "emit-summary"'
eq "runs/ entries" 3 "$(entries runs | wc -l | tr -d ' ')"

# Stopped between the renames: runs/s is gone, .s.legacy.X holds it.
cp -rL first runs/.s.legacy.STOPPD
sums runs/.s.legacy.STOPPD >before.sums
run 2 "$ROOT/pipelines/monthly.sh" --out runs/s 2019-01 "$STREET"
has err "restoring runs/s from runs/.s.legacy.STOPPD"
has err "'runs/s' exists (a previous run?): give --replace to replace it"
if [ ! -d runs/s ] || [ -L runs/s ]; then fail "runs/s was not put back"; fi
sums runs/s >after.sums
same before.sums after.sums
run 0 "$ROOT/pipelines/monthly.sh" --replace --out runs/s 2019-01 "$STREET"
[ -L runs/s ] || fail "runs/s is not a link"
entries runs >got
eq "runs/ entries" 5 "$(lines got)"
