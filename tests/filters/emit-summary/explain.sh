# Drill-down (issue 11): every figure in the HTML carries the
# aggregate-district --explain command that lists its records in the
# run's kept stream.  On a small generated extract run through the
# stages: every kind of command the report writes (one of each measure,
# category and period kind) runs and exits 0 on the kept stream named by
# --stream, and for counts of recorded crime it lists as many records as
# the figure says.
export PATH="$BIN:$PATH"
"$BIN/gen-extract" --seed 3 --from 2017-12 --to 2019-12 --per-month 40 \
	--lsoa "$ROOT/reference/lsoa11.csv" >x.csv || fail "gen-extract"
set -o pipefail
ingest-crime --force Warwickshire x.csv 2>/dev/null | tag-rural | flag-repeat |
	compute-outcomes >s.csv || fail "the stages"
mkdir -p run/streams
gzip -c s.csv >run/streams/4-compute-outcomes.csv.gz
aggregate-district --month 2019-12 --force Warwickshire s.csv >m.csv ||
	fail "aggregate-district"
cd run || fail "cd"
run 0 emit-summary --format html --stream streams/4-compute-outcomes.csv.gz ../m.csv
mv out r.html
python3 - r.html >../cmds <<'PY'
import html, re, shlex, sys
t = open(sys.argv[1]).read()
seen, counts = {}, []
for m in re.finditer(r'title="([^"]*)">(?:<svg.*?</svg>)?([^<]*)<', t):
    lines = html.unescape(m.group(1)).split("\n")
    text = html.unescape(m.group(2))
    for line in lines:
        if not line.startswith("aggregate-district "):
            continue
        w = shlex.split(line)
        assert w[-1] == "streams/4-compute-outcomes.csv.gz", line
        p, meas, at, *rest = w[w.index("--explain") + 1].split(",")
        seen.setdefault((meas, rest[-1], ".." in p), line)
        if (meas == "recorded_crime" and ".." not in p and len(lines) == 1
                and re.fullmatch(r"[0-9,]+", text) and len(counts) < 12):
            counts.append((line, int(text.replace(",", ""))))
assert len(seen) > 50, len(seen)
for line in sorted(seen.values()):
    print("C\t" + line)
for line, n in counts:
    print("N\t%d\t%s" % (n, line))
PY
[ -s ../cmds ] || fail "no commands found"
n=0
while IFS=$'\t' read -r kind a b; do
	if [ "$kind" = C ]; then
		bash -c "$a" >listed 2>err || { cat err; fail "command failed: $a"; }
		n=$((n + 1))
	else
		bash -c "$b" >listed 2>err || { cat err; fail "command failed: $b"; }
		eq "records of '$b'" "$a" "$(($(lines listed) - 1))"
	fi
done <../cmds
[ $n -gt 50 ] || fail "only $n kinds of command"
# A figure with no record list (a cohort, a coverage text) names its row.
has r.html 'title="long table: '
