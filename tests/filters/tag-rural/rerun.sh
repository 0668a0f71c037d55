# Run on its own output, tag-rural replaces its columns in place: the
# header is not duplicated, and the values follow the second run.
source "$CASE/stream.bash"
{
	echo "$HDR"
	row d1 E01031148 "" "" "quad bike" ""
	row e1 E01031147
} >in.csv
run 0 "$BIN/tag-rural" in.csv
mv out once.csv
run 0 "$BIN/tag-rural" once.csv
same once.csv out
eq header "$HDR,ruc11,rural,rural_theme" "$(head -n 1 out)"
# Under rct, D1 becomes N in place; the theme column is rewritten too.
printf 'theme,keyword\n' >none.csv
run 0 "$BIN/tag-rural" --definition rct --themes none.csv once.csv
tagged out >got
printf 'd1 D1 N \ne1 E1 Y \n' >want
same want got
eq header "$HDR,ruc11,rural,rural_theme" "$(head -n 1 out)"
