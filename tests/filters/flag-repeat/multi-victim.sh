# A crime with two victims is two rows (DEFINITIONS.md 1.3): the first with
# crime_count 1, the second with crime_count 0.  Every victim measure counts
# rows (2.1), so the second row is an offence for its own victim.
#   C1 row 1: V1, 2019-07 -> V1 has only this -> 1, N
#   C1 row 2: V2, 2019-07, crime_count 0 -> V2's window 2018-08..2019-07
#             holds this row only (C2 is later) -> 1, N
#   C2:       V2, 2019-08 -> C1 row 2 (crime_count 0, still V2's offence)
#             and C2 -> 2, Y
# (printed: record_id, crime_count, victim_offences_12m, repeat_victim)
H=record_id,source,crime_count,month,recorded_date,force,crime_type,offence_code,crime_group,lsoa_code,lsoa_name,district,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,outcome_text,mo_text
cat >in.csv <<EOF2
$H
C1,x:2,1,2019-07,2019-07-02,Warwickshire,,8N,,,,Rugby,,,V1,person,,,,,
C1,x:3,0,2019-07,2019-07-02,Warwickshire,,8N,,,,Rugby,,,V2,person,,,,,
C2,x:4,1,2019-08,2019-08-09,Warwickshire,,8N,,,,Rugby,,,V2,person,,,,,
EOF2
cat >expect <<EOF2
C1 1 1 N
C1 0 1 N
C2 1 2 Y
EOF2
run 0 "$BIN/flag-repeat" in.csv
awk -F, 'NR > 1 { print $1, $3, $(NF-3), $(NF-2) }' out >got
same expect got
