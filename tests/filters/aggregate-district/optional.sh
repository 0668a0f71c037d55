# A stream without flag-repeat's, compute-outcomes' or tag-rural's
# columns gives no victim, outcome or rural rows (docs/measures.md); a
# police.uk stream's coarse groups are rows of their own.
source "$CASE/lib.inc"
# The canonical columns only, in a police.uk-like stream.
C=$(echo "$HDR" | cut -d, -f1-21)
{
	echo "$C"
	rec id=p1 group=Burglary | cut -d, -f1-21
	rec id=p2 group=Robbery | cut -d, -f1-21
	rec id=p3 group="Violence and sexual offences" | cut -d, -f1-21
} >in.csv
run 0 "$BIN/aggregate-district" --month 2019-12 in.csv
for m in victims repeat_ outcome rural_crime; do
	hasnt out ",$m"
done
# Coarse Burglary is per 1,000 households (Rugby 41875: 1000 / 41875 =
# 0.0239 -> 0.02); coarse Robbery is in All robbery.
is out "2019-12,district,Rugby,recorded_crime,Burglary" "1,41875,0.02"
is out "2019-12,district,Rugby,recorded_crime,All robbery" "1,106350,0.01"
is out "2019-12,district,Rugby,recorded_crime,Violence and sexual offences" "1,106350,0.01"
is out "2019-12,district,Rugby,recorded_crime,Total recorded crime" "3,106350,0.03"
is out "2019-12,force,Warwickshire,coverage,with_rural_tag" "0,3,0.0"
# Extra columns after the canonical ones are ignored (quoted commas,
# embedded newlines, doubled quotes).
{
	echo "$C,x1,x2"
	rec id=q1 | cut -d, -f1-21 | sed 's/$/,"a,b","line1\nline2 ""q"""/'
} >extra.csv
run 0 "$BIN/aggregate-district" --month 2019-12 extra.csv
is out "2019-12,district,Rugby,recorded_crime,Shoplifting" "1,106350,0.01"
