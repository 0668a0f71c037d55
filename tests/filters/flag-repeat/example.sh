# The man page's sample-data example: ingest-crime's stream of the sample
# extract (two forces, 2016-12..2019-12) goes through with every record
# accounted for, and every record's four columns agree with an independent
# awk implementation of DEFINITIONS.md 2.5.  tools/csvparse splits the
# CSV (it prints each field in brackets, '[' and ']' escaped) so that awk
# sees quoted commas right.
[ -f "$ROOT/sample-data/warwickshire-extract.csv.gz" ] || skip "no sample data"
[ -x "$BIN/csvparse" ] || skip "no csvparse"
"$BIN/ingest-crime" "$ROOT/sample-data/warwickshire-extract.csv.gz" >stream.csv 2>ingest.err ||
    skip "ingest-crime failed: $(tail -1 ingest.err)"
run 0 "$BIN/flag-repeat" --stats stream.csv
accounted err
eq "records" "$(lines stream.csv)" "$(lines out)"
mv out flagged.csv
# Fields 1 record_id, 4 month, 15 victim_id, 16 victim_type, 17 markers.
"$BIN/csvparse" stream.csv >fields || fail "csvparse failed"
awk -F'\t' '!/^header/ {
	s = substr($3, 2, length($3) - 2); split(s, f, /\]\[/)
	print f[1] "\t" f[4] "\t" f[15] "\t" f[16] "\t" f[17]
}' fields >victims.tsv
awk -F'\t' 'function mon(s) { return substr(s, 1, 4) * 12 + substr(s, 6, 2) - 1 }
function isda(s,   n, a, i) { n = split(toupper(s), a, ";"); for (i = 1; i <= n; i++) { gsub(/^[ \t]+|[ \t]+$/, "", a[i]); if (a[i] == "DA") return 1 } return 0 }
NR == FNR { if ($3 != "" && tolower($4) != "organisation") { all[$3, mon($2)]++; if (isda($5)) da[$3, mon($2)]++; v[$3] = 1 } next }
{
	if ($3 == "" || tolower($4) == "organisation") { print $1, "", "", "", ""; next }
	a = d = 0
	for (k = mon($2) - 11; k <= mon($2); k++) { a += all[$3, k]; d += da[$3, k] }
	if (isda($5)) print $1, a, (a >= 2 ? "Y" : "N"), d, (d >= 2 ? "Y" : "N")
	else print $1, a, (a >= 2 ? "Y" : "N"), "", ""
}
END { print length(v) >"nvictims" }' victims.tsv victims.tsv >expect
"$BIN/csvparse" flagged.csv >fields2 || fail "csvparse failed"
awk -F'\t' '!/^header/ {
	s = substr($3, 2, length($3) - 2); n = split(s, f, /\]\[/)
	print f[1], f[n-3], f[n-2], f[n-1], f[n]
}' fields2 >got
same expect got
has err "victims $(cat nvictims), victim_bytes"
# Some repeat victims, DA ones too, or the check proves little.
grep -q ' Y [0-9]* Y$' got || fail "no DA repeat victim in the sample"
