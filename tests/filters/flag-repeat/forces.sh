# The alliance rule (DEFINITIONS.md 2.5): history counts the offences of all
# forces in the input, victims being identified by victim_id alone.
# V1: Warwickshire 2019-03, West Mercia 2019-04, Warwickshire 2019-05.
#   a (W 2019-03): a -> 1, N
#   b (WM 2019-04): a, b -> 2, Y
#   c (W 2019-05): a, b, c -> 3, Y
# V2 only in West Mercia 2019-05: 1, N (flag-repeat flags every force's
# records; aggregate-district picks the reporting force's victims).
H=record_id,source,crime_count,month,recorded_date,force,crime_type,offence_code,crime_group,lsoa_code,lsoa_name,district,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,outcome_text,mo_text
cat >in.csv <<EOF2
$H
a,x:2,1,2019-03,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,
b,x:3,1,2019-04,,West Mercia,,,,,,Worcester,,,V1,person,,,,,
c,x:4,1,2019-05,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,
d,x:5,1,2019-05,,West Mercia,,,,,,Worcester,,,V2,person,,,,,
EOF2
cat >expect <<EOF2
a 1 N  
b 2 Y  
c 3 Y  
d 1 N  
EOF2
run 0 "$BIN/flag-repeat" in.csv
awk -F, 'NR > 1 { print $1, $(NF-3), $(NF-2), $(NF-1), $NF }' out >got
same expect got
