# make install puts the filters, man pages and reference tables under
# PREFIX, and an installed filter finds its tables there (not in the
# checkout: CRIMEPIPE_REFERENCE is unset for the installed run).
[ -z "${SANITIZE:-}" ] || [ "$SANITIZE" != 1 ] || skip "install is checked on the plain build"
run 0 make -s -C "$ROOT" install PREFIX="$PWD/prefix"
for f in ingest-crime tag-rural flag-repeat compute-outcomes aggregate-district emit-summary; do
	[ -x "prefix/bin/$f" ] || fail "prefix/bin/$f not installed"
	[ -f "prefix/share/man/man1/$f.1" ] || fail "man page $f.1 not installed"
done
[ -f prefix/share/crimepipe/reference/offence-groups.csv ] || fail "reference tables not installed"
cp "$ROOT/sample-data/police-uk/2019-01-warwickshire-street.csv" street.csv
# A moved copy of the install still finds its tables beside bin/.
mv prefix moved
env -u CRIMEPIPE_REFERENCE moved/bin/ingest-crime street.csv >out 2>err || fail "installed ingest-crime failed: $(cat err)"
env -u CRIMEPIPE_REFERENCE moved/bin/tag-rural out >tagged 2>err || fail "installed tag-rural failed: $(cat err)"
[ "$(lines tagged)" -eq "$(lines out)" ] || fail "records lost"
