# Output errors: /dev/full fails loudly with status 1; '| head -1' ends
# quietly (no message on stderr).
H=record_id,source,crime_count,month,recorded_date,force,crime_type,offence_code,crime_group,lsoa_code,lsoa_name,district,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,outcome_text,mo_text
{
	echo "$H"
	for i in $(seq 1 20000); do
		echo "c$i,x:$i,1,2019-0$((i % 9 + 1)),,Warwickshire,,,,,,Rugby,,,V$((i % 500)),person,DA,,,,"
	done
} >in.csv
"$BIN/flag-repeat" in.csv >/dev/full 2>err
eq "status to /dev/full" 1 $?
has err "flag-repeat: <stdout>: write error"

set +o pipefail
"$BIN/flag-repeat" in.csv 2>err | head -1 >first
eq "head -1" "$H,victim_offences_12m,repeat_victim,da_victim_offences_12m,da_repeat_victim" "$(cat first)"
eq "stderr under head" "" "$(cat err)"
