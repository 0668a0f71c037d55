# shellcheck shell=bash
# The pipeline scripts, their tests and tools/demo.sh are shellcheck clean
# at every severity (issue 10); lib.sh and runs.inc are checked where they
# are sourced (-x).  The tests are bash sourced by tests/run.sh, no
# shebang: -s bash.
command -v shellcheck >/dev/null 2>&1 || skip "shellcheck not installed (apt package shellcheck)"
{
	(cd "$ROOT" && shellcheck -x pipelines/*.sh tools/demo.sh) &&
		(cd "$ROOT" && shellcheck -s bash -x tests/pipelines/*.sh)
} >report.txt 2>&1 ||
	{ head -n 60 report.txt >&2; fail "shellcheck: $(grep -c '^In ' report.txt) findings"; }
