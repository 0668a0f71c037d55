# No code, or a code in no table, gives '?' with an empty ruc11; the record
# is kept and counted (DEFINITIONS.md 2.3, 1.1).
#   none: empty lsoa_code -> ?
#   new:  E01035637, a 2021-style code (2011 codes end at E01033768) -> ?
#   low:  e01031125, lower case: codes match exactly -> ?
#   ok:   E01031125 (C1) -> N
source "$CASE/stream.bash"
grep -q '^E01035637,' "$ROOT/reference/lsoa11.csv" && fail "E01035637 is in the table"
{
	echo "$HDR"
	row none ""
	row new E01035637
	row low e01031125
	row ok E01031125
} >in.csv
run 0 "$BIN/tag-rural" --stats in.csv
tagged out >got
cat >want <<'W'
none  ? 
new  ? 
low  ? 
ok C1 N 
W
same want got
has err "tag-rural: read 4, written 4, rejected 0, unknown_geography 3"
accounted err
