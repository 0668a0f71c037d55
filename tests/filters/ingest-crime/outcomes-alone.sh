# A police.uk outcomes file alone gives an outcome-update stream
# (docs/stream.md "Outcome updates"): one record per row, record_id =
# Crime ID, crime_count 0, month = the outcomes file's Month, outcome_text
# = Outcome type, location columns as given, crime columns empty; extras
# Reported by, Falls within, Location.  Checked row by row with awk over
# the raw file (no quotes in it).
source "$CASE/lib.inc"
cp "$SAMPLE_OUTCOMES" outcomes.csv
run 0 "$BIN/ingest-crime" --stats outcomes.csv
raw_rows=$(awk 'END { print NR - 1 }' outcomes.csv)
eq stats "read $raw_rows, written $raw_rows, rejected 0" "$(stats_of err)"
eq header "$CANON,Reported by,Falls within,Location" "$(head -n 1 out)"
# The district is the LSOA code's in the LSOA table (DEFINITIONS.md 1.1).
lad_map "$ROOT/reference/lsoa11.csv" lsoa_code district >lad.tsv
awk -F, 'FILENAME == "lad.tsv" { split($0, kv, "\t"); lad[kv[1]] = kv[2]; next }
FNR > 1 {
	d = ($8 in lad) ? lad[$8] : ""
	f = $4; sub(/ Police$/, "", f)
	print $1, "outcomes.csv:" FNR, 0, $2, "", f, "", "", "", $8, $9, d, $6, $5, "", "", "", "", "", $10, "", $3, $4, $7
}' OFS=, lad.tsv outcomes.csv >want
tail -n +2 out >got
same want got
# The sample's first row is an update in 2019-04 of a January crime: the
# month is the update's.
eq "month of row 1" 2019-04 "$(field out 1 month)"
