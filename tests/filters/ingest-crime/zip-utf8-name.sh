# A zip member whose name is UTF-8 (an en dash) is read, named as it is
# (issue 8, defect 2: it was skipped, "skipping member '?'", exit 0,
# because in the C locale libarchive cannot convert the name).
source "$CASE/lib.inc"
cp "$SAMPLE_STREET" s.csv
want=$(($(lines s.csv) - 1))
python3 - <<'PY'
import zipfile
z = zipfile.ZipFile('u.zip', 'w')
z.write('s.csv', '2019-02-warwickshire\u2013street.csv')
z.close()
PY
run 0 "$BIN/ingest-crime" --stats u.zip
eq stats "read $want, written $want, rejected 0" "$(stats_of err)"
eq source "u.zip!2019-02-warwickshire–street.csv:2" "$(field out 1 source)"
hasnt err "skipping"
