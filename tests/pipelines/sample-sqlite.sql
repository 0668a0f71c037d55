-- Independent figures for the sample extract, from ../shared/DEFINITIONS.md
-- (§1.3, §2.2, §2.4, §2.5, §3, §3.1) and docs/measures.md only: no crimepipe
-- code is consulted.  Run by tests/pipelines/sample-sqlite.sh, which first
-- imports (sqlite3 .import --csv, RFC 4180):
--   raw    the extract (sample-data/warwickshire-extract.csv.gz, unzipped)
--   areas  reference/areas.csv
--   og     reference/offence-groups.csv
--   oc     reference/outcome-groups.csv
-- Output: one expected measure row a line,
--   period|area_type|area|measure|category|value|denominator|rate
-- Reporting month 2019-12, force Warwickshire.  All rounding is half away
-- from zero in integer arithmetic.

-- Every row, in file order (rowid), with its month and upper-cased code.
CREATE TEMP TABLE ext AS
SELECT rowid AS rid, force, crime_ref, recorded_date,
       substr(recorded_date, 1, 7) AS month,
       upper(offence_code) AS code, district, dwelling,
       victim_id, victim_type, markers,
       outcome_code, outcome_date
FROM raw;
CREATE INDEX temp.ext_crime ON ext(force, crime_ref);
CREATE INDEX temp.ext_victim ON ext(victim_id, month);

-- Normalised outcome code (DEF §2.4): spaces stripped, OC prefix of any
-- case dropped, upper-cased.
CREATE TEMP TABLE ocn AS
SELECT rid,
       CASE WHEN upper(substr(replace(outcome_code, ' ', ''), 1, 2)) = 'OC'
            THEN upper(substr(replace(outcome_code, ' ', ''), 3))
            ELSE upper(replace(outcome_code, ' ', '')) END AS oc
FROM ext;

-- A crime is counted once, on its first row in file order (DEF §1.3);
-- crimes are keyed by force and crime_ref.
CREATE TEMP TABLE crimes AS
SELECT e.*, n.oc,
       CASE WHEN e.dwelling = 'N' AND g.crime_group_if_not_dwelling <> ''
            THEN g.crime_group_if_not_dwelling ELSE g.crime_group END AS grp,
       coalesce(o.outcome_group, '') AS ogroup,
       coalesce(o.outcome_subgroup, '') AS osub,
       substr(e.outcome_date, 1, 7) AS omonth,
       (';' || e.markers || ';') LIKE '%;DA;%' AS da
FROM ext e
JOIN (SELECT min(rid) AS rid FROM ext GROUP BY force, crime_ref) f ON f.rid = e.rid
JOIN ocn n ON n.rid = e.rid
JOIN og g ON g.offence_code = e.code
LEFT JOIN oc o ON o.basis = 'code' AND o.outcome = n.oc
WHERE e.force = 'Warwickshire';

-- The force's areas: district, policing area, force; with denominators.
CREATE TEMP TABLE dist AS
SELECT district, policing_area, CAST(population AS INTEGER) AS pop,
       CAST(households AS INTEGER) AS hh
FROM areas WHERE force = 'Warwickshire';

CREATE TEMP TABLE area AS
SELECT 'district' AS atype, district AS area, pop, hh FROM dist
UNION ALL
SELECT 'policing_area', policing_area, sum(pop), sum(hh) FROM dist GROUP BY policing_area
UNION ALL
SELECT 'force', 'Warwickshire', sum(pop), sum(hh) FROM dist;

