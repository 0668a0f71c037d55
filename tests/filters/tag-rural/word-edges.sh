# Words at the edges of what the matcher reads at once (tag-rural(1):
# a word is a run of ASCII letters, digits and bytes above 0x7f; matching
# is case-insensitive for ASCII only).  The keyword sits next to the bytes
# just outside the letter and digit ranges, at field starts and ends, and
# across 16- and 64-byte boundaries of fields of 15 to 130 bytes.  Each
# row's theme is stated by construction, never taken from the program.
source "$CASE/stream.bash"
cat >themes.csv <<'T'
theme,keyword
near,tractor
num,4x4
hi,café
long,abcdefghijklmnopqrstuvwxyzabcdefghij
pair,quad bike
T
# fill N: N bytes of filler words ("ab ab a "), no keyword in them, the
# last byte a space (N >= 1).
fill() { python3 -c 'import sys; n = int(sys.argv[1]); print(("ab " * n)[:n - 1] + " ", end="")' "$1"; }
command -v python3 >/dev/null || skip "no python3"
L=abcdefghijklmnopqrstuvwxyzabcdefghij
{
	echo "$HDR"
	# id, mo_text, expected theme
	while IFS='|' read -r id mo want; do
		row "$id" E01031125 "" "" "$mo" ""
		echo "$id $want" >>want.themes
	done <<ROWS
e1|@tractor@|near
e2|[tractor\`|near
e3|{tractor/|near
e4|:Tractor;|near
e5|tractorZ|
e6|Atractor|
e7|tractor9|
e8|0tractor|
e9|tractor_x|near
e10|4X4|num
e11|4x4x|
e12|Café au lait|hi
e13|CAFÉ|
e14|caf|
e15|$(fill 8)tractor|near
e16|$(fill 9)tractor|near
e17|$(fill 10)tractor|near
e18|$(fill 12)tractor $(fill 4)|near
e19|$(fill 56)tractor|near
e20|$(fill 57)tractor|near
e21|$(fill 58)tractor|near
e22|$(fill 60)tractor $(fill 62)|near
e23|$(fill 59)quad $(fill 1)bike $(fill 70)|pair
e24|$(fill 60) quad   ...   bike|pair
e25|$(fill 61)tractorx $(fill 60)|
e26|$L|long
e27|${L}k|
e28|${L%j}|
e29|$(fill 100) $L|long
e30|quad$(printf '%*s' 70 '')bike|pair
e31|$(fill 63)x|
e32|tractor|near
ROWS
} >in.csv
# Bytes around the ranges that a shell here-document cannot carry.
printf '%s\n' "$(row e33 E01031125 "" "" "$(printf '\177tractor\200')" "")" >>in.csv
echo "e33 " >>want.themes
printf '%s\n' "$(row e34 E01031125 "" "" "$(printf '\177tractor\177')" "")" >>in.csv
echo "e34 near" >>want.themes
run 0 "$BIN/tag-rural" --themes themes.csv in.csv
tagged out | awk '{ print $1 " " $4 }' >got.themes
same want.themes got.themes
