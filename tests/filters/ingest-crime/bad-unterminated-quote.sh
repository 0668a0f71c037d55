# An unterminated quoted field at the end of the input (docs/stream.md
# "Records that cannot be used"): the record from its opening line to
# the end of the file is rejected, the records before it are kept.
source "$CASE/lib.inc"
W='Warwickshire Police,Warwickshire Police'
{
	echo "$STREET_HDR"
	echo "u1,2019-01,$W,-1.5,52.3,On or near A,E01031234,Warwick 010A,Burglary,,"
	echo "u2,2019-01,$W,-1.5,52.3,On or near B,E01031234,Warwick 010A,Drugs,,"
	printf 'u3,2019-01,%s,-1.5,52.3,"On or near C,E01031234,Warwick 010A,Drugs,,\n' "$W"
	echo "u4,2019-01,$W,-1.5,52.3,On or near D,E01031234,Warwick 010A,Drugs,,"
} >u.csv
# Line 4 opens a quote never closed: the record runs to the end of the
# file (its raw text: lines 4 and 5, the final newline included, as the
# quote makes it data).  No field can be named.
tail -n +4 u.csv >raw
bad_input u.csv 4 "" u1,u2
