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
-- A crime is counted once, on its first row in file order (DEF §1.3);
-- crimes are keyed by force and crime_ref.
CREATE TEMP TABLE firsts AS
SELECT * FROM (
  SELECT e.*,
         CASE WHEN upper(substr(replace(outcome_code, ' ', ''), 1, 2)) = 'OC'
              THEN upper(substr(replace(outcome_code, ' ', ''), 3))
              ELSE upper(replace(outcome_code, ' ', '')) END AS oc,
         row_number() OVER (PARTITION BY force, crime_ref ORDER BY rid) AS nth
  FROM ext e WHERE force = 'Warwickshire')
WHERE nth = 1;

CREATE TEMP TABLE crimes AS
SELECT e.*,
       CASE WHEN e.dwelling = 'N' AND g.crime_group_if_not_dwelling <> ''
            THEN g.crime_group_if_not_dwelling ELSE g.crime_group END AS grp,
       coalesce(o.outcome_group, '') AS ogroup,
       coalesce(o.outcome_subgroup, '') AS osub,
       substr(e.outcome_date, 1, 7) AS omonth,
       (';' || e.markers || ';') LIKE '%;DA;%' AS da
FROM firsts e
JOIN og g ON g.offence_code = e.code
LEFT JOIN oc o ON o.basis = 'code' AND o.outcome = e.oc;

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
CREATE TEMP TABLE crime_area AS
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

CREATE TEMP TABLE cnt AS
SELECT month, atype, area, grp, count(*) AS n FROM crime_area
WHERE month IN (SELECT m FROM months) GROUP BY 1, 2, 3, 4;

CREATE TEMP TABLE rc AS
SELECT m.m AS period, a.atype, a.area, g.grp AS category,
       (SELECT coalesce(sum(n), 0) FROM cnt c
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

-- Cohorts by offences in the 12 months, every area.  "Offences in M" are
-- all the victim's records in M, all forces and all areas (DEF §2.5: "their
-- history counts across all areas"; docs/measures.md: "the cohort's records
-- in M (all forces)"), also in a district's or policing area's row.
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
FROM cohort_full;
-- The offence rows are also written as a share (rate %) of all the repeat
-- victims' offences (denominator): docs/measures.md, "denominator: ... the
-- count a percentage is of".
CREATE TEMP TABLE cohort_tot AS
SELECT kind, atype, area, sum(off12) AS off12, sum(offm) AS offm
FROM cohort_full GROUP BY 1, 2, 3;
INSERT INTO out
SELECT '2019-12', c.atype, c.area, 'repeat_cohort_offences_12m',
       CASE c.kind WHEN 'DA' THEN 'DA ' ELSE '' END || c.bucket, c.off12, t.off12, NULL
FROM cohort_full c JOIN cohort_tot t USING (kind, atype, area);
INSERT INTO out
SELECT '2019-12', c.atype, c.area, 'repeat_cohort_offences_month',
       CASE c.kind WHEN 'DA' THEN 'DA ' ELSE '' END || c.bucket, c.offm, t.offm, NULL
FROM cohort_full c JOIN cohort_tot t USING (kind, atype, area);
UPDATE out SET rate = printf('%d.%d', ((2 * value * 1000 + den) / (2 * den)) / 10,
                                      ((2 * value * 1000 + den) / (2 * den)) % 10)
WHERE measure IN ('repeat_cohort_offences_12m', 'repeat_cohort_offences_month');

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

CREATE TEMP TABLE orp AS
SELECT sp.s || '..' || sp.e AS period, c.atype, c.area, k.kind, c.ogroup, count(*) AS n
FROM spans sp
JOIN crime_area c ON c.month BETWEEN sp.s AND sp.e AND c.omonth BETWEEN sp.s AND sp.e
JOIN (SELECT 'All' AS kind UNION SELECT 'DA') k ON (k.kind = 'All' OR c.da)
WHERE c.atype = 'force'
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO out
SELECT r.period, r.atype, r.area, 'outcomes_recorded_in_period',
       CASE r.kind WHEN 'DA' THEN 'DA ' ELSE '' END || g.g,
       coalesce((SELECT n FROM orp o WHERE o.period = r.period AND o.atype = r.atype
                  AND o.area = r.area AND o.kind = r.kind AND o.ogroup = g.g), 0),
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

-- g. monthly victim series, every month (DEF §2.5) -------------------------
-- For each victim and each month in which the force recorded them: their
-- offences (rows, any force, not organisation) in the 12 months ending with
-- that month, all and DA-marked.
CREATE TEMP TABLE vr AS
SELECT victim_id, force, district, month, da,
       CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) AS mi
