# --help exits 0 on stdout; misuse exits 2 with one line and a hint.
run 0 "$BIN/ingest-crime" --help
has out "usage: ingest-crime"
run 0 "$BIN/ingest-crime" --version
has out "ingest-crime (crimepipe)"
has out "libcsv"
run 2 "$BIN/ingest-crime" --no-such-option
has err "Try 'ingest-crime --help'"
