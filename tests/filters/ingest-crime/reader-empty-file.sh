# An empty file (no header) is a data error naming the file: exit 1.
source "$CASE/lib.inc"
: >empty.csv
run 1 "$BIN/ingest-crime" empty.csv
has err "empty.csv"
