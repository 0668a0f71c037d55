# An offence code not in the offence table is a reject naming the code
# (DEFINITIONS.md 2.2: never a silent "other").
source "$CASE/lib.inc"
cat >o.csv <<'EOF2'
crime_ref,recorded_date,offence_code,offence_desc,district,lsoa_code,victim_id,victim_type,markers,outcome_code,outcome_date,mo_text,force
O1,2019-12-01,46,Shoplifting,Rugby,E01031000,,,,,,,Warwickshire
O2,2019-12-01,99Z,Made up,Rugby,E01031000,,,,,,,Warwickshire
O3,2019-12-01,58C,Criminal damage to a vehicle,Rugby,E01031000,,,,,,,Warwickshire
EOF2
sed -n 3p o.csv | tr -d '\n' >raw
bad_input o.csv 3 offence_code O1,O3
has err_nor "99Z"
tsv rej.csv | cut -f2 >reason
has reason "99Z"
