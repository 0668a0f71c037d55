# Quoted fields holding an LF and a CRLF come out intact (docs/stream.md
# "Format": a CR that does not end a record is data; a record spanning
# lines is named by its first line).
source "$CASE/lib.inc"
{
	echo "$STREET_HDR"
	printf 'c1,2019-01,Warwickshire Police,Warwickshire Police,-1.5,52.3,"On or near\nHigh Street",E01031234,Warwick 010A,Burglary,Under investigation,"line1\r\nline2"\n'
	printf 'c2,2019-01,Warwickshire Police,Warwickshire Police,-1.6,52.4,On or near Mill Lane,E01031235,Rugby 001A,Drugs,,\n'
} >q.csv
run 0 "$BIN/ingest-crime" q.csv
# Record 1 starts on line 2 and holds two LFs (one in Location, one in the
# CRLF of Context), so record 2 starts on line 5.  By hand, per the table
# in docs/stream.md: force drops " Police", the district is the LSOA
# code's (E01031234 and E01031235 are Stratford-on-Avon LSOAs, whatever
# the names say: DEFINITIONS.md 1.1),
# crime_group of Burglary is Burglary (coarse), Drugs -> Drug offences.
cat >want <<'W'
25	[c1][q.csv:2][1][2019-01][][Warwickshire][Burglary][][Burglary][E01031234][Warwick 010A][Stratford-on-Avon][52.3][-1.5][][][][][][Under investigation][][Warwickshire Police][Warwickshire Police][On or near\x0aHigh Street][line1\x0d\x0aline2]
25	[c2][q.csv:5][1][2019-01][][Warwickshire][Drugs][][Drug offences][E01031235][Rugby 001A][Stratford-on-Avon][52.4][-1.6][][][][][][][][Warwickshire Police][Warwickshire Police][On or near Mill Lane][]
W
dump out | tail -n +2 >got
same want got
