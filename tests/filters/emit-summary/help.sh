# --help exits 0 on stdout; misuse exits 2 with one line and a hint.
run 0 "$BIN/emit-summary" --help
has out "usage: emit-summary [--format md|html|csv|json] [-o file]"
run 0 "$BIN/emit-summary" --version
has out "emit-summary (crimepipe)"
run 2 "$BIN/emit-summary" --no-such-option
has err "Try 'emit-summary --help'"
run 2 "$BIN/emit-summary" --format pdf
has err "option '--format': 'pdf' is not md, html, csv or json"
run 2 "$BIN/emit-summary" --month 2019-13
has err "option '--month': '2019-13' is not a month"
run 2 "$BIN/emit-summary" --chart-months 12
has err "option '--chart-months': '12' is not a whole number from 13 to 120"
run 0 "$BIN/emit-summary" --help
has out "--run-rejects file"
has out "--run-log file"
has out "--stream path"
