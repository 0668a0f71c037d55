# Every command in the EXAMPLES of every man page runs on the sample data
# and shows what it says (issue 9, item 12: an example exited 2 on the
# sample's two forces, another promised a count that it never printed).
#
# The rule, for every page in docs/man/:
# - An example command is a .Dl line of the page's EXAMPLES section, or
#   several, each but the last ending in \e (a backslash: the shell's line
#   continuation, as the reader sees it).  A .Dl line is plain text of at
#   most 66 characters (an 80-column terminal shows it on one line): no
#   mdoc macro name or lone punctuation mark among its words (mdoc would
#   format them), no '"' (write \(dq).  The escapes \e \- \& \(aq \(dq \(ti \(ha and
#   '\ ' are read as a reader sees them; any other is an error.  With groff
#   at hand, each command must appear as read here in the rendered page.
# - EXAMPLES hold no .Bd display, where a command would escape this test;
#   emit-summary.1 is excepted until its owner writes its examples as .Dl
#   lines (its .Dl lines run as soon as it has any).
# - A page's commands run in order, each as `bash -o pipefail -c COMMAND`
#   with the binaries under test first on PATH, in one fresh directory laid
#   out like the project root: sample-data/ (the force extract cut to every
#   20th crime, both forces kept, and the police-uk/ samples) and reference/
#   (the tables).  A file a command reads that is not there must be made by
#   an earlier command of the same page.
# - Each command exits 0 and shows something: a line on standard output,
#   or, when it sends its output to a file, a non-empty file that it wrote.
# - A comment line `.\" output: ERE` right after a .Dl line says what the
#   command shows: a line of its standard output or error matches ERE.

command -v gzip >/dev/null || skip "no gzip"

# The fixture: a small cut of the sample (whole crimes: a crime's extra
# victim rows and a record's continuation lines follow its first line).
mkdir -p fixture/sample-data/police-uk fixture/reference
gzip -dc "$ROOT/sample-data/warwickshire-extract.csv.gz" >full.csv ||
	fail "cannot read the sample extract"
awk 'NR == 1 { print; next }
	/^[0-9][0-9]\/[0-9][0-9][0-9][0-9][0-9][0-9]\/[0-9][0-9],/ {
		split($0, ref, "/"); keep = ref[2] % 20 == 0
	}
	keep' full.csv >cut.csv || fail "cannot cut the sample extract"
[ "$(lines cut.csv)" -gt 5000 ] || fail "the cut holds $(lines cut.csv) lines"
grep -q ',West Mercia$' cut.csv || fail "the cut lost West Mercia"
gzip -n <cut.csv >fixture/sample-data/warwickshire-extract.csv.gz ||
	fail "cannot write the cut"
