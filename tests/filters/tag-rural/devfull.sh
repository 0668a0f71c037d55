# A write error (a full disk) is exit 1 with a message.
source "$CASE/stream.bash"
{ echo "$HDR"; row a E01031125; } >in.csv
[ -w /dev/full ] || skip "no /dev/full"
"$BIN/tag-rural" in.csv >/dev/full 2>err
eq status 1 $?
has err "tag-rural: <stdout>: write error"
