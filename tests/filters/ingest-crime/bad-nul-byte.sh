# A NUL byte in a field makes the record unusable (docs/stream.md
# "Records that cannot be used"): rejected, the others kept.
source "$CASE/lib.inc"
W='Warwickshire Police,Warwickshire Police'
{
	echo "$STREET_HDR"
	echo "n1,2019-01,$W,-1.5,52.3,On or near A,E01031234,Warwick 010A,Burglary,,"
	printf 'n2,2019-01,%s,-1.5,52.3,On or near \0B,E01031234,Warwick 010A,Drugs,,\n' "$W"
	echo "n3,2019-01,$W,-1.5,52.3,On or near C,E01031234,Warwick 010A,Drugs,,"
} >n.csv
run 1 "$BIN/ingest-crime" --stats n.csv
accounted err
has err "n.csv:3:"
eq stats "read 3, written 2, rejected 1" "$(stats_of err)"
eq "records kept" n1,n3 "$(tail -n +2 out | cut -d, -f1 | paste -sd, -)"
cp out out_nor
if LC_ALL=C grep -qaP '\x00' out; then fail "NUL in output"; fi
# With -r: exit 0, the same records, the raw record (NUL and all: "the raw
# text of the record") at the end of the rejects file.
run 0 "$BIN/ingest-crime" -r rej.csv --stats n.csv
accounted err
same out_nor out
eq "rejects header" "reject_stage,reject_reason,source,record" "$(head -n 1 rej.csv)"
{
	printf ',n.csv:3,"'
	sed -n 3p n.csv | tr -d '\n'
	printf '"\n'
} >want_tail
tail -c "$(wc -c <want_tail)" rej.csv >got_tail
same want_tail got_tail
eq "rejects rows" 2 "$(lines rej.csv)"
case $(sed -n 2p rej.csv) in ingest-crime,*) ;; *) fail "rejects row is not ingest-crime's" ;; esac
