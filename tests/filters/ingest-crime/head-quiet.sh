# Under `| head -1` the filter ends quietly: no message on stderr.
source "$CASE/lib.inc"
# Enough output to outrun the pipe buffer: 20000 distinct crimes (no
# repeated ids, so no warnings are due).
awk -v hdr="$STREET_HDR" 'BEGIN { print hdr
	for (i = 1; i <= 20000; i++)
		print "id" i ",2019-01,Warwickshire Police,Warwickshire Police,-1.5,52.3,On or near A,E01031234,Warwick 010A,Burglary,,"
}' >s.csv
set +o pipefail
"$BIN/ingest-crime" s.csv 2>err | head -1 >out
eq "first line" "$CANON,$STREET_EXTRAS" "$(cat out)"
eq stderr "" "$(cat err)"
