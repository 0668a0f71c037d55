# Source columns whose names clash with canonical ones are renamed, and a
# rename never takes a name another column has (issue 8, defect 7: source
# columns source,record_id,source_source = s,r,ss came out as one
# source_source = ss, and s was lost with exit 0).  The rule (docs/
# stream.md): "source_" is put before a clashing name until no column
# has it; a column that does not clash keeps its own name.
source "$CASE/lib.inc"
printf '%s\n' 'crime_ref,recorded_date,offence_code,offence_desc,district,lsoa_code,victim_id,victim_type,markers,outcome_code,outcome_date,mo_text,source,record_id,source_source' \
	'C1,2019-01-02,8N,Assault,Rugby,E01031234,V1,person,,,,x,s,r,ss' >f.csv
run 0 "$BIN/ingest-crime" --force Warwickshire f.csv
eq "extra columns" "offence_desc,source_source_source,source_record_id,source_source" \
	"$(head -n 1 out | cut -d, -f22-)"
eq "their values" "Assault,s,r,ss" "$(tail -n 1 out | cut -d, -f22-)"