FROM vrows;
CREATE INDEX temp.vr_v ON vr(victim_id, mi);

CREATE TEMP TABLE vm AS
SELECT p.victim_id, p.month,
       (SELECT count(*) FROM vr h WHERE h.victim_id = p.victim_id
          AND h.mi BETWEEN p.mi - 11 AND p.mi) AS n12,
       (SELECT count(*) FROM vr h WHERE h.victim_id = p.victim_id AND h.da
          AND h.mi BETWEEN p.mi - 11 AND p.mi) AS da12
FROM (SELECT DISTINCT victim_id, month, mi FROM vr WHERE force = 'Warwickshire') p;

-- The areas of the force's records of a victim in a month (DA: DA records).
CREATE TEMP TABLE vplm AS
SELECT DISTINCT k.kind, x.atype, x.area, v.victim_id, v.month
FROM vr v
JOIN (SELECT 'All' AS kind UNION SELECT 'DA') k ON (k.kind = 'All' OR v.da)
LEFT JOIN dist d ON d.district = v.district
JOIN (SELECT 'force' AS atype UNION SELECT 'district' UNION SELECT 'policing_area') t
JOIN (SELECT t2.atype, t2.area FROM area t2) x
  ON x.atype = t.atype
 AND x.area = CASE t.atype WHEN 'force' THEN 'Warwickshire'
                           WHEN 'district' THEN d.district ELSE d.policing_area END
WHERE v.force = 'Warwickshire';

CREATE TEMP TABLE vmon AS
SELECT p.kind, p.atype, p.area, p.month, count(*) AS victims,
       sum(CASE p.kind WHEN 'All' THEN m.n12 ELSE m.da12 END >= 2) AS repeats
FROM vplm p JOIN vm m ON m.victim_id = p.victim_id AND m.month = p.month
GROUP BY 1, 2, 3, 4;

-- Every month but the reporting one (section c wrote 2019-12 by the brief's
-- own query; the two must agree, and a duplicate key is an error below).
INSERT INTO out
SELECT month, atype, area, 'victims', kind, victims, '', '' FROM vmon
WHERE month < '2019-12';
INSERT INTO out
SELECT month, atype, area, 'repeat_victims', kind, repeats, victims,
       printf('%d.%d', ((2 * repeats * 1000 + victims) / (2 * victims)) / 10,
                       ((2 * repeats * 1000 + victims) / (2 * victims)) % 10)
FROM vmon WHERE month < '2019-12';

-- Repeat victims of 2019-12 also repeat victims in 2019-11, and in each of
-- 2019-10, 2019-11, 2019-12 (force level: a victim of the force in each).
CREATE TEMP TABLE vrep AS
SELECT p.kind, p.victim_id, p.month
FROM vplm p JOIN vm m ON m.victim_id = p.victim_id AND m.month = p.month
WHERE p.atype = 'force' AND CASE p.kind WHEN 'All' THEN m.n12 ELSE m.da12 END >= 2;

INSERT INTO out
SELECT '2019-12', 'force', 'Warwickshire', 'repeat_victims_also_prev', a.kind,
       sum(b.victim_id IS NOT NULL), count(*), NULL
FROM vrep a LEFT JOIN vrep b ON b.kind = a.kind AND b.victim_id = a.victim_id AND b.month = '2019-11'
WHERE a.month = '2019-12' GROUP BY a.kind;
INSERT INTO out
SELECT '2019-12', 'force', 'Warwickshire', 'repeat_victims_3_months', a.kind,
       sum(b.victim_id IS NOT NULL AND c.victim_id IS NOT NULL), count(*), NULL
