# shellcheck shell=bash source-path=SCRIPTDIR
# monthly.sh killed with SIGKILL (no trap can run): the previous complete
# run is unchanged and still what runs/r names; what the killed run left
# is a .crimepipe.staging.* directory, and the next run into runs/
# removes it (after waiting for the killed run's stages, which hold the
# lock) and leaves only the lock, the link and one run (issue 8.5).
# shellcheck source=runs.inc
source "$CASE/runs.inc"
run 0 "$ROOT/pipelines/monthly.sh" --out runs/r 2019-01 "$STREET"
sums runs/r >before.sums
entries runs >before.entries

# 1. Killed in stage 2 (a stage that never ends: the test ends it).
blocking_bin wbin tag-rural
CRIMEPIPE_BIN=$PWD/wbin "$ROOT/pipelines/monthly.sh" --replace --out runs/r \
	2019-01 "$STREET" >out 2>err &
pid=$!
wait_for wbin/tag-rural.pid
kill -KILL "$pid"
wait "$pid" 2>/dev/null || true
sums runs/r >after.sums
same before.sums after.sums
entries runs >after.entries
grep -v '^\.crimepipe\.staging\.' after.entries >kept.entries || true
same before.entries kept.entries
eq "staging directories left" 1 "$(grep -c '^\.crimepipe\.staging\.' after.entries)"
kill "$(cat wbin/tag-rural.pid)"
gone "$(cat wbin/tag-rural.pid)"

# 2. Killed in stage 3 of a run on the sample (real stages, still running
# when the next run starts).
"$ROOT/pipelines/monthly.sh" --replace --out runs/r --force Warwickshire \
	2019-12 "$SAMPLE" >out 2>err &
pid=$!
for ((i = 0; i < 600; i++)); do
	compgen -G 'runs/.crimepipe.staging.*/logs/3-flag-repeat.log' >/dev/null && break
	sleep 0.1
done
kill -KILL "$pid"
wait "$pid" 2>/dev/null || true
sums runs/r >after.sums
same before.sums after.sums

# 3. What a kill between the last renames leaves: a complete run that
# runs/r does not name, and a link not yet renamed.
cp -a "runs/$(readlink runs/r)" runs/.r.run.KILLED
ln -s .r.run.KILLED runs/.crimepipe.link.KILLED

# The next run cleans up.
run 0 "$ROOT/pipelines/monthly.sh" --replace --out runs/r 2019-01 "$STREET"
has err "left by a run that was stopped"
has err "removing runs/.r.run.KILLED, a run that runs/r no longer names"
entries runs >final.entries
eq "runs/ after the next run" 3 "$(lines final.entries)"
grep -q '^\.crimepipe\.lock$' final.entries || fail "no lock file"
target=$(readlink runs/r)
grep -qx "$target" final.entries || fail "runs/r names $target, which is not there"
grep -qx "r -> $target" final.entries || fail "runs/r is not the link"
# The new run is the same run as the first (same input, same bytes).
grep measures.csv before.sums >a
sums runs/r | grep measures.csv >b
same a b
