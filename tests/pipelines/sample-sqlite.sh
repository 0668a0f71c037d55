# shellcheck shell=bash source-path=SCRIPTDIR
# Independent check of the whole pipeline on the sample extract.
#
# tests/pipelines/sample-sqlite.sql computes, with sqlite3 and from
# ../shared/DEFINITIONS.md and docs/measures.md only (no crimepipe code),
# figures for Warwickshire, reporting month 2019-12, for the force, both
# policing areas and the five districts: recorded crime by group, All
# robbery, Other crimes against society and total, with rates (2019-12,
# 2019-11, 2018-12); markers; victims and repeat victims in every month
# 2016-12..2019-12, the 2019-12 cohorts, also-previous and 3-month repeat
# victims (All and DA); outcome rates for Apr-Dec 2019 and 2018 with their
# group breakdown; outcomes in 2019-12 by group, subgroup and OC14/15/16;
# and for every monthly series (recorded_crime, marker, victims,
# repeat_victims) the baseline mean, XmR limits, exceptional flag,
# increasing trend and changes vs the previous month and year.
# The pipeline runs stage by stage (each exit status checked), and every
# expected figure (value, denominator, rate) must equal the matching row
# of aggregate-district's table.  Takes about 10 s.

command -v sqlite3 >/dev/null 2>&1 || skip "sqlite3 not installed"
[ -x "$BIN/aggregate-district" ] || skip "aggregate-district not built yet"

SAMPLE=$ROOT/sample-data/warwickshire-extract.csv.gz
SQL=$ROOT/tests/pipelines/sample-sqlite.sql

# 1. Expected figures, from the raw extract.
rm -f expected.db
gzip -dc "$SAMPLE" >extract.csv || fail "cannot decompress $SAMPLE"
run 0 sqlite3 -batch -bail expected.db \
	".import --csv extract.csv raw" \
	".import --csv $ROOT/reference/areas.csv areas" \
	".import --csv $ROOT/reference/offence-groups.csv og" \
	".import --csv $ROOT/reference/outcome-groups.csv oc" \
	"SELECT count(*) FROM raw;"
rows=$(cat out)
[ -s err ] && { cat err >&2; fail "sqlite3 import reported problems"; }
# One row per crime and victim; a few mo_text fields span lines, so the
# row count is below the line count: guard against a broken import.
eq "rows imported (sample-data/README.md: 152,356)" 152356 "$rows"

run 0 sqlite3 -batch -bail expected.db ".read $SQL"
[ -s err ] && { cat err >&2; fail "sqlite3 query reported problems"; }
mv out expected.txt
hasnt expected.txt "DUPLICATE KEY"
[ "$(lines expected.txt)" -ge 60 ] || fail "only $(lines expected.txt) expected figures"

# 2. The pipeline, one stage at a time.
run 0 "$BIN/ingest-crime" "$SAMPLE"
mv out stage1.csv
run 0 "$BIN/tag-rural" <stage1.csv
mv out stage2.csv
run 0 "$BIN/flag-repeat" <stage2.csv
mv out stage3.csv
run 0 "$BIN/compute-outcomes" <stage3.csv
mv out stage4.csv
run 0 "$BIN/aggregate-district" --month 2019-12 --force Warwickshire <stage4.csv
mv out measures.csv
eq "measures header" "period,area_type,area,measure,category,value,denominator,rate" \
	"$(head -n 1 measures.csv)"

# 3. Every expected figure against its row (value, denominator, rate).
# measures.csv is split as RFC 4180 (a quoted field may hold a comma).
awk '
function splitcsv(line, f,    n, i, c, q, cur) {
	n = 0; cur = ""; q = 0
	for (i = 1; i <= length(line); i++) {
		c = substr(line, i, 1)
		if (q) {
			if (c == "\"") {
				if (substr(line, i + 1, 1) == "\"") { cur = cur "\""; i++ }
				else q = 0
			} else cur = cur c
		} else if (c == "\"") q = 1
		else if (c == ",") { f[++n] = cur; cur = "" }
		else cur = cur c
	}
	f[++n] = cur
	return n
}
FNR == NR {
	if (FNR == 1) next
	n = splitcsv($0, f)
	if (n != 8) { print "FAIL: measures.csv line " FNR " has " n " fields: " $0; bad = 1; exit }
	k = f[1] SUBSEP f[2] SUBSEP f[3] SUBSEP f[4] SUBSEP f[5]
	if (k in row) { print "FAIL: measures.csv line " FNR ": duplicate key: " $0; bad = 1; exit }
	row[k] = f[6] "|" f[7] "|" f[8]
	next
}
{
	split($0, e, "|")
	k = e[1] SUBSEP e[2] SUBSEP e[3] SUBSEP e[4] SUBSEP e[5]
	what = e[1] " " e[2] " " e[3] " " e[4] " " e[5]
	want = e[6] "|" e[7] "|" e[8]
	checked++
	if (!(k in row)) msg = "no row for " what " (expected value|denominator|rate " want ")"
	else if (row[k] != want) msg = what ": expected value|denominator|rate " want ", got " row[k]
	else next
	print "MISMATCH: " msg
	if (!bad) first = msg
	bad++
}
END {
	if (bad == "" || bad == 0) print "compared " checked " figures, all equal"
	else if (first != "") print "compared " checked " figures, " bad " differ; first: " first
	exit bad > 0
}' measures.csv expected.txt >compare.txt
status=$?
cat compare.txt
[ $status -eq 0 ] || fail "$(tail -n 1 compare.txt)"

# Nothing dropped: in every month, the force's total recorded crime is its
# five districts' plus its unplaced crimes (docs/measures.md, Placement),
# and its ASB is its districts' plus its unplaced ASB incidents.
awk -F, '
$2 == "district" && $4 == "recorded_crime" && $5 == "Total recorded crime" { parts[$1] += $6 }
$2 == "force" && $4 == "unplaced" && $5 !~ /^ASB / { parts[$1] += $6 }
$2 == "force" && $4 == "recorded_crime" && $5 == "Total recorded crime" { total[$1] = $6 }
END {
	for (m in total) {
		n++
		if (total[m] != parts[m]) { print "FAIL " m ": force " total[m] " != districts + unplaced " parts[m]; bad = 1 }
	}
	if (n < 37) { print "FAIL: only " n " months"; bad = 1 }
	exit bad
}' measures.csv >reconcile.txt || fail "$(head -n 1 reconcile.txt)"
