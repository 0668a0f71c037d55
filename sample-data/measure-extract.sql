-- Figures for sample-data/README.md.  Usage (from the project root):
--   zcat sample-data/warwickshire-extract.csv.gz > /tmp/x.csv
--   sqlite3 /tmp/m.db -cmd ".import --csv /tmp/x.csv x" < sample-data/measure-extract.sql
-- (use a fresh /tmp/m.db each time)
.mode list
.separator "\t"
SELECT 'rows', count(*) FROM x;
SELECT 'crimes', count(DISTINCT crime_ref) FROM x;
CREATE TABLE c AS SELECT crime_ref, min(recorded_date) d, substr(min(recorded_date),1,7) mon, force, offence_code oc, markers mk, trim(outcome_code) out, outcome_date od, victim_type vt FROM x GROUP BY crime_ref;
SELECT 'wk crimes/month min,max', min(n), max(n) FROM (SELECT mon, count(*) n FROM c WHERE force='Warwickshire' GROUP BY mon);
SELECT 'wk crimes 2019-12', count(*) FROM c WHERE force='Warwickshire' AND mon='2019-12';
SELECT 'wk crimes 2019-11', count(*) FROM c WHERE force='Warwickshire' AND mon='2019-11';
SELECT 'wk crimes 2018-12', count(*) FROM c WHERE force='Warwickshire' AND mon='2018-12';
SELECT 'force share rows WM %', round(100.0*sum(force='West Mercia')/count(*),1) FROM x;
SELECT 'DA %', round(100.0*sum(mk LIKE '%DA%')/count(*),1), 'HATE', round(100.0*sum(mk LIKE '%HATE%')/count(*),2), 'CAR', round(100.0*sum(mk LIKE '%CAR%')/count(*),1),'CSE', round(100.0*sum(mk LIKE '%CSE%')/count(*),2),'BUS', round(100.0*sum(mk LIKE '%BUSINESS%')/count(*),1),'CYBER', round(100.0*sum(mk LIKE '%CYBER%')/count(*),1),'RURAL', round(100.0*sum(mk LIKE '%RURAL%')/count(*),1) FROM c;
SELECT 'victim type %', vt, round(100.0*count(*)/(SELECT count(*) FROM c),1) FROM c GROUP BY vt;
SELECT 'multi-victim crimes %', round(100.0*(SELECT count(*) FROM (SELECT crime_ref FROM x GROUP BY crime_ref HAVING count(*)>1))/count(*),2) FROM c;
-- outcome rate by month (Warwickshire)
SELECT 'outcomed % by month', mon, round(100.0*sum(out<>'')/count(*),1) FROM c WHERE force='Warwickshire' AND mon IN ('2019-01','2019-03','2019-06','2019-09','2019-10','2019-11','2019-12') GROUP BY mon;
CREATE TABLE og(code TEXT, grp TEXT);
INSERT INTO og VALUES('1','A'),('1A','A'),('2','A'),('2A','A'),('3','A'),('3A','A'),('4','A'),('6','A'),('7','A'),('8','A'),('5','N'),('9','N'),('10','N'),('11','N'),('12','N'),('13','N'),('15','N'),('16','N'),('17','N'),('14','I'),('18','I'),('20','O'),('21','O'),('22','O'),('19','X');
CREATE TABLE co AS SELECT c.*, og.code ncode, og.grp FROM c JOIN og ON og.code = upper(replace(replace(c.out,'OC',''),'oc',''));
SELECT 'outcome rate Apr-Dec19 (outcome dated in period)', round(100.0*(SELECT count(*) FROM co WHERE force='Warwickshire' AND d BETWEEN '2019-04-01' AND '2019-12-31' AND od <= '2019-12-31')/(SELECT count(*) FROM c WHERE force='Warwickshire' AND d BETWEEN '2019-04-01' AND '2019-12-31'),1);
SELECT 'group % of outcomed (all)', grp, round(100.0*count(*)/(SELECT count(*) FROM co),1) FROM co GROUP BY grp;
SELECT 'code % of outcomed', ncode, round(100.0*count(*)/(SELECT count(*) FROM co),1) FROM co WHERE ncode IN ('14','15','16','18') GROUP BY ncode;
SELECT 'action subgroups % of action', CASE WHEN ncode IN ('1','1A') THEN 'charge' WHEN ncode IN ('2','2A','3','3A') THEN 'caution' WHEN ncode='8' THEN 'CR' ELSE 'other' END s, round(100.0*count(*)/(SELECT count(*) FROM co WHERE grp='A'),1) FROM co WHERE grp='A' GROUP BY s;
SELECT 'outcome code spelling variants', count(*) FROM x WHERE outcome_code<>'' AND outcome_code NOT IN (SELECT code FROM og);
SELECT 'median delay days', (SELECT julianday(od)-julianday(d) FROM co ORDER BY julianday(od)-julianday(d) LIMIT 1 OFFSET (SELECT count(*)/2 FROM co));
SELECT 'max delay', max(julianday(od)-julianday(d)), 'min', min(julianday(od)-julianday(d)) FROM co;
-- repeat victims Dec 2019 (DEFINITIONS 2.5)
CREATE TABLE pv AS SELECT victim_id v, substr(recorded_date,1,7) mon, force, markers mk FROM x WHERE victim_type='person' AND victim_id<>'';
CREATE TABLE h AS SELECT v, count(*) n FROM pv WHERE mon BETWEEN '2019-01' AND '2019-12' GROUP BY v;
CREATE TABLE vm AS SELECT DISTINCT v FROM pv WHERE mon='2019-12' AND force='Warwickshire';
SELECT 'Dec19 victims', count(*), 'repeat', sum(n>=2), round(100.0*sum(n>=2)/count(*),1) FROM vm JOIN h USING(v);
SELECT 'Dec19 cohort', CASE WHEN n=2 THEN '2' WHEN n<=5 THEN '3-5' WHEN n<=9 THEN '6-9' WHEN n<=19 THEN '10-19' ELSE '20+' END b, count(*), sum(n) FROM vm JOIN h USING(v) WHERE n>=2 GROUP BY b ORDER BY min(n);
CREATE TABLE hd AS SELECT v, count(*) n FROM pv WHERE mon BETWEEN '2019-01' AND '2019-12' AND mk LIKE '%DA%' GROUP BY v;
CREATE TABLE vd AS SELECT DISTINCT v FROM pv WHERE mon='2019-12' AND force='Warwickshire' AND mk LIKE '%DA%';
SELECT 'Dec19 DA victims', count(*), 'repeat', sum(n>=2), round(100.0*sum(n>=2)/count(*),1) FROM vd JOIN hd USING(v);
SELECT 'cross-force victims 2019', count(*) FROM (SELECT v FROM pv WHERE mon LIKE '2019%' GROUP BY v HAVING count(DISTINCT force)=2);
