# DA counting (DEFINITIONS.md 2.5): the DA columns are filled on records with
# the DA marker only, and count only the victim's DA offences.
# V1: one DA offence (2019-03) and two others (2019-02, 2019-04), all within
# 12 months of each other:
#   a 2019-02 (not DA): window holds a -> 1, N; DA columns empty
#   b 2019-03 (DA):     all a,b -> 2, Y; DA only b -> 1, N
#   c 2019-04 (not DA): all a,b,c -> 3, Y; DA columns empty
# Marker tokens (';'-separated, exact, any case; blanks around a token are
# ignored -- flag-repeat's decision, see its man page):
# V2: d 'CAR;da' is DA, e 'DAX' is not, f 'HATE; DA ' is DA, g 'xDA;DAX' is not,
# all in 2019-05:  every record sees all 4 offences -> 4, Y;
#   d and f see the 2 DA ones (d, f) -> 2, Y; e and g get empty DA columns.
# V3: h 'DA' in 2019-05 alone -> 1, N, 1, N.
H=record_id,source,crime_count,month,recorded_date,force,crime_type,offence_code,crime_group,lsoa_code,lsoa_name,district,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,outcome_text,mo_text
cat >in.csv <<EOF2
$H
a,x:2,1,2019-02,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,
b,x:3,1,2019-03,,Warwickshire,,,,,,Rugby,,,V1,person,DA,,,,
c,x:4,1,2019-04,,Warwickshire,,,,,,Rugby,,,V1,person,HATE,,,,
d,x:5,1,2019-05,,Warwickshire,,,,,,Rugby,,,V2,person,CAR;da,,,,
e,x:6,1,2019-05,,Warwickshire,,,,,,Rugby,,,V2,person,DAX,,,,
f,x:7,1,2019-05,,Warwickshire,,,,,,Rugby,,,V2,person,HATE; DA ,,,,
g,x:8,1,2019-05,,Warwickshire,,,,,,Rugby,,,V2,person,xDA;DAX,,,,
h,x:9,1,2019-05,,Warwickshire,,,,,,Rugby,,,V3,person,DA,,,,
EOF2
cat >expect <<EOF2
a 1 N  
b 2 Y 1 N
c 3 Y  
d 4 Y 2 Y
e 4 Y  
f 4 Y 2 Y
g 4 Y  
h 1 N 1 N
EOF2
run 0 "$BIN/flag-repeat" in.csv
awk -F, 'NR > 1 { print $1, $(NF-3), $(NF-2), $(NF-1), $NF }' out >got
same expect got
