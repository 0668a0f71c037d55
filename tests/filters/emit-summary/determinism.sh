# Same input, same bytes; the order of the input rows does not matter,
# nor the locale or the time zone.
source "$CASE/lib.inc"
write_table m.csv
write_other o.csv
write_full f.csv
printf 'tag-rural: x.csv:3: warning: a '"'"'b'"'"'\ntag-rural: read 3, written 3, rejected 0\n' >t.log
for t in m f; do
	{ head -n 1 $t.csv; tail -n +2 $t.csv | tac; } >rev.csv
	for f in md html csv json; do
		run 0 "$BIN/emit-summary" --format $f --run-log t.log $t.csv o.csv
		mv out a.$f
		run 0 "$BIN/emit-summary" --format $f --run-log t.log $t.csv o.csv
		same a.$f out
		run 0 "$BIN/emit-summary" --format $f --run-log t.log rev.csv o.csv
		same a.$f out
		TZ=Asia/Tokyo LC_ALL=en_US.UTF-8 run 0 "$BIN/emit-summary" --format $f --run-log t.log $t.csv o.csv
		same a.$f out
	done
done
