# Placement (docs/measures.md "Placement", DEFINITIONS.md 3): a record
# goes to its district when the district is one of the force's in
# reference/areas.csv, and to the district's policing area; otherwise it
# counts in the force total and under unplaced with a reason.
source "$CASE/lib.inc"
{
	echo "$HDR"
	rec id=A1 district=Rugby
	rec id=A2 district="Nuneaton and Bedworth" group="Vehicle offences"
	rec id=A3 district="North Warwickshire" group="Vehicle offences"
	rec id=A4 district=Warwick group="Burglary – residential (dwelling)"
	rec id=A5 district=Stratford-on-Avon group="Personal robbery"
	rec id=A6 district=Stratford-on-Avon group="Business robbery"
	# A6's second victim: crime_count 0 adds no offence.
	rec id=A6 cc=0 district=Stratford-on-Avon group="Business robbery"
	rec id=U1 district= lsoa=                       # no lsoa
	rec id=U2 district=Coventry lsoa=E01009000     # outside force area
	rec id=U3 district=Coventry lsoa=               # unknown district
	rec id=U4 district= lsoa=E01009001             # outside force area
	rec id=W1 force="West Mercia" district=Bromsgrove
	rec id=S1 cc=0 district=Rugby group="Anti-social behaviour"
	rec id=S2 cc=0 district= lsoa= group="Anti-social behaviour"
} >in.csv
run 0 "$BIN/aggregate-district" --month 2019-12 --force Warwickshire in.csv
k=2019-12
T="recorded_crime,Total recorded crime"
# Districts: Rugby 1 (A1), N&B 1 (A2), NW 1 (A3), Warwick 1 (A4),
# Stratford 2 (A5, A6; A6's second row counts 0).
eq Rugby 1 "$(fig out "$k,district,Rugby,$T" | cut -d, -f1)"
eq NuB 1 "$(fig out "$k,district,Nuneaton and Bedworth,$T" | cut -d, -f1)"
eq NW 1 "$(fig out "$k,district,North Warwickshire,$T" | cut -d, -f1)"
eq Warwick 1 "$(fig out "$k,district,Warwick,$T" | cut -d, -f1)"
eq Stratford 2 "$(fig out "$k,district,Stratford-on-Avon,$T" | cut -d, -f1)"
# Policing areas (DEFINITIONS.md 1.4): North = NW + N&B + Rugby = 3 with
# population 64069 + 128659 + 106350 = 299078; South = Stratford + Warwick
# = 3 with 125202 + 140282 = 265484.
eq North "3,299078" "$(fig out "$k,policing_area,North Warwickshire,$T" | cut -d, -f1,2)"
eq South "3,265484" "$(fig out "$k,policing_area,South Warwickshire,$T" | cut -d, -f1,2)"
# Unplaced crimes (summed by crime_count, so that the force total is its
# districts' plus these): U1 no lsoa; U2, U4 outside force area; U3
# unknown district.  S2 (ASB, no district, no lsoa) is an unplaced ASB
# incident, counted apart as "ASB no lsoa": force asb 2 = Rugby 1 + 1.
is out "$k,force,Warwickshire,unplaced,no lsoa" "1,,"
is out "$k,force,Warwickshire,unplaced,ASB no lsoa" "1,,"
is out "$k,force,Warwickshire,unplaced,ASB outside force area" "0,,"
is out "$k,force,Warwickshire,unplaced,outside force area" "2,,"
is out "$k,force,Warwickshire,unplaced,unknown district" "1,,"
hasnt out "district,Coventry"
hasnt out ",district,Rugby,unplaced"
# Force = districts 6 + unplaced crimes 4 = 10; W1 (West Mercia) is not
# counted; the force population is the five districts' 564562:
# 10 * 1000 / 564562 = 0.0177 -> 0.02.
is out "$k,force,Warwickshire,$T" "10,564562,0.02"
# All robbery = business + personal (A5, A6) in Stratford and above.
is out "$k,district,Stratford-on-Avon,recorded_crime,All robbery" "2,125202,0.02"
is out "$k,force,Warwickshire,recorded_crime,All robbery" "2,564562,0.00"
# ASB is counted apart, never in the total: S1 in Rugby, S1 + S2 force.
is out "$k,district,Rugby,asb,Anti-social behaviour" "1,,"
is out "$k,force,Warwickshire,asb,Anti-social behaviour" "2,,"
# A group with no record is still written, as 0.
is out "$k,district,Rugby,recorded_crime,Homicide" "0,106350,0.00"
# North Warwickshire is both a district and a policing area: both rows.
has out "$k,district,North Warwickshire,"
has out "$k,policing_area,North Warwickshire,"
# No area of another force is written.
hasnt out "Bromsgrove"
hasnt out "West Mercia"
