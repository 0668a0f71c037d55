# Same input, same bytes; the order of the input rows does not matter.
source "$CASE/lib.inc"
write_table m.csv
write_other o.csv
{ head -n 1 m.csv; tail -n +2 m.csv | tac; } >rev.csv
for f in md html csv json; do
	run 0 "$BIN/emit-summary" --format $f m.csv o.csv
	mv out a.$f
	run 0 "$BIN/emit-summary" --format $f m.csv o.csv
	same a.$f out
	run 0 "$BIN/emit-summary" --format $f rev.csv o.csv
	same a.$f out
	TZ=Asia/Tokyo LC_ALL=en_US.UTF-8 run 0 "$BIN/emit-summary" --format $f m.csv o.csv
	same a.$f out
done
