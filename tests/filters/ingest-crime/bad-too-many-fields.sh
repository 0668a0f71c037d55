# A record with more fields than the header (13 of 12) is rejected.
source "$CASE/lib.inc"
W='Warwickshire Police,Warwickshire Police'
{
	echo "$STREET_HDR"
	echo "f1,2019-01,$W,-1.5,52.3,On or near A,E01031234,Warwick 010A,Burglary,,"
	echo "f2,2019-01,$W,-1.5,52.3,On or near B,E01031234,Warwick 010A,Drugs,,,"
	echo "f3,2019-01,$W,-1.5,52.3,On or near C,E01031234,Warwick 010A,Drugs,,"
} >f.csv
sed -n 3p f.csv | tr -d '\n' >raw
bad_input f.csv 3 "" f1,f3
