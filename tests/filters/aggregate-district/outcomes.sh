# Outcomes (DEFINITIONS.md 2.4, 3; docs/measures.md "Outcomes").
source "$CASE/lib.inc"
{
	echo "$HDR"
	rec id=O1 month=2019-05 ogroup="Action taken" osub=charge/summons ocode=1 omonth=2019-06
	rec id=O2 month=2019-06 ogroup="No action taken" ocode=16 omonth=2019-12
	# Outcome dated after the span: not outcomed within it.
	rec id=O3 month=2019-07 ogroup="Investigation complete – no suspect identified" ocode=14 omonth=2020-01
	# pending and unknown are not outcomed.
	rec id=O4 month=2019-08 ogroup=pending otext="Under investigation"
	rec id=O5 month=2019-09 ogroup=unknown otext="Status update unavailable"
	rec id=O6 month=2019-10
	rec id=O7 month=2019-12 markers=DA ogroup="Action taken" osub=caution ocode=3 omonth=2019-12
	# O7's second victim: crime_count 0, never an offence.
	rec id=O7 cc=0 month=2019-12 markers=DA ogroup="Action taken" osub=caution ocode=3 omonth=2019-12
	# Recorded last year, outcomed in December: counts in December's
	# outcomes, but not in last year's span (outcome after 2018-12).
	rec id=O8 month=2018-11 ogroup=Other ocode=20 omonth=2019-12
	# A police.uk text outcome (no code): crimepipe's approximation.
	rec id=O9 month=2019-11 ogroup="Action taken" osub="community resolution" otext="Local resolution" omonth=2019-12
	# Rows with crime_count 0 (a crime's further victims) count no
	# offence but cover their months (DEFINITIONS.md 3.0), so that both
	# spans, 2019-04 .. 2019-12 and a year earlier, are wholly covered.
	for m in 2018-04 2018-05 2018-06 2018-07 2018-08 2018-09 2018-10 2018-12 2019-04; do
		rec id="F$m" cc=0 month=$m
	done
} >in.csv
run 0 "$BIN/aggregate-district" --month 2019-12 in.csv
F="force,Warwickshire"
Y=2019-04..2019-12
# Span 2019-04 .. 2019-12: recorded O1-O7, O9 = 8 (O7's second row is 0);
# outcomed in the span O1, O2, O7, O9 = 4: 50.0%.  O3's outcome is
# 2020-01, O4 pending, O5 unknown, O6 none.
is out "$Y,$F,outcome_rate,All" "4,8,50.0"
# By group, % of the 4 outcomed: Action taken O1, O7, O9 = 75.0;
# No action taken O2 = 25.0; Investigation complete 0.
is out "$Y,$F,outcomes_recorded_in_period,Action taken" "3,4,75.0"
is out "$Y,$F,outcomes_recorded_in_period,No action taken" "1,4,25.0"
is out "$Y,$F,outcomes_recorded_in_period,Investigation complete – no suspect identified" "0,4,0.0"
# DA: O7 recorded and outcomed: 1 of 1.
is out "$Y,$F,outcome_rate,DA" "1,1,100.0"
is out "$Y,$F,outcomes_recorded_in_period,DA Action taken" "1,1,100.0"
# Last year's span 2018-04 .. 2018-12: O8 recorded, outcome 2019-12 is
# after the span: 0 of 1.
is out "2018-04..2018-12,$F,outcome_rate,All" "0,1,0.0"
# December's outcomes whatever the recording month: O2, O7, O8, O9 = 4.
# Action taken O7 + O9 = 2 (50.0): caution 1, community resolution 1;
# No action taken O2 with OC16; Other O8; OC14 0 (O3 is 2020-01).
K="2019-12,$F,outcomes_in_month"
is out "$K,Action taken" "2,4,50.0"
is out "$K,caution" "1,4,25.0"
is out "$K,community resolution" "1,4,25.0"
is out "$K,charge/summons" "0,4,0.0"
is out "$K,No action taken" "1,4,25.0"
is out "$K,OC16" "1,4,25.0"
is out "$K,OC14" "0,4,0.0"
is out "$K,Other" "1,4,25.0"
is out "$K,DA Action taken" "1,1,100.0"
is out "$K,DA caution" "1,1,100.0"
# June: O1 charge/summons, 1 of 1.
is out "2019-06,$F,outcomes_in_month,charge/summons" "1,1,100.0"
hasnt out "outcomes_in_month,pending"
hasnt out "outcomes_in_month,unknown"
# The records behind figures (--explain): December's action taken = O7
# and O9 (not O7's second row); June's = O1; the span's = O1 O7 O9.
run 0 "$BIN/aggregate-district" --month 2019-12 \
    --explain "outcomes_in_month,force,Warwickshire,Action taken" in.csv
printf 'record_id,source\nO7,s:O7\nO9,s:O9\n' >want
same want out
run 0 "$BIN/aggregate-district" --month 2019-12 \
    --explain "2019-06,outcomes_in_month,force,Warwickshire,Action taken" in.csv
printf 'record_id,source\nO1,s:O1\n' >want
same want out
run 0 "$BIN/aggregate-district" --month 2019-12 \
    --explain "outcomes_recorded_in_period,district,Rugby,Action taken" in.csv
printf 'record_id,source\nO1,s:O1\nO7,s:O7\nO9,s:O9\n' >want
same want out

# Without the covering rows the span starts with its first covered month
# (2019-05), and the previous year's is not written: of its months only
# 2018-11 is covered (DEFINITIONS.md 3.0: never a rate over months the
# input does not hold).
grep -v '^F' in.csv >partial.csv
run 0 "$BIN/aggregate-district" --month 2019-12 partial.csv
is out "2019-05..2019-12,$F,outcome_rate,All" "4,8,50.0"
hasnt out "$Y,$F,outcome_rate"
hasnt out "2018-05..2018-12,$F,outcome_rate"
hasnt out "2018-04..2018-12,$F,outcome_rate"
