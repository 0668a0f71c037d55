# A damaged .tar.gz is a data error naming the file (issue 8, defect 3:
# 22 of 60 files with one flipped bit were accepted with exit 0, one with
# a Crime ID altered).  gzip's trailer holds a CRC-32 of the content, which
# catches every single-bit error; so every flip outside the header's
# mtime/flags/OS bytes (4..9, which no check covers and which do not
# touch the content) must give exit 1.  A tar member whose header is
# damaged is an error too, not a member lost with exit 0.
source "$CASE/lib.inc"
cp "$SAMPLE_STREET" a.csv
cp "$SAMPLE_STREET" b.csv
tar --format=ustar -cf two.tar a.csv b.csv
gzip -n -9 -c two.tar >two.tgz
run 0 "$BIN/ingest-crime" two.tgz
python3 - <<'PY'
import random
data = open('two.tgz', 'rb').read()
rng = random.Random(8)
for k in range(40):
    while True:
        i = rng.randrange(len(data))
        if not 4 <= i <= 9:
            break
    b = bytearray(data)
    b[i] ^= 1 << rng.randrange(8)
    open('flip%02d.tgz' % k, 'wb').write(bytes(b))
# tar: the second member's header (512-byte blocks: a's header, a's data)
tar = bytearray(open('two.tar', 'rb').read())
size = len(open('a.csv', 'rb').read())
h = 512 + (size + 511) // 512 * 512
assert tar[h:h + 5] == b'b.csv'
tar[h + 1] ^= 0x01			# the name: the checksum no longer matches
open('badhdr.tar', 'wb').write(bytes(tar))
PY
gzip -n -c badhdr.tar >badhdr.tgz
for f in flip*.tgz badhdr.tar badhdr.tgz; do
	"$BIN/ingest-crime" --stats "$f" >out 2>err
	rc=$?
	[ $rc -eq 1 ] || { cat err >&2; fail "$f: exit $rc, expected 1"; }
	has err "$f"
	accounted err
done
has err "badhdr.tgz: damaged archive"
