# Quiet under | head; loud on a full disk.
source "$CASE/lib.inc"
write_table m.csv
set +o pipefail
"$BIN/emit-summary" m.csv 2>err | head -1 >/dev/null
[ ! -s err ] || { cat err; fail "stderr under | head"; }
"$BIN/emit-summary" --format html m.csv 2>err | head -c 10 >/dev/null
[ ! -s err ] || { cat err; fail "stderr under | head (html)"; }
run 1 "$BIN/emit-summary" m.csv -o /dev/full
[ -c /dev/full ] || fail "/dev/full is no longer a device"
run 1 sh -c '"$0" "$1" >/dev/full' "$BIN/emit-summary" m.csv
has err "write error"
