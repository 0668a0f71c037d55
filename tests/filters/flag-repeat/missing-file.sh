# A missing file between two good ones: both good files are processed (their
# victims counted together), the missing one is named, and the status is 1.
# one.csv: a V1 2019-04; three.csv: b V1 2019-05
#   a: window 2018-05..2019-04 holds a -> 1, N
#   b: window 2018-06..2019-05 holds a, b -> 2, Y
H=record_id,source,crime_count,month,recorded_date,force,crime_type,offence_code,crime_group,lsoa_code,lsoa_name,district,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,outcome_text,mo_text
printf '%s\n%s\n' "$H" "a,x:2,1,2019-04,,Warwickshire,,,,,,Rugby,,,V1,person,,,,," >one.csv
printf '%s\n%s\n' "$H" "b,z:2,1,2019-05,,Warwickshire,,,,,,Rugby,,,V1,person,,,,," >three.csv
run 1 "$BIN/flag-repeat" --stats one.csv missing.csv three.csv
printf 'a 1 N  \nb 2 Y  \n' >expect
awk -F, 'NR > 1 { print $1, $(NF-3), $(NF-2), $(NF-1), $NF }' out >got
same expect got
has err "missing.csv"
eq "stats" "read 2, written 2, rejected 0" "$(stats_of err)"
