# The police.uk street sample (DEFINITIONS.md 1.1, 2.1, 2.2; docs/stream.md
# column table), checked row by row against awk over the raw file (it holds
# no quotes, so awk -F, splits it exactly; so does the output).
source "$CASE/lib.inc"
cp "$SAMPLE_STREET" street.csv
run 0 "$BIN/ingest-crime" --stats street.csv
raw_rows=$(awk 'END { print NR - 1 }' street.csv)
eq stats "read $raw_rows, written $raw_rows, rejected 0" "$(stats_of err)"
eq header "$CANON,$STREET_EXTRAS" "$(head -n 1 out)"

# Counts by Crime type: raw column 10 vs output crime_type.
awk -F, 'NR > 1 { print $10 }' street.csv | sort | uniq -c >want_types
csvcol out crime_type | sort | uniq -c >got_types
same want_types got_types

# Row by row.  Output row i is raw line i + 1.  Expected, by the column
# table: record_id = Crime ID, or street.csv:<line> for ASB (empty id);
# crime_count 0 for ASB, else 1 (the sample has no repeated id: checked
# below); force "Warwickshire" ("Warwickshire Police" less " Police");
# district = the LSOA code's district in the LSOA table (DEFINITIONS.md
# 1.1: never the LSOA name's words), empty without a code (No Location
# rows); crime_group = the DEF 2.2 coarse group, written out
# here by hand.
repeats=$(awk -F, 'NR > 1 && $1 != "" { print $1 }' street.csv | sort | uniq -d | wc -l)
lad_map "$ROOT/reference/lsoa11.csv" lsoa_code district >lad.tsv
eq "repeated ids in the sample" 0 "$repeats"
awk -F, '
BEGIN {
	g["Violence and sexual offences"] = "Violence and sexual offences"
	g["Robbery"] = "Robbery"; g["Burglary"] = "Burglary"
	g["Vehicle crime"] = "Vehicle offences"
	g["Theft from the person"] = "Theft from the person"
	g["Bicycle theft"] = "Bicycle theft"; g["Shoplifting"] = "Shoplifting"
	g["Other theft"] = "All other theft offences"
	g["Criminal damage and arson"] = "Criminal damage & arson"
	g["Drugs"] = "Drug offences"
	g["Possession of weapons"] = "Possession of weapons"
	g["Public order"] = "Public order offences"
	g["Other crime"] = "Miscellaneous crimes against society"
	g["Anti-social behaviour"] = "Anti-social behaviour"
}
FILENAME == "lad.tsv" { split($0, kv, "\t"); lad[kv[1]] = kv[2]; next }
FNR == 1 { next }
{
	asb = $10 == "Anti-social behaviour"
	where = "street.csv:" FNR
	d = ($8 in lad) ? lad[$8] : ""
	# record_id,source,crime_count,month,recorded_date,force,crime_type,
	# offence_code,crime_group,lsoa_code,lsoa_name,district,latitude,
	# longitude,victim_id,victim_type,markers,outcome_code,outcome_date,
	# outcome_text,mo_text,Reported by,Falls within,Location,Context
	print ($1 == "" ? where : $1), where, (asb ? 0 : 1), $2, "", "Warwickshire", $10, "", g[$10], $8, $9, d, $6, $5, "", "", "", "", "", $11, "", $3, $4, $7, $12
}' OFS=, lad.tsv street.csv >want_rows
tail -n +2 out >got_rows
same want_rows got_rows

# Spot checks of the rules the issue names.
has out ',Birmingham 012E,Birmingham,'
awk -F, 'NR > 1 && tolower($24) == "no location" && ($10 != "" || $11 != "" || $12 != "") { bad++ } END { exit bad > 0 }' out ||
	fail "a No Location row has an LSOA or district"
asb=$(awk -F, 'NR > 1 && $10 == "Anti-social behaviour"' street.csv | wc -l)
asb_ok=$(awk -F, 'NR > 1 && $9 == "Anti-social behaviour" && $3 == 0 && $1 == $2 { n++ } END { print n + 0 }' out)
eq "ASB rows with crime_count 0 and record_id = source" "$asb" "$asb_ok"
eq "sum of crime_count" $((raw_rows - asb)) "$(csvcol out crime_count | awk '{ s += $1 } END { print s }')"
