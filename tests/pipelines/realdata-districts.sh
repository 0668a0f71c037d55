# Every real police.uk street file (../shared/realdata/police/), through
# the whole pipeline: each district's recorded crime, the unplaced crimes
# and the force total equal an independent count over the ONS lookup
# (issue 9, item 1: Herefordshire was always 0 because districts were
# taken from LSOA names).  The independent count, in python3 from the raw
# file and the ONS ward lookup only: a crime is a row that is not
# anti-social behaviour, counted once per Crime ID (DEFINITIONS.md 1.1: a
# repeated id counts once); its district is the LAD17NM of its LSOA code.
# The force's districts are the ONS authorities of each force area.
police=$SHARED/realdata/police
lookup=$SHARED/realdata/ons/Lower_Layer_Super_Output_Area_2011_to_Ward_2017_Lookup_in_England_and_Wales.csv
if [ ! -d "$police" ] || [ ! -f "$lookup" ]; then skip "no ../shared/realdata"; fi
for f in "$police"/*-street.csv; do
	base=$(basename "$f")
	month=${base:0:7}
	case $base in
	*-warwickshire-*) force=Warwickshire ;;
	*-west-mercia-*) force="West Mercia" ;;
	*) continue ;;
	esac
	run 0 "$BIN/ingest-crime" "$f"
	mv out s1.csv
	run 0 "$BIN/tag-rural" s1.csv
	mv out s2.csv
	run 0 "$BIN/flag-repeat" s2.csv
	mv out s3.csv
	run 0 "$BIN/compute-outcomes" s3.csv
	mv out s4.csv
	run 0 "$BIN/aggregate-district" --month "$month" --force "$force Police" s4.csv
	mv out measures.csv
	python3 - "$f" "$lookup" "$force" "$month" <<'PY' >want.txt || fail "$base: independent count failed"
import csv, sys
street, lookup, force, month = sys.argv[1:]
districts = {
    'Warwickshire': ['North Warwickshire', 'Nuneaton and Bedworth', 'Rugby',
                     'Stratford-on-Avon', 'Warwick'],
    'West Mercia': ['Bromsgrove', 'Herefordshire, County of', 'Malvern Hills',
                    'Redditch', 'Shropshire', 'Telford and Wrekin', 'Worcester',
                    'Wychavon', 'Wyre Forest'],
}[force]
lad = {r['LSOA11CD']: r['LAD17NM'] for r in csv.DictReader(open(lookup, newline=''))}
count = {d: 0 for d in districts}
seen, total, nolsoa, outside, unknown = set(), 0, 0, 0, 0
for r in csv.DictReader(open(street, newline='')):
    if r['Crime type'] == 'Anti-social behaviour':
        continue
    if r['Crime ID'] in seen:
        continue
    seen.add(r['Crime ID'])
    total += 1
    code = r['LSOA code']
    if code == '':
        nolsoa += 1
    elif code not in lad:
        unknown += 1
    elif lad[code] in count:
        count[lad[code]] += 1
    else:
        outside += 1
for d in districts:
    print('%s,district,%s,%d' % (month, d, count[d]))
print('%s,force,%s,%d' % (month, force, total))
print('%s,unplaced,no lsoa,%d' % (month, nolsoa))
print('%s,unplaced,outside force area,%d' % (month, outside))
print('%s,unplaced,unknown district,%d' % (month, unknown))
PY
	python3 - "$month" "$force" <<'PY' >got.txt || fail "$base: cannot read measures.csv"
import csv, sys
month, force = sys.argv[1:]
rows = {(r['period'], r['area_type'], r['area'], r['measure'], r['category']): r['value']
        for r in csv.DictReader(open('measures.csv', newline=''))}
T = 'Total recorded crime'
for (p, t, a, m, c), v in sorted(rows.items()):
    if p == month and t == 'district' and m == 'recorded_crime' and c == T:
        print('%s,district,%s,%s' % (p, a, v))
print('%s,force,%s,%s' % (month, force, rows[(month, 'force', force, 'recorded_crime', T)]))
for c in ('no lsoa', 'outside force area', 'unknown district'):
    print('%s,unplaced,%s,%s' % (month, c, rows[(month, 'force', force, 'unplaced', c)]))
PY
	sort want.txt >want.sorted
	sort got.txt >got.sorted
	same want.sorted got.sorted
	echo "$base: $(paste -sd' ' want.txt)"
done
