# Print (issue 11 item 9; docs/report.md "Formats"): the sample's report
# printed to A4 PDF by headless Chromium stays within a page bound set
# from the sample (24 pages with today's aggregate-district, projections
# included: bound 28), the district comparison is on a landscape page,
# and no page ends with a heading.
[ -x /usr/bin/chromium ] || skip "no /usr/bin/chromium"
command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null ||
	skip "no pdftotext/pdfinfo (poppler-utils)"
export PATH="$BIN:$PATH"
set -o pipefail
ingest-crime --force Warwickshire "$ROOT/sample-data/warwickshire-extract.csv.gz" \
	2>/dev/null | tag-rural | flag-repeat | compute-outcomes |
	aggregate-district --month 2019-12 --force Warwickshire >m.csv ||
	fail "the stages on the sample"
run 0 emit-summary --format html -o r.html m.csv
profile=$(mktemp -d)
timeout 180 /usr/bin/chromium --headless --no-sandbox --disable-gpu \
	--disable-quic --no-first-run --disable-background-networking \
	--disable-component-update --disable-sync --user-data-dir="$profile" \
	--no-pdf-header-footer --print-to-pdf="$PWD/r.pdf" "file://$PWD/r.html" \
	>chrome.out 2>chrome.log
rc=$?
rm -rf "$profile"
[ $rc -eq 0 ] && [ -s r.pdf ] || { tail -20 chrome.log; fail "chromium exit $rc"; }
pages=$(pdfinfo r.pdf | sed -n 's/^Pages: *//p')
[ "$pages" -ge 10 ] && [ "$pages" -le 28 ] || fail "$pages pages (bound 10 to 28)"
pdfinfo -f 1 -l "$pages" r.pdf | grep -c 'size: *841.92 x 59' >landscape
[ "$(cat landscape)" -ge 1 ] || fail "no landscape page for the district comparison"
# The headings, as the HTML writes them; the last line of each page.
python3 - r.html >headings <<'PY'
import html, re, sys
t = open(sys.argv[1]).read()
for h in re.findall(r"<h[123]>(.*?)</h[123]>", t):
    print(" ".join(html.unescape(h).split()))
PY
[ "$(lines headings)" -gt 20 ] || fail "too few headings"
for p in $(seq 1 "$pages"); do
	pdftotext -f "$p" -l "$p" r.pdf - | tr -s ' \t' ' ' | sed 's/^ //; s/ $//' |
		grep -v '^$' | tail -n 1 >last || fail "pdftotext page $p"
	if grep -qxF -f headings last; then
		fail "page $p of $pages ends with the heading '$(cat last)'"
	fi
done
