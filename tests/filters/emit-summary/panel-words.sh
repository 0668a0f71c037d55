# What a Panel member asked of the report (a review in headless Chromium,
# issue 11): a policing area and a district of one name are told apart;
# a headline topic whose baseline is not total crime's says its own; a
# run's cohort table has no column for a month it does not hold, and says
# why; outcomes 14-16 are explained from reference/outcome-groups.csv; a
# crime group with special cause in a policing area is not listed as
# "within their control limits".
source "$CASE/lib.inc"
write_table m.csv
cat >>m.csv <<'CSV'
2019-12,district,North Area,recorded_crime,Total recorded crime,100,50000,2.00
2017-11..2019-11,force,Testshire,monthly_average,repeat_victims:DA,250.0,25,
2019-12,force,Testshire,repeat_victims,DA,260,900,28.9
2019-12,force,Testshire,recorded_crime,Shoplifting,300,564700,0.53
2019-12,force,Testshire,exceptional,recorded_crime:Shoplifting,N,,
2019-12,force,Testshire,increasing_trend,recorded_crime:Shoplifting,N,,
2019-12,force,Testshire,special_cause,recorded_crime:Shoplifting,none,,
2019-12,policing_area,North Area,recorded_crime,Shoplifting,200,300000,0.67
2019-12,policing_area,North Area,exceptional,recorded_crime:Shoplifting,N,,
2019-12,policing_area,North Area,special_cause,recorded_crime:Shoplifting,shift high,,
CSV
run 0 "$BIN/emit-summary" m.csv
# "North Area" is a policing area and now a district too.
has out "North Area policing area: 3,738 offences in December."
has out "| North Area policing area | — | — | 3,738 |"
has out "| North Area district: Dec 2019 |"
hasnt out "| North Area: Dec 2019 |"
# Repeat DA victims' baseline (25 months) is not total crime's (the data
# note's Dec 2016 - Nov 2019); repeat victims (All) shares total crime's.
has out "Repeat DA victims: average and limits over Nov 2017 – Nov 2019 (25 covered months)."
hasnt out "Repeat victims: average and limits over"
# The table holds December's cohorts only.
has out "Cohorts are counted for the reporting month only (definitions §3.1)"
hasnt out "Victims Nov 2019"
echo '2019-11,force,Testshire,repeat_cohort_victims,2,350,600,58.3' >>m.csv
run 0 "$BIN/emit-summary" m.csv
has out "Victims Nov 2019"
hasnt out "Cohorts are counted for the reporting month only"
# Outcome 16's meaning, as reference/outcome-groups.csv words it.
want=$(awk -F, '$1 == "16" { print $5 }' "$ROOT/reference/outcome-groups.csv")
[ -n "$want" ] || fail "no description of outcome 16 in the reference table"
has out "Outcome 16: $want."
# Shoplifting: common cause at force level, a shift in North Area: named
# in the breakdown, and not in the "not commented upon" list.
has out "| Shoplifting | 300 |"
grep '^| Shoplifting | 300 |' out | grep -q '| North Area: ' ||
	fail "the breakdown does not name North Area's special cause for shoplifting"
awk '/^Within their control limits/ { on = 1; next } on && /^$/ && n { exit } on && /^- / { n++; print }' out >calm.txt
if grep -qx -- '- Shoplifting' calm.txt; then fail "shoplifting is listed as within its limits"; fi
