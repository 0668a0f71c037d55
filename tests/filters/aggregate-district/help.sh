# --help exits 0 on stdout; --version; misuse exits 2 with one line and
# a hint: an unknown option, --month missing or not YYYY-MM, option values
# out of range, an --explain key with an unknown measure.
run 0 "$BIN/aggregate-district" --help
has out "usage: aggregate-district"
has out "--month YYYY-MM"
run 0 "$BIN/aggregate-district" --version
has out "aggregate-district (crimepipe)"
run 2 "$BIN/aggregate-district" --no-such-option
has err "Try 'aggregate-district --help'"
run 2 "$BIN/aggregate-district" /dev/null
has err "--month"
run 2 "$BIN/aggregate-district" --month 2019-13 /dev/null
has err "'2019-13' is not a valid YYYY-MM"
run 2 "$BIN/aggregate-district" --month 2019-12 --baseline 0 /dev/null
has err "--baseline"
run 2 "$BIN/aggregate-district" --month 2019-12 --baseline 121 /dev/null
run 2 "$BIN/aggregate-district" --month 2019-12 --fy-start 13 /dev/null
has err "--fy-start"
run 2 "$BIN/aggregate-district" --month 2019-12 \
    --explain 'no_such,force,Warwickshire,All' /dev/null
has err "unknown measure 'no_such'"
run 2 "$BIN/aggregate-district" --month 2019-12 \
    --explain 'recorded_crime,county,Warwickshire,All' /dev/null
has err "unknown area type 'county'"
# The man page renders and its synopsis names every option.
if command -v man >/dev/null 2>&1; then
	man -l "$ROOT/docs/man/aggregate-district.1" >man.txt 2>man.err
	has man.txt "--fy-start"
	has man.txt "EXIT STATUS"
fi
