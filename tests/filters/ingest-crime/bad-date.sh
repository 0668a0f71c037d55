# A force extract's recorded_date 2019-02-30 is no date (DEFINITIONS.md
# 2.1: a reject, not a guess); 2019-02-28 and 2020-02-29 are.
source "$CASE/lib.inc"
cat >d.csv <<'EOF2'
crime_ref,recorded_date,offence_code,offence_desc,district,lsoa_code,victim_id,victim_type,markers,outcome_code,outcome_date,mo_text,force
D1,2019-02-28,46,Shoplifting,Rugby,E01031000,,,,,,,Warwickshire
D2,2019-02-30,46,Shoplifting,Rugby,E01031000,,,,,,,Warwickshire
D3,2020-02-29,46,Shoplifting,Rugby,E01031000,,,,,,,Warwickshire
EOF2
sed -n 3p d.csv | tr -d '\n' >raw
bad_input d.csv 3 recorded_date D1,D3
has err_nor "2019-02-30"
tsv rej.csv | cut -f2 >reason
has reason "2019-02-30"
