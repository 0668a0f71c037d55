# CRLF line ends are accepted: output has LF ends only and no CR left in
# the last field (docs/stream.md "Format": the CR before the LF that ends
# a record is dropped).
source "$CASE/lib.inc"
{
	printf '%s\r\n' "$STREET_HDR"
	printf 'c1,2019-01,Warwickshire Police,Warwickshire Police,-1.5,52.3,On or near A Road,E01031234,Warwick 010A,Shoplifting,,ctx1\r\n'
	printf 'c2,2019-01,Warwickshire Police,Warwickshire Police,-1.5,52.3,On or near B Road,E01031235,Rugby 001A,Drugs,Under investigation,\r\n'
} >crlf.csv
run 0 "$BIN/ingest-crime" --stats crlf.csv
if grep -q $'\r' out; then fail "CR in output"; fi
# Header's last name is Context (not "Context\r"); the last field of each
# record is the Context value: "ctx1" and empty.
eq header "$CANON,$STREET_EXTRAS" "$(head -n 1 out)"
eq ctx1 ctx1 "$(field out 1 Context)"
eq ctx2 "" "$(field out 2 Context)"
eq outcome2 "Under investigation" "$(field out 2 outcome_text)"
eq stats "read 2, written 2, rejected 0" "$(stats_of err)"
