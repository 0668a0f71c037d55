# The temporary spool is unlinked as soon as it is made: it never shows in
# the spool directory, after a normal run, a run with a bad record, an
# output error, SIGTERM or SIGKILL in the middle of a run.
H=record_id,source,crime_count,month,recorded_date,force,crime_type,offence_code,crime_group,lsoa_code,lsoa_name,district,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,outcome_text,mo_text
mkdir sp
{
	echo "$H"
	for i in $(seq 1 3000); do
		echo "c$i,x:$i,1,2019-0$((i % 9 + 1)),,Warwickshire,,,,,,Rugby,,,V$((i % 100)),person,,,,,"
	done
} >in.csv
empty_dir() {
	[ -z "$(ls -A sp)" ] || { ls -la sp >&2; fail "$1: spool directory not empty"; }
}

run 0 "$BIN/flag-repeat" --spool-dir sp in.csv
empty_dir "normal run"
eq "records" 3001 "$(lines out)"

{ cat in.csv; echo "bad,x,1,2019-13,,W,,,,,,R,,,V1,person,,,,,"; } >bad.csv
run 1 "$BIN/flag-repeat" --spool-dir sp bad.csv
has err "x: field 'month': '2019-13' is not a valid month (YYYY-MM) (stream bad.csv:3002)"
empty_dir "bad record"

"$BIN/flag-repeat" --spool-dir sp in.csv >/dev/full 2>err
eq "status to /dev/full" 1 $?
empty_dir "output error"

# Mid-run: the input is a pipe that stalls after 3000 records, so the
# stage is in pass 1 with its spool open.  The open spool lives in sp/ and
# is already deleted.
for sig in TERM KILL; do
	{ cat in.csv; sleep 30; } | "$BIN/flag-repeat" --spool-dir sp >out 2>err &
	pid=$!
	for _ in $(seq 1 50); do
		ls -l /proc/$pid/fd 2>/dev/null | grep -q "sp/flag-repeat\.[^ ]* (deleted)" && break
		sleep 0.1
	done
	ls -l /proc/$pid/fd | grep -q "$PWD/sp/flag-repeat\.[^ ]* (deleted)" ||
	    fail "no deleted spool in $PWD/sp open in the running stage"
	empty_dir "while running"
	kill -$sig $pid
	wait $pid
	st=$?
	[ $st -gt 128 ] || fail "SIG$sig: status $st"
	empty_dir "after SIG$sig"
done

# The same with timeout(1), the way a scheduler would stop it.
{ cat in.csv; sleep 30; } | timeout 1 "$BIN/flag-repeat" --spool-dir sp >out 2>err
eq "timeout status" 124 "${PIPESTATUS[1]}"
empty_dir "after timeout"

# Without --spool-dir the spool goes to $TMPDIR.
mkdir tmpd
{ cat in.csv; sleep 30; } | TMPDIR=$PWD/tmpd "$BIN/flag-repeat" >out 2>err &
pid=$!
for _ in $(seq 1 50); do
	ls -l /proc/$pid/fd 2>/dev/null | grep -q "tmpd/flag-repeat\." && break
	sleep 0.1
done
ls -l /proc/$pid/fd | grep -q "$PWD/tmpd/flag-repeat\.[^ ]* (deleted)" ||
    fail "no deleted spool in \$TMPDIR"
kill $pid
wait $pid
[ -z "$(ls -A tmpd)" ] || fail "\$TMPDIR not empty"

# A spool directory that cannot take a file: status 1 and a message.
run 1 "$BIN/flag-repeat" --spool-dir "$PWD/no/such/dir" in.csv
has err "flag-repeat: $PWD/no/such/dir: cannot create a temporary spool"
eq "stdout" "" "$(cat out)"
