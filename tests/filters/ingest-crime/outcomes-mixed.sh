# Outcome updates are not crimes (docs/stream.md "Outcome updates"): with
# crime files in the run, an outcomes file is left out with a warning
# that says where it goes (compute-outcomes --outcomes), in either order,
# and so is a stop-and-search file: a police.uk download holds all three
# kinds in one zip.  The crimes are read as if alone.
source "$CASE/lib.inc"
run 0 "$BIN/ingest-crime" "$SAMPLE_STREET"
nosrc out >alone
run 0 "$BIN/ingest-crime" --stats "$SAMPLE_STREET" "$SAMPLE_OUTCOMES"
has err "$SAMPLE_OUTCOMES: warning: an outcomes file, not read with crimes; give it to compute-outcomes --outcomes"
has err "skipped_members 1"
nosrc out >mixed
same alone mixed
run 0 "$BIN/ingest-crime" "$SAMPLE_OUTCOMES" "$SAMPLE_STREET"
has err "warning: an outcomes file, not read with crimes"
# A police.uk zip: street, outcomes and stop-and-search members.
cp "$SAMPLE_STREET" 2019-01-warwickshire-street.csv
cp "$SAMPLE_OUTCOMES" 2019-01-warwickshire-outcomes.csv
printf '%s\n' 'Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing' \
	'Person search,2019-01-03T10:00:00+00:00,False,,52.3,-1.5,Male,18-24,,,Misuse of Drugs Act 1971 (section 23),Controlled drugs,A no further action disposal,False,False' \
	>2019-01-warwickshire-stop-and-search.csv
python3 -m zipfile -c police.zip 2019-01-warwickshire-street.csv \
	2019-01-warwickshire-outcomes.csv 2019-01-warwickshire-stop-and-search.csv
run 0 "$BIN/ingest-crime" --stats police.zip
has err "police.zip!2019-01-warwickshire-outcomes.csv: warning: an outcomes file"
has err "police.zip!2019-01-warwickshire-stop-and-search.csv: warning: a stop-and-search file, not crimes; not read"
rows=$(($(lines "$SAMPLE_STREET") - 1))
eq stats "read $rows, written $rows, rejected 0" "$(stats_of err)"
mv out stream.csv
# The same zip gives compute-outcomes its outcomes and nothing else:
# the joined crimes are the street Crime IDs that the outcomes file
# names (counted with comm).
run 0 "$BIN/compute-outcomes" --stats --outcomes police.zip stream.csv
has err "police.zip!2019-01-warwickshire-street.csv: warning: a street file, not outcomes; not read"
has err "police.zip!2019-01-warwickshire-stop-and-search.csv: warning: a stop-and-search file"
cut -d, -f1 "$SAMPLE_STREET" | tail -n +2 | grep . | sort -u >ids_street
cut -d, -f1 "$SAMPLE_OUTCOMES" | tail -n +2 | grep . | sort -u >ids_outcomes
joined=$(comm -12 ids_street ids_outcomes | wc -l | tr -d ' ')
has err "outcomes_joined $joined,"
