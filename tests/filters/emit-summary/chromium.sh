# The HTML renders in headless Chromium with no console error, and its
# DOM holds every chart (formats.sh counts 12 for this input).
[ -x /usr/bin/chromium ] || skip "no /usr/bin/chromium"
source "$CASE/lib.inc"
write_table m.csv
write_other o.csv
run 0 "$BIN/emit-summary" --format html -o r.html m.csv o.csv
profile=$(mktemp -d)
timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu \
	--disable-quic --no-first-run --disable-background-networking \
	--disable-component-update --disable-sync --user-data-dir="$profile" \
	--enable-logging=stderr --v=0 --dump-dom "file://$PWD/r.html" \
	>dom.html 2>chrome.log
rc=$?
rm -rf "$profile"
[ $rc -eq 0 ] || { tail -20 chrome.log; fail "chromium exit $rc"; }
if grep -i 'CONSOLE' chrome.log | grep -qi 'error'; then
	grep -i 'CONSOLE' chrome.log | head
	fail "console errors"
fi
eq "svg in DOM" 12 "$(grep -o '<svg ' dom.html | wc -l | tr -d ' ')"
has dom.html "3,738 offences were recorded in December."
