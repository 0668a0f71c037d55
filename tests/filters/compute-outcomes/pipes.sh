# Under '| head -1' the stage ends quietly; output to /dev/full fails
# with exit 1 and a message.
source "$CASE/stream.inc"
{
	echo "$HDR"
	for i in $(seq 1 30000); do
		rec "R$i" 2019-12-02 "Shoplifting" 16 2019-12-03 ""
	done
} >in.csv
set +o pipefail
"$BIN/compute-outcomes" in.csv 2>err | head -n 1 >first
eq "first line" "$HDR,outcome_group,outcome_subgroup,outcome_month,days_to_outcome" "$(cat first)"
eq "stderr under head" "" "$(cat err)"
"$BIN/compute-outcomes" in.csv >/dev/full 2>err
eq "exit to /dev/full" 1 "$?"
has err "write error"
