# No data is never zero (DEFINITIONS.md 3.0; issue 9, items 2 and 6), on
# the real Warwickshire files of October and December 2018, without
# November: no November row, the change on November n/a with no
# denominator, a monthly average over the one covered baseline month
# that says so, no control limits and no verdict (fewer than 12 months),
# and none of the topics street files cannot support — each named in a
# coverage row instead.  A reporting month the data does not cover is an
# error naming the months it does.
police=$SHARED/realdata/police
[ -d "$police" ] || skip "no ../shared/realdata"
oct=$police/2018-10-warwickshire-street.csv
dec=$police/2018-12-warwickshire-street.csv
run 0 "$BIN/ingest-crime" "$oct" "$dec"
"$BIN/tag-rural" out | "$BIN/flag-repeat" | "$BIN/compute-outcomes" >s4.csv ||
	fail "the record stages failed"
run 0 "$BIN/aggregate-district" --month 2018-12 --force Warwickshire s4.csv
mv out m.csv
# Crimes per month, counted independently: rows that are not ASB.
n() { awk -F, 'NR > 1 && $10 != "Anti-social behaviour"' "$1" | wc -l | tr -d ' '; }
no=$(n "$oct")
nd=$(n "$dec")
T="recorded_crime:Total recorded crime"
F="force,Warwickshire"
eq "December" "$nd" "$(awk -F, -v k="2018-12,$F,recorded_crime,Total recorded crime," 'index($0, k) == 1 { split(substr($0, length(k) + 1), v, ","); print v[1] }' m.csv)"
eq "November rows" 0 "$(grep -c '^2018-11,' m.csv)"
has m.csv "2018-12,$F,change_prev_month,$T,n/a,,"
has m.csv "2018-10..2018-10,$F,monthly_average,$T,$no.0,1,"
hasnt m.csv "control_upper"
hasnt m.csv "exceptional"
hasnt m.csv "special_cause"
has m.csv "2018-12,$F,coverage,months,\"2018-10,2018-12\",,"
for t in victims crime_groups markers outcome_rate outcome_codes rural_themes; do
	grep -q "^2018-12,$F,coverage,unsupported:$t," m.csv || fail "no unsupported:$t row"
done
for m in victims repeat_victims marker outcome_rate; do
	hasnt m.csv ",$m,"
done
hasnt m.csv ",recorded_crime,Homicide,"
hasnt m.csv ",recorded_crime,Rape,"
# The coarse police.uk groups are there.
has m.csv "2018-12,$F,recorded_crime,Violence and sexual offences,"
# Year to date: April 2018 to December, of which October and December
# are covered: the span covered is October to December, and no ytd_prev.
has m.csv "2018-10..2018-12,$F,ytd,$T,$((no + nd)),,"
hasnt m.csv "ytd_prev"
has m.csv "2018-04..2018-12,$F,coverage,ytd,\"2018-10,2018-12\",,"
# A month the data does not cover.
run 1 "$BIN/aggregate-district" --month 2019-06 --force Warwickshire s4.csv
has err "the input covers 2018-10,2018-12 for force 'Warwickshire', not 2019-06"
run 0 "$BIN/aggregate-district" --month 2019-06 --force Warwickshire --allow-empty-month s4.csv
hasnt out "recorded_crime"
has out "2019-06,$F,coverage,months,\"2018-10,2018-12\",,"
# --list-months
run 0 "$BIN/aggregate-district" --list-months --force Warwickshire s4.csv
printf '%s\n' 2018-10 2018-12 >want
same want out
