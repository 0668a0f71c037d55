# --help exits 0 on stdout; --version names the program; misuse exits 2 with
# one line and a hint.
run 0 "$BIN/flag-repeat" --help
has out "usage: flag-repeat [-r file] [--stats] [--spool-dir dir] [file ...]"
eq "stderr" "" "$(cat err)"
run 0 "$BIN/flag-repeat" -h
has out "usage: flag-repeat"
run 0 "$BIN/flag-repeat" --version
has out "flag-repeat (crimepipe)"
run 2 "$BIN/flag-repeat" --no-such-option
has err "Try 'flag-repeat --help'"
eq "stdout" "" "$(cat out)"
run 2 "$BIN/flag-repeat" -r
has err "Try 'flag-repeat --help'"
run 2 "$BIN/flag-repeat" --spool-dir ''
has err "--spool-dir"
run 2 "$BIN/flag-repeat" - -
has err "standard input"
