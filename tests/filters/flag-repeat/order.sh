# Output order is input order, whatever the months: the records below are
# deliberately out of month order and the whole output is compared.
# V1: 2019-09, 2019-01, 2019-05, 2018-09 (in that input order)
#   2019-09: window 2018-10..2019-09 holds 2019-01, 2019-05, 2019-09 -> 3, Y
#   2019-01: window 2018-02..2019-01 holds 2018-09, 2019-01 -> 2, Y
#   2019-05: window 2018-06..2019-05 holds 2018-09, 2019-01, 2019-05 -> 3, Y
#   2018-09: window 2017-10..2018-09 holds itself -> 1, N
# V2: 2019-01 (DA) once -> 1, N, 1, N
H=record_id,source,crime_count,month,recorded_date,force,crime_type,offence_code,crime_group,lsoa_code,lsoa_name,district,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,outcome_text,mo_text
cat >in.csv <<EOF2
$H
r1,x:2,1,2019-09,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,
r2,x:3,1,2019-01,,Warwickshire,,,,,,Rugby,,,V2,person,DA,,,,
r3,x:4,1,2019-01,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,
r4,x:5,1,2019-05,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,
r5,x:6,1,2018-09,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,
EOF2
cat >expect <<EOF2
$H,victim_offences_12m,repeat_victim,da_victim_offences_12m,da_repeat_victim
r1,x:2,1,2019-09,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,,3,Y,,
r2,x:3,1,2019-01,,Warwickshire,,,,,,Rugby,,,V2,person,DA,,,,,1,N,1,N
r3,x:4,1,2019-01,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,,2,Y,,
r4,x:5,1,2019-05,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,,3,Y,,
r5,x:6,1,2018-09,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,,1,N,,
EOF2
run 0 "$BIN/flag-repeat" in.csv
same expect out
# The same from standard input.
run 0 "$BIN/flag-repeat" <in.csv
same expect out
run 0 "$BIN/flag-repeat" - <in.csv
same expect out
