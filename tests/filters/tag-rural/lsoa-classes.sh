# LSOA classes from reference/lsoa11.csv (DEFINITIONS.md 2.3):
#   E01031125 Rugby 007A C1, E01031148 Rugby 012B D1, E01031147 Rugby 012A E1,
#   E01000001 City of London A1, E01007317 Barnsley B1, E01019326 Eden C2,
#   E01018936 Cornwall D2, E01018925 Cornwall E2.
# ons: D*, E* rural (Y); A1, B1, C1, C2 urban (N).
# rct: only E* (and F*) rural, so D1 and D2 become N.
source "$CASE/stream.bash"
{
	echo "$HDR"
	row c1 E01031125
	row d1 E01031148
	row e1 E01031147
	row a1 E01000001
	row b1 E01007317
	row c2 E01019326
	row d2 E01018936
	row e2 E01018925
} >in.csv
run 0 "$BIN/tag-rural" in.csv
tagged out >got
cat >want <<'W'
c1 C1 N 
d1 D1 Y 
e1 E1 Y 
a1 A1 N 
b1 B1 N 
c2 C2 N 
d2 D2 Y 
e2 E2 Y 
W
same want got
run 0 "$BIN/tag-rural" --definition ons in.csv
tagged out >got
same want got
run 0 "$BIN/tag-rural" --definition rct in.csv
tagged out >got
cat >want <<'W'
c1 C1 N 
d1 D1 N 
e1 E1 Y 
a1 A1 N 
b1 B1 N 
c2 C2 N 
d2 D2 N 
e2 E2 Y 
W
same want got
# The header gains exactly the three columns, at the end.
eq header "$HDR,ruc11,rural,rural_theme" "$(head -n 1 out)"
