# shellcheck shell=bash source-path=SCRIPTDIR
# A forces.sh stopped by SIGTERM while its runs are in a stage (here
# flag-repeat, replaced by a sleeper) stops every run: exit 1, every
# stage gone, no staging directory anywhere, the index and each force's
# previous run unchanged file for file.  With GNU parallel (two runs at
# once) when it is installed, and one after another without it.
# shellcheck source=forces.inc
source "$CASE/forces.inc"
# shellcheck source=runs.inc
source "$CASE/runs.inc"
as_force "West Mercia" wm.csv
run 0 "$FORCES" --out runs 2019-01 "$STREET" wm.csv
sums runs >before
# blk/: $BIN's programs, flag-repeat a sleeper in a run (which names its
# input; forces.sh's own check of the areas table pipes into it).
mkdir blk blk/pids
for f in "$BIN"/*; do ln -s "$f" blk/; done
rm blk/flag-repeat
cat >blk/flag-repeat <<SH
#!/bin/sh
[ \$# -gt 0 ] && [ "\$1" != --version ] || exec "$BIN/flag-repeat" "\$@"
echo \$\$ >"$PWD/blk/pids/\$\$"
exec sleep 120
SH
chmod +x blk/flag-repeat
no_parallel nopar

# stop_run N [PATH]: start a --replace run with PATH, wait until N
# flag-repeats sleep, stop it, check what is left.
stop_run() {
	local n=$1 pid rc=0 i p
	rm -f blk/pids/*
	PATH=${2:-$PATH} CRIMEPIPE_BIN=$PWD/blk "$FORCES" --out runs --replace -j 2 2019-01 \
		"$STREET" wm.csv >out 2>err &
	pid=$!
	for ((i = 0; i < 300; i++)); do
		[ "$(find blk/pids -type f | wc -l)" -lt "$n" ] || break
		sleep 0.1
	done
	[ "$(find blk/pids -type f | wc -l)" -ge "$n" ] || { cat err >&2; fail "$n runs did not reach flag-repeat in 30 s"; }
	kill -TERM "$pid"
	wait "$pid" || rc=$?
	eq "exit status" 1 "$rc"
	has err "forces.sh: stopped by SIGTERM; the index and every force's previous run are unchanged"
	for p in blk/pids/*; do
		gone "$(cat "$p")"
	done
	[ -z "$(leftovers runs)" ] || fail "left behind: $(leftovers runs)"
	sums runs >after
	same before after
}
if command -v parallel >/dev/null && parallel --version 2>/dev/null | grep -q '^GNU parallel'; then
	stop_run 2
	has err "forces.sh: running 2 forces with GNU parallel (-j 2)"
else
	echo "GNU parallel is not installed: the sequential case only"
fi
stop_run 1 "$PWD/nopar"
has err "one after another"
