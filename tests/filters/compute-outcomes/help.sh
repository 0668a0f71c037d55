# --help and --version exit 0 on stdout; misuse exits 2 with one line and
# a hint; a missing --groups table is a data error (exit 1).
run 0 "$BIN/compute-outcomes" --help
has out "usage: compute-outcomes [-r file] [--stats] [--groups file] [--outcomes file]..."
eq "stderr of --help" "" "$(cat err)"
run 0 "$BIN/compute-outcomes" -h
has out "usage: compute-outcomes"
run 0 "$BIN/compute-outcomes" --version
has out "compute-outcomes (crimepipe)"
run 2 "$BIN/compute-outcomes" --no-such-option
has err "Try 'compute-outcomes --help'"
eq "stdout of misuse" "" "$(cat out)"
run 2 "$BIN/compute-outcomes" --outcomes
has err "Try 'compute-outcomes --help'"
# Standard input can feed only one of the inputs.
run 2 "$BIN/compute-outcomes" --outcomes - -
has err "standard input"
run 1 "$BIN/compute-outcomes" --groups no-such-table.csv </dev/null
has err "no-such-table.csv"
