# The 12-month window (DEFINITIONS.md 2.5): the offences of M-11 .. M.
# V1 has offences in 2019-12, 2018-12 and 2019-01 (given in that order).
#   2019-12: window 2019-01..2019-12 holds 2019-01 and 2019-12 (2018-12 is
#            M-12, out) -> 2, Y
#   2019-01: window 2018-02..2019-01 holds 2018-12 and 2019-01 (2019-12 is
#            later, not counted back) -> 2, Y
#   2018-12: window 2018-01..2018-12 holds only itself -> 1, N
# V2 has 2018-12 and 2019-12 only: exactly 12 months apart, so each record
# sees only itself -> 1, N and 1, N.
# V3 has 2019-01 and 2019-12: 2019-01 is M-11 of 2019-12 -> 2019-12 sees 2, Y;
# 2019-01 sees only itself (2019-12 is later) -> 1, N.
# No record has the DA marker: the DA columns are empty.
H=record_id,source,crime_count,month,recorded_date,force,crime_type,offence_code,crime_group,lsoa_code,lsoa_name,district,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,outcome_text,mo_text
cat >in.csv <<EOF2
$H
a,x:2,1,2019-12,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,
b,x:3,1,2018-12,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,
c,x:4,1,2019-01,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,
d,x:5,1,2018-12,,Warwickshire,,,,,,Rugby,,,V2,person,,,,,
e,x:6,1,2019-12,,Warwickshire,,,,,,Rugby,,,V2,person,,,,,
f,x:7,1,2019-12,,Warwickshire,,,,,,Rugby,,,V3,person,,,,,
g,x:8,1,2019-01,,Warwickshire,,,,,,Rugby,,,V3,person,,,,,
EOF2
cat >expect <<EOF2
a 2 Y  
b 1 N  
c 2 Y  
d 1 N  
e 1 N  
f 2 Y  
g 1 N  
EOF2
run 0 "$BIN/flag-repeat" in.csv
awk -F, 'NR > 1 { print $1, $(NF-3), $(NF-2), $(NF-1), $NF }' out >got
same expect got
has out "$H,victim_offences_12m,repeat_victim,da_victim_offences_12m,da_repeat_victim"
eq "stderr" "" "$(cat err)"
