# The splitter reads 64 bytes at a time: it must never read past the
# buffer nor an uninitialised byte (the buffer is padded and the padding
# zeroed), nor leak.  valgrind's memcheck over tools/csvparse on every
# path, on inputs whose records end at every offset of a block and at the
# end of the input, without and with a final newline.  Skipped where
# valgrind is not installed, and under ASan (which it cannot run with).
command -v valgrind >/dev/null || skip "valgrind not installed"
[ "${SANITIZE:-}" = 1 ] && skip "valgrind does not run ASan binaries"
python3 - <<'PY'
rows = ['a,b,c']
for k in range(0, 140):
    rows.append('x' * k + ',"q""' + 'y' * (k % 7) + '",z')
    rows.append('"' + 'w' * k + '\nl2",' + 'v' * (k % 5) + ',')
open('blocks.csv', 'w', newline='').write('\n'.join(rows) + '\n')
for k in range(0, 70):
    # the input ends k bytes into a block, inside a record
    open('end%02d.csv' % k, 'w', newline='').write('a\n' + 'e' * k)
    open('endq%02d.csv' % k, 'w', newline='').write('a\n"' + 'e' * k)
PY
printf 'a,b\r\n1,"x\0y"\r\n2,3\r\n' >odd.csv
# Real records across the 1 MiB read buffer: the sample's first 2.5 MB.
gzip -dc "$ROOT/sample-data/warwickshire-extract.csv.gz" | head -c 2500000 >sample.csv
for mode in "" --scalar --libcsv --libcsv-exact; do
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    "$BIN/csvparse" $mode blocks.csv end*.csv odd.csv sample.csv >out.$mode 2>err.$mode
	st=$?
	[ "$st" != 99 ] || { head -40 err.$mode >&2; fail "valgrind found errors (csvparse $mode)"; }
	hasnt err.$mode "=="
done
cmp -s out. out.--scalar || fail "dumps differ under valgrind"
# The over-long record skip, too.
{ printf 'a\n"'; head -c 300000 /dev/zero | tr '\0' 'p'; printf '"\nok\n'; } >long.csv
valgrind -q --error-exitcode=99 --leak-check=full "$BIN/csvparse" --max-record 1000 long.csv >out 2>err
[ $? != 99 ] || { head -40 err >&2; fail "valgrind found errors (--max-record)"; }
has err "long.csv:2: record longer than 1000 bytes"
has out "long.csv:3	1	[ok]"
