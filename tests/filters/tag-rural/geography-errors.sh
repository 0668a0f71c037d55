# A geography table is checked as every reference table is (table.h):
# an unknown class first, named by its line, wherever it is; then the
# first empty code, by its line; then a repeated code, the first of them
# in byte order.  Each is fatal (exit 1) before any record is read.
source "$CASE/stream.bash"
{ echo "$HDR"; row a E01031125; } >in.csv
# An unknown class on line 4 wins over the empty code on line 2.
printf 'lsoa_code,ruc11\n,A1\nE1,B1\nE2,Q1\n' >g1.csv
run 1 "$BIN/tag-rural" --geography g1.csv in.csv
has err "tag-rural: g1.csv:4: field 'ruc11': unknown RUC11 class 'Q1'"
eq "stdout" "" "$(cat out)"
# The first empty code (line 3) wins over a repeated one.
printf 'lsoa_code,ruc11\nE1,A1\n,B1\nE1,C1\n,D1\n' >g2.csv
run 1 "$BIN/tag-rural" --geography g2.csv in.csv
has err "tag-rural: g2.csv:3: field 'lsoa_code': empty key"
hasnt err "appears twice"
# Of the repeated codes Z9, E5 and E4 (and E45, a longer one), E4 is
# named: the first in byte order, whatever the order of the lines.
printf 'lsoa_code,ruc11\nZ9,A1\nE45,B1\nZ9,C1\nE45,D1\nE5,E1\nE4,E2\nE5,A1\nE4,B1\n' >g3.csv
run 1 "$BIN/tag-rural" --geography g3.csv in.csv
has err "tag-rural: g3.csv: key 'E4' appears twice"
# An output-area table names its own key column.
printf 'oa_code,ruc11\nE00000001,F1\n,F2\n' >g4.csv
run 1 "$BIN/tag-rural" --geography g4.csv in.csv
has err "tag-rural: g4.csv:3: field 'oa_code': empty key"
# A good table after all: the first table holding a code wins.
printf 'lsoa_code,ruc11\nE01031125,E2\n' >g5.csv
printf 'lsoa_code,ruc11\nE01031125,A1\n' >g6.csv
run 0 "$BIN/tag-rural" --geography g5.csv --geography g6.csv in.csv
tagged out >got
eq "first table wins" "a E2 Y " "$(cat got)"
