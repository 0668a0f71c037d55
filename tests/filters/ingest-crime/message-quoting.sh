# Bytes quoted from the input in a message never break its line: control
# characters (a member name holding a newline, a field holding a CR) show
# as '?' (issue 8, defect 10; git's rule), and every line of stderr is a
# message of its own.  A column named twice is said once (it was said
# twice: by the header scan and again by the read).
source "$CASE/lib.inc"
python3 - "$SAMPLE_STREET" <<'PY'
import sys, zipfile
data = open(sys.argv[1]).read().splitlines()
bad = data[0] + '\n' + data[1].replace(',2019-01,', ',"20\r\n19",', 1) + '\n'
z = zipfile.ZipFile('odd.zip', 'w')
z.writestr('evil\nname\rhere.csv', bad)
z.writestr('d' * 5000 + '.csv', data[0] + '\n' + data[1] + '\n')
z.close()
open('twice.csv', 'w').write('Month,Month\n1,2\n')
PY
run 1 "$BIN/ingest-crime" odd.zip twice.csv
has err "odd.zip!evil?name?here.csv:2: field 'Month': '20??19' is not a valid month"
bad_lines=$(grep -cv '^ingest-crime: ' err)
eq "stderr lines that are not messages" 0 "$bad_lines"
eq "the repeated column" 1 "$(grep -c "column name appears twice" err)"
# A long member name is never cut in the source column.
long=$(printf 'd%.0s' $(seq 5000))
eq "source of the long member" "odd.zip!$long.csv:2" "$(field out 1 source)"
