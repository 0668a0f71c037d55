# A rejects file that meets a full disk (a 64 KiB tmpfs) loses no good
# record and keeps no torn row (issue 8, defect 4): the row that did not
# fit is removed again, the records read before it are on stdout, exit 1
# with a message naming the rejects file.
source "$CASE/lib.inc"
mkdir fs
mount -t tmpfs -o size=64k tmpfs fs 2>/dev/null || skip "cannot mount a tmpfs here"
trap 'umount fs 2>/dev/null' EXIT
# Good records with a bad one (20,000 bytes) after every third: the rejects
# file takes 3 of them (about 60 KB), the 4th does not fit.
python3 - "$SAMPLE_STREET" <<'PY'
import sys
rows = open(sys.argv[1]).read().splitlines()
out = [rows[0]]
for i, row in enumerate(rows[1:41]):
    out.append(row)
    if i % 3 == 2:
        out.append('bad,' + 'x' * 20000)
open('mixed.csv', 'w').write('\n'.join(out) + '\n')
PY
"$BIN/ingest-crime" -r fs/rej.csv mixed.csv >out 2>err
eq "exit status" 1 $?
has err "fs/rej.csv: write error: No space left on device"
# The 4th bad record comes after 12 good ones: those 12 are written.
eq "records written" 12 "$(($(lines out) - 1))"
# record_id is the Crime ID, or file:line for ASB (empty Crime ID).
want=$(awk -F, 'NR > 1 && $1 != "bad" && ++n <= 12 { print ($1 != "" ? $1 : "mixed.csv:" NR) }' mixed.csv | paste -sd, -)
eq "their ids" "$want" "$(tail -n +2 out | cut -d, -f1 | paste -sd, -)"
python3 - <<'PY' || fail "the rejects file is torn"
import csv
data = open('fs/rej.csv', newline='').read()
assert data.endswith('\n')
rows = list(csv.reader(data.splitlines(True)))
assert len(rows) == 4, len(rows)          # the header and 3 whole rows
assert all(len(r) == 4 for r in rows)
assert all(r[3] == 'bad,' + 'x' * 20000 for r in rows[1:])
PY
