# A UTF-8 byte-order mark before the header is dropped (docs/stream.md
# "Format"): the file is still recognised as a street file, and no BOM
# byte reaches the output.
source "$CASE/lib.inc"
{
	printf '\357\273\277'
	echo "$STREET_HDR"
	echo 'c1,2019-01,Warwickshire Police,Warwickshire Police,-1.5,52.3,On or near A Road,E01031234,Warwick 010A,Shoplifting,,'
} >bom.csv
run 0 "$BIN/ingest-crime" bom.csv
eq header "$CANON,$STREET_EXTRAS" "$(head -n 1 out)"
# Crime ID is the first column: it must read c1, not <BOM>c1-prefixed junk.
eq record_id c1 "$(field out 1 record_id)"
eq crime_group Shoplifting "$(field out 1 crime_group)"
if LC_ALL=C grep -q $'\xef\xbb\xbf' out; then fail "BOM in output"; fi
