# issue 8 item 8: a rejected record's raw text (the rejects file's 'record'
# column) is the same bytes whichever path of the reader rejected it: the
# record's own bytes, its line end (LF, or CR LF) never included.  Before
# the fix the libcsv path kept the line end and the memchr path did not.
# Expected values written by hand; python3's csv module reads the rejects.
command -v python3 >/dev/null || skip "python3 not installed"

# Line 2: malformed quoting (libcsv's verdict); line 3: a field count
# error on a record without a quote; line 4: a field count error on a
# record with a quote; line 5 is good; line 6: malformed again, with CR LF.
printf 'lsoa_code,x\nE01031125,"a"b\nE01031125,a,b\nE01031125,"a",b\nE01031125,ok\nE01031125,"c"d\r\n' >in.csv
run 0 "$BIN/tag-rural" -r rej.csv --stats in.csv
accounted err
eq "stats" "read 5, written 1, rejected 4" "$(stats_of err)"
python3 - rej.csv >got.txt <<'PY'
import csv, sys
with open(sys.argv[1], newline='') as f:
    for row in list(csv.reader(f))[1:]:
        print(row[2] + '|' + repr(row[3]))
PY
cat >want.txt <<'W'
in.csv:2|'E01031125,"a"b'
in.csv:3|'E01031125,a,b'
in.csv:4|'E01031125,"a",b'
in.csv:6|'E01031125,"c"d'
W
same want.txt got.txt

# The same on every path of the reader (tools/csvparse), stderr aside.
for mode in --libcsv --libcsv-exact; do
	"$BIN/csvparse" $mode in.csv >/dev/null 2>e$mode || true
	has e$mode "in.csv:2: malformed quoting"
done

# An unterminated quoted field runs to the end of the input: the final
# LF is inside its quotes, so it is data and stays in the raw text.
printf 'lsoa_code,x\nE01031125,ok\nE01031125,"open\nmore\n' >u.csv
run 0 "$BIN/tag-rural" -r rej2.csv u.csv
python3 - rej2.csv >got2.txt <<'PY'
import csv, sys
with open(sys.argv[1], newline='') as f:
    for row in list(csv.reader(f))[1:]:
        print(row[1] + '|' + row[2] + '|' + repr(row[3]))
PY
echo "unterminated quoted field|u.csv:3|'E01031125,\"open\\nmore\\n'" >want2.txt
same want2.txt got2.txt
