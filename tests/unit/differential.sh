# The stream reader's two paths give the same fields (docs/stream.md):
# every record is parsed once by the memchr path (records without a quote)
# and once with every record forced through libcsv (tools/csvparse
# --libcsv); the dumps, rejects included, must be identical.  Inputs:
# every CSV the tests and samples hold (each also forced through libcsv's
# exact configuration, the definition the fast one must agree with), the real police.uk files when
# present, and generated and fuzzed files (fixed seeds, so a failure
# reproduces).

compare() {
	"$BIN/csvparse" "$1" >fast.out 2>fast.err
	local s1=$?
	"$BIN/csvparse" --libcsv "$1" >lib.out 2>lib.err
	local s2=$?
	"$BIN/csvparse" --libcsv-exact "$1" >exact.out 2>exact.err
	local s3=$?
	[ "$s1" = "$s2" ] || fail "$1: exit $s1 (memchr path) vs $s2 (libcsv)"
	[ "$s1" = "$s3" ] || fail "$1: exit $s1 (memchr path) vs $s3 (exact libcsv)"
	cmp -s fast.out lib.out || { diff fast.out lib.out | head -20 >&2; fail "$1: fields differ"; }
	cmp -s fast.err lib.err || { diff fast.err lib.err | head -20 >&2; fail "$1: rejects differ"; }
	cmp -s fast.out exact.out || { diff fast.out exact.out | head -20 >&2; fail "$1: fields differ (exact)"; }
	cmp -s fast.err exact.err || { diff fast.err exact.err | head -20 >&2; fail "$1: rejects differ (exact)"; }
	checked=$((checked + 1))
}

checked=0
while IFS= read -r f; do
	compare "$f"
done < <(find "$ROOT/tests" "$ROOT/sample-data" "$ROOT/reference" -name '*.csv' -not -path '*/tmp/*' | sort)
compare "$ROOT/sample-data/warwickshire-extract.csv.gz"
if [ -d "$SHARED/realdata/police" ]; then
	for f in "$SHARED"/realdata/police/*.csv; do compare "$f"; done
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
    b = bytearray(data.encode())
    for _ in range(rng.randrange(1, 6)):
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
    open('fuzz%02d.csv' % seed, 'wb').write(bytes(b))
PY
for f in gen*.csv fuzz*.csv; do compare "$f"; done
[ "$checked" -ge 160 ] || fail "only $checked inputs compared"
echo "$checked inputs compared"
