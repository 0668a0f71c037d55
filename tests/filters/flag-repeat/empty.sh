# An empty input has no header: a message and status 1, no output.  A
# header with no records gives the header with the added columns.
: >empty.csv
run 1 "$BIN/flag-repeat" --stats empty.csv
has err "empty.csv"
eq "stdout" "" "$(cat out)"
eq "stats" "read 0, written 0, rejected 0" "$(stats_of err)"
H=record_id,source,crime_count,month,recorded_date,force,crime_type,offence_code,crime_group,lsoa_code,lsoa_name,district,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,outcome_text,mo_text
echo "$H" >head.csv
run 0 "$BIN/flag-repeat" --stats head.csv
echo "$H,victim_offences_12m,repeat_victim,da_victim_offences_12m,da_repeat_victim" >expect
same expect out
has err "read 0, written 0, rejected 0, victims 0, victim_bytes "
