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
	rec id=U3 district=Atlantis lsoa=               # unknown district
	rec id=U4 district= lsoa=E01009001             # outside force area
	rec id=U5 district=Coventry lsoa=               # outside force area
	rec id=U6 district= lsoa=E01099999             # unknown district
	# A district by its ONS code, and by another name of the areas table
	rec id=A7 district=E07000220 group="Vehicle offences"
	rec id=A8 district="Nuneaton & Bedworth" group="Vehicle offences"
	# No district: placed by its LSOA (E01031234: Stratford-on-Avon)
	rec id=A9 district= lsoa=E01031234 group="Vehicle offences"
	# A district name no table knows: its LSOA says where
	rec id=A10 district="Warwick DC" lsoa=E01031234 group="Vehicle offences"
	rec id=W1 force="West Mercia" district=Bromsgrove
	rec id=S1 cc=0 district=Rugby group="Anti-social behaviour"
	rec id=S2 cc=0 district= lsoa= group="Anti-social behaviour"
} >in.csv
run 0 "$BIN/aggregate-district" --month 2019-12 --force Warwickshire in.csv
k=2019-12
T="recorded_crime,Total recorded crime"
# Districts (docs/measures.md "Placement": the district field by ONS code,
# name or other name, else the LSOA through the LSOA lookup): Rugby 2
# (A1; A7 by its code E07000220), N&B 2 (A2; A8 "Nuneaton & Bedworth"),
# NW 1 (A3), Warwick 1 (A4), Stratford 4 (A5, A6 — its second row counts
# 0 —, A9 by its LSOA, A10 whose "Warwick DC" no table knows, by its
# LSOA).
eq Rugby 2 "$(fig out "$k,district,Rugby,$T" | cut -d, -f1)"
eq NuB 2 "$(fig out "$k,district,Nuneaton and Bedworth,$T" | cut -d, -f1)"
eq NW 1 "$(fig out "$k,district,North Warwickshire,$T" | cut -d, -f1)"
eq Warwick 1 "$(fig out "$k,district,Warwick,$T" | cut -d, -f1)"
eq Stratford 4 "$(fig out "$k,district,Stratford-on-Avon,$T" | cut -d, -f1)"
# Policing areas (DEFINITIONS.md 1.4): North = NW + N&B + Rugby = 5 with
# population 64069 + 128659 + 106350 = 299078; South = Stratford + Warwick
# = 5 with 125202 + 140282 = 265484.
eq North "5,299078" "$(fig out "$k,policing_area,North Warwickshire,$T" | cut -d, -f1,2)"
eq South "5,265484" "$(fig out "$k,policing_area,South Warwickshire,$T" | cut -d, -f1,2)"
# Unplaced crimes (summed by crime_count, so that the force total is its
# districts' plus these): U1 no lsoa; U2 (Coventry, a Birmingham LSOA),
# U4 (a Birmingham LSOA), U5 (Coventry: an ONS district, not the
# force's) outside force area; U3 (Atlantis: no table knows it, no LSOA)
# and U6 (an LSOA code the lookup lacks) unknown district.  S2 (ASB, no
# district, no lsoa) is an unplaced ASB incident, counted apart as "ASB
# no lsoa": force asb 2 = Rugby 1 + 1.
is out "$k,force,Warwickshire,unplaced,no lsoa" "1,,"
is out "$k,force,Warwickshire,unplaced,ASB no lsoa" "1,,"
is out "$k,force,Warwickshire,unplaced,ASB outside force area" "0,,"
is out "$k,force,Warwickshire,unplaced,outside force area" "3,,"
is out "$k,force,Warwickshire,unplaced,unknown district" "2,,"
hasnt out "district,Coventry"
hasnt out ",district,Rugby,unplaced"
# Force = districts 10 + unplaced crimes 6 = 16; W1 (West Mercia) is not
# counted; the force population is the five districts' 564562:
# 16 * 1000 / 564562 = 0.0283 -> 0.03.
is out "$k,force,Warwickshire,$T" "16,564562,0.03"
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
