# Rates per 1,000 (DEFINITIONS.md 3, 4): population from the areas
# table, burglary per 1,000 households; higher areas sum their districts.
source "$CASE/lib.inc"
{
	echo "$HDR"
	# DEFINITIONS.md 4: 3738 offences for the force in December 2019.
	i=0
	while [ $i -lt 3738 ]; do
		rec id=R$i district=Rugby
		i=$((i + 1))
	done
	# 38 residential burglaries in Warwick (the summary's December
	# Warwick figure), recorded in November so December stays 3738.
	i=0
	while [ $i -lt 38 ]; do
		rec id=B$i month=2019-11 district=Warwick \
		    group="Burglary – residential (dwelling)"
		i=$((i + 1))
	done
} >in.csv
run 0 "$BIN/aggregate-district" --month 2019-12 in.csv
T="recorded_crime,Total recorded crime"
# 3738 * 1000 / 564562 = 6.6210... -> 6.62 (DEFINITIONS.md 4 says
# 564.7 thousand; the areas table's five districts sum to 564562).
is out "2019-12,force,Warwickshire,$T" "3738,564562,6.62"
# Rugby: 3738000 / 106350 = 35.148... -> 35.15.
is out "2019-12,district,Rugby,$T" "3738,106350,35.15"
# North: 3738000 / 299078 = 12.4984... -> 12.50.
is out "2019-12,policing_area,North Warwickshire,$T" "3738,299078,12.50"
# Burglary per households: Warwick 38000 / 58679 = 0.6475... -> 0.65;
# the force's households 25812 + 52711 + 41875 + 51928 + 58679 = 231005:
# 38000 / 231005 = 0.16449... -> 0.16.
B="recorded_crime,Burglary – residential (dwelling)"
is out "2019-11,district,Warwick,$B" "38,58679,0.65"
is out "2019-11,force,Warwickshire,$B" "38,231005,0.16"
# South's households 51928 + 58679 = 110607: 38000 / 110607 = 0.3435...
is out "2019-11,policing_area,South Warwickshire,$B" "38,110607,0.34"
# The business & community group is per households too (0 here).
is out "2019-11,district,Warwick,recorded_crime,Burglary – business & community" "0,58679,0.00"
