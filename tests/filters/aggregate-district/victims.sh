# Repeat victims (DEFINITIONS.md 2.5, 3; docs/measures.md).  The
# flag-repeat columns are given, as flag-repeat would have written them.
source "$CASE/lib.inc"
p="vtype=person"
{
	echo "$HDR"
	# V1: two December records, in Rugby and Warwick: counted in both
	# districts and both policing areas, once in the force; cohort 2.
	rec id=a1 victim=V1 $p v12=2 rep=Y district=Rugby
	rec id=a2 victim=V1 $p v12=2 rep=Y district=Warwick
	# V2: Rugby, 4 offences in 12 months; a West Mercia record in
	# December too (history of all forces: 2 records in M); a repeat
	# victim in October and November as well.
	rec id=b1 victim=V2 $p v12=4 rep=Y district=Rugby
	rec id=b2 victim=V2 $p v12=4 rep=Y force="West Mercia" district=Worcester
	rec id=b3 victim=V2 $p v12=3 rep=Y district=Rugby month=2019-11
	rec id=b4 victim=V2 $p v12=2 rep=Y district=Rugby month=2019-10
	# V3: a victim, not a repeat victim.
	rec id=c1 victim=V3 $p v12=1 rep=N district=Rugby
	# V4: Nuneaton and Bedworth, a DA record: 7 offences, 2 of them DA;
	# a (non-DA) repeat victim in November.
	rec id=d1 victim=V4 $p v12=7 rep=Y dav12=2 darep=Y markers=DA district="Nuneaton and Bedworth"
	rec id=d2 victim=V4 $p v12=6 rep=Y dav12=1 darep=N district="Nuneaton and Bedworth" month=2019-11
	# An organisation and a record with no victim never count.
	rec id=e1 victim=ORG1 vtype=organisation v12=5 rep=Y district=Rugby
	rec id=e2 district=Rugby
	# V5: November only.
	rec id=f1 victim=V5 $p v12=2 rep=Y district=Rugby month=2019-11
	# V6: 25 offences in 12 months: cohort 20+.
	rec id=g1 victim=V6 $p v12=25 rep=Y district=Rugby
} >in.csv
run 0 "$BIN/aggregate-district" --month 2019-12 --force Warwickshire in.csv
F="2019-12,force,Warwickshire"
R="2019-12,district,Rugby"
# December, force: victims V1 V2 V3 V4 V6 = 5; repeat V1 V2 V4 V6 = 4:
# 80.0%.  DA: V4, a DA repeat victim: 1 of 1.
is out "$F,victims,All" "5,,"
is out "$F,repeat_victims,All" "4,5,80.0"
is out "$F,victims,DA" "1,,"
is out "$F,repeat_victims,DA" "1,1,100.0"
# Rugby: V1 V2 V3 V6 = 4, repeat V1 V2 V6 = 3: 75.0.  Warwick: V1.
# North: V1 V2 V3 V4 V6 = 5, repeat 4; South: V1.
is out "$R,victims,All" "4,,"
is out "$R,repeat_victims,All" "3,4,75.0"
is out "2019-12,district,Warwick,repeat_victims,All" "1,1,100.0"
is out "2019-12,policing_area,North Warwickshire,repeat_victims,All" "4,5,80.0"
is out "2019-12,policing_area,South Warwickshire,victims,All" "1,,"
# Cohorts (force): 2 = V1 (12m 2, in M 2); 3-5 = V2 (4, in M 2 with the
# West Mercia record); 6-9 = V4 (7, 1); 20+ = V6 (25, 1); 10-19 none.
# Victims as % of 4 repeat victims; offences as % of 2+4+7+25 = 38 and
# of 2+2+1+1 = 6.
is out "$F,repeat_cohort_victims,2" "1,4,25.0"
is out "$F,repeat_cohort_victims,10-19" "0,4,0.0"
is out "$F,repeat_cohort_victims,20+" "1,4,25.0"
is out "$F,repeat_cohort_offences_12m,2" "2,38,5.3"
is out "$F,repeat_cohort_offences_12m,3-5" "4,38,10.5"
is out "$F,repeat_cohort_offences_12m,20+" "25,38,65.8"
is out "$F,repeat_cohort_offences_month,3-5" "2,6,33.3"
is out "$F,repeat_cohort_offences_month,6-9" "1,6,16.7"
# Rugby's cohort 2 is V1, whose December records are 2 (one in Warwick).
is out "$R,repeat_cohort_offences_month,2" "2,5,40.0"
# DA cohort: V4 with 2 DA offences: DA 2; 1 DA record in M.
is out "$F,repeat_cohort_victims,DA 2" "1,1,100.0"
is out "$F,repeat_cohort_offences_12m,DA 2" "2,2,100.0"
is out "$F,repeat_cohort_offences_month,DA 2" "1,1,100.0"
# Also a repeat victim in November: V2, V4 = 2 of 4; in each of October,
# November, December: V2 = 1.  DA: V4's November record is not DA: 0.
is out "$F,repeat_victims_also_prev,All" "2,4,50.0"
is out "$F,repeat_victims_3_months,All" "1,4,25.0"
is out "$F,repeat_victims_also_prev,DA" "0,1,0.0"
# November: V2 V4 V5, all repeat: 3; change (5 - 3) / 3 = 66.7%.
is out "2019-11,force,Warwickshire,victims,All" "3,,"
is out "$F,change_prev_month,victims:All" "66.7,3,"
# The records behind Rugby's December victims and repeat victims, in
# input order (not b2: West Mercia; not e1, e2).
run 0 "$BIN/aggregate-district" --month 2019-12 --force Warwickshire \
    --explain "victims,district,Rugby,All" in.csv
printf 'record_id,source\na1,s:a1\nb1,s:b1\nc1,s:c1\ng1,s:g1\n' >want
same want out
run 0 "$BIN/aggregate-district" --month 2019-12 --force Warwickshire \
    --explain "repeat_victims,force,Warwickshire,All" in.csv
printf 'record_id,source\na1,s:a1\na2,s:a2\nb1,s:b1\nd1,s:d1\ng1,s:g1\n' >want
same want out
run 0 "$BIN/aggregate-district" --month 2019-12 --force Warwickshire \
    --explain "2019-11,repeat_victims,force,Warwickshire,DA" in.csv
printf 'record_id,source\n' >want
same want out