-- Which areas a record counts in: its district (when it is one of the
-- force's), that district's policing area, and always the force.
CREATE TEMP VIEW crime_area AS
SELECT c.*, 'force' AS atype, 'Warwickshire' AS area FROM crimes c
UNION ALL
SELECT c.*, 'district', d.district FROM crimes c JOIN dist d ON d.district = c.district
UNION ALL
SELECT c.*, 'policing_area', d.policing_area FROM crimes c JOIN dist d ON d.district = c.district;

-- Rounding helpers, as views are not functions: done inline below.
--  rate per 1,000 to 2 decimals: q = (2*v*100000 + den) / (2*den)  (v >= 0)
--  percentage to 1 decimal:      q = (2*n*1000 + den) / (2*den)    (n >= 0)

CREATE TEMP TABLE out(period, atype, area, measure, category, value, den, rate);

-- a/b. recorded_crime by group and total, with rates ------------------------
CREATE TEMP TABLE grps AS
SELECT DISTINCT crime_group AS grp FROM og
UNION SELECT DISTINCT crime_group_if_not_dwelling FROM og WHERE crime_group_if_not_dwelling <> '';

CREATE TEMP TABLE months(m);
INSERT INTO months VALUES ('2019-12'), ('2019-11'), ('2018-12');

CREATE TEMP TABLE rc AS
SELECT m.m AS period, a.atype, a.area, g.grp AS category,
       (SELECT count(*) FROM crime_area c
         WHERE c.month = m.m AND c.atype = a.atype AND c.area = a.area
           AND (c.grp = g.grp
                OR g.grp = 'Total recorded crime'
                OR (g.grp = 'All robbery' AND c.grp IN ('Business robbery', 'Personal robbery'))
                OR (g.grp = 'Other crimes against society' AND c.grp IN
                    ('Drug offences', 'Possession of weapons', 'Public order offences',
                     'Miscellaneous crimes against society')))) AS value,
       CASE WHEN g.grp LIKE 'Burglary%' THEN a.hh ELSE a.pop END AS den
FROM months m, area a,
     (SELECT grp FROM grps UNION SELECT 'Total recorded crime'
      UNION SELECT 'All robbery' UNION SELECT 'Other crimes against society') g;

INSERT INTO out
SELECT period, atype, area, 'recorded_crime', category, value, den,
       printf('%d.%02d', ((2 * value * 100000 + den) / (2 * den)) / 100,
                         ((2 * value * 100000 + den) / (2 * den)) % 100)
FROM rc;

-- c. victims and repeat victims, 2019-12 (DEF §2.5) -------------------------
-- History: every row of any force, victim_id not empty, not an organisation.
CREATE TEMP TABLE vrows AS
SELECT rid, force, month, district, victim_id,
       (';' || markers || ';') LIKE '%;DA;%' AS da
FROM ext WHERE victim_id <> '' AND victim_type <> 'organisation';

CREATE TEMP TABLE hist AS
SELECT victim_id,
       sum(month BETWEEN '2019-01' AND '2019-12') AS n12,
       sum(month = '2019-12') AS nm,
       sum(da AND month BETWEEN '2019-01' AND '2019-12') AS da12,
       sum(da AND month = '2019-12') AS danm
FROM vrows GROUP BY victim_id;

-- Where each victim counts: areas of their Warwickshire records in M.
-- kind 'All': any such record; kind 'DA': a DA record.
CREATE TEMP TABLE vplace AS
SELECT DISTINCT 'All' AS kind, 'force' AS atype, 'Warwickshire' AS area, victim_id
  FROM vrows WHERE force = 'Warwickshire' AND month = '2019-12'
UNION
SELECT DISTINCT 'All', 'district', d.district, v.victim_id
  FROM vrows v JOIN dist d ON d.district = v.district
 WHERE v.force = 'Warwickshire' AND v.month = '2019-12'
UNION
SELECT DISTINCT 'All', 'policing_area', d.policing_area, v.victim_id
  FROM vrows v JOIN dist d ON d.district = v.district
 WHERE v.force = 'Warwickshire' AND v.month = '2019-12'
UNION
SELECT DISTINCT 'DA', 'force', 'Warwickshire', victim_id
  FROM vrows WHERE force = 'Warwickshire' AND month = '2019-12' AND da
UNION
SELECT DISTINCT 'DA', 'district', d.district, v.victim_id
  FROM vrows v JOIN dist d ON d.district = v.district
 WHERE v.force = 'Warwickshire' AND v.month = '2019-12' AND v.da
UNION
SELECT DISTINCT 'DA', 'policing_area', d.policing_area, v.victim_id
  FROM vrows v JOIN dist d ON d.district = v.district
 WHERE v.force = 'Warwickshire' AND v.month = '2019-12' AND v.da;

CREATE TEMP TABLE vp AS
SELECT p.kind, p.atype, p.area, p.victim_id,
       CASE p.kind WHEN 'All' THEN h.n12 ELSE h.da12 END AS n12,
       CASE p.kind WHEN 'All' THEN h.nm ELSE h.danm END AS nm
FROM vplace p JOIN hist h ON h.victim_id = p.victim_id;

CREATE TEMP TABLE vagg AS
SELECT kind, atype, area, count(*) AS victims, sum(n12 >= 2) AS repeats
FROM vp GROUP BY kind, atype, area;

INSERT INTO out
SELECT '2019-12', atype, area, 'victims', kind, victims, '', '' FROM vagg;
INSERT INTO out
SELECT '2019-12', atype, area, 'repeat_victims', kind, repeats, victims,
       printf('%d.%d', ((2 * repeats * 1000 + victims) / (2 * victims)) / 10,
                       ((2 * repeats * 1000 + victims) / (2 * victims)) % 10)
FROM vagg;

-- Cohorts by offences in the 12 months: force level (all three measures)
-- and district level (victims and offences in 12 months, which DEF defines
-- without doubt; offences in M per district is left out: "the cohort's
-- records in M (all forces)" does not say whether other districts' count).
CREATE TEMP TABLE cohort AS
SELECT kind, atype, area,
       CASE WHEN n12 >= 20 THEN '20+' WHEN n12 >= 10 THEN '10-19'
            WHEN n12 >= 6 THEN '6-9' WHEN n12 >= 3 THEN '3-5' ELSE '2' END AS bucket,
       count(*) AS victims, sum(n12) AS off12, sum(nm) AS offm
FROM vp WHERE n12 >= 2 GROUP BY 1, 2, 3, 4;

CREATE TEMP TABLE buckets AS
SELECT k.kind, b.bucket FROM (SELECT 'All' AS kind UNION SELECT 'DA') k,
  (SELECT '2' AS bucket UNION SELECT '3-5' UNION SELECT '6-9' UNION SELECT '10-19' UNION SELECT '20+') b;

CREATE TEMP TABLE cohort_full AS
SELECT a.kind, a.atype, a.area, b.bucket,
       coalesce(c.victims, 0) AS victims, coalesce(c.off12, 0) AS off12,
       coalesce(c.offm, 0) AS offm, a.repeats
FROM vagg a JOIN buckets b ON b.kind = a.kind
LEFT JOIN cohort c ON c.kind = a.kind AND c.atype = a.atype AND c.area = a.area
                  AND c.bucket = b.bucket;

INSERT INTO out
SELECT '2019-12', atype, area, 'repeat_cohort_victims',
       CASE kind WHEN 'DA' THEN 'DA ' ELSE '' END || bucket, victims, repeats,
       printf('%d.%d', ((2 * victims * 1000 + repeats) / (2 * repeats)) / 10,
                       ((2 * victims * 1000 + repeats) / (2 * repeats)) % 10)
FROM cohort_full WHERE atype IN ('force', 'district');
INSERT INTO out
SELECT '2019-12', atype, area, 'repeat_cohort_offences_12m',
       CASE kind WHEN 'DA' THEN 'DA ' ELSE '' END || bucket, off12, NULL, NULL
FROM cohort_full WHERE atype IN ('force', 'district');
INSERT INTO out
SELECT '2019-12', atype, area, 'repeat_cohort_offences_month',
       CASE kind WHEN 'DA' THEN 'DA ' ELSE '' END || bucket, offm, NULL, NULL
FROM cohort_full WHERE atype = 'force';

-- d. outcome rate and outcomes recorded in the span (DEF §2.4, §3) ----------
CREATE TEMP TABLE spans(s, e);
INSERT INTO spans VALUES ('2019-04', '2019-12'), ('2018-04', '2018-12');

CREATE TEMP TABLE outcomed_groups(g);
INSERT INTO outcomed_groups VALUES ('Action taken'), ('No action taken'),
  ('Investigation complete – no suspect identified'), ('Other'), ('not grouped');

CREATE TEMP TABLE orate AS
SELECT sp.s || '..' || sp.e AS period, c.atype, c.area, k.kind,
       count(*) AS recorded,
       sum(c.ogroup IN (SELECT g FROM outcomed_groups)
           AND c.omonth BETWEEN sp.s AND sp.e) AS outcomed
FROM spans sp
JOIN crime_area c ON c.month BETWEEN sp.s AND sp.e
JOIN (SELECT 'All' AS kind UNION SELECT 'DA') k ON (k.kind = 'All' OR c.da)
GROUP BY 1, 2, 3, 4;

INSERT INTO out
SELECT period, atype, area, 'outcome_rate', kind, outcomed, recorded,
       printf('%d.%d', ((2 * outcomed * 1000 + recorded) / (2 * recorded)) / 10,
                       ((2 * outcomed * 1000 + recorded) / (2 * recorded)) % 10)
FROM orate;

INSERT INTO out
SELECT r.period, r.atype, r.area, 'outcomes_recorded_in_period',
       CASE r.kind WHEN 'DA' THEN 'DA ' ELSE '' END || g.g,
       (SELECT count(*) FROM crime_area c, spans sp
         WHERE sp.s || '..' || sp.e = r.period AND c.atype = r.atype AND c.area = r.area
           AND (r.kind = 'All' OR c.da)
           AND c.month BETWEEN sp.s AND sp.e AND c.omonth BETWEEN sp.s AND sp.e
           AND c.ogroup = g.g) AS n,
       r.outcomed, NULL
FROM orate r, outcomed_groups g
WHERE r.atype = 'force';
UPDATE out SET rate = printf('%d.%d', ((2 * value * 1000 + den) / (2 * den)) / 10,
                                      ((2 * value * 1000 + den) / (2 * den)) % 10)
WHERE measure = 'outcomes_recorded_in_period';

-- e. outcomes in month 2019-12, whatever the recording month ---------------
CREATE TEMP TABLE oim AS
SELECT c.atype, c.area, k.kind, c.ogroup, c.osub, c.oc
FROM crime_area c
JOIN (SELECT 'All' AS kind UNION SELECT 'DA') k ON (k.kind = 'All' OR c.da)
WHERE c.omonth = '2019-12' AND c.ogroup IN (SELECT g FROM outcomed_groups);

CREATE TEMP TABLE oim_tot AS
SELECT atype, area, kind, count(*) AS n FROM oim GROUP BY 1, 2, 3;

CREATE TEMP TABLE oim_cat(cat, how);
INSERT INTO oim_cat SELECT g, 'group' FROM outcomed_groups;
INSERT INTO oim_cat VALUES ('charge/summons', 'sub'), ('caution', 'sub'),
  ('taken into consideration', 'sub'), ('penalty notice', 'sub'),
  ('cannabis/khat warning', 'sub'), ('community resolution', 'sub'),
  ('OC14', 'code'), ('OC15', 'code'), ('OC16', 'code');

INSERT INTO out
SELECT '2019-12', t.atype, t.area, 'outcomes_in_month',
       CASE t.kind WHEN 'DA' THEN 'DA ' ELSE '' END || k.cat,
       (SELECT count(*) FROM oim o
         WHERE o.atype = t.atype AND o.area = t.area AND o.kind = t.kind
           AND ((k.how = 'group' AND o.ogroup = k.cat)
             OR (k.how = 'sub' AND o.osub = k.cat)
             OR (k.how = 'code' AND 'OC' || o.oc = k.cat))),
       t.n, NULL
FROM oim_tot t, oim_cat k
WHERE t.atype = 'force' OR (t.kind = 'All' AND k.how = 'group');
UPDATE out SET rate = printf('%d.%d', ((2 * value * 1000 + den) / (2 * den)) / 10,
                                      ((2 * value * 1000 + den) / (2 * den)) % 10)
WHERE measure = 'outcomes_in_month';

-- f. exceptional, Total recorded crime, force level ------------------------
-- Baseline: the 36 months 2016-12 .. 2019-11 (the data starts 2016-12).
-- x̄ = S/36, MR̄ = R/35; limits x̄ ± 2.66 MR̄; compare x with the limits
-- exactly: x·126000 against S·3500 ± R·9576 (126000 = 36·35·100).
CREATE TEMP TABLE tm AS
SELECT month, count(*) AS n FROM crimes GROUP BY month;

CREATE TEMP TABLE base AS
SELECT count(*) AS k, sum(n) AS s,
       (SELECT sum(abs(a.n - b.n)) FROM tm a JOIN tm b
         ON b.month = (SELECT max(month) FROM tm WHERE month < a.month)
        WHERE a.month BETWEEN '2017-01' AND '2019-11') AS r,
       (SELECT n FROM tm WHERE month = '2019-12') AS x
FROM tm WHERE month BETWEEN '2016-12' AND '2019-11';

-- one decimal, half away from zero, of num/den (den > 0)
CREATE TEMP VIEW lim AS
SELECT k, s, r, x,
       20 * s + 36 AS mean_q2,                -- mean tenths: (20s + 36) / 72
       s * 3500 + r * 9576 AS up_n,           -- upper = up_n / 126000
       s * 3500 - r * 9576 AS lo_n
FROM base;

INSERT INTO out
SELECT '2016-12..2019-11', 'force', 'Warwickshire', 'monthly_average',
       'recorded_crime:Total recorded crime',
       printf('%d.%d', ((20 * s + 36) / 72) / 10, ((20 * s + 36) / 72) % 10), NULL, NULL
FROM lim;
INSERT INTO out
SELECT '2016-12..2019-11', 'force', 'Warwickshire', 'control_upper',
       'recorded_crime:Total recorded crime',
       printf('%d.%d', ((20 * up_n + 126000) / 252000) / 10,
                       ((20 * up_n + 126000) / 252000) % 10), NULL, NULL
FROM lim;
INSERT INTO out
SELECT '2016-12..2019-11', 'force', 'Warwickshire', 'control_lower',
       'recorded_crime:Total recorded crime',
       CASE WHEN lo_n <= 0 THEN '0.0'
            ELSE printf('%d.%d', ((20 * lo_n + 126000) / 252000) / 10,
                                 ((20 * lo_n + 126000) / 252000) % 10) END, NULL, NULL
FROM lim;
INSERT INTO out
SELECT '2019-12', 'force', 'Warwickshire', 'exceptional',
       'recorded_crime:Total recorded crime',
       CASE WHEN x * 126000 > up_n THEN 'Y' WHEN x * 126000 < lo_n THEN 'Y (low)' ELSE 'N' END,
       NULL, NULL
FROM lim;

-- Extra: change vs previous month / same month last year (1 decimal).
CREATE TEMP VIEW chg AS
SELECT a.atype, a.area, a.category,
       a.value AS x, p.value AS pm, y.value AS py
FROM rc a
JOIN rc p ON p.period = '2019-11' AND p.atype = a.atype AND p.area = a.area AND p.category = a.category
JOIN rc y ON y.period = '2018-12' AND y.atype = a.atype AND y.area = a.area AND y.category = a.category
WHERE a.period = '2019-12' AND a.category = 'Total recorded crime';

INSERT INTO out
SELECT '2019-12', atype, area, 'change_prev_month', 'recorded_crime:' || category,
       CASE WHEN x >= pm
            THEN printf('%d.%d', ((2 * (x - pm) * 1000 + pm) / (2 * pm)) / 10,
                                 ((2 * (x - pm) * 1000 + pm) / (2 * pm)) % 10)
            ELSE printf('-%d.%d', ((2 * (pm - x) * 1000 + pm) / (2 * pm)) / 10,
                                  ((2 * (pm - x) * 1000 + pm) / (2 * pm)) % 10) END, NULL, NULL
FROM chg;
INSERT INTO out
SELECT '2019-12', atype, area, 'change_prev_year', 'recorded_crime:' || category,
       CASE WHEN x >= py
            THEN printf('%d.%d', ((2 * (x - py) * 1000 + py) / (2 * py)) / 10,
                                 ((2 * (x - py) * 1000 + py) / (2 * py)) % 10)
            ELSE printf('-%d.%d', ((2 * (py - x) * 1000 + py) / (2 * py)) / 10,
                                  ((2 * (py - x) * 1000 + py) / (2 * py)) % 10) END, NULL, NULL
FROM chg;

.mode list
.separator |
SELECT period, atype, area, measure, category, value,
       coalesce(den, ''), coalesce(rate, '')
FROM out ORDER BY period, atype, area, measure, category;
