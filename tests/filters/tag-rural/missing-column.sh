# lsoa_code is needed: a stream without it is an error naming the column
# (exit 1, nothing written).  oa_code, offence_desc, mo_text and markers
# are optional (see themes.sh for a stream without them).
printf 'record_id,district\nr1,Rugby\n' >in.csv
run 1 "$BIN/tag-rural" in.csv
has err "tag-rural: in.csv:1: field 'lsoa_code': no such column in the header"
eq stdout "" "$(cat out)"
# The smallest usable stream: only lsoa_code.
printf 'lsoa_code\nE01031148\n\n' >min.csv
run 1 "$BIN/tag-rural" min.csv
printf 'lsoa_code,ruc11,rural,rural_theme\nE01031148,D1,Y,\n' >want
same want out
has err "min.csv:3"
