#!/usr/bin/env bash
# bench/duckdb.sh INPUT.csv MONTH [--counts-out FILE]
# bench/duckdb.sh --install
#
# The benchmark's yardstick: crimepipe's three core measures (recorded crime
# by month x district x crime group, repeat victims in MONTH, the year-to-date
# outcome rate; force Warwickshire) computed by DuckDB on the same raw force
# extract (bench/duckdb/measures.mjs).  Prints the results and DuckDB's own
# wall time on stdout; time it from outside with bin/runstat, e.g.
#   bin/runstat "bash bench/duckdb.sh bench/data/extract-1000000.csv 2019-12"
#
# @duckdb/node-api (version pinned in bench/duckdb/package.json and
# package-lock.json) is installed into bench/duckdb/node_modules (git-ignored)
# with npm the first time, and only here: it is never a build or test
# dependency.  --install only installs it (so that a timed run does not
# include npm).  Environment: DUCKDB_THREADS, DUCKDB_MEMORY_LIMIT, DUCKDB_MODE
# (see measures.mjs).
set -euo pipefail
DIR=$(cd "$(dirname "$0")/duckdb" && pwd)

install() {
	[ -f "$DIR/node_modules/@duckdb/node-api/package.json" ] && return 0
	command -v npm >/dev/null || { echo "duckdb.sh: npm not found" >&2; exit 1; }
	echo "duckdb.sh: installing @duckdb/node-api into $DIR/node_modules" >&2
	# ci: exactly the versions of package-lock.json
	(cd "$DIR" && npm ci --no-audit --no-fund --loglevel=error >&2)
}

if [ "${1:-}" = --install ]; then
	install
	exit 0
fi
if [ $# -lt 2 ]; then
	echo "usage: bench/duckdb.sh INPUT.csv YYYY-MM [--counts-out FILE] | --install" >&2
	exit 2
fi
install
# exec: the DuckDB process replaces this shell, so that runstat's peak
# resident memory (the largest of the command's processes) is DuckDB's.
exec node "$DIR/measures.mjs" "$@"
