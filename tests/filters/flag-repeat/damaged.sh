# A truncated gzip input: the records before the damage are kept, counted
# and written; the damage is reported and the status is 1.
H=record_id,source,crime_count,month,recorded_date,force,crime_type,offence_code,crime_group,lsoa_code,lsoa_name,district,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,outcome_text,mo_text
{
	echo "$H"
	for i in $(seq 1 30000); do
		echo "c$i,x:$i,1,2019-0$((i % 9 + 1)),,Warwickshire,,,,,,Rugby,,,V$((i * 7919 % 10007)),person,,,,,"
	done
} | gzip -9 >full.csv.gz
size=$(wc -c <full.csv.gz)
head -c $((size / 2)) full.csv.gz >cut.csv.gz
run 1 "$BIN/flag-repeat" --stats cut.csv.gz
has err "cut.csv.gz"
accounted err
# Every record written is whole: 21 input fields and 4 added, and the
# header says the same.
awk -F, '{ print NF }' out | sort -u >nf
eq "fields per line" 25 "$(cat nf)"
[ "$(lines out)" -gt 1000 ] || fail "too few records kept: $(lines out)"
