# A missing file between two good ones: both good files are processed,
# the message names the missing file, exit 1.
source "$CASE/lib.inc"
W='Warwickshire Police,Warwickshire Police'
printf '%s\n' "$STREET_HDR" "m1,2019-01,$W,-1.5,52.3,On or near A,E01031234,Warwick 010A,Burglary,," >a.csv
printf '%s\n' "$STREET_HDR" "m2,2019-02,$W,-1.5,52.3,On or near B,E01031235,Rugby 001A,Drugs,," >b.csv
run 1 "$BIN/ingest-crime" --stats a.csv no-such-file.csv b.csv
has err "no-such-file.csv"
printf '%s\n' m1,a.csv:2 m2,b.csv:2 >want
cut -d, -f1,2 out | tail -n +2 >got
same want got
eq stats "read 2, written 2, rejected 0" "$(stats_of err)"
