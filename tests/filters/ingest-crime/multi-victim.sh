# Multi-victim crimes in a force extract (DEFINITIONS.md 1.3): rows
# sharing crime_ref are one crime, the first counts it (crime_count 1),
# later rows add victims (0).  A later row disagreeing on recorded_date,
# offence_code or district is rejected naming the field and the first
# row's line; so is a row repeating a victim already on the crime.
source "$CASE/lib.inc"
H='crime_ref,recorded_date,offence_code,offence_desc,district,lsoa_code,victim_id,victim_type,markers,outcome_code,outcome_date,mo_text'
cat >m.csv <<EOF2
$H
M1,2019-12-01,8N,Assault with injury,Rugby,E01031000,V1,person,,,,
M1,2019-12-01,8N,Assault with injury,Rugby,E01031000,V2,person,,,,
M2,2019-12-01,8N,Assault with injury,Rugby,E01031000,V3,person,,,,
M1,2019-12-02,8N,Assault with injury,Rugby,E01031000,V4,person,,,,
M1,2019-12-01,8L,Harassment,Rugby,E01031000,V5,person,,,,
M1,2019-12-01,8N,Assault with injury,Warwick,E01031000,V6,person,,,,
M1,2019-12-01,8N,Assault with injury,Rugby,E01031000,V1,person,,,,
M1,2019-12-01,8N,Assault with injury,Rugby,E01031000,V2,person,,,,
M1,2019-12-01,8n,Assault with injury,Rugby,E01031000,V7,person,,,,
EOF2
# Lines: 2 M1/V1 counts (1); 3 M1/V2 adds a victim (0); 4 M2 counts (1);
# 5 date differs, 6 code differs, 7 district differs: rejects naming
# m.csv:2; 8 repeats V1 (the first row's victim), 9 repeats V2 (the second
# row's): rejects; 10 '8n' is the same code 8N and a new victim: kept, 0.
run 1 "$BIN/ingest-crime" --stats --force Warwickshire m.csv
eq stats "read 9, written 4, rejected 5" "$(stats_of err)"
accounted err
printf '%s\n' M1,1,V1 M1,0,V2 M2,1,V3 M1,0,V7 >want
awk -F, 'NR > 1 { print $1 "," $3 "," $15 }' out >got
same want got
has err "m.csv:5: field 'recorded_date'"
has err "m.csv:6: field 'offence_code'"
has err "m.csv:7: field 'district'"
has err "m.csv:8: field 'victim_id'"
has err "m.csv:9: field 'victim_id'"
# Every one names the crime's first row.
eq "rejects naming m.csv:2" 5 "$(grep -c "m\.csv:[5-9]: .*m\.csv:2" err)"

# With -r: the same records written, the five rejects in the file, exit 0.
cp out out_nor
run 0 "$BIN/ingest-crime" -r rej.csv --stats --force Warwickshire m.csv
same out_nor out
accounted err
eq "rejects header" "reject_stage,reject_reason,source,record" "$(head -n 1 rej.csv)"
tsv rej.csv | cut -f1,3,4 >got_rej
for n in 5 6 7 8 9; do
	printf 'ingest-crime\tm.csv:%s\t%s\n' "$n" "$(sed -n "${n}p" m.csv)"
done >want_rej
same want_rej got_rej
tsv rej.csv | cut -f2 >reasons
eq "reasons naming their field" 5 "$(grep -c 'recorded_date\|offence_code\|district\|victim' reasons)"
