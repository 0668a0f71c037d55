# Standard input: `ingest-crime < file`, `cat file | ingest-crime` and
# `cat file | ingest-crime - other.csv` give the records, stdin named
# <stdin> in source (and in record_id of ASB rows).
source "$CASE/lib.inc"
W='Warwickshire Police,Warwickshire Police'
printf '%s\n' "$STREET_HDR" \
	"s1,2019-01,$W,-1.5,52.3,On or near A,E01031234,Warwick 010A,Burglary,," \
	",2019-01,$W,-1.5,52.3,On or near B,E01031234,Warwick 010A,Anti-social behaviour,," >a.csv
printf '%s\n' "$STREET_HDR" \
	"s3,2019-02,$W,-1.5,52.3,On or near C,E01031235,Rugby 001A,Drugs,," >b.csv
# By hand: s1 from line 2, the ASB row of line 3 named by its source.
printf '%s\n' 's1,<stdin>:2,1' '<stdin>:3,<stdin>:3,0' >want
"$BIN/ingest-crime" <a.csv >out 2>err || fail "redirected stdin: exit $?"
cut -d, -f1-3 out | tail -n +2 >got
same want got
cat a.csv | "$BIN/ingest-crime" >out 2>err
st=${PIPESTATUS[1]}
eq "piped stdin exit" 0 "$st"
cut -d, -f1-3 out | tail -n +2 >got
same want got
cat a.csv | "$BIN/ingest-crime" - b.csv >out 2>err
st=${PIPESTATUS[1]}
eq "piped stdin with a file exit" 0 "$st"
printf 's3,b.csv:2,1\n' >>want
cut -d, -f1-3 out | tail -n +2 >got
same want got
# And stdin after a file.
cat a.csv | "$BIN/ingest-crime" b.csv - >out 2>err
st=${PIPESTATUS[1]}
eq "piped stdin after a file exit" 0 "$st"
printf '%s\n' 's3,b.csv:2,1' 's1,<stdin>:2,1' '<stdin>:3,<stdin>:3,0' >want2
cut -d, -f1-3 out | tail -n +2 >got
same want2 got
