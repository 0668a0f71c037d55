#!/bin/sh
# Regenerate reference/lsoa11.csv and reference/areas.csv from the ONS files in
# ../shared/realdata/ons (relative to the project root). Not used by the build:
# the generated tables are committed. Usage (from anywhere):
#   sh reference/build-lsoa.sh [ONS_DIR]
# Needs python3 (standard library only).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
ons=${1:-$here/../../shared/realdata/ons}
[ -d "$ons" ] || { echo "build-lsoa.sh: no ONS directory: $ons" >&2; exit 2; }
python3 - "$ons" "$here" <<'PY'
import csv, gzip, io, sys, os
ons, out = sys.argv[1], sys.argv[2]

def w(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        wr = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        wr.writerow(header)
        wr.writerows(rows)

ruc = {}
with open(os.path.join(ons, "Rural_Urban_Classification_2011_of_Lower_Layer_Super_Output_Areas_in_England_and_Wales.csv"), encoding="utf-8", newline="") as f:
    for r in csv.DictReader(f):
        assert r["LSOA11CD"] not in ruc
        ruc[r["LSOA11CD"]] = (r["LSOA11NM"], r["RUC11CD"])
lad = {}
with open(os.path.join(ons, "Lower_Layer_Super_Output_Area_2011_to_Ward_2017_Lookup_in_England_and_Wales.csv"), encoding="utf-8", newline="") as f:
    for r in csv.DictReader(f):
        assert r["LSOA11CD"] not in lad
        lad[r["LSOA11CD"]] = (r["LSOA11NM"], r["LAD17NM"], r["LAD17CD"])
assert set(ruc) == set(lad), "RUC and ward lookup LSOA sets differ"
rows = []
for code in sorted(ruc):
    name, cls = ruc[code]
    rows.append((code, name, lad[code][2], lad[code][1], cls))
assert len(rows) == 34753, len(rows)
w(os.path.join(out, "lsoa11.csv"), ("lsoa_code", "lsoa_name", "district_code", "district", "ruc11"), rows)
lad_code = {v[1]: v[2] for v in lad.values()}

# Population: ONS SAPE20DT1 mid-2017, summed by LAD17NM via the ward lookup.
pop = {}
with gzip.open(os.path.join(ons, "population17_lsoa11.csv.gz"), "rt", encoding="utf-8", newline="") as f:
    for r in csv.DictReader(f):
        d = lad[r["lsoa11_code"]][1]
        pop[d] = pop.get(d, 0) + int(r["total_population"])
# Households: Census 2011 QS405EW, 5th column (All categories: Tenure), by LAD name.
hh = {}
with open(os.path.join(ons, "tenure-households-lad.csv"), encoding="utf-8", newline="") as f:
    rd = csv.reader(f)
    next(rd)
    for r in rd:
        hh[r[1]] = int(r[4])

areas = [
    # force, district (LAD17NM), other names a force extract may use, policing area
    ("Warwickshire", "North Warwickshire", "", "North Warwickshire"),
    ("Warwickshire", "Nuneaton and Bedworth", "Nuneaton & Bedworth", "North Warwickshire"),
    ("Warwickshire", "Rugby", "", "North Warwickshire"),
    ("Warwickshire", "Stratford-on-Avon", "Stratford", "South Warwickshire"),
    ("Warwickshire", "Warwick", "", "South Warwickshire"),
    ("West Mercia", "Herefordshire, County of", "Herefordshire", "Herefordshire"),
    ("West Mercia", "Shropshire", "", "Shropshire"),
    ("West Mercia", "Telford and Wrekin", "", "Telford and Wrekin"),
    ("West Mercia", "Bromsgrove", "", "North Worcestershire"),
    ("West Mercia", "Redditch", "", "North Worcestershire"),
    ("West Mercia", "Wyre Forest", "", "North Worcestershire"),
    ("West Mercia", "Malvern Hills", "", "South Worcestershire"),
    ("West Mercia", "Worcester", "", "South Worcestershire"),
    ("West Mercia", "Wychavon", "", "South Worcestershire"),
]
rows = []
for force, d, other, pa in sorted(areas, key=lambda a: (a[0].encode(), a[1].encode())):
    if d not in pop or d not in hh or d not in lad_code:
        sys.exit("build-lsoa.sh: district not found in ONS files: " + d)
    rows.append((lad_code[d], d, other, pa, force, pop[d], hh[d]))
w(os.path.join(out, "areas.csv"), ("district_code", "district", "other_names", "policing_area", "force", "population", "households"), rows)
print("lsoa11.csv: %d rows; areas.csv: %d rows" % (34753, len(rows)))
PY
