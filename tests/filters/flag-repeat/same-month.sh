# Two offences of one victim in the same month M: each record's window
# (M-11 .. M) holds both, so both records see 2 and are repeat victims
# (DEFINITIONS.md 2.5: at least one *other* offence in the window).
# A third victim-month elsewhere: V2 once in 2019-06 -> 1, N.
H=record_id,source,crime_count,month,recorded_date,force,crime_type,offence_code,crime_group,lsoa_code,lsoa_name,district,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,outcome_text,mo_text
cat >in.csv <<EOF2
$H
a,x:2,1,2019-06,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,
b,x:3,1,2019-06,,Warwickshire,,,,,,Rugby,,,V2,person,,,,,
c,x:4,1,2019-06,,Warwickshire,,,,,,Warwick,,,V1,person,,,,,
EOF2
cat >expect <<EOF2
a 2 Y  
b 1 N  
c 2 Y  
EOF2
run 0 "$BIN/flag-repeat" in.csv
awk -F, 'NR > 1 { print $1, $(NF-3), $(NF-2), $(NF-1), $NF }' out >got
same expect got
