# Offences with an empty victim_id or victim_type organisation do not count
# (DEFINITIONS.md 2.5): their four columns are empty, they add to nobody's
# count, and their month is not checked (flag-repeat passes them through).
#   a: V1 person 2019-05 -> V1's only counted offence -> 1, N
#   b: V1 but organisation (same id): not counted, empty columns
#   c: empty victim_id, markers DA: empty columns
#   d: O1 organisation: empty columns
#   e: O1 organisation again: empty columns (would be 2 if it counted)
#   f: empty victim with a bad month '2019-13': passed through, no reject
#   g: 'Organisation' (any case, flag-repeat's decision) is not counted either
#   h: V1 person 2019-06, DA -> a and h -> 2, Y; DA h only -> 1, N
H=record_id,source,crime_count,month,recorded_date,force,crime_type,offence_code,crime_group,lsoa_code,lsoa_name,district,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,outcome_text,mo_text
cat >in.csv <<EOF2
$H
a,x:2,1,2019-05,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,
b,x:3,1,2019-05,,Warwickshire,,,,,,Rugby,,,V1,organisation,DA,,,,
c,x:4,1,2019-05,,Warwickshire,,,,,,Rugby,,,,,DA,,,,
d,x:5,1,2019-05,,Warwickshire,,,,,,Rugby,,,O1,organisation,,,,,
e,x:6,1,2019-05,,Warwickshire,,,,,,Rugby,,,O1,organisation,,,,,
f,x:7,1,2019-13,,Warwickshire,,,,,,Rugby,,,,,,,,,
g,x:8,1,2019-05,,Warwickshire,,,,,,Rugby,,,V1,Organisation,,,,,
h,x:9,1,2019-06,,Warwickshire,,,,,,Rugby,,,V1,person,DA,,,,
EOF2
cat >expect <<EOF2
a 1 N  
b    
c    
d    
e    
f    
g    
h 2 Y 1 N
EOF2
run 0 "$BIN/flag-repeat" --stats in.csv
awk -F, 'NR > 1 { print $1, $(NF-3), $(NF-2), $(NF-1), $NF }' out >got
same expect got
# Only V1 is a victim whose offences count.
has err "flag-repeat: read 8, written 8, rejected 0, victims 1, victim_bytes "
