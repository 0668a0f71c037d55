# Crime ids and victim ids of every shape the crime-id set packs
# differently (records.c, common/idset.h: 64 hex digits, short ASCII,
# 4-bit references, anything else), repeated within a file, across files
# and across forces, with the later-row checks of DEFINITIONS.md 1.3
# (recorded_date, offence_code, district, a victim already on the crime)
# and more than 16383 districts (past the inline district numbers).  The
# expected rows and rejects come from a model of DEFINITIONS.md 1.1 and
# 1.3 in python3 that compares the ids as strings; a set that took two
# ids (or victims, or districts) for one would disagree with it.
source "$CASE/lib.inc"
command -v python3 >/dev/null || skip "python3 not installed"

python3 - <<'PY'
import csv, random
random.seed(12)
H = ['crime_ref', 'recorded_date', 'offence_code', 'offence_desc',
     'district', 'dwelling', 'lsoa_code', 'victim_id', 'victim_type',
     'markers', 'outcome_code', 'outcome_date', 'mo_text', 'force']
hexd = '0123456789abcdef'
base_hex = ''.join(random.choice(hexd) for _ in range(64))
def near_hex():
    # ids that differ from one another in one or two hex digits only
    h = list(base_hex)
    for _ in range(random.randint(1, 2)):
        h[random.randrange(64)] = random.choice(hexd)
    return ''.join(h)
def ref():
    k = random.randrange(16)
    n = random.randint(0, 3000)
    return [
        '23/%06d/19' % n,            # 4-bit packed, 12 characters
        '23/%06d/1' % n,             # 11
        'M%d' % n,                   # short ASCII
        'm%d' % n,                   # the same in lower case: another id
        '%08d' % n,                  # 8 digits: ASCII
        '%09d' % n,                  # 9 digits: 4-bit
        '%015d' % n,                 # 15: 4-bit
        '%016d' % n,                 # 16: generic
        near_hex(),                  # 64 hex digits
        near_hex().upper(),          # upper case: generic
        near_hex()[:63],             # 63: generic
        'REF-%d-ABCDEFGHIJ' % n,     # generic
        'q,%d"x' % n,                # quoted in the file
        '\u00e9%d' % n,              # UTF-8
        ' %d_.-%d' % (n, n % 7),     # 4-bit or ASCII with odd characters
        '23/%06d/19 ' % n,           # a trailing space: another id
    ][k]
def victim():
    n = random.randint(0, 12)
    return random.choice([
        'V%d' % n, 'V%03d' % n, 'V%07d' % n, 'V%08d' % n, '%d' % n,
        'v%d' % n, 'VV%d' % n, '', 'victim-%d-long' % n, '\u00dc%d' % n,
        'V9999999', 'Z9999999'])
forces = ['Warwickshire', 'West Mercia', '']
def date():
    return random.choice(['2019-01-05', '2019-01-06', '1900-01-01',
                          '2999-12-31'])
def row(wide):
    d = 'D%d' % random.randint(0, 10**6) if wide else \
        random.choice(['Rugby', 'Warwick', '', 'Rugby ', 'rugby'])
    return [ref(), date(), random.choice(['8N', '46', '28E']), 'x', d,
            '', 'E01031000', victim(), 'person', '', '', '', 'mo',
            random.choice(forces)]
