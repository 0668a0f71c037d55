# rural_theme from reference/rural-themes.csv (DEFINITIONS.md 2.3).  Theme
# priority = file order: farm machinery & plant, livestock, fuel theft,
# equine, fly-tipping, heritage.  Words are runs of letters and digits;
# matching is case-insensitive, on whole words (tag-rural(1)).
#   t1  "sheepskin rug taken": "sheepskin" is not the word "sheep" -> none
#   t2  "two sheep taken from field": sheep -> livestock
#   t3  offence_desc "Theft of TRACTOR": tractor, any case -> farm machinery & plant
#   t4  "heating oil siphoned": the two-word keyword -> fuel theft
#   t5  "oil and heating engineer": neither "heating" nor "oil" alone is a keyword -> none
#   t6  "Fly-Tipping on verge": fly-tipping -> fly-tipping
#   t7  "fly-tipping reported" -> fly-tipping
#   t8  offence_desc "Theft of fuel", mo_text "quad bike stolen": fuel theft
#       and farm machinery both match; farm machinery comes first -> farm machinery & plant
#   t9  "horse tack and diesel": equine and fuel theft; fuel theft first -> fuel theft
#   t10 markers "DA;LIVESTOCK" only -> livestock
#   t11 empty lsoa_code (rural ?), "tractor stolen" -> farm machinery & plant
#       (the theme does not depend on the rural flag)
#   t12 "quadrant of the estate": not the word "quad" -> none
#   t13 "the tractor's trailer": the apostrophe ends a word -> farm machinery & plant
#   t14 "red van seen": "red" starts the keyword "red diesel" but is none itself -> none
#   t15 "church lead stripped": church lead -> heritage
#   t16 "flytipping" -> fly-tipping
source "$CASE/stream.bash"
{
	echo "$HDR"
	row t1 E01031125 "" "" "sheepskin rug taken" ""
	row t2 E01031125 "" "" "two sheep taken from field" ""
	row t3 E01031125 "" "Theft of TRACTOR" "" ""
	row t4 E01031125 "" "" "heating oil siphoned" ""
	row t5 E01031125 "" "" "oil and heating engineer" ""
	row t6 E01031125 "" "" "Fly-Tipping on verge" ""
	row t7 E01031125 "" "" "fly-tipping reported" ""
	row t8 E01031125 "" "Theft of fuel" "quad bike stolen" ""
	row t9 E01031125 "" "" "horse tack and diesel" ""
	row t10 E01031125 "" "" "" "DA;LIVESTOCK"
	row t11 "" "" "" "tractor stolen" ""
	row t12 E01031125 "" "" "quadrant of the estate" ""
	row t13 E01031125 "" "" "the tractor's trailer" ""
	row t14 E01031125 "" "" "red van seen" ""
	row t15 E01031125 "" "" "church lead stripped" ""
	row t16 E01031125 "" "" "flytipping" ""
} >in.csv
run 0 "$BIN/tag-rural" in.csv
tagged out >got
cat >want <<'W'
t1 C1 N 
t2 C1 N livestock
t3 C1 N farm machinery & plant
t4 C1 N fuel theft
t5 C1 N 
t6 C1 N fly-tipping
t7 C1 N fly-tipping
t8 C1 N farm machinery & plant
t9 C1 N fuel theft
t10 C1 N livestock
t11  ? farm machinery & plant
t12 C1 N 
t13 C1 N farm machinery & plant
t14 C1 N 
t15 C1 N heritage
t16 C1 N fly-tipping
W
same want got

# A police.uk-style stream has no offence_desc or mo_text: only markers
# count, and a missing column is not an error.
printf 'record_id,lsoa_code,markers\np1,E01031147,\np2,E01031147,HORSE\n' >pu.csv
run 0 "$BIN/tag-rural" pu.csv
cat >want <<'W'
record_id,lsoa_code,markers,ruc11,rural,rural_theme
p1,E01031147,,E1,Y,
p2,E01031147,HORSE,E1,Y,equine
W
same want out
