# A zip holding two CSV members yields both, in archive order, each named
# archive!member (common/input.h); a non-CSV member is not read.
source "$CASE/lib.inc"
W='Warwickshire Police,Warwickshire Police'
printf '%s\n' "$STREET_HDR" "z1,2019-01,$W,-1.5,52.3,On or near A,E01031234,Warwick 010A,Burglary,," >b.csv
printf '%s\n' "$STREET_HDR" "z2,2019-02,$W,-1.5,52.3,On or near B,E01031235,Rugby 001A,Drugs,," \
	"z3,2019-02,$W,-1.5,52.3,On or near C,E01031235,Rugby 001A,Drugs,," >a.csv
echo 'not a csv member' >notes.txt
# Archive order b.csv, notes.txt, a.csv (not alphabetical on purpose).
python3 -m zipfile -c two.zip b.csv notes.txt a.csv
run 0 "$BIN/ingest-crime" --stats two.zip
eq stats "read 3, written 3, rejected 0" "$(stats_of err)"
printf '%s\n' 'z1,two.zip!b.csv:2' 'z2,two.zip!a.csv:2' 'z3,two.zip!a.csv:3' >want
cut -d, -f1,2 out | tail -n +2 >got
same want got
