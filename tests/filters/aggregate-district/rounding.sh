# Rounding is half away from zero in exact integers (docs/measures.md):
# 0.125 -> 0.13 and 6.25 -> 6.3, which printf("%.2f") / ("%.1f") get wrong
# (both halves are exact in binary, and glibc rounds them to even).
source "$CASE/lib.inc"

# 1. The formatter itself (common/rounding.c), through a tiny program.
if command -v cc >/dev/null 2>&1; then
	cat >t.c <<'C'
#include <stdio.h>
#include "rounding.h"
int
main(void)
{
	char b[32];

	puts(round_ratio(b, sizeof(b), 125, 1000, 2));	/* 0.13 */
	puts(round_ratio(b, sizeof(b), -245, 100, 1));	/* -2.5 */
	puts(round_ratio(b, sizeof(b), 625, 100, 1));	/* 6.3 */
	puts(round_ratio(b, sizeof(b), -4, 1000, 2));	/* 0.00, no sign */
	puts(round_ratio(b, sizeof(b), 1, 3, 2));	/* 0.33 */
	puts(round_ratio(b, sizeof(b), 2, 3, 2));	/* 0.67 */
	puts(round_ratio(b, sizeof(b), 7, 2, 0));	/* 4 */
	puts(round_per_1000(b, sizeof(b), 3738, 564562));	/* 6.62 */
	puts(round_percent(b, sizeof(b), 718, 2606));	/* 27.6 */
	puts(round_change(b, sizeof(b), 3738, 3543));	/* 5.5 */
	puts(round_change(b, sizeof(b), 3738, 3497));	/* 6.9 */
	puts(round_change(b, sizeof(b), 1, 0));		/* n/a */
	puts(round_change(b, sizeof(b), 1951, 2000));	/* -2.45 -> -2.5 */
	return 0;
}
C
	cc -std=c11 -I"$ROOT/common" -o t t.c "$ROOT/common/rounding.c" ||
	    fail "cannot build the rounding test program"
	run 0 ./t
	printf '%s\n' 0.13 -2.5 6.3 0.00 0.33 0.67 4 6.62 27.6 5.5 6.9 n/a \
	    -2.5 >want
	same want out
fi

# 2. The same edges through the filter.  An areas table with population
# 8000: 1 offence -> 1000 / 8000 = 0.125 -> 0.13; 3 -> 0.375 -> 0.38.
cat >areas.csv <<'A'
district_code,district,other_names,policing_area,force,population,households
X00000001,Alpha,,North,Testshire,8000,16
X00000002,Beta,,North,Testshire,8000,16
A
{
	echo "$HDR"
	rec id=a1 force=Testshire district=Alpha
	rec id=b1 force=Testshire district=Beta
	rec id=b2 force=Testshire district=Beta
	rec id=b3 force=Testshire district=Beta
	# Beta, November: 1 burglary per 16 households -> 62.50;
	# Alpha, November: 1 per 16 -> 62.50; North: 2 per 32 -> 62.50.
	rec id=n1 force=Testshire district=Beta month=2019-11 \
	    group="Burglary – business & community"
	rec id=n2 force=Testshire district=Alpha month=2019-11 \
	    group="Burglary – business & community"
	# 12 records with no district in December: with a1, b1-b3 16
	# December records, one with a victim -> coverage 1 / 16 = 6.25%
	# -> 6.3.
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
		rec id=u$i force=Testshire district= lsoa=
	done
} >in.csv
sed -i 's/^a1,s:a1,1,2019-12,2019-12-01,Testshire,,,Shoplifting,E01031000,,Alpha,,,,/a1,s:a1,1,2019-12,2019-12-01,Testshire,,,Shoplifting,E01031000,,Alpha,,,V1,/' in.csv
grep -q '^a1,s:a1,.*,Alpha,,,V1,' in.csv || fail "test setup: a1 has no victim"
run 0 "$BIN/aggregate-district" --month 2019-12 --areas areas.csv in.csv
T="recorded_crime,Total recorded crime"
is out "2019-12,district,Alpha,$T" "1,8000,0.13"
is out "2019-12,district,Beta,$T" "3,8000,0.38"
# North: 4 per 16000 = 0.25 exactly.
is out "2019-12,policing_area,North,$T" "4,16000,0.25"
is out "2019-11,district,Beta,recorded_crime,Burglary – business & community" "1,16,62.50"
is out "2019-11,policing_area,North,recorded_crime,Burglary – business & community" "2,32,62.50"
is out "2019-12,force,Testshire,coverage,with_victim" "1,16,6.3"
# Change vs November: force total 2 -> 16 (4 placed + 12 unplaced):
# (16 - 2) / 2 = 700.0%; Beta 1 -> 3: 200.0%; Alpha's shoplifting 0 -> 1:
# n/a (DEFINITIONS.md 3: never 0.0%).
is out "2019-12,force,Testshire,change_prev_month,$(echo $T | tr , :)" "700.0,2,"
is out "2019-12,district,Beta,change_prev_month,$(echo $T | tr , :)" "200.0,1,"
is out "2019-12,district,Alpha,change_prev_month,recorded_crime:Shoplifting" "n/a,0,"
