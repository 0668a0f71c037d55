# Bad records, accounting, missing files, write errors, | head.
source "$CASE/lib.inc"
{
	echo "$HDR"
	rec id=G1
	rec id=B1 month=2019-13
	rec id=B2 cc=2
	rec id=B3 omonth=2019-1 ogroup=Other ocode=20
	rec id=B4 v12=two rep=Y victim=V1 vtype=person
	rec id=G2 district=Warwick
} >in.csv
# Without -r: each reject is a message naming the record's own source
# (its source column, s:<id> here: issue 9), its place in the stream and
# the field; the table is still written from the good records; exit 1.
run 1 "$BIN/aggregate-district" --month 2019-12 --stats in.csv
has err "aggregate-district: s:B1: field 'month': '2019-13' is not a valid month (stream in.csv:3)"
has err "s:B2: field 'crime_count': '2' is not 0 or 1 (stream in.csv:4)"
has err "s:B3: field 'outcome_month': '2019-1' is not a valid month (stream in.csv:5)"
has err "s:B4: field 'victim_offences_12m': 'two' is not a count (stream in.csv:6)"
accounted err
eq stats "read 6, written 2, rejected 4" "$(stats_of err)"
has err "other_force 0, measure_rows "
is out "2019-12,force,Warwickshire,recorded_crime,Total recorded crime" "2,564562,0.00"
# With -r: rejects rows, exit 0.
run 0 "$BIN/aggregate-district" --month 2019-12 -r rej.csv in.csv
eq "rejects rows" 5 "$(lines rej.csv)"
has rej.csv "aggregate-district,field 'month': '2019-13' is not a valid month (stream in.csv:3),s:B1,"
# A missing file between two good ones: both good files are read.
{ echo "$HDR"; rec id=H1 district=Warwick; } >b.csv
{ echo "$HDR"; rec id=H2 district=Warwick; } >c.csv
run 1 "$BIN/aggregate-district" --month 2019-12 b.csv no-such.csv c.csv
has err "no-such.csv"
is out "2019-12,district,Warwick,recorded_crime,Total recorded crime" "2,140282,0.01"
# A file with another header is skipped with a message naming it.
{ echo "$HDR,extra"; rec id=H3 district=Warwick | sed 's/$/,x/'; } >d.csv
run 1 "$BIN/aggregate-district" --month 2019-12 b.csv d.csv
has err "d.csv:1: header differs from that of b.csv"
is out "2019-12,district,Warwick,recorded_crime,Total recorded crime" "1,140282,0.01"
# A missing required column is an error naming it.
cut -d, -f1-16,18- b.csv >nomarkers.csv
run 1 "$BIN/aggregate-district" --month 2019-12 nomarkers.csv
has err "field 'markers': no such column"
# Half of flag-repeat's columns is an error too.
sed '1s/,da_repeat_victim,/,something_else,/' b.csv >half.csv
run 1 "$BIN/aggregate-district" --month 2019-12 half.csv
has err "field 'da_repeat_victim': no such column"
# Output to a full disk fails with exit 1 and a message.
"$BIN/aggregate-district" --month 2019-12 b.csv >/dev/full 2>err
eq "status on /dev/full" 1 $?
has err "write error"
# | head -1 ends quietly: no write error or broken-pipe noise.  (The
# table may fit in the pipe whole, so the run can also end normally and
# say where its rejects went; that line is not noise.)
set +o pipefail
"$BIN/aggregate-district" --month 2019-12 --force Warwickshire in.csv -r rej2.csv 2>err | head -1 >/dev/null
hasnt err "write error"
hasnt err "Broken pipe"
hasnt err "rror"
# No records at all: the header only.
echo "$HDR" >empty.csv
run 0 "$BIN/aggregate-district" --month 2019-12 empty.csv
eq "header only" "period,area_type,area,measure,category,value,denominator,rate" "$(cat out)"
