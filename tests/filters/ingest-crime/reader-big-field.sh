# A 1 MB field passes through intact (here the Location extra, quoted
# because it holds commas, and Context unquoted).
source "$CASE/lib.inc"
head -c 1048576 /dev/zero | tr '\0' 'x' >big
head -c 1048576 /dev/zero | tr '\0' ',' >bigc
{
	echo "$STREET_HDR"
	printf 'c1,2019-01,Warwickshire Police,Warwickshire Police,-1.5,52.3,"'
	cat bigc
	printf '",E01031234,Warwick 010A,Shoplifting,,'
	cat big
	printf '\n'
} >big.csv
run 0 "$BIN/ingest-crime" big.csv
# The output record: 21 canonical fields, then Reported by, Falls within,
# Location (1 MB of commas, quoted: "..."), Context (1 MB of x, last).
eq lines 2 "$(lines out)"
tail -n 1 out | awk -F'"' '{ print $3 }' | sed 's/^,//' >got_ctx
printf '\n' >>big
same big got_ctx
tail -n 1 out | awk -F'"' '{ print $2 }' >got_loc
cp bigc want_loc && printf '\n' >>want_loc
same want_loc got_loc
eq record_id c1 "$(tail -n 1 out | cut -d, -f1)"
