# One rule, one answer (issue 10): with markers "HATE;<tab>DA", flag-repeat
# saw DA (it trimmed tabs) and aggregate-district did not (it trimmed
# spaces only), so da_repeat_victim was Y while marker DA and victims DA
# were 0.  Both read markers through common/measures.c now.  By hand: V1
# has two offences in 2019-12, both with those markers: flag-repeat gives
# each da_victim_offences_12m 2 and da_repeat_victim Y; aggregate-district
# counts marker DA 2, marker HATE 2, DA victims 1, DA repeat victims 1.
H=record_id,source,crime_count,month,recorded_date,force,crime_type,offence_code,crime_group,lsoa_code,lsoa_name,district,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,outcome_text,mo_text
T=$(printf '\t')
{
	echo "$H"
	echo "c1,x:2,1,2019-12,2019-12-02,Warwickshire,,8N,Violence with injury,,,Rugby,,,V1,person,HATE;${T}DA,,,,"
	echo "c2,x:3,1,2019-12,2019-12-09,Warwickshire,,8N,Violence with injury,,,Rugby,,,V1,person,HATE;${T}DA,,,,"
} >in.csv
run 0 "$BIN/flag-repeat" in.csv
mv out repeat.csv
eq "da columns" "2,Y
2,Y" "$(awk -F, 'NR > 1 { print $(NF-1) "," $NF }' repeat.csv)"
run 0 "$BIN/aggregate-district" --month 2019-12 --force Warwickshire --allow-empty-month repeat.csv
F="2019-12,force,Warwickshire"
has out "$F,marker,DA,2,,"
has out "$F,marker,HATE,2,,"
has out "$F,victims,DA,1,,"
has out "$F,repeat_victims,DA,1,1,100.0"
