# A file whose header line itself is malformed (a quote inside an
# unquoted field, never closed): the file cannot be read, exit 1 with a
# message naming file and line 1; a good file after it is still read;
# read = written + rejected; the rejects file holds its row once.
source "$CASE/lib.inc"
W='Warwickshire Police,Warwickshire Police'
printf 'a"b,c\n1,2\n' >hq.csv
printf '%s\n' "$STREET_HDR" "g1,2019-01,$W,-1.5,52.3,On or near A,E01031234,Warwick 010A,Burglary,," >g.csv
run 1 "$BIN/ingest-crime" --stats hq.csv g.csv
has err "hq.csv:1:"
eq "records kept" g1 "$(tail -n +2 out | cut -d, -f1 | paste -sd, -)"
accounted err
run 1 "$BIN/ingest-crime" -r rej.csv --stats hq.csv g.csv
accounted err
eq "rejects rows for hq.csv:1" 1 "$(grep -c ',hq\.csv:1,' rej.csv)"