rm -f full.csv cut.csv
cp "$ROOT"/sample-data/police-uk/* fixture/sample-data/police-uk/ ||
	fail "cannot copy the police.uk samples"
cp "$ROOT"/reference/*.csv fixture/reference/ ||
	fail "cannot copy the reference tables"

# examples PAGE: its EXAMPLES as lines "kind<TAB>line<TAB>text": L a .Dl
# line as the reader reads it, D a whole command (its .Dl lines joined), O
# an expected-output ERE, B a .Bd display, E an error in the page.
examples() {
	awk '
	BEGIN {
		n = split("Ad An Ap Ar At Bc Bf Bo Bq Brc Bro Brq Bsx Bx Cd " \
		    "Cm Dc Do Dq Dv Dx Ec Ef Em En Eo Er Es Ev Fa Fc Fl Fn Fo " \
		    "Fr Fx Hf Ic In Lb Li Lk Ms Mt Nm No Ns Nx Oc Oo Op Ot Ox " \
		    "Pa Pc Pf Po Pq Qc Ql Qo Qq Rv Sc So Sq St Sx Sy Ta Tn Ux " \
		    "Va Vt Xc Xo Xr", m, " ")
		for (i = 1; i <= n; i++)
			macro[m[i]] = 1
		n = split(". , ; : ? ! ( ) [ ]", m, " ")
		for (i = 1; i <= n; i++)
			delim[m[i]] = 1
		named["dq"] = "\""; named["aq"] = "\047"
		named["ti"] = "~"; named["ha"] = "^"
	}
	function unescape(s,   out, i, c, nx, nm) {
		out = ""
		for (i = 1; i <= length(s); i++) {
			c = substr(s, i, 1)
			if (c != "\\") {
				out = out c
				continue
			}
			nx = substr(s, i + 1, 1)
			if (nx == "e")
				out = out "\\"
			else if (nx == "-")
				out = out "-"
			else if (nx == "(" && (substr(s, i + 2, 2) in named)) {
				out = out named[substr(s, i + 2, 2)]
				i += 2
			} else if (nx == " ")
				out = out " "
			else if (nx != "&") {
				bad = "the escape \\" nx " (write it as the reader reads it)"
				return ""
			}
			i++
		}
		return out
	}
	function unfinished() {
		if (cont != "")
			print "E\t" NR "\ta .Dl line ends in a continuation"
		cont = ""
	}
	/^\.Sh / { unfinished(); ex = $0 == ".Sh EXAMPLES"; seen += ex; prev = ""; next }
	!ex { next }
	/^\.Dl / {
		raw = substr($0, 5)
		bad = ""
		if (index(raw, "\""))
			bad = "a \" (write \\(dq)"
		n = split(raw, w, " ")
		for (i = 1; i <= n && bad == ""; i++)
			if (w[i] in macro)
				bad = "the word " w[i] " (an mdoc macro)"
			else if (w[i] in delim)
				bad = "a lone " w[i] " (mdoc moves its spaces)"
		cmd = bad == "" ? unescape(raw) : ""
		if (bad == "" && length(cmd) > 66)
			bad = "more than 66 characters (continue it with \\e)"
		if (bad != "") {
			print "E\t" NR "\t.Dl line holds " bad
			cont = ""
			prev = "E"
			next
		}
		print "L\t" NR "\t" cmd
		if (cmd ~ /\\$/) {
			# The shell drops a backslash and its newline.
			if (cont == "")
				first = NR
			cont = cont substr(cmd, 1, length(cmd) - 1)
			next
		} else {
			print "D\t" (cont == "" ? NR : first) "\t" cont cmd
			cont = ""
		}
		prev = "D"
		next
	}
	{ unfinished() }
	/^\.\\" output: / {
		if (prev == "E")
			next	# its command is already reported
		if (prev != "D")
			print "E\t" NR "\tan output: comment that follows no .Dl line"
		else
			print "O\t" NR "\t" substr($0, 13)
		prev = "O"
		next
	}
	/^\.Bd/ { print "B\t" NR "\t" $0 }
	{ prev = "" }
	END { unfinished(); if (!seen) print "E\t0\tno EXAMPLES section" }
	' "$1"
}

# rendered PAGE: its EXAMPLES section as groff shows it, on one line.
rendered() {
	groff -mdoc -Tascii -P-cbou -rLL=300n "$1" 2>/dev/null |
	    awk '/^EXAMPLES$/ { on = 1; next } on && /^[A-Z]/ { on = 0 }
		on { printf "%s ", $0 }' | tr -s ' \t' '  '
}

# run_example DIR COMMAND: run it, keeping out, err and what it wrote.
run_example() {
	(cd "$1" && find . -type f -printf '%p %s %T@\n') | sort >before
	(cd "$1" && PATH=$BIN:$PATH exec bash -o pipefail -c "$2") \
	    >out 2>err </dev/null
	status=$?
	(cd "$1" && find . -type f -printf '%p %s %T@\n') | sort >after
	wrote=$(comm -13 before after | awk '$2 > 0' | wc -l)
}

problems=0
problem() {
	echo "$page:$1: $2" >&2
	problems=$((problems + 1))
}

pages=0 commands=0 checked=0
for man in "$ROOT"/docs/man/*.1; do
	page=${man##*/}
	pages=$((pages + 1))
	examples "$man" >list || fail "cannot read $page"
	shown=
	command -v groff >/dev/null && shown=$(rendered "$man")
	rm -rf work
	cp -R fixture work || fail "cannot copy the fixture"
	ran=0 last=
	while IFS=$'\t' read -r kind line text; do
		case $kind in
		E)	problem "$line" "$text" ;;
		B)	[ "$page" = emit-summary.1 ] && continue
			problem "$line" "EXAMPLES hold a .Bd display: write each command as a .Dl line" ;;
		L)	[ -n "$shown" ] || continue
			want=$(printf '%s' "$text" | tr -s ' \t' '  ')
			want=${want# }
			case $shown in
			*"$want"*) ;;
			*) problem "$line" "the rendered page does not show '$text'" ;;
			esac
			;;
		D)	ran=$((ran + 1))
			commands=$((commands + 1))
			last=$text lastline=$line
			run_example work "$text"
			if [ "$status" -ne 0 ]; then
				problem "$line" "exit $status: $text"
				sed 's/^/    | /' err | head -n 10 >&2
			elif [ ! -s out ] && [ "$wrote" -eq 0 ]; then
				problem "$line" "shows nothing (no output, no file written): $text"
				sed 's/^/    | /' err | head -n 10 >&2
			fi
			;;
		O)	checked=$((checked + 1))
			if ! grep -Eq -- "$text" out err; then
				problem "$line" "no line of the output of '$last' (line $lastline) matches '$text'"
				head -n 5 out err | sed 's/^/    | /' >&2
			fi
			;;
		esac
	done <list
	if [ "$ran" -eq 0 ] && [ "$page" != emit-summary.1 ]; then
		problem 0 "EXAMPLES hold no .Dl command"
	fi
	echo "$page: $ran commands"
done
[ "$pages" -ge 6 ] || fail "only $pages man pages in docs/man"
echo "$pages pages, $commands commands, $checked outputs checked"
[ "$problems" -eq 0 ] || fail "$problems problems in the man pages' EXAMPLES"
