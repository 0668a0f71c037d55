# Helpers for the tag-rural cases (sourced; not a case itself).
# A canonical stream (docs/stream.md) with the force-extract extras
# offence_desc, dwelling, oa_code; tag-rural appends ruc11, rural,
# rural_theme after them.
HDR='record_id,source,crime_count,month,recorded_date,force,crime_type,offence_code,crime_group,lsoa_code,lsoa_name,district,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,outcome_text,mo_text,offence_desc,dwelling,oa_code'

# row ID LSOA OA DESC MO MARKERS: one record (no commas in the values).
row() {
	echo "$1,x.csv:2,1,2019-12,2019-12-03,Warwickshire,Other theft,49,All other theft offences,$2,,Rugby,,,V1,person,${6-},,,,${5-},${4-},,${3-}"
}

# tagged FILE: "record_id ruc11 rural rural_theme" per record, for simple
# CSV (no quoted commas).
tagged() {
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	    { print $c["record_id"] " " $c["ruc11"] " " $c["rural"] " " $c["rural_theme"] }' "$1"
}
