# The stream reader's paths give the same fields and rejects
# (docs/stream.md): every input is read four ways by tools/csvparse: the
# splitter with SSE2 masks (the default), the splitter with scalar masks
# (--scalar), every record through libcsv (--libcsv: its built-in tests,
# checked) and through libcsv's exact configuration (--libcsv-exact, the
# definition); the dumps, rejects included, must be identical.  The
# splitter's "parse only what is read" (--fields K) must give the first K
# fields of the full dump and the same rejects.  Inputs: every CSV the
# tests and samples hold, the sample extract (gzip), the real police.uk
# files and excerpts when present, and generated and fuzzed files (fixed
# seeds, so a failure reproduces): quotes, commas, CR, LF and NUL at every
# offset of a 32-byte block, and records across the 1 MiB read buffer.

# compare FILE...: one csvparse run per path over all the files (each
# dump line and each reject names its file).
compare() {
	local mode s0 s
	"$BIN/csvparse" "$@" >simd.out 2>simd.err
	s0=$?
	for mode in scalar libcsv libcsv-exact; do
		"$BIN/csvparse" --$mode "$@" >$mode.out 2>$mode.err
		s=$?
		[ "$s0" = "$s" ] || fail "$*: exit $s0 (splitter) vs $s (--$mode)"
		cmp -s simd.out $mode.out || { diff simd.out $mode.out | head -20 >&2; fail "fields differ (--$mode)"; }
		cmp -s simd.err $mode.err || { diff simd.err $mode.err | head -20 >&2; fail "rejects differ (--$mode)"; }
	done
	checked=$((checked + $#))
}

# compare_fields FILE K: --fields K gives the full dump's first K fields.
compare_fields() {
	"$BIN/csvparse" "$1" >full.out 2>full.err
	"$BIN/csvparse" --fields "$2" "$1" >part.out 2>part.err
	cmp -s full.err part.err || { diff full.err part.err | head >&2; fail "$1: --fields $2 rejects differ"; }
	# Header lines are always whole; a record's fields are [..][..]...,
	# brackets inside fields being escaped by the dump.
	awk -F'\t' -v k="$2" 'BEGIN { OFS = "\t" }
	    $1 !~ /^header:/ { n = split($3, f, "]"); s = ""; for (i = 1; i <= k && i < n; i++) s = s f[i] "]"; $3 = s } { print }' full.out >cut.out
	cmp -s cut.out part.out || { diff cut.out part.out | head >&2; fail "$1: --fields $2 fields differ"; }
}

checked=0
mapfile -t files < <(find "$ROOT/tests" "$ROOT/sample-data" "$ROOT/reference" -name '*.csv' -not -path '*/tmp/*' | sort)
compare "${files[@]}"
compare "$ROOT/sample-data/warwickshire-extract.csv.gz"
compare_fields "$ROOT/sample-data/warwickshire-extract.csv.gz" 3
compare_fields "$ROOT/sample-data/warwickshire-extract.csv.gz" 16
if [ -d "$SHARED/realdata/police" ]; then
	compare "$SHARED"/realdata/police/*.csv
	[ -d "$SHARED/realdata/excerpts" ] && compare "$SHARED"/realdata/excerpts/*.csv
fi

# Generated and fuzzed inputs.
python3 - <<'PY'
import random
alphabet = ['a', 'b', 'x y', ',', '"', '\r', '\n', '\r\n', '', ' ', '\u00e9', '\t', '""', ' "q" ']
def field(rng, quote_ok):
    s = ''.join(rng.choice(alphabet) for _ in range(rng.randrange(0, 4)))
    if quote_ok and (any(c in s for c in ',"\r\n') or rng.random() < 0.1):
        return '"' + s.replace('"', '""') + '"'
    # an unquoted field may hold no special characters
    return ''.join(c for c in s if c not in ',"\r\n')
def fuzz(rng, data, n):
    b = bytearray(data)
    for _ in range(rng.randrange(1, n)):
        if not b:
            break
        i = rng.randrange(len(b))
        op = rng.randrange(3)
        if op == 0:
            b[i] = rng.choice(b'",\r\n\x00a')
        elif op == 1:
            b.insert(i, rng.choice(b'",\r\n\x00a'))
        else:
            del b[i]
    return bytes(b)
for seed in range(80):
    rng = random.Random(seed)
    ncol = rng.randrange(1, 6)
    rows = [','.join('c%d' % i for i in range(ncol))]
    for _ in range(rng.randrange(0, 60)):
        n = ncol if rng.random() < 0.9 else rng.randrange(1, ncol + 3)
        rows.append(','.join(field(rng, rng.random() < 0.7) for _ in range(n)))
    end = rng.choice(['\n', '\r\n'])
    data = end.join(rows) + (end if rng.random() < 0.8 else '')
    open('gen%02d.csv' % seed, 'w', newline='').write(data)
    # fuzz: flip, insert or delete a few bytes of the valid file
    open('fuzz%02d.csv' % seed, 'wb').write(fuzz(rng, data.encode(), 6))

# Every special byte and pattern at every offset of a 32-byte block: a
# record is a run of k filler bytes, then the pattern, then more fields.
patterns = ['"q"', '"a""b"', '"x,y"', '"l1\nl2"', '""', '""""', ',', '\r',
            'x"y', '"a"b', '"open', '\x00', '"c\r\nd"', ' "s"', '"t" ']
for p, pat in enumerate(patterns):
    rows = ['h1,h2,h3']
    for k in range(0, 70):
        rows.append('f' * k + ',' + pat + ',z')
        rows.append(pat + ',' + 'g' * k + ',z')
        rows.append('y,' + 'g' * k + pat + ',z')
    data = '\n'.join(rows) + '\n'
    open('block%02d.csv' % p, 'w', newline='').write(data)
    rng = random.Random(1000 + p)
    open('blockfuzz%02d.csv' % p, 'wb').write(fuzz(rng, data.encode(), 12))

# Records across the 1 MiB read buffer, at many offsets: ~3 MiB of
# records of every length, some with quoted fields holding newlines, and
# a quoted field longer than the buffer.
rng = random.Random(7)
rows = ['id,text,n']
size = 0
while size < 3 << 20:
    t = rng.choice(['plain', 'q', 'nl', 'dq'])
    body = 'w' * rng.randrange(0, 300)
    if t == 'q':
        body = '"' + body + ',x"'
    elif t == 'nl':
        body = '"' + body + '\nmore"'
    elif t == 'dq':
        body = '"say ""' + body + '"""'
    rows.append('%d,%s,%d' % (len(rows), body, rng.randrange(100)))
    size += len(rows[-1]) + 1
    if len(rows) == 5000:
        rows.append('big,"' + 'B' * (1536 << 10) + '\n""end",1')
data = '\n'.join(rows) + '\n'
open('across.csv', 'w', newline='').write(data)
open('acrossfuzz.csv', 'wb').write(fuzz(random.Random(8), data.encode(), 40))
PY
compare gen*.csv
compare fuzz*.csv
compare block*.csv
compare across*.csv
for f in gen0*.csv block0*.csv across.csv acrossfuzz.csv; do
	compare_fields "$f" 1
	compare_fields "$f" 2
done
# 193 without $SHARED (the repository's CSVs and the generated ones), 216 with it.
[ "$checked" -ge 190 ] || fail "only $checked inputs compared"
echo "$checked inputs compared"
