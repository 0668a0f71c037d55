# A header-only street file: exit 0, only the canonical header (plus the
# street extras) on stdout, --stats read 0.
source "$CASE/lib.inc"
echo "$STREET_HDR" >h.csv
run 0 "$BIN/ingest-crime" --stats h.csv
printf '%s\n' "$CANON,$STREET_EXTRAS" >want
same want out
eq stats "read 0, written 0, rejected 0" "$(stats_of err)"
