# A non-CSV binary file (a copy of /bin/true): exit 1 with a message
# naming the file; nothing crashes (no signal, no sanitizer report); a
# good file after it is still read; read = written + rejected; with -r
# the file is still an error (its header is unusable, so no record of it
# can be read) and the rejects file never holds the same row twice.
source "$CASE/lib.inc"
cp /bin/true bin.csv
W='Warwickshire Police,Warwickshire Police'
printf '%s\n' "$STREET_HDR" "g1,2019-01,$W,-1.5,52.3,On or near A,E01031234,Warwick 010A,Burglary,," >g.csv
run 1 "$BIN/ingest-crime" --stats bin.csv g.csv
has err "bin.csv"
eq "records kept" g1 "$(tail -n +2 out | cut -d, -f1 | paste -sd, -)"
accounted err
run 1 "$BIN/ingest-crime" -r rej.csv --stats bin.csv g.csv
has err "bin.csv"
eq "records kept with -r" g1 "$(tail -n +2 out | cut -d, -f1 | paste -sd, -)"
accounted err
dups=$(tail -n +2 rej.csv | LC_ALL=C sort | LC_ALL=C uniq -d | wc -l)
eq "repeated rows in the rejects file" 0 "$dups"
