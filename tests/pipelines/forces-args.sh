# shellcheck shell=bash source-path=SCRIPTDIR
# forces.sh's arguments: --help (exit 0, the header), usage errors (exit
# 2 with the usage, nothing made), an unreadable input (exit 1), an
# existing run without --replace (exit 2, the previous runs and index
# unchanged), --sshlogin without GNU parallel (exit 1).
# shellcheck source=forces.inc
source "$CASE/forces.inc"
# shellcheck source=runs.inc
source "$CASE/runs.inc"
run 0 "$FORCES" --help
has out "forces.sh: one monthly run per force found in the inputs"
has out "Exit status: 0 every force done or skipped"
usage() {
	run 2 "$FORCES" "$@"
	has err "usage: forces.sh"
	[ ! -e runs ] || fail "forces.sh $*: made runs/"
}
usage
usage 2019-01
usage 2019-13 "$STREET"
usage --out runs 2019-1 "$STREET"
usage --out runs 2019-01 -
usage --out runs 2019-01 "$STREET" --replace
usage --out runs -j 0 2019-01 "$STREET"
usage --out runs -j two 2019-01 "$STREET"
usage --out runs --bogus 2019-01 "$STREET"
usage --out runs --outcomes - 2019-01 "$STREET"
usage --out runs 2019-01 "$STREET" -j
has err "forces.sh: '-j' after MONTH: options go before MONTH"
usage --out runs --out
has err "forces.sh: option '--out' needs a value"
run 1 "$FORCES" --out runs 2019-01 "$STREET" missing.csv
has err "forces.sh: missing.csv: cannot read input"
[ ! -e runs ] || fail "runs/ made for a missing input"
no_parallel nopar
PATH=$PWD/nopar run 1 "$FORCES" --out runs -S host1 2019-01 "$STREET"
has err "forces.sh: --sshlogin needs GNU parallel (Debian package parallel), which is not installed"
# An existing run is replaced only with --replace.
run 0 "$FORCES" --out runs 2019-01 "$STREET"
sums runs >before
run 2 "$FORCES" --out runs 2019-01 "$STREET"
has err "forces.sh: 'runs/warwickshire/2019-01' exists (a previous run?): give --replace to replace it"
sums runs >after
same before after
