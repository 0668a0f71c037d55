# --themes FILE replaces the default keyword list.  Priority is the order
# in which a theme first appears in the file; a keyword may be several
# words, any case, and hyphens separate words in keywords as in text.
#   c1 "WIND Turbine cable cut": "wind turbine" -> energy (first theme)
#   c2 "tractor stolen": a default keyword, not in this file -> none
#   c3 "copper-cable taken and Solar panel": "copper cable" (theme metal,
#      listed second) and "solar panel" (energy, first) -> energy
#   c4 "copper cable": metal
#   c5 "cable": only part of a keyword -> none
#   c6 markers "BUSINESS;Copper": copper alone -> metal
source "$CASE/stream.bash"
cat >themes.csv <<'T'
theme,keyword
energy,Wind turbine
metal,copper-cable
energy,solar panel
metal,copper
T
{
	echo "$HDR"
	row c1 E01031148 "" "" "WIND Turbine cable cut" ""
	row c2 E01031148 "" "" "tractor stolen" ""
	row c3 E01031148 "" "" "copper-cable taken and Solar panel" ""
	row c4 E01031148 "" "" "copper cable" ""
	row c5 E01031148 "" "" "cable" ""
	row c6 E01031148 "" "" "" "BUSINESS;Copper"
} >in.csv
run 0 "$BIN/tag-rural" --themes themes.csv in.csv
tagged out >got
cat >want <<'W'
c1 D1 Y energy
c2 D1 Y 
c3 D1 Y energy
c4 D1 Y metal
c5 D1 Y 
c6 D1 Y metal
W
same want got