FROM vrep a
LEFT JOIN vrep b ON b.kind = a.kind AND b.victim_id = a.victim_id AND b.month = '2019-11'
LEFT JOIN vrep c ON c.kind = a.kind AND c.victim_id = a.victim_id AND c.month = '2019-10'
WHERE a.month = '2019-12' GROUP BY a.kind;
UPDATE out SET rate = printf('%d.%d', ((2 * value * 1000 + den) / (2 * den)) / 10,
                                      ((2 * value * 1000 + den) / (2 * den)) % 10)
WHERE measure IN ('repeat_victims_also_prev', 'repeat_victims_3_months');

-- h. marker counts, 2019-12 and the control series ------------------------
CREATE TEMP TABLE markers(tok);
INSERT INTO markers VALUES ('DA'), ('HATE'), ('CAR'), ('CSE'), ('BUSINESS'), ('CYBER');

-- f. control charts, change, trend: every monthly count series ----------
-- Series: recorded_crime (every category), marker (every token),
-- victims and repeat_victims (All, DA); every area, every month
-- 2016-12 .. 2019-12 (months without records count 0).
CREATE TEMP TABLE allmonths AS
SELECT DISTINCT month AS m FROM crimes WHERE month BETWEEN '2016-12' AND '2019-12';

CREATE TEMP TABLE catmap(category, grp);
INSERT INTO catmap SELECT grp, grp FROM grps;
INSERT INTO catmap SELECT 'Total recorded crime', grp FROM grps;
INSERT INTO catmap VALUES ('All robbery', 'Business robbery'), ('All robbery', 'Personal robbery'),
  ('Other crimes against society', 'Drug offences'),
  ('Other crimes against society', 'Possession of weapons'),
  ('Other crimes against society', 'Public order offences'),
  ('Other crimes against society', 'Miscellaneous crimes against society');

CREATE TEMP TABLE cntall AS
SELECT month, atype, area, grp, count(*) AS n FROM crime_area GROUP BY 1, 2, 3, 4;

CREATE TEMP TABLE mkcnt AS
SELECT c.month, c.atype, c.area, k.tok, count(*) AS n
FROM crime_area c JOIN markers k ON (';' || c.markers || ';') LIKE '%;' || k.tok || ';%'
GROUP BY 1, 2, 3, 4;

CREATE TEMP TABLE series(atype, area, cat, month, n);
INSERT INTO series
SELECT a.atype, a.area, 'recorded_crime:' || c.category, m.m,
       coalesce((SELECT sum(n) FROM cntall x JOIN catmap y ON y.grp = x.grp
                  WHERE y.category = c.category AND x.month = m.m
                    AND x.atype = a.atype AND x.area = a.area), 0)
FROM area a, (SELECT DISTINCT category FROM catmap) c, allmonths m;
INSERT INTO series
SELECT a.atype, a.area, 'marker:' || k.tok, m.m,
       coalesce((SELECT n FROM mkcnt x WHERE x.tok = k.tok AND x.month = m.m
                    AND x.atype = a.atype AND x.area = a.area), 0)
FROM area a, markers k, allmonths m;
INSERT INTO series
SELECT a.atype, a.area, 'victims:' || k.kind, m.m,
       coalesce((SELECT victims FROM vmon x WHERE x.kind = k.kind AND x.month = m.m
                    AND x.atype = a.atype AND x.area = a.area), 0)
FROM area a, (SELECT 'All' AS kind UNION SELECT 'DA') k, allmonths m;
INSERT INTO series
SELECT a.atype, a.area, 'repeat_victims:' || k.kind, m.m,
       coalesce((SELECT repeats FROM vmon x WHERE x.kind = k.kind AND x.month = m.m
                    AND x.atype = a.atype AND x.area = a.area), 0)
FROM area a, (SELECT 'All' AS kind UNION SELECT 'DA') k, allmonths m;

-- The marker counts themselves, 2019-12.
INSERT INTO out
SELECT month, atype, area, 'marker', substr(cat, 8), n, '', ''
FROM series WHERE cat LIKE 'marker:%' AND month = '2019-12';

