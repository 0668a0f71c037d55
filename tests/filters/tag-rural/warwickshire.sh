# The real Warwickshire LSOA counts (DEFINITIONS.md 2.3; reference/README.md):
# the 339 LSOAs of North Warwickshire, Nuneaton and Bedworth, Rugby,
# Stratford-on-Avon and Warwick are C1 231, D1 61, E1 47.  One record per
# LSOA: under ons D1 + E1 = 61 + 47 = 108 are Y and 231 N; under rct only
# E1, 47, are Y and 231 + 61 = 292 N.
source "$CASE/stream.bash"
{
	echo "$HDR"
	awk -F, '$4 == "North Warwickshire" || $4 == "Nuneaton and Bedworth" ||
	    $4 == "Rugby" || $4 == "Stratford-on-Avon" || $4 == "Warwick" {
		print "w" NR ",x.csv:" NR ",1,2019-12,,Warwickshire,Other theft,,All other theft offences," $1 ",,,,,,,,,,,,,,"
	}' "$ROOT/reference/lsoa11.csv"
} >in.csv
eq records 339 $(($(lines in.csv) - 1))
run 0 "$BIN/tag-rural" --stats in.csv
has err "read 339, written 339, rejected 0, unknown_geography 0"
eq "ons Y" 108 "$(csvcol out rural | grep -c '^Y$')"
eq "ons N" 231 "$(csvcol out rural | grep -c '^N$')"
eq "C1" 231 "$(csvcol out ruc11 | grep -c '^C1$')"
eq "D1" 61 "$(csvcol out ruc11 | grep -c '^D1$')"
eq "E1" 47 "$(csvcol out ruc11 | grep -c '^E1$')"
run 0 "$BIN/tag-rural" --definition rct in.csv
eq "rct Y" 47 "$(csvcol out rural | grep -c '^Y$')"
eq "rct N" 292 "$(csvcol out rural | grep -c '^N$')"
