# Control charts (DEFINITIONS.md 3, docs/measures.md): baseline mean,
# XmR limits mean +- 2.66 MR-bar, exceptional Y / Y (low) / N, compared
# exactly; printed to 1 decimal, the lower limit floored at 0.0.
source "$CASE/lib.inc"
S=recorded_crime:Shoplifting
K="district,Rugby"

# 36 baseline months 2016-12 .. 2019-11 alternating 10, 12 (starting
# with 10), then December = $1: mean 396 / 36 = 11; 35 moving ranges of
# 2 -> MR-bar 2; limits 11 +- 5.32 = 16.32 and 5.68 (printed 16.3, 5.7).
alternating() {
	{
		echo "$HDR"
		for k in $(seq 0 35); do
			gen Rugby "$(ym 2016-12 $k)" $((k % 2 ? 12 : 10))
		done
		gen Rugby 2019-12 "$1"
	} >in.csv
	run 0 "$BIN/aggregate-district" --month 2019-12 in.csv
}
alternating 17
is out "2016-12..2019-11,$K,monthly_average,$S" "11.0,36,"
is out "2016-12..2019-11,$K,control_upper,$S" "16.3,,"
is out "2016-12..2019-11,$K,control_lower,$S" "5.7,,"
is out "2019-12,$K,exceptional,$S" "Y,,"
# The last 7 months 10 12 10 12 10 12 17: neither rule holds.
is out "2019-12,$K,increasing_trend,$S" "N,,"
# Monthly rows start with the baseline: 2016-12 is written, 2016-11 not.
is out "2016-12,$K,recorded_crime,Shoplifting" "10,106350,0.09"
eq "no 2016-11 rows" 0 "$(grep -c '^2016-11,' out)"
alternating 16		# 16 < 16.32: N
is out "2019-12,$K,exceptional,$S" "N,,"
alternating 5		# 5 < 5.68: Y (low)
is out "2019-12,$K,exceptional,$S" "Y (low),,"
alternating 6		# 6 > 5.68: N
is out "2019-12,$K,exceptional,$S" "N,,"

# Increasing trend, rule 1: 31 months of 10 (2016-12 .. 2019-06), then
# 11 12 13 14 15 (2019-07 .. 2019-11) and 16 in December: each of the
# last 6 months is above the one before (10 -> 11 -> ... -> 16).
trend() {
	{
		echo "$HDR"
		for k in $(seq 0 30); do
			gen Rugby "$(ym 2016-12 $k)" "$1"
		done
		shift
		k=31
		for n; do
			gen Rugby "$(ym 2016-12 $k)" "$n"
			k=$((k + 1))
		done
	} >in.csv
	run 0 "$BIN/aggregate-district" --month 2019-12 in.csv
}
trend 10 11 12 13 14 15 16
is out "2019-12,$K,increasing_trend,$S" "Y,,"
# Only 5 rises: 10 (2019-06), 10 11 12 13 14, 15: the first step is no
# rise; mean (310 + 60) / 36 = 10.28 and 2019-06's 10 is not above it.
trend 10 10 11 12 13 14 15
is out "2019-12,$K,increasing_trend,$S" "N,,"
# 31 months of 2 (to 2019-06), then 20 21 20 21 20 and 20: mean
# (62 + 102) / 36 = 4.56, but 2019-06 (2) is one of the last 7 and not
# above it, and 20 -> 20 is no rise: N.
trend 2 20 21 20 21 20 20
is out "2019-12,$K,increasing_trend,$S" "N,,"
# 30 months of 2 (2016-12 .. 2019-05), then 2019-06 .. 2019-11 =
# 20 21 20 21 20 21 and 20 in December: mean (60 + 123) / 36 = 5.08, all
# of the last 7 are above it, though they do not rise: Y.
{
	echo "$HDR"
	for k in $(seq 0 29); do gen Rugby "$(ym 2016-12 $k)" 2; done
	k=30
	for n in 20 21 20 21 20 21; do
		gen Rugby "$(ym 2016-12 $k)" $n
		k=$((k + 1))
	done
	gen Rugby 2019-12 20
} >in.csv
run 0 "$BIN/aggregate-district" --month 2019-12 in.csv
is out "2019-12,$K,increasing_trend,$S" "Y,,"
is out "2016-12..2019-11,$K,monthly_average,$S" "5.1,36,"

