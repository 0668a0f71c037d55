# Cross-check against an independent awk implementation of DEFINITIONS.md
# 2.5 on a generated stream: 40 victims with offences spread over 36 months
# in a shuffled order (so each victim has many distinct months, in no
# order), some DA, some organisations and empty victims.  awk counts per
# victim-month and sums the 12 months M-11 .. M for every record.
H=record_id,source,crime_count,month,recorded_date,force,crime_type,offence_code,crime_group,lsoa_code,lsoa_name,district,latitude,longitude,victim_id,victim_type,markers,outcome_code,outcome_date,outcome_text,mo_text
awk -v H="$H" 'BEGIN {
	print H
	srand(7)
	for (i = 1; i <= 4000; i++) {
		m = int(rand() * 36); y = 2017 + int(m / 12); mm = m % 12 + 1
		v = "V" int(rand() * 40)
		t = rand() < 0.05 ? "organisation" : "person"
		if (rand() < 0.05) v = ""
		mk = rand() < 0.3 ? (rand() < 0.5 ? "DA" : "CAR;da") : (rand() < 0.1 ? "DAX" : "")
		printf "c%d,x:%d,1,%04d-%02d,,W,,,,,,R,,,%s,%s,%s,,,,\n", i, i + 1, y, mm, v, t, mk
	}
}' >in.csv
awk -F, 'function mon(s) { return substr(s, 1, 4) * 12 + substr(s, 6, 2) - 1 }
function isda(s,   n, a, i) { n = split(toupper(s), a, ";"); for (i = 1; i <= n; i++) if (a[i] == "DA") return 1; return 0 }
NR == FNR { if (FNR > 1 && $15 != "" && $16 != "organisation") { all[$15, mon($4)]++; if (isda($17)) da[$15, mon($4)]++ } next }
FNR > 1 {
	if ($15 == "" || $16 == "organisation") { print $1, "", "", "", ""; next }
	a = d = 0
	for (k = mon($4) - 11; k <= mon($4); k++) { a += all[$15, k]; d += da[$15, k] }
	if (isda($17)) print $1, a, (a >= 2 ? "Y" : "N"), d, (d >= 2 ? "Y" : "N")
	else print $1, a, (a >= 2 ? "Y" : "N"), "", ""
}' in.csv in.csv >expect
run 0 "$BIN/flag-repeat" --stats in.csv
awk -F, 'NR > 1 { print $1, $(NF-3), $(NF-2), $(NF-1), $NF }' out >got
same expect got
accounted err
