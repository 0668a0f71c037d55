# A file rewritten between ingest-crime's two passes (issue 8, defect 1:
# a heap overflow, then "free(): invalid size", exit 134) is an error
# naming the file, exit 1, and never a crash.  To rewrite it at exactly
# that moment, a FIFO named after it is opened by the first pass only
# once that pass has read the file's header, and the writer rewrites the
# file before it lets the FIFO's content through.
source "$CASE/lib.inc"
W='Warwickshire Police,Warwickshire Police'
printf '%s\n' "$STREET_HDR" "r1,2019-01,$W,-1.5,52.3,On or near A,E01031234,Warwick 010A,Burglary,," >a.csv
printf '%s\n' "$STREET_HDR" "r2,2019-02,$W,-1.5,52.3,On or near B,E01031235,Rugby 001A,Drugs,," >b.csv
mkfifo later.csv
# 1. A new column appears in a.csv.
{
	exec 3>later.csv	# blocks until pass 1 opens the FIFO
	printf '%s\n' "$STREET_HDR,Surprise" "r1,2019-01,$W,-1.5,52.3,On or near A,E01031234,Warwick 010A,Burglary,,,x" >a.csv
	cat b.csv >&3
	exec 3>&-
} &
run 1 "$BIN/ingest-crime" --stats a.csv later.csv
wait
has err "a.csv:1: the header changed since the input was first read; member skipped"
hasnt err "Surprise"
eq "records kept" "r2" "$(tail -n +2 out | cut -d, -f1 | paste -sd, -)"
accounted err
# 2. The same header, other content: the records read may mix two
# versions, which is said, exit 1.
printf '%s\n' "$STREET_HDR" "r1,2019-01,$W,-1.5,52.3,On or near A,E01031234,Warwick 010A,Burglary,," >a.csv
{
	exec 3>later.csv
	printf '%s\n' "$STREET_HDR" "r9,2019-01,$W,-1.5,52.3,On or near Z,E01031234,Warwick 010A,Drugs,," >a.csv
	cat b.csv >&3
	exec 3>&-
} &
run 1 "$BIN/ingest-crime" --stats a.csv later.csv
wait
has err "a.csv: the content changed while it was read; its records may mix two versions"
accounted err
