# Helpers for test cases (sourced by tests/run.sh).  Every helper fails the
# case with a message saying what differed; none pipes the command under
# test into another command, so its exit status is never hidden.

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

skip() {
	echo "$*"
	exit 77
}

# run STATUS CMD...: run CMD with stdout to ./out, stderr to ./err, and
# check its exit status.
run() {
	local want=$1 got
	shift
	"$@" >out 2>err
	got=$?
	if [ "$got" != "$want" ]; then
		echo "command: $*" >&2
		echo "--- stderr:" >&2
		head -c 4000 err >&2
		fail "exit status $got, expected $want"
	fi
}

# same FILE_EXPECTED FILE_ACTUAL: byte-for-byte equality.
same() {
	if ! cmp -s "$1" "$2"; then
		diff -u "$1" "$2" | head -n 60 >&2
		fail "$2 differs from $1"
	fi
}

# eq WHAT EXPECTED ACTUAL
eq() {
	[ "$2" == "$3" ] || fail "$1: expected '$2', got '$3'"
}

# has FILE TEXT: FILE contains the fixed string TEXT.
has() {
	grep -qF -- "$2" "$1" || { head -c 3000 "$1" >&2; fail "$1 lacks '$2'"; }
}

# hasnt FILE TEXT
hasnt() {
	if grep -qF -- "$2" "$1"; then
		grep -F -- "$2" "$1" | head -5 >&2
		fail "$1 has '$2'"
	fi
}

# lines FILE: number of lines.
lines() {
	wc -l <"$1" | tr -d ' '
}

# stats_of FILE: "read N, written N, rejected N" from a --stats stderr.
stats_of() {
	sed -n 's/^[^:]*: \(read [0-9]*, written [0-9]*, rejected [0-9]*\).*/\1/p' "$1" | tail -n 1
}

# accounted FILE: the --stats line in FILE says read = written + rejected.
accounted() {
	local s r w j
	s=$(stats_of "$1")
	[ -n "$s" ] || fail "no stats line in $1"
	r=$(echo "$s" | sed 's/read \([0-9]*\),.*/\1/')
	w=$(echo "$s" | sed 's/.*written \([0-9]*\),.*/\1/')
	j=$(echo "$s" | sed 's/.*rejected \([0-9]*\).*/\1/')
	[ $((w + j)) -eq "$r" ] || fail "read $r != written $w + rejected $j"
}

# csvcol FILE NAME: the values of column NAME, one per line, for simple
# CSV (no quoted commas); enough for the columns tests read this way.
csvcol() {
	awk -F, -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next } { print $c }' "$1"
}

# colq FILE NAME: the values of column NAME, one per line, for any CSV
# (quoted commas and newlines too; a newline inside a value shows as \n).
colq() {
	python3 -c '
import csv, sys
r = csv.reader(open(sys.argv[1], newline=""))
h = next(r)
i = h.index(sys.argv[2])
for row in r:
    print(row[i].replace("\n", "\\n"))' "$1" "$2"
}
