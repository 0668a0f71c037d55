# Under | head the filter ends quietly: no message on stderr.
source "$CASE/stream.bash"
{
	echo "$HDR"
	for i in $(seq 1 50000); do row "r$i" E01031125 "" "" "quad bike" ""; done
} >in.csv
set +o pipefail
"$BIN/tag-rural" in.csv 2>err | head -n 1 >out
eq "first line" "$HDR,ruc11,rural,rural_theme" "$(cat out)"
eq stderr "" "$(cat err)"
