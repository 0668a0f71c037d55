# The same street file plain, gzip, zip and tar.gz gives the same records
# apart from `source` (docs/stream.md; common/input.h: the kind is found
# from the first bytes): <path>:<line> for plain and gzip,
# <archive>!<member>:<line> in an archive.
source "$CASE/lib.inc"
cp "$SAMPLE_STREET" street.csv
gzip -c street.csv >street.csv.gz
python3 -m zipfile -c street.zip street.csv
tar czf street.tar.gz street.csv
# A gzip file with a misleading name is still read as gzip.
cp street.csv.gz street-gz.csv

run 0 "$BIN/ingest-crime" street.csv
nosrc out >plain
n=$(awk 'END { print NR - 1 }' street.csv)
for f in street.csv.gz street.zip street.tar.gz street-gz.csv; do
	case $f in
	*.zip|*.tar.gz) prefix="$f!street.csv" ;;
	*) prefix=$f ;;
	esac
	run 0 "$BIN/ingest-crime" --stats "$f"
	eq "$f stats" "read $n, written $n, rejected 0" "$(stats_of err)"
	nosrc out >got
	same plain got
	# source of data row i is <prefix>:<i+1>.
	awk -v p="$prefix" 'NR > 1 { print p ":" NR }' street.csv >want_src
	csvcol out source >got_src
	same want_src got_src
done
