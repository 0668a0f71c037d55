# shellcheck shell=bash source-path=SCRIPTDIR
# make install puts the pipelines and the documents under PREFIX (issue
# 9.12), and an installed crimepipe-monthly, moved elsewhere, runs with the
# installed filters and tables alone (no checkout on PATH, no
# CRIMEPIPE_BIN, no CRIMEPIPE_REFERENCE).
[ "${SANITIZE:-}" != 1 ] || skip "install is checked on the plain build"
run 0 make -s -C "$ROOT" install PREFIX="$PWD/prefix"
for p in monthly nightly rerun; do
	[ -x "prefix/bin/crimepipe-$p" ] || fail "prefix/bin/crimepipe-$p not installed"
	[ -f "prefix/share/crimepipe/pipelines/$p.sh" ] || fail "$p.sh not installed"
done
[ -f prefix/share/crimepipe/pipelines/lib.sh ] || fail "lib.sh not installed"
for d in README.md stream.md measures.md report.md; do
	[ -f "prefix/share/doc/crimepipe/$d" ] || fail "document $d not installed"
done
cp "$ROOT/sample-data/police-uk/2019-01-warwickshire-street.csv" street.csv
mv prefix moved
env -u CRIMEPIPE_BIN -u CRIMEPIPE_REFERENCE PATH=/usr/bin:/bin \
	moved/bin/crimepipe-monthly --out run 2019-01 street.csv >out 2>err ||
	fail "installed crimepipe-monthly failed: $(tail -n 5 err)"
[ -s run/summary.html ] || fail "no summary from the installed pipeline"
records=$(($(lines street.csv) - 1))
grep -q "ingest-crime: read $records, written $records, rejected 0" run/logs/1-ingest-crime.log ||
	fail "ingest-crime did not read the $records records"
moved/bin/crimepipe-rerun --help >out 2>err || fail "crimepipe-rerun --help failed"
grep -q '^rerun.sh: re-run a monthly run' out || fail "crimepipe-rerun --help: $(head -n 2 out)"
