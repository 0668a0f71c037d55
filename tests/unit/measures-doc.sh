# Every measure is one hop from docs/measures.md (issue 10, item 3): the
# measures of measure_defs[] in common/measures.c are those of the doc's
# "Measures" table and of its "Where each measure is computed" table, both
# ways; each row of the latter gives the measure's DEFINITIONS section as
# measure_defs[] has it, and a file and function of aggregate-district
# where that function is defined; so does every `file.c` `function` pair
# the section names.
doc=$ROOT/docs/measures.md
src=$ROOT/common/measures.c
hdr=$ROOT/common/measures.h
dir=$ROOT/filters/aggregate-district

# measure_defs[]: "name<TAB>section" for each entry, whether written with
# designated initializers (.name = "...", .section = "...") or as
# DERIVED("name", "what", "section", ...).
awk '
/^const struct measure_def measure_defs\[NMEASURES\] = \{/ { on = 1; next }
on && /^\};/ { flush(); on = 0 }
!on { next }
/^[ \t]*\[MS_[A-Z0-9_]+\] = / { flush(); entries++ }
{ entry = entry " " $0 }
function flush(   n, s, a, i, c, instr, lit) {
	if (entry == "")
		return
	if (match(entry, /\.name = "[^"]*"/)) {
		n = substr(entry, RSTART + 9, RLENGTH - 10)
		if (match(entry, /\.section = "[^"]*"/))
			s = substr(entry, RSTART + 12, RLENGTH - 13)
	} else if ((i = index(entry, "DERIVED(")) > 0) {
		a = 1; instr = 0; lit[1] = lit[2] = lit[3] = ""
		for (i += 8; i <= length(entry); i++) {
			c = substr(entry, i, 1)
			if (c == "\"")
				instr = !instr
			else if (instr)
				lit[a] = lit[a] c
			else if (c == ",")
				a++
		}
		n = lit[1]; s = lit[3]
	}
	print n "\t" s
	entry = ""
}
END { print entries > "entries" }
' "$src" >defs.tsv || fail "cannot read $src"
cut -f1 defs.tsv | sort >defs
# One name per entry, each with a section, none twice.
eq "measure_defs[] entries read" "$(cat entries)" "$(grep -c . defs.tsv)"
if awk -F'\t' '$1 == "" || $2 == ""' defs.tsv | grep -q .; then
	fail "an entry of measure_defs[] without a name or a section: $(awk -F'\t' '$1 == "" || $2 == ""' defs.tsv)"
fi
[ -z "$(uniq -d defs)" ] || fail "measures named twice in $src: $(uniq -d defs)"
# As many as enum measure_id has before NMEASURES.
n=$(awk '/^enum measure_id \{/ { on = 1 } on { s = s " " $0 }
	on && /NMEASURES/ { sub(/NMEASURES.*/, "", s); print gsub(/MS_[A-Z0-9_]+/, "", s); exit }' "$hdr")
eq "measures in enum measure_id and in measure_defs[]" "$n" "$(lines defs)"
[ "$n" -ge 30 ] || fail "only $n measures read from $hdr"

# The doc's "Measures" table: every backticked name of its first column.
awk '/^## / { on = $0 == "## Measures"; next } /^### / { on = 0 }
	on && /^\| `/ { split($0, c, "|"); s = c[2]
		while (match(s, /`[a-z0-9_]+`/)) {
			print substr(s, RSTART + 1, RLENGTH - 2); s = substr(s, RSTART + RLENGTH)
		} }' "$doc" | sort -u >main
# The doc's "Where each measure is computed" table: measure, file,
# function, DEF; and every `file.c` `function` pair of that section.
awk -F'|' -v pairs=pairs.tsv '
	function strip(s) { gsub(/[` ]/, "", s); return s }
	/^## / { on = $0 == "## Where each measure is computed"; next }
	!on { next }
	/^\| `/ { print strip($2) "\t" strip($3) "\t" strip($4) "\t" \
		    substr($5, 2, length($5) - 2) }
	{
		s = $0
		while (match(s, /`[a-z0-9_\/.-]+\.c`( `[a-z0-9_]+`(, `[a-z0-9_]+`)*)?/)) {
			t = substr(s, RSTART, RLENGTH); s = substr(s, RSTART + RLENGTH)
			n = split(t, w, "`")
			for (i = 4; i <= n; i += 2)
				print w[2] "\t" w[i] "\t" NR > pairs
		}
	}' "$doc" >where.tsv
cut -f1 where.tsv | sort -u >where
[ "$(lines main)" -ge 30 ] || fail "only $(lines main) measures in the Measures table of $doc"
[ "$(lines where)" -ge 30 ] || fail "only $(lines where) measures in the Where table of $doc"

# Both ways, for both tables.
missing=$(comm -23 defs main)
[ -z "$missing" ] || fail "measures of $src not in the Measures table of $doc:" $missing
extra=$(comm -13 defs main)
[ -z "$extra" ] || fail "measures in the Measures table of $doc that $src lacks:" $extra
missing=$(comm -23 defs where)
[ -z "$missing" ] || fail "measures of $src not in the Where table of $doc:" $missing
extra=$(comm -13 defs where)
[ -z "$extra" ] || fail "measures in the Where table of $doc that $src lacks:" $extra

# Each row's DEF is measure_defs[]'s section, its function defined in its
# file (OpenBSD style: the name at the start of a line).
defined() {
	case $1 in
	*/*) f=$ROOT/$1 ;;
	*) f=$dir/$1 ;;
	esac
	[ -f "$f" ] || return 2
	grep -q "^$2(" "$f"
}
while IFS=$'\t' read -r m file fn def; do
	want=$(awk -F'\t' -v m="$m" '$1 == m { print $2 }' defs.tsv)
	eq "DEF of $m in $doc" "$want" "$def"
	defined "$file" "$fn"
	case $? in
	0) ;;
	2) fail "$m: no file $file (under filters/aggregate-district/ or the root)" ;;
	*) fail "$m: $file defines no function $fn" ;;
	esac
done <where.tsv
[ -s pairs.tsv ] || fail "no file and function pairs read from $doc"
while IFS=$'\t' read -r file fn line; do
	defined "$file" "$fn"
	case $? in
	0) ;;
	2) fail "$doc:$line: no file $file" ;;
	*) fail "$doc:$line: $file defines no function $fn" ;;
	esac
done <pairs.tsv
echo "$(lines defs) measures; $(lines where.tsv) rows and $(lines pairs.tsv) file and function pairs checked"