files = [('a.csv', 6000, False), ('b.csv', 60000, True)]
seen = []
crimes = {}
want = []            # record_id, crime_count, victim_id
want_rej = []        # source, reason
for name, n, wide in files:
    rows = []
    for line in range(2, n + 2):
        if seen and random.random() < 0.5:
            r = list(random.choice(seen))
            t = random.random()
            if t < 0.55: r[7] = victim()
            elif t < 0.62: r[1] = date()
            elif t < 0.69: r[2] = random.choice(['8N', '8n', '46', '28E'])
            elif t < 0.76: r[4] = 'D%d' % random.randint(0, 10**6) if wide \
                else random.choice(['Rugby', 'Warwick', 'Rugby '])
            elif t < 0.83: r[13] = random.choice(forces)
        else:
            r = row(wide)
            seen.append(r)
        rows.append(r)
        key = (r[13] or 'Ext', r[0])
        where = '%s:%d' % (name, line)
        c = crimes.get(key)
        if c is None:
            crimes[key] = {'date': r[1], 'code': r[2].upper(),
                           'district': r[4], 'victims': {r[7]},
                           'first': where}
            want.append((r[0], '1', r[7]))
            continue
        field = None
        if r[1] != c['date']: field = 'recorded_date'
        elif r[2].upper() != c['code']: field = 'offence_code'
        elif r[4] != c['district']: field = 'district'
        if field:
            want_rej.append((where, "field '%s': inconsistent with the "
                             "crime's first row at %s" % (field, c['first'])))
        elif r[7] in c['victims']:
            want_rej.append((where, "field 'victim_id': victim '%s' is "
                             "already on the crime first recorded at %s" %
                             (r[7], c['first'])))
        else:
            c['victims'].add(r[7])
            want.append((r[0], '0', r[7]))
    with open(name, 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(H)
        w.writerows(rows)
with open('want', 'w', encoding='utf-8') as f:
    for t in want:
        f.write('\t'.join(t) + '\n')
with open('want_rej', 'w', encoding='utf-8') as f:
    for t in want_rej:
        f.write('\t'.join(t) + '\n')
print(len(want), len(want_rej), len(crimes),
      len({r[4] for r in seen}))
PY
[ -s want ] || fail "the model wrote nothing"
nkept=$(($(wc -l <want)))
nrej=$(($(wc -l <want_rej)))

run 0 "$BIN/ingest-crime" --stats -r rej.csv --force Ext a.csv b.csv
accounted err
eq stats "read 66000, written $nkept, rejected $nrej" "$(stats_of err)"
python3 - <<'PY'
import csv
with open('out', newline='', encoding='utf-8') as f, \
        open('got', 'w', encoding='utf-8') as g:
    for r in csv.DictReader(f):
        g.write('\t'.join((r['record_id'], r['crime_count'],
                           r['victim_id'])) + '\n')
with open('rej.csv', newline='', encoding='utf-8') as f, \
        open('got_rej', 'w', encoding='utf-8') as g:
    for r in csv.DictReader(f):
        g.write('\t'.join((r['source'], r['reject_reason'])) + '\n')
PY
same want got
same want_rej got_rej
# The model's count of crimes (force and id) is the filter's.
ncrimes=$(grep -c '	1	' want)
has err "crimes $ncrimes,"

# police.uk street files: 64-hex ids differing in one digit, the same id
# in upper case, under two forces, across two files (DEFINITIONS.md 1.1).
python3 - <<'PY'
import random
random.seed(5)
hexd = '0123456789abcdef'
b = [random.choice(hexd) for _ in range(64)]
ids = []
for i in range(40):
    h = list(b)
    h[i % 64] = hexd[(hexd.index(h[i % 64]) + 1 + i // 64) % 16]
    ids.append(''.join(h))
ids += [ids[0].upper(), ids[1][:63], '']
hdr = ('Crime ID,Month,Reported by,Falls within,Longitude,Latitude,'
       'Location,LSOA code,LSOA name,Crime type,Last outcome category,'
       'Context')
seen = {}
want = []
warn = []
for name, month in (('s1.csv', '2019-01'), ('s2.csv', '2019-02')):
    with open(name, 'w') as f:
        f.write(hdr + '\n')
        for line in range(2, 602):
            cid = random.choice(ids)
            force = random.choice(['Warwickshire', 'West Mercia'])
            fw = force + ' Police'
            f.write('%s,%s,%s,%s,-1.5,52.3,On or near A,E01031234,'
                    'Warwick 010A,Burglary,,\n' % (cid, month, fw, fw))
            where = '%s:%d' % (name, line)
            if cid == '':
                want.append((where, '1'))
                continue
            k = (force, cid)
            if k in seen:
                want.append((cid, '0'))
                warn.append('%s: warning: field \'Crime ID\': repeats the '
                            'crime first seen at %s; kept with crime_count '
                            '0' % (where, seen[k]))
            else:
                seen[k] = where
                want.append((cid, '1'))
open('want_s', 'w').write(''.join('%s,%s\n' % t for t in want))
open('want_warn', 'w').write(''.join('ingest-crime: %s\n' % w for w in warn))
PY
run 0 "$BIN/ingest-crime" --stats s1.csv s2.csv
accounted err
awk -F, 'NR > 1 { print $1 "," $3 }' out >got_s
same want_s got_s
grep "warning: field 'Crime ID'" err >got_warn
same want_warn got_warn
has err "repeated_ids $(wc -l <want_warn),"
