# -o writes atomically; a failed run leaves no file and no temporary.
source "$CASE/lib.inc"
write_table m.csv
mkdir d
run 0 "$BIN/emit-summary" --format html -o d/report.html m.csv
[ -s d/report.html ] || fail "no report"
[ ! -s out ] || fail "stdout not empty with -o"
eq "files in d" "report.html" "$(ls -A d)"

# An unreadable input: exit 1, no file, no temporary file.
mkdir e
run 1 "$BIN/emit-summary" -o e/report.md m.csv no-such-file.csv
has err "no-such-file.csv"
eq "files in e" "" "$(ls -A e)"

# An existing file is left as it was by a failed run.
echo old >e/report.md
run 1 "$BIN/emit-summary" -o e/report.md no-such-file.csv m.csv
eq "old file kept" "old" "$(cat e/report.md)"
eq "files in e" "report.md" "$(ls -A e)"

# A rejected row without -r is a failed run too; with -r it is not.
cp m.csv bad.csv
echo '2019-13,force,Testshire,asb,Anti-social behaviour,1,,' >>bad.csv
mkdir f
run 1 "$BIN/emit-summary" -o f/r.md bad.csv
eq "files in f" "" "$(ls -A f)"
run 0 "$BIN/emit-summary" -r rej.csv -o f/r.md bad.csv
eq "files in f" "r.md" "$(ls -A f)"

# A directory that cannot take the file: exit 1, message.
run 1 "$BIN/emit-summary" -o no-such-dir/r.md m.csv
has err "no-such-dir/"

# A FIFO or device is written in place, never replaced by a rename.
mkfifo fifo
cat fifo >got &
reader=$!
run 0 "$BIN/emit-summary" -o fifo m.csv
wait $reader
[ -p fifo ] || fail "the FIFO was replaced"
has got "3,738 offences were recorded across Testshire in December."
