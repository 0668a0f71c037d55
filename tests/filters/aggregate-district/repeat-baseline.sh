# The repeat-victim baseline starts at the data's 12th month
# (docs/measures.md): a repeat victim needs the 12 months before, so the
# months before that have cut-short histories.  Data from 2018-01, report
# month 2019-12: recorded crime's baseline is 2018-01..2019-11 (23 months),
# repeat victims' 2018-12..2019-11 (12 months).
source "$CASE/lib.inc"
{
	echo "$HDR"
	m=2018-01
	# One victim a month, a repeat victim (victim_offences_12m 2) from
	# 2018-12 on; before that, 0 repeat victims a month.
	while [ "$m" != 2020-01 ]; do
		if [[ $m < 2018-12 ]]; then rep=N; else rep=Y; fi
		rec id="c$m" month="$m" victim="V$m" vtype=person v12=2 rep=$rep
		m=$(ym "$m" 1)
	done
} >in.csv
run 0 "$BIN/aggregate-district" --month 2019-12 --force Warwickshire in.csv
# Recorded crime: 1 a month over 23 months: mean 1.0.
is out "2018-01..2019-11,force,Warwickshire,monthly_average,recorded_crime:Total recorded crime" "1.0,23,"
# Repeat victims: 1 a month over 2018-12..2019-11: mean 1.0, moving
# ranges all 0, limits 1.0 and 1.0; December's 1 is not exceptional.  A
# baseline from 2018-01 would have held 11 months of 0 (mean 12/23 = 0.5)
# and flagged December.
is out "2018-12..2019-11,force,Warwickshire,monthly_average,repeat_victims:All" "1.0,12,"
is out "2018-12..2019-11,force,Warwickshire,control_upper,repeat_victims:All" "1.0,,"
is out "2019-12,force,Warwickshire,exceptional,repeat_victims:All" "N,,"
hasnt out "2018-01..2019-11,force,Warwickshire,monthly_average,repeat_victims:All"
