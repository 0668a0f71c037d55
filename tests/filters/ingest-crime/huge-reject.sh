# A rejected record longer than REJECT_RECORD_MAX (1 MiB, common/
# rejects.h) keeps its first 1 MiB in the rejects file and the reason says
# so (issue 8, defect 4: a reject over 2 GiB tore the rejects file).
source "$CASE/lib.inc"
{
	head -n 2 "$SAMPLE_STREET"
	printf 'bad,'
	head -c 3000000 /dev/zero | tr '\0' x
	printf '\n'
	sed -n 3p "$SAMPLE_STREET"
} >big.csv
run 0 "$BIN/ingest-crime" -r rej.csv --stats big.csv
eq stats "read 3, written 2, rejected 1" "$(stats_of err)"
python3 - <<'PY' || fail "the reject row is not as expected"
import csv, sys
csv.field_size_limit(1 << 30)
rows = list(csv.reader(open('rej.csv', newline='')))
assert len(rows) == 2, len(rows)
stage, reason, source, record = rows[1]
assert source == 'big.csv:3', source
assert record == 'bad,' + 'x' * (1048576 - 4), len(record)
assert reason.endswith('(record cut to its first 1048576 of 3000004 bytes)'), reason
PY
