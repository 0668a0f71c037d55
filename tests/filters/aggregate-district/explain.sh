# --explain lists, in input order, the records behind one figure.
source "$CASE/lib.inc"
{
	echo "$HDR"
	rec id=A1 district=Rugby markers="HATE;DA" rural=Y theme=livestock
	rec id=A2 district=Rugby month=2019-11 markers=HATE
	rec id=A3 district=Warwick markers=" hate "
	rec id=A3 cc=0 district=Warwick markers=HATE     # second victim
	rec id=U2 district=Coventry lsoa=E01009000
	rec id=U4 district= lsoa=E01009001
	rec id=W1 force="West Mercia" district=Bromsgrove markers=HATE
	rec id=S1 cc=0 district=Rugby group="Anti-social behaviour" rural=Y
} >in.csv
x() {
	run 0 "$BIN/aggregate-district" --month 2019-12 --force Warwickshire \
	    --explain "$1" in.csv
	printf 'record_id,source\n' >want
	shift
	for id; do printf '%s,s:%s\n' "$id" "$id" >>want; done
	same want out
}
# Total recorded crime in December: A1, A3 (its first row), U2, U4.
x "recorded_crime,force,Warwickshire,Total recorded crime" A1 A3 U2 U4
x "recorded_crime,district,Rugby,Shoplifting" A1
x "2019-11,recorded_crime,district,Rugby,Shoplifting" A2
x "2019-11..2019-12,recorded_crime,policing_area,North Warwickshire,Total recorded crime" A1 A2
# Markers match whole ';' tokens, any case, spaces ignored.
x "marker,force,Warwickshire,HATE" A1 A3
x "marker,force,Warwickshire,DA" A1
x "unplaced,force,Warwickshire,outside force area" U2 U4
x "asb,district,Rugby,Anti-social behaviour" S1
# Rural crime counts offences: S1 (ASB, rural) is not one.
x "rural_crime,force,Warwickshire,Total" A1
x "rural_crime,district,Rugby,livestock" A1
x "coverage,force,Warwickshire,records" A1 A3 A3 U2 U4 S1
# An area of another force is a usage error; a category nobody has is
# an empty list.
run 2 "$BIN/aggregate-district" --month 2019-12 --force Warwickshire \
    --explain "recorded_crime,district,Bromsgrove,Shoplifting" in.csv
has err "no district 'Bromsgrove'"
x "recorded_crime,force,Warwickshire,Homicide"
# A measure with no records of its own cannot be explained.
run 2 "$BIN/aggregate-district" --month 2019-12 \
    --explain "exceptional,force,Warwickshire,asb:Anti-social behaviour" in.csv
# The figures agree with the lists: 4, 2, 2.
run 0 "$BIN/aggregate-district" --month 2019-12 --force Warwickshire in.csv
is out "2019-12,force,Warwickshire,recorded_crime,Total recorded crime" "4,564562,0.01"
is out "2019-12,force,Warwickshire,marker,HATE" "2,,"
is out "2019-12,force,Warwickshire,unplaced,outside force area" "2,,"
