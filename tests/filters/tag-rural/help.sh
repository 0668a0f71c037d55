# --help exits 0 with the usage on stdout; misuse exits 2 with a hint.
run 0 "$BIN/tag-rural" --help
has out "usage: tag-rural [-r file] [--stats] [--geography file]..."
has out "[--definition ons|rct] [--themes file] [file ...]"
eq "stderr of --help" "" "$(cat err)"
run 0 "$BIN/tag-rural" -h
has out "usage: tag-rural"
run 0 "$BIN/tag-rural" --version
has out "tag-rural (crimepipe)"
run 2 "$BIN/tag-rural" --no-such-option
has err "Try 'tag-rural --help'"
eq "stdout on misuse" "" "$(cat out)"
run 2 "$BIN/tag-rural" --definition defra
has err "'defra' is not ons or rct"
run 2 "$BIN/tag-rural" --geography
has err "Try 'tag-rural --help'"
printf 'lsoa_code\n' >s.csv
run 2 "$BIN/tag-rural" - s.csv -
has err "named twice"
