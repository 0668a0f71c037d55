# Same input, same bytes: two runs, and another locale, agree byte for
# byte; rows are sorted by the five key columns in byte order.
source "$CASE/lib.inc"
{
	echo "$HDR"
	rec id=a month=2019-11 district=Warwick group="Burglary – business & community"
	rec id=b district=Rugby victim=V1 vtype=person v12=3 rep=Y markers=DA dav12=2 darep=Y
	rec id=c district=Stratford-on-Avon rural=Y theme="farm machinery & plant"
	rec id=d month=2019-05 ogroup="Action taken" osub=caution ocode=2 omonth=2019-12
} >in.csv
run 0 "$BIN/aggregate-district" --month 2019-12 in.csv
mv out first
run 0 "$BIN/aggregate-district" --month 2019-12 in.csv
same first out
if locale -a 2>/dev/null | grep -qi '^de_DE.utf-\?8$'; then
	LC_ALL=de_DE.UTF-8 run 0 "$BIN/aggregate-district" --month 2019-12 in.csv
	same first out
fi
LC_ALL=C.UTF-8 run 0 "$BIN/aggregate-district" --month 2019-12 in.csv
same first out
# Sorted as LC_ALL=C sort on the key columns, with no duplicate keys.
sed 1d first | cut -d, -f1-5 >keys
LC_ALL=C sort -c -t, -k1,1 -k2,2 -k3,3 -k4,4 -k5,5 keys || fail "not sorted"
eq "duplicate keys" "" "$(sort keys | uniq -d | head -3)"
