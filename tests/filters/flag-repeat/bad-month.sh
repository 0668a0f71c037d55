# A record with a countable victim and a month that is not a valid YYYY-MM
# is rejected naming the original file, line and field; it is not counted
# in anyone's history.  read = written + rejected.
#   line 2 a: V1 2019-05 -> V1's offences are a and c (b is rejected); c is
#             later than a, so a's window holds a only -> 1, N
#   line 3 b: V1 '2019-13' -> rejected
#   line 4 c: V1 2019-06 -> a and c -> 2, Y (b, had it counted, would make 3)
#   line 5 d: V2 '2019-6' -> rejected (not YYYY-MM)
#   line 6 e: V2 2019-06 -> only e counts -> 1, N
#   line 7 f: organisation with month 'junk': not countable, passed through
H=record_id,source,crime_count,month,recorded_date,force,crime_type,offence_code,crime_group,lsoa_code,lsoa_name,district,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,outcome_text,mo_text
cat >in.csv <<EOF2
$H
a,x:2,1,2019-05,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,
b,x:3,1,2019-13,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,
c,x:4,1,2019-06,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,
d,x:5,1,2019-6,,Warwickshire,,,,,,Rugby,,,V2,person,,,,,
e,x:6,1,2019-06,,Warwickshire,,,,,,Rugby,,,V2,person,,,,,
f,x:7,1,junk,,Warwickshire,,,,,,Rugby,,,O1,organisation,,,,,
EOF2
cat >expect <<EOF2
a 1 N  
c 2 Y  
e 1 N  
f    
EOF2
run 1 "$BIN/flag-repeat" --stats in.csv
awk -F, 'NR > 1 { print $1, $(NF-3), $(NF-2), $(NF-1), $NF }' out >got
same expect got
has err "flag-repeat: x:3: field 'month': '2019-13' is not a valid month (YYYY-MM) (stream in.csv:3)"
has err "flag-repeat: x:5: field 'month': '2019-6' is not a valid month (YYYY-MM) (stream in.csv:5)"
eq "stats" "read 6, written 4, rejected 2" "$(stats_of err)"
accounted err

# With -r the rows go to the rejects file and the status is 0.
run 0 "$BIN/flag-repeat" -r rej.csv --stats in.csv
awk -F, 'NR > 1 { print $1, $(NF-3), $(NF-2), $(NF-1), $NF }' out >got
same expect got
cat >rej.expect <<EOF2
reject_stage,reject_reason,source,record
flag-repeat,field 'month': '2019-13' is not a valid month (YYYY-MM) (stream in.csv:3),x:3,"b,x:3,1,2019-13,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,"
flag-repeat,field 'month': '2019-6' is not a valid month (YYYY-MM) (stream in.csv:5),x:5,"d,x:5,1,2019-6,,Warwickshire,,,,,,Rugby,,,V2,person,,,,,"
EOF2
same rej.expect rej.csv
accounted err
hasnt err "in.csv:3"

# A record the reader cannot use (a field count unlike the header's) is
# rejected by line too, and the lines after it are still named right.
{ cat in.csv; echo "g,x:8,1"; echo "h,x:9,1,2019-13,,W,,,,,,R,,,V3,person,,,,,"; } >in2.csv
run 1 "$BIN/flag-repeat" --stats in2.csv
has err "flag-repeat: in2.csv:8: 3 fields, the header has 21"
has err "flag-repeat: x:9: field 'month': '2019-13' is not a valid month (YYYY-MM) (stream in2.csv:9)"
eq "stats" "read 8, written 4, rejected 4" "$(stats_of err)"
