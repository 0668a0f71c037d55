# Crime groups of force extracts through the offence table (DEFINITIONS.md
# 2.2, docs/stream.md "Decision - residential burglary"):
#   8L harassment, 8R malicious communications -> Violence without injury
#     (the summary's rule, not the ONS tree);
#   28E with dwelling Y -> Burglary – residential (dwelling),
#       dwelling N -> Burglary – business & community,
#       dwelling empty -> residential (dwelling), and the run reports that
#       it assumed 1 such row;
#   '8n' in lower case is 8N (Violence with injury), written as 8N.
source "$CASE/lib.inc"
cat >g.csv <<'EOF2'
crime_ref,recorded_date,offence_code,offence_desc,district,dwelling,lsoa_code,victim_id,victim_type,markers,outcome_code,outcome_date,mo_text
R1,2019-12-01,8L,Harassment,Rugby,,E01031000,V1,person,,,,
R2,2019-12-02,8R,Malicious communications,Rugby,,E01031000,V2,person,,,,
R3,2019-12-03,28E,Burglary - residential,Warwick,Y,E01031001,V3,person,,,,
R4,2019-12-04,28E,Burglary - residential,Warwick,N,E01031001,V4,person,,,,
R5,2019-12-05,28E,Burglary - residential,Warwick,,E01031001,V5,person,,,,
R6,2019-12-06,8n,Assault with injury,Rugby,,E01031000,V6,person,,,,
EOF2
run 0 "$BIN/ingest-crime" --stats --force Warwickshire g.csv
eq stats "read 6, written 6, rejected 0" "$(stats_of err)"
printf '%s\n' \
	'Violence without injury' \
	'Violence without injury' \
	'Burglary – residential (dwelling)' \
	'Burglary – business & community' \
	'Burglary – residential (dwelling)' \
	'Violence with injury' >want_groups
csvcol out crime_group >got_groups
same want_groups got_groups
printf '%s\n' 8L 8R 28E 28E 28E 8N >want_codes
csvcol out offence_code >got_codes
same want_codes got_codes
# Police.uk categories of the codes.
printf '%s\n' 'Violence and sexual offences' 'Violence and sexual offences' \
	Burglary Burglary Burglary 'Violence and sexual offences' >want_types
csvcol out crime_type >got_types
same want_types got_types
# The dwelling column passes through as an extra, unchanged.
printf '%s\n' '' '' Y N '' '' >want_dw
csvcol out dwelling >got_dw
same want_dw got_dw
# One row (R5) was assumed residential: the note counts 1.
has err "1 residential burglary"
