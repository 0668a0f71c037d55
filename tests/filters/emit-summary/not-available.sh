# n/a changes, missing figures and missing topics (rules 8, 9).
source "$CASE/lib.inc"
write_table m.csv
run 0 "$BIN/emit-summary" m.csv
# Homicide: 1 vs 0 in November and in December 2018: both changes n/a.
has out "| Homicide | 1 | 0 | n/a | 0 | n/a | N | N |  |"
# Bicycle theft: the policing area flagged low is named.
has out "| Bicycle theft | 29 | 44 | -34.1% | 43 | -32.6% | Y (low) | N | North Area (low) |"
# No DA repeat-victim rows at all: not available, never 0.
has out "Repeat DA victims: not available for December 2019."
has out "| Repeat DA victims | — | — | — | — | — | — | — |"
hasnt out "0 repeat DA victims"
# CYBER has no rows: it is no topic; the headline has no row for it.
hasnt out "Cyber crime"
# A missing cell in the headline: the DA marker has no exceptional row
# and no change row -> em dashes; its average 980.4 is written whole.
has out "| Domestic abuse | 1,000 | 1,000 | — | 980 | — | — |"
# ASB all zero in a force extract: not available.
grep -v 'asb' m.csv >noasb.csv
sed 's/^\(2019-1[12],force,Testshire,asb,Anti-social behaviour,\)[0-9]*/\10/' m.csv >zeroasb.csv
run 0 "$BIN/emit-summary" zeroasb.csv
has out "Anti-social behaviour: not available — the input holds no ASB incidents (they come from data.police.uk)."
hasnt out "| Anti-social behaviour |"
run 0 "$BIN/emit-summary" noasb.csv
has out "Anti-social behaviour: not available"
