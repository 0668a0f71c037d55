# With no file, or '-', the stream is read from stdin (named <stdin>).
source "$CASE/stream.bash"
{ echo "$HDR"; row s E01031147; echo "bad"; } >in.csv
"$BIN/tag-rural" <in.csv >out 2>err
eq status 1 $?
has err "tag-rural: <stdin>:3:"
tagged out >got
printf 's E1 Y \n' >want
same want got
"$BIN/tag-rural" - <in.csv >out2 2>err
eq status 1 $?
same out out2