# A baseline cut by the data's start, with fewer than 12 covered months
# (DEFINITIONS.md 3.0): Rugby 1 .. 10 in 2019-02 .. 2019-11, 0 in
# December.  The monthly average is written, with the months it rests on
# (55 / 10 = 5.5 over 10), but no limits and no verdict.
{
	echo "$HDR"
	for k in $(seq 0 9); do
		gen Rugby "$(ym 2019-02 $k)" $((k + 1))
	done
	rec id=other district=Warwick month=2019-12 group=Bicycle\ theft
} >in.csv
run 0 "$BIN/aggregate-district" --month 2019-12 in.csv
is out "2019-02..2019-11,$K,monthly_average,$S" "5.5,10,"
is out "2019-12,$K,recorded_crime,Shoplifting" "0,106350,0.00"
for m in control_upper control_lower exceptional increasing_trend special_cause variation; do
	hasnt out "$m,$S"
done
eq "first monthly row" 2019-02 "$(cut -d, -f1 out | grep -v '\.\.' | sed 1d | sort -u | head -1)"

# 12 covered months: Rugby 1 .. 12 in 2018-12 .. 2019-11, 0 in December:
# mean 78 / 12 = 6.5, 11 moving ranges of 1 -> MR-bar 1, limits
# 6.5 +- 2.66 = 9.16 and 3.84 (printed 9.2, 3.8); 0 < 3.84: Y (low), the
# special cause "beyond lower" (rule 1 first), and with the direction
# "down" of recorded crime (reference/topics.csv) the variation
# "improvement low".  Warwick alternates 0, 10: mean 5.0, MR-bar 10,
# lower 5 - 26.6 < 0 printed 0.0, upper 31.6.
{
	echo "$HDR"
	for k in $(seq 0 11); do
		gen Rugby "$(ym 2018-12 $k)" $((k + 1))
		gen Warwick "$(ym 2018-12 $k)" $((k % 2 ? 10 : 0))
	done
	rec id=other district=Warwick month=2019-12 group=Bicycle\ theft
} >in.csv
run 0 "$BIN/aggregate-district" --month 2019-12 in.csv
is out "2018-12..2019-11,$K,monthly_average,$S" "6.5,12,"
is out "2018-12..2019-11,$K,control_upper,$S" "9.2,,"
is out "2018-12..2019-11,$K,control_lower,$S" "3.8,,"
is out "2019-12,$K,exceptional,$S" "Y (low),,"
is out "2019-12,$K,special_cause,$S" "beyond lower,,"
is out "2019-12,$K,variation,$S" "improvement low,,"
is out "2018-12..2019-11,district,Warwick,control_lower,$S" "0.0,,"
is out "2018-12..2019-11,district,Warwick,control_upper,$S" "31.6,,"
# --baseline 6: window 2019-06 .. 2019-11 (7 .. 12): mean 9.5 over 6
# months, too few for limits; monthly rows start 2019-06.
run 0 "$BIN/aggregate-district" --month 2019-12 --baseline 6 in.csv
is out "2019-06..2019-11,$K,monthly_average,$S" "9.5,6,"
hasnt out "control_upper"
eq "no 2019-05 rows" 0 "$(grep -c '^2019-05,' out)"
# --baseline 1: one baseline month (12): the average only.
run 0 "$BIN/aggregate-district" --month 2019-12 --baseline 1 in.csv
is out "2019-11..2019-11,$K,monthly_average,$S" "12.0,1,"
hasnt out "control_upper"
hasnt out "exceptional"
