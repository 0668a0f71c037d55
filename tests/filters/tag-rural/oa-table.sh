# An output-area table (keyed by oa_code) given besides the default LSOA
# table.  The OA is used when the record's oa_code is in an OA table, else
# the LSOA (DEFINITIONS.md 2.3).  All records are in Rugby 007A (C1).
#   oa1: oa_code E00158000 -> F1 (hamlets): Y under ons and under rct.
#   oa2: oa_code E00158001 -> D1: Y under ons, N under rct.
#   oa3: oa_code E00999999, not in the OA table -> LSOA C1 -> N.
#   oa4: empty oa_code -> LSOA C1 -> N.
#   oa5: oa_code E00158002 -> F2, empty lsoa_code: Y (the OA suffices).
#   oa6: oa_code E00158000 in a second OA table as A1: the first table
#        given wins, so still F1.
source "$CASE/stream.bash"
cat >oa.csv <<'T'
oa_code,lsoa_code,ruc11
E00158001,E01031125,D1
E00158000,E01031125,F1
E00158002,E01031125,F2
T
cat >oa2.csv <<'T'
oa_code,ruc11
E00158000,A1
T
{
	echo "$HDR"
	row oa1 E01031125 E00158000
	row oa2 E01031125 E00158001
	row oa3 E01031125 E00999999
	row oa4 E01031125 ""
	row oa5 "" E00158002
} >in.csv
run 0 "$BIN/tag-rural" --geography oa.csv --geography oa2.csv in.csv
tagged out >got
cat >want <<'W'
oa1 F1 Y 
oa2 D1 Y 
oa3 C1 N 
oa4 C1 N 
oa5 F2 Y 
W
same want got
run 0 "$BIN/tag-rural" --definition rct --geography oa.csv in.csv
tagged out >got
cat >want <<'W'
oa1 F1 Y 
oa2 D1 N 
oa3 C1 N 
oa4 C1 N 
oa5 F2 Y 
W
same want got
# An LSOA table given replaces the default one: E01031125 is E1 here.
printf 'lsoa_code,ruc11\nE01031125,E1\n' >lsoa.csv
run 0 "$BIN/tag-rural" --geography lsoa.csv --geography oa.csv in.csv
tagged out >got
cat >want <<'W'
oa1 F1 Y 
oa2 D1 Y 
oa3 E1 Y 
oa4 E1 Y 
oa5 F2 Y 
W
same want got
