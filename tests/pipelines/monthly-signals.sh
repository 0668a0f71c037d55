# shellcheck shell=bash source-path=SCRIPTDIR
# monthly.sh stopped by SIGTERM, SIGHUP or SIGINT while a stage runs (in
# stage 1, 3 and 5, and in emit-summary after summary.md is written, the
# point where a killed run used to leave a mixed report set): exit 1, the
# stopped stage's process is gone, the previous complete run is unchanged
# file for file, and nothing is left beside it (issue 8.5).
# shellcheck source=runs.inc
source "$CASE/runs.inc"
run 0 "$ROOT/pipelines/monthly.sh" --out runs/r 2019-01 "$STREET"
sums runs/r >before.sums
entries runs >before.entries
[ "$(lines before.entries)" = 3 ] || fail "runs/ should hold the lock, the link and one run: $(cat before.entries)"

# point SIGNAL STAGE SKIP: stop a --replace run in STAGE's call SKIP+1.
point() {
	local sig=$1 stage=$2 skip=$3 pid rc=0 bpid
	rm -rf wbin
	blocking_bin wbin "$stage" "$skip"
	CRIMEPIPE_BIN=$PWD/wbin "$ROOT/pipelines/monthly.sh" --replace --out runs/r \
		2019-01 "$STREET" >out 2>err &
	pid=$!
	wait_for "wbin/$stage.pid"
	bpid=$(cat "wbin/$stage.pid")
	kill "-$sig" "$pid"
	wait "$pid" || rc=$?
	eq "exit status after SIG$sig in $stage" 1 "$rc"
	has err "monthly.sh: stopped by SIG$sig; runs/r is unchanged"
	gone "$bpid"
	sums runs/r >after.sums
	same before.sums after.sums
	entries runs >after.entries
	same before.entries after.entries
}
point TERM ingest-crime 0
point TERM flag-repeat 0
point HUP aggregate-district 0
point TERM emit-summary 1
# SIGINT: a background job of a shell without job control ignores it, so
# start this one with job control on.
set -m
point INT compute-outcomes 0
set +m
