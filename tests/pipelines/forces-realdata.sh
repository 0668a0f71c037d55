# shellcheck shell=bash source-path=SCRIPTDIR
# forces.sh on the two real forces (issue 12, item 6): the ten real
# police.uk street files, five months of Warwickshire and of West Mercia,
# given together.  One run per force, each with its own force's five files
# only, each run's measures for its own force only (its districts and
# policing areas as the areas table gives them), its force total for
# February 2019 equal to the crimes counted with awk from that force's
# street file; the index lists both, in name order, with working relative
# links, in HTML and in Markdown.
# shellcheck source=forces.inc
source "$CASE/forces.inc"
[ -d "$POLICE" ] || skip "no real data ($POLICE)"
command -v python3 >/dev/null || skip "python3 not installed"
run 0 "$FORCES" --out runs 2019-02 "$POLICE"/*-street.csv
echo runs/index.html >want
same want out
has err "forces.sh: 2 forces: 2 done, 0 failed, 0 skipped"
for d in warwickshire west-mercia; do
	case $d in
	warwickshire) name=Warwickshire ;;
	west-mercia) name="West Mercia" ;;
	esac
	run=runs/$d/2019-02
	[ -L "$run" ] || fail "$run is not a run (a link to one)"
	[ -f "$run/summary.html" ] || fail "$run: no summary.html"
	[ -f "$run/summary.md" ] || fail "$run: no summary.md"
	ls "$POLICE"/*-"$d"-street.csv >want
	same want "$run/inputs.txt"
	has "$run/options.env" "force=$(printf '%q' "$name")"
	eq "$d: total recorded crime" "$(crimes "$POLICE/2019-02-$d-street.csv")" \
		"$(force_total "$run/measures.csv" 2019-02 "$name")"
	has "$run/logs/5-aggregate-district.log" "other_force 0,"
	# Every area of the long table is the force, or one of its districts
	# or policing areas in reference/areas.csv.
	python3 - "$ROOT/reference/areas.csv" "$run/measures.csv" "$name" <<'PY' || fail "$d: areas of another force"
import csv, sys
areas, measures, force = sys.argv[1:]
want = {('force', force)}
for r in csv.DictReader(open(areas, newline='')):
    if r['force'] == force:
        want.add(('district', r['district']))
        want.add(('policing_area', r['policing_area']))
got = {(r['area_type'], r['area']) for r in csv.DictReader(open(measures, newline=''))}
if got != want:
    sys.exit('areas: %s, expected %s' % (sorted(got), sorted(want)))
PY
	has "runs/$d/monthly.log" "monthly.sh: 2019-02 done"
done
cat >want <<'MD'
# Performance Summaries by force: 2019-02

2 forces: 2 done, 0 failed, 0 skipped.

| force | month | status | report |
|---|---|---|---|
| Warwickshire | 2019-02 | done | [summary.html](warwickshire/2019-02/summary.html) · [summary.md](warwickshire/2019-02/summary.md) |
| West Mercia | 2019-02 | done | [summary.html](west-mercia/2019-02/summary.html) · [summary.md](west-mercia/2019-02/summary.md) |
MD
same want runs/index.md
printf '%s\n' warwickshire/2019-02/summary.html warwickshire/2019-02/summary.md \
	west-mercia/2019-02/summary.html west-mercia/2019-02/summary.md >want
hrefs runs/index.html >got
same want got
links_resolve runs
self_contained runs/index.html
has runs/index.html '<tr><td>Warwickshire</td><td>2019-02</td><td class="done">done</td>'
has runs/index.html '<tr><td>West Mercia</td><td>2019-02</td><td class="done">done</td>'
[ -z "$(leftovers runs)" ] || fail "left behind: $(leftovers runs)"
