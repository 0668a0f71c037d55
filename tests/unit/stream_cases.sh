# The stream reader on raw bytes, with the exact fields expected (libcsv's
# own test style: input bytes, then the records and fields by hand).  The
# dump is tools/csvparse's: "source:line<TAB>nfields<TAB>[field]...".

# case NAME INPUT(printf format) EXPECTED-DUMP [EXPECTED-STDERR-FRAGMENT]
case_() {
	printf "$2" >"$1.csv"
	"$BIN/csvparse" "$1.csv" >"$1.out" 2>"$1.err"
	printf '%s\n' "$3" >"$1.want"
	same "$1.want" "$1.out"
	if [ -n "${4:-}" ]; then has "$1.err" "$4"; else [ ! -s "$1.err" ] || { cat "$1.err" >&2; fail "$1: unexpected stderr"; }; fi
}

case_ plain 'a,b\n1,2\n' 'header:1	2	[a][b]
plain.csv:2	2	[1][2]'

case_ no_final_newline 'a,b\n1,2' 'header:1	2	[a][b]
no_final_newline.csv:2	2	[1][2]'

case_ crlf 'a,b\r\n1,2\r\n3,"x"\r\n' 'header:1	2	[a][b]
crlf.csv:2	2	[1][2]
crlf.csv:3	2	[3][x]'

case_ bom '\357\273\277a,b\n1,2\n' 'header:1	2	[a][b]
bom.csv:2	2	[1][2]'

# A quoted field holding a comma, a doubled quote and a newline; the next
# record starts on physical line 4.
case_ quoted 'a,b\n"x,y","say ""hi""\nthere"\n5,6\n' 'header:1	2	[a][b]
quoted.csv:2	2	[x,y][say "hi"\x0athere]
quoted.csv:4	2	[5][6]'

# CRLF inside quotes is data; the CR before the LF ending a record is not.
case_ crlf_in_quotes 'a\r\n"1\r\n2"\r\n' 'header:1	1	[a]
crlf_in_quotes.csv:2	1	[1\x0d\x0a2]'

# A lone CR inside an unquoted field is data, on both paths.
case_ lone_cr 'a,b\nx\ry,z\n' 'header:1	2	[a][b]
lone_cr.csv:2	2	[x\x0dy][z]'

# No trimming: spaces and tabs are kept.
case_ spaces 'a,b\n x ,\t\n' 'header:1	2	[a][b]
spaces.csv:2	2	[ x ][\x09]'

case_ empty_fields 'a,b,c\n,,\n' 'header:1	3	[a][b][c]
empty_fields.csv:2	3	[][][]'

# Rejects: the good records around them are kept.
case_ too_few 'a,b\n1\n2,3\n' 'header:1	2	[a][b]
too_few.csv:3	2	[2][3]' 'too_few.csv:2: 1 field, the header has 2'

case_ too_many 'a,b\n1,2,3\n4,5\n' 'header:1	2	[a][b]
too_many.csv:3	2	[4][5]' 'too_many.csv:2: 3 fields, the header has 2'

case_ blank 'a,b\n1,2\n\n3,4\n' 'header:1	2	[a][b]
blank.csv:2	2	[1][2]
blank.csv:4	2	[3][4]' 'blank.csv:3: blank line'

case_ unterminated 'a,b\n1,2\n3,"open\n' 'header:1	2	[a][b]
unterminated.csv:2	2	[1][2]' 'unterminated.csv:3: unterminated quoted field'

case_ stray_quote 'a,b\n1,x"y"\n5,6\n' 'header:1	2	[a][b]
stray_quote.csv:3	2	[5][6]' 'stray_quote.csv:2: malformed quoting'

case_ text_after_quote 'a,b\n1,"x"y\n5,6\n' 'header:1	2	[a][b]
text_after_quote.csv:3	2	[5][6]' 'text_after_quote.csv:2: malformed quoting'

case_ nul 'a,b\n1,x\0y\n5,6\n' 'header:1	2	[a][b]
nul.csv:3	2	[5][6]' "nul.csv:2: field 'b': NUL byte"

# A 1 MB field on the memchr path and on the libcsv path.
head -c 1048576 /dev/zero | tr '\0' 'x' >big
{ printf 'a,b\n1,'; cat big; printf '\n"2",'; cat big; printf '\n'; } >big.csv
"$BIN/csvparse" big.csv >big.out 2>big.err
[ ! -s big.err ] || fail "big: $(head -c 300 big.err)"
eq "big records" 3 "$(lines big.out)"
eq "big field length" $((1048576 + 2)) "$(sed -n 2p big.out | cut -f3 | tail -c +5 | wc -c)"

# Empty input: an error naming the file; header only: no records.
: >empty.csv
run 1 "$BIN/csvparse" empty.csv
has err "empty.csv: empty input, no header line"
printf 'a,b\n' >hdr.csv
run 0 "$BIN/csvparse" hdr.csv
eq "header only" "header:1	2	[a][b]" "$(cat out)"