-- Baseline: the 36 months 2016-12 .. 2019-11 (the data starts 2016-12, so
-- the window is exactly 36 months).  x̄ = S/36, MR̄ = R/35 (35 moving
-- ranges); limits x̄ ± 2.66 MR̄.  The flag compares exactly, in integers:
-- x·126000 against S·3500 ± R·9576 (126000 = 36·35·100, 9576 = 266·36).
-- Printed values: one decimal, half away from zero; the lower limit is
-- floored at 0.0 (docs/measures.md).
CREATE TEMP TABLE tmr AS
SELECT atype, area, cat, month, n,
       abs(n - lag(n) OVER (PARTITION BY atype, area, cat ORDER BY month)) AS mr,
       n > lag(n) OVER (PARTITION BY atype, area, cat ORDER BY month) AS rise
FROM series;

CREATE TEMP TABLE base AS
SELECT atype, area, cat,
       sum(month BETWEEN '2016-12' AND '2019-11') AS k,
       sum(CASE WHEN month BETWEEN '2016-12' AND '2019-11' THEN n END) AS s,
       sum(CASE WHEN month BETWEEN '2017-01' AND '2019-11' THEN mr END) AS r,
       sum(CASE WHEN month = '2019-12' THEN n END) AS x,
       sum(CASE WHEN month = '2019-11' THEN n END) AS pm,
       sum(CASE WHEN month = '2018-12' THEN n END) AS py
FROM tmr GROUP BY atype, area, cat;

CREATE TEMP VIEW lim AS
SELECT atype, area, cat, k, s, r, x, pm, py,
       s * 3500 + r * 9576 AS up_n,           -- upper = up_n / 126000
       s * 3500 - r * 9576 AS lo_n
FROM base WHERE cat NOT LIKE 'repeat_victims:%';

INSERT INTO out
-- docs/measures.md: the denominator is the number of months averaged.
SELECT '2016-12..2019-11', atype, area, 'monthly_average', cat,
       printf('%d.%d', ((20 * s + 36) / 72) / 10, ((20 * s + 36) / 72) % 10), 36, NULL
FROM lim;
INSERT INTO out
SELECT '2016-12..2019-11', atype, area, 'control_upper', cat,
       printf('%d.%d', ((20 * up_n + 126000) / 252000) / 10,
                       ((20 * up_n + 126000) / 252000) % 10), NULL, NULL
FROM lim;
INSERT INTO out
SELECT '2016-12..2019-11', atype, area, 'control_lower', cat,
       CASE WHEN lo_n <= 0 THEN '0.0'
            ELSE printf('%d.%d', ((20 * lo_n + 126000) / 252000) / 10,
                                 ((20 * lo_n + 126000) / 252000) % 10) END, NULL, NULL
FROM lim;
INSERT INTO out
SELECT '2019-12', atype, area, 'exceptional', cat,
       CASE WHEN x * 126000 > up_n THEN 'Y' WHEN x * 126000 < lo_n THEN 'Y (low)' ELSE 'N' END,
       NULL, NULL
FROM lim;
-- Increasing trend: 2019-07 .. 2019-12 each above the month before, or
-- 2019-06 .. 2019-12 all above the mean (x·36 > S).
INSERT INTO out
SELECT '2019-12', l.atype, l.area, 'increasing_trend', l.cat,
       CASE WHEN (SELECT min(rise) FROM tmr t WHERE t.atype = l.atype AND t.area = l.area
                    AND t.cat = l.cat AND t.month BETWEEN '2019-07' AND '2019-12') = 1
              OR (SELECT min(n * 36 > l.s) FROM tmr t WHERE t.atype = l.atype AND t.area = l.area
                    AND t.cat = l.cat AND t.month BETWEEN '2019-06' AND '2019-12') = 1
            THEN 'Y' ELSE 'N' END, NULL, NULL
FROM lim l;

-- Repeat victims (docs/measures.md): a repeat victim needs the 12 months
-- before, so the baseline starts at the data's 12th month, 2017-11: the
-- 25 months 2017-11 .. 2019-11, 24 moving ranges.  x̄ = S/25, MR̄ = R/24;
-- upper/lower = (2400·S ± 6650·R) / 60000 (60000 = 25·24·100,
-- 6650 = 266·25); one decimal: (20·num + 60000) / 120000.
CREATE TEMP TABLE base_r AS
SELECT atype, area, cat,
       sum(CASE WHEN month BETWEEN '2017-11' AND '2019-11' THEN n END) AS s,
       sum(CASE WHEN month BETWEEN '2017-12' AND '2019-11' THEN mr END) AS r,
       sum(CASE WHEN month = '2019-12' THEN n END) AS x
