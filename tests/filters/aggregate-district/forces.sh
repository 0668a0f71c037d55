# The reporting force (docs/measures.md "Which records count").
source "$CASE/lib.inc"
{
	echo "$HDR"
	rec id=W1 district=Rugby
	rec id=M1 force="West Mercia" district=Worcester
	rec id=M2 force="West Mercia" district=Worcester
} >in.csv
# Two forces and no --force: a usage error naming both.
run 2 "$BIN/aggregate-district" --month 2019-12 in.csv
has err "more than one force ('Warwickshire', 'West Mercia')"
# --force: the other force's records are read and counted apart.
run 0 "$BIN/aggregate-district" --month 2019-12 --force Warwickshire --stats in.csv
eq stats "read 3, written 3, rejected 0" "$(stats_of err)"
has err "other_force 2,"
is out "2019-12,force,Warwickshire,recorded_crime,Total recorded crime" "1,564562,0.00"
hasnt out "West Mercia"
# West Mercia's own table: Worcester (population 102314) in South
# Worcestershire.
run 0 "$BIN/aggregate-district" --month 2019-12 --force "West Mercia" in.csv
is out "2019-12,district,Worcester,recorded_crime,Total recorded crime" "2,102314,0.02"
is out "2019-12,policing_area,South Worcestershire,recorded_crime,Shoplifting" "2,304857,0.01"
# One force and no --force: the first record's, said on stderr.
head -2 in.csv >one.csv
run 0 "$BIN/aggregate-district" --month 2019-12 one.csv
has err "reporting force 'Warwickshire'"
# A force with no district in the areas table.
run 2 "$BIN/aggregate-district" --month 2019-12 --force Nowhere in.csv
has err "'Nowhere' has no district"
