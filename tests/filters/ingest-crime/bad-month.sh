# A police.uk Month 2019-13 is not a month: a reject naming 'Month'.
source "$CASE/lib.inc"
W='Warwickshire Police,Warwickshire Police'
{
	echo "$STREET_HDR"
	echo "b1,2019-12,$W,-1.5,52.3,On or near A,E01031234,Warwick 010A,Burglary,,"
	echo "b2,2019-13,$W,-1.5,52.3,On or near B,E01031234,Warwick 010A,Drugs,,"
	echo "b3,2019-01,$W,-1.5,52.3,On or near C,E01031234,Warwick 010A,Drugs,,"
} >b.csv
sed -n 3p b.csv | tr -d '\n' >raw
bad_input b.csv 3 Month b1,b3
has err_nor "2019-13"
tsv rej.csv | cut -f2 >reason
has reason "2019-13"