FROM tmr WHERE cat LIKE 'repeat_victims:%' GROUP BY atype, area, cat;
CREATE TEMP VIEW lim_r AS
SELECT atype, area, cat, s, r, x,
       s * 2400 + r * 6650 AS up_n, s * 2400 - r * 6650 AS lo_n
FROM base_r;
INSERT INTO out
SELECT '2017-11..2019-11', atype, area, 'monthly_average', cat,
       printf('%d.%d', ((20 * s + 25) / 50) / 10, ((20 * s + 25) / 50) % 10), 25, NULL
FROM lim_r;
INSERT INTO out
SELECT '2017-11..2019-11', atype, area, 'control_upper', cat,
       printf('%d.%d', ((20 * up_n + 60000) / 120000) / 10,
                       ((20 * up_n + 60000) / 120000) % 10), NULL, NULL
FROM lim_r;
INSERT INTO out
SELECT '2017-11..2019-11', atype, area, 'control_lower', cat,
       CASE WHEN lo_n <= 0 THEN '0.0'
            ELSE printf('%d.%d', ((20 * lo_n + 60000) / 120000) / 10,
                                 ((20 * lo_n + 60000) / 120000) % 10) END, NULL, NULL
FROM lim_r;
INSERT INTO out
SELECT '2019-12', atype, area, 'exceptional', cat,
       CASE WHEN x * 60000 > up_n THEN 'Y' WHEN x * 60000 < lo_n THEN 'Y (low)' ELSE 'N' END,
       NULL, NULL
FROM lim_r;
INSERT INTO out
SELECT '2019-12', l.atype, l.area, 'increasing_trend', l.cat,
       CASE WHEN (SELECT min(rise) FROM tmr t WHERE t.atype = l.atype AND t.area = l.area
                    AND t.cat = l.cat AND t.month BETWEEN '2019-07' AND '2019-12') = 1
              OR (SELECT min(n * 25 > l.s) FROM tmr t WHERE t.atype = l.atype AND t.area = l.area
                    AND t.cat = l.cat AND t.month BETWEEN '2019-06' AND '2019-12') = 1
            THEN 'Y' ELSE 'N' END, NULL, NULL
FROM lim_r l;

-- Change vs the previous month and the same month last year, % to one
-- decimal, half away from zero; 'n/a' when the earlier count is 0 (DEF §3);
-- denominator: the count the change is a percentage of (the earlier month).
INSERT INTO out
SELECT '2019-12', atype, area, 'change_prev_month', cat,
       CASE WHEN pm = 0 THEN 'n/a'
            WHEN x >= pm
            THEN printf('%d.%d', ((2 * (x - pm) * 1000 + pm) / (2 * pm)) / 10,
                                 ((2 * (x - pm) * 1000 + pm) / (2 * pm)) % 10)
            ELSE printf('-%d.%d', ((2 * (pm - x) * 1000 + pm) / (2 * pm)) / 10,
                                  ((2 * (pm - x) * 1000 + pm) / (2 * pm)) % 10) END, pm, NULL
FROM base;
INSERT INTO out
SELECT '2019-12', atype, area, 'change_prev_year', cat,
       CASE WHEN py = 0 THEN 'n/a'
            WHEN x >= py
            THEN printf('%d.%d', ((2 * (x - py) * 1000 + py) / (2 * py)) / 10,
                                 ((2 * (x - py) * 1000 + py) / (2 * py)) % 10)
            ELSE printf('-%d.%d', ((2 * (py - x) * 1000 + py) / (2 * py)) / 10,
                                  ((2 * (py - x) * 1000 + py) / (2 * py)) % 10) END, py, NULL
FROM base;

-- Guard: every key once (a duplicate would make the comparison ambiguous).
SELECT 'DUPLICATE KEY: ' || period || ' ' || atype || ' ' || area || ' ' || measure || ' ' || category
FROM out GROUP BY period, atype, area, measure, category HAVING count(*) > 1;

.mode list
.separator |
SELECT period, atype, area, measure, category, value,
       coalesce(den, ''), coalesce(rate, '')
FROM out ORDER BY period, atype, area, measure, category;
