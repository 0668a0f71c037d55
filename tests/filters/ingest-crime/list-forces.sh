# --list-forces prints the forces the inputs' records name, as the force
# column holds them (police.uk "Falls within" without " Police"; a force
# extract's force column, else --force), one a line in byte order, and
# writes no stream.
source "$CASE/lib.inc"
printf '%s\n' "$STREET_HDR" \
	"f1,2019-01,West Mercia Police,West Mercia Police,-1.5,52.3,On or near A,E01031234,Warwick 010A,Burglary,," \
	"f2,2019-01,Warwickshire Police,Warwickshire Police,-1.5,52.3,On or near A,E01031234,Warwick 010A,Burglary,," >s.csv
printf '%s\n' 'crime_ref,recorded_date,offence_code,offence_desc,district,lsoa_code,victim_id,victim_type,markers,outcome_code,outcome_date,mo_text,force' \
	'C1,2019-01-02,8N,Assault,Rugby,E01031234,V1,person,,,,x,Avon and Somerset' \
	'C2,2019-01-02,8N,Assault,Rugby,E01031234,V1,person,,,,x,' >f.csv
run 0 "$BIN/ingest-crime" --list-forces --force 'Thames Valley' s.csv f.csv
printf '%s\n' 'Avon and Somerset' 'Thames Valley' 'Warwickshire' 'West Mercia' >want
same want out
run 1 "$BIN/ingest-crime" --list-forces s.csv missing.csv
has err "missing.csv"
