# The HTML renders in headless Chromium with no console error, for the
# old-style table, the full one and the police.uk one, and its DOM holds
# every chart and icon.
[ -x /usr/bin/chromium ] || skip "no /usr/bin/chromium"
source "$CASE/lib.inc"
write_table m.csv
write_other o.csv
write_full f.csv
write_policeuk p.csv
render() {	# render FILE.html: dom.html, chrome.log
	local profile rc
	profile=$(mktemp -d)
	timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu \
		--disable-quic --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync --user-data-dir="$profile" \
		--enable-logging=stderr --v=0 --dump-dom "file://$PWD/$1" \
		>dom.html 2>chrome.log
	rc=$?
	rm -rf "$profile"
	[ $rc -eq 0 ] || { tail -20 chrome.log; fail "chromium exit $rc on $1"; }
	if grep -i 'CONSOLE' chrome.log | grep -qi 'error'; then
		grep -i 'CONSOLE' chrome.log | head
		fail "console errors on $1"
	fi
}
run 0 "$BIN/emit-summary" --format html -o r.html m.csv o.csv
render r.html
# formats.sh counts 14 charts for this input.
eq "charts in DOM" 14 "$(grep -o '<svg class="chart"' dom.html | wc -l | tr -d ' ')"
has dom.html ">3,738</span> offences were recorded across Testshire in December."
run 0 "$BIN/emit-summary" --format html -o f.html f.csv
render f.html
# Control charts: Total, Shoplifting, DA, HATE, rural; the projection of
# Total; 4 variation icons (variation.sh).
eq "charts in DOM" 6 "$(grep -o '<svg class="chart"' dom.html | wc -l | tr -d ' ')"
eq "icons in DOM" 4 "$(grep -o '<svg class="vi"' dom.html | wc -l | tr -d ' ')"
run 0 "$BIN/emit-summary" --format html -o p.html p.csv
render p.html
has dom.html "Repeat victims: not available"
