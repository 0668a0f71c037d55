# Several inputs are one stream: a victim's history spans files, output is
# in the order the files are named, and line numbers name each file.
# one.csv: a V1 2019-01; b V2 2019-02 (DA)
# two.csv: c V1 2019-03; d V2 2019-12 (DA); e V1 bad month (line 4)
#   a: V1 has a, c (e rejected) -> window 2018-02..2019-01 holds a -> 1, N
#   b: V2 has b, d; window 2018-03..2019-02 holds b -> 1, N, DA 1, N
#   c: window 2018-04..2019-03 holds a, c -> 2, Y
#   d: window 2019-01..2019-12 holds b, d -> 2, Y, DA 2, Y
H=record_id,source,crime_count,month,recorded_date,force,crime_type,offence_code,crime_group,lsoa_code,lsoa_name,district,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,outcome_text,mo_text
cat >one.csv <<EOF2
$H
a,x:2,1,2019-01,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,
b,x:3,1,2019-02,,Warwickshire,,,,,,Rugby,,,V2,person,DA,,,,
EOF2
cat >two.csv <<EOF2
$H
c,y:2,1,2019-03,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,
d,y:3,1,2019-12,,Warwickshire,,,,,,Rugby,,,V2,person,DA,,,,
e,y:4,1,2019-00,,Warwickshire,,,,,,Rugby,,,V1,person,,,,,
EOF2
cat >expect <<EOF2
a 1 N  
b 1 N 1 N
c 2 Y  
d 2 Y 2 Y
EOF2
run 1 "$BIN/flag-repeat" --stats one.csv two.csv
awk -F, 'NR > 1 { print $1, $(NF-3), $(NF-2), $(NF-1), $NF }' out >got
same expect got
eq "header lines" 1 "$(grep -c '^record_id' out)"
has err "flag-repeat: y:4: field 'month': '2019-00' is not a valid month (YYYY-MM) (stream two.csv:4)"
eq "stats" "read 5, written 4, rejected 1" "$(stats_of err)"

# A gzip-compressed input is read like a plain one.
gzip -c two.csv >two.csv.gz
run 1 "$BIN/flag-repeat" one.csv two.csv.gz
awk -F, 'NR > 1 { print $1, $(NF-3), $(NF-2), $(NF-1), $NF }' out >got
same expect got
has err "y:4: field 'month': '2019-00' is not a valid month (YYYY-MM) (stream two.csv.gz:4)"

# An input whose header differs from the first one's is skipped with an
# error naming it (exit 1); the others are processed.
sed '1s/,mo_text$/,mo_text,extra/; 2,$s/$/,z/' two.csv >other.csv
run 1 "$BIN/flag-repeat" one.csv other.csv
has err "flag-repeat: other.csv:1: header differs from that of one.csv"
# Only one.csv counts: a 1 N, b 1 N 1 N.
printf 'a 1 N  \nb 1 N 1 N\n' >expect2
awk -F, 'NR > 1 { print $1, $(NF-3), $(NF-2), $(NF-1), $NF }' out >got
same expect2 got

# A required column missing: an error naming it, the input skipped.
cut -d, -f1-14,16- one.csv >novictim.csv
run 1 "$BIN/flag-repeat" novictim.csv two.csv
has err "flag-repeat: novictim.csv:1: field 'victim_id': no such column"
# two.csv alone: c V1 2019-03 -> 1, N; d V2 2019-12 -> 1, N, 1, N.
printf 'c 1 N  \nd 1 N 1 N\n' >expect3
awk -F, 'NR > 1 { print $1, $(NF-3), $(NF-2), $(NF-1), $NF }' out >got
same expect3 got
