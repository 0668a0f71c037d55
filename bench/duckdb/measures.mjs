// measures.mjs: crimepipe's three core measures computed by DuckDB, for the
// benchmark comparison (bench/duckdb.sh; never a build or test dependency).
//
//   node measures.mjs INPUT.csv MONTH [--counts-out FILE]
//
// INPUT is a raw force extract (DEFINITIONS.md 1.3), MONTH is YYYY-MM.  For
// force Warwickshire, as DEFINITIONS.md defines them:
//   1. recorded crime by month x district x crime group (offence code,
//      upper-cased, joined to reference/offence-groups.csv; dwelling = N moves
//      residential burglary to business & community; distinct crime_ref);
//   2. repeat victims in MONTH (2.5: victims of Warwickshire rows in MONTH with
//      a victim_id and victim_type <> organisation whose rows, any force, in
//      the 12 months ending with MONTH number 2 or more);
//   3. the year-to-date outcome rate (3: financial year April..MONTH; crimes
//      recorded in the span whose normalised outcome code is in one of the
//      four groups of 2.4 and whose outcome_date is in the span, over crimes
//      recorded in the span).
// Prints the results compactly on stdout, then the wall time.  Environment:
// DUCKDB_THREADS (default: DuckDB's, all cores), DUCKDB_MEMORY_LIMIT (default:
// DuckDB's), DUCKDB_MODE = table (default: read the CSV once into a temporary
// table of the needed columns) or scan (each measure scans the CSV itself).

import { DuckDBInstance, version as duckdbVersion } from '@duckdb/node-api';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const t0 = performance.now();
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const FORCE = 'Warwickshire';

function usage(msg) {
	if (msg) console.error(`measures.mjs: ${msg}`);
	console.error('usage: node measures.mjs INPUT.csv YYYY-MM [--counts-out FILE]');
	process.exit(2);
}

const args = process.argv.slice(2);
let countsOut = null;
const pos = [];
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--counts-out') {
		if (i + 1 >= args.length) usage('--counts-out needs a file');
		countsOut = args[++i];
	} else pos.push(args[i]);
}
if (pos.length !== 2) usage();
const [input, month] = pos;
const m = /^(\d{4})-(\d{2})$/.exec(month);
if (!m || +m[2] < 1 || +m[2] > 12) usage(`bad month '${month}' (YYYY-MM)`);
if (!fs.existsSync(input)) usage(`${input}: no such file`);
const groupsFile = path.join(process.env.CRIMEPIPE_REFERENCE || path.join(root, 'reference'),
    'offence-groups.csv');
if (!fs.existsSync(groupsFile)) usage(`${groupsFile}: no such file`);

// Month arithmetic on YYYY-MM strings (which then compare as strings).
const y = +m[1], mo = +m[2];
const ym = (yy, mm) => {
	const k = yy * 12 + (mm - 1);
	return `${String(Math.floor(k / 12)).padStart(4, '0')}-${String(k % 12 + 1).padStart(2, '0')}`;
};
const from12 = ym(y, mo - 11);			// 12 months ending with MONTH
const fyStart = mo >= 4 ? ym(y, 4) : ym(y - 1, 4);	// financial year from April

const lit = (s) => `'${String(s).replaceAll("'", "''")}'`;
const mode = process.env.DUCKDB_MODE || 'table';
if (mode !== 'table' && mode !== 'scan') usage(`DUCKDB_MODE must be table or scan, not '${mode}'`);

const config = {};
if (process.env.DUCKDB_THREADS) config.threads = process.env.DUCKDB_THREADS;
if (process.env.DUCKDB_MEMORY_LIMIT) config.memory_limit = process.env.DUCKDB_MEMORY_LIMIT;
const instance = await DuckDBInstance.create(':memory:', config);
const con = await instance.connect();
const one = async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJS();

// The raw extract: header, every column VARCHAR, RFC 4180 quoting (quoted
// fields may hold commas, "" and newlines), empty fields as ''.
const columns = ['crime_ref', 'recorded_date', 'offence_code', 'offence_desc', 'district',
	'dwelling', 'lsoa_code', 'oa_code', 'latitude', 'longitude', 'victim_id', 'victim_type',
	'markers', 'outcome_code', 'outcome_date', 'mo_text', 'force'];
const readExtract = `read_csv(${lit(input)}, header = true, all_varchar = true,
	delim = ',', quote = '"', escape = '"', strict_mode = true,
	columns = {${columns.map((c) => `${lit(c)}: 'VARCHAR'`).join(', ')}})`;
// Only the columns the three measures read, with the derivations they share.
const projection = `SELECT
	coalesce(crime_ref, '') AS crime_ref,
	substr(recorded_date, 1, 7) AS month,
	upper(trim(coalesce(offence_code, ''))) AS offence_code,
	coalesce(district, '') AS district,
	coalesce(dwelling, '') AS dwelling,
	coalesce(victim_id, '') AS victim_id,
	coalesce(victim_type, '') AS victim_type,
	regexp_replace(upper(trim(coalesce(outcome_code, ''))), '^OC', '') AS outcome_code,
	substr(coalesce(outcome_date, ''), 1, 7) AS outcome_month,
	coalesce(force, '') AS force
	FROM ${readExtract}`;

let src;
const tLoad0 = performance.now();
if (mode === 'table') {
	await con.run(`CREATE TEMP TABLE extract AS ${projection}`);
	src = 'extract';
} else {
	await con.run(`CREATE TEMP VIEW extract AS ${projection}`);
	src = 'extract';
}
const tLoad = performance.now() - tLoad0;
await con.run(`CREATE TEMP TABLE groups AS SELECT upper(trim(offence_code)) AS offence_code,
	crime_group, coalesce(crime_group_if_not_dwelling, '') AS crime_group_if_not_dwelling
	FROM read_csv(${lit(groupsFile)}, header = true, all_varchar = true)`);

// 1. Recorded crime, month x district x crime group.
const tC0 = performance.now();
await con.run(`CREATE TEMP TABLE counts AS
	SELECT e.month, e.district,
	    CASE WHEN e.dwelling = 'N' AND g.crime_group_if_not_dwelling <> ''
	        THEN g.crime_group_if_not_dwelling ELSE g.crime_group END AS crime_group,
	    count(DISTINCT e.crime_ref) AS crimes
	FROM ${src} e JOIN groups g USING (offence_code)
	WHERE e.force = ${lit(FORCE)}
	GROUP BY ALL`);
const [cs] = await one(`SELECT count(*) AS cells, coalesce(sum(crimes), 0) AS crimes,
	count(DISTINCT month) AS months, count(DISTINCT district) AS districts,
	count(DISTINCT crime_group) AS groups,
	count(*) FILTER (WHERE month = ${lit(month)}) AS cells_m,
	coalesce(sum(crimes) FILTER (WHERE month = ${lit(month)}), 0) AS crimes_m
	FROM counts`);
const [unk] = await one(`SELECT count(*) AS rows, count(DISTINCT offence_code) AS codes
	FROM ${src} e ANTI JOIN groups g USING (offence_code) WHERE e.force = ${lit(FORCE)}`);
const tC = performance.now() - tC0;
if (countsOut) {
	await con.run(`COPY (SELECT * FROM counts ORDER BY month, district, crime_group)
	    TO ${lit(countsOut)} (HEADER, DELIMITER ',')`);
}

// 2. Repeat victims in MONTH.
const tR0 = performance.now();
const [rv] = await one(`WITH hist AS (
	    SELECT victim_id, count(*) AS n FROM ${src}
	    WHERE victim_id <> '' AND victim_type <> 'organisation'
	        AND month BETWEEN ${lit(from12)} AND ${lit(month)}
	    GROUP BY victim_id),
	inm AS (
	    SELECT DISTINCT victim_id FROM ${src}
	    WHERE force = ${lit(FORCE)} AND month = ${lit(month)}
	        AND victim_id <> '' AND victim_type <> 'organisation')
	SELECT count(*) AS victims, count(*) FILTER (WHERE h.n >= 2) AS repeat
	FROM inm JOIN hist h USING (victim_id)`);
const tR = performance.now() - tR0;

// 3. Year-to-date outcome rate.
const grouped = ['1', '1A', '2', '2A', '3', '3A', '4', '6', '7', '8',
	'5', '9', '10', '11', '12', '13', '15', '16', '17', '14', '18', '20', '21', '22'];
const tO0 = performance.now();
const inSpan = `outcome_month BETWEEN ${lit(fyStart)} AND ${lit(month)}`;
const [or] = await one(`SELECT
	count(DISTINCT crime_ref) AS recorded,
	count(DISTINCT crime_ref) FILTER (WHERE outcome_code IN (${grouped.map(lit).join(', ')})
	    AND ${inSpan}) AS outcomed,
	count(DISTINCT crime_ref) FILTER (WHERE outcome_code = '19' AND ${inSpan}) AS outcomed19,
	count(*) FILTER (WHERE outcome_code <> '' AND outcome_code NOT IN
	    (${[...grouped, '19'].map(lit).join(', ')})) AS bad_codes
	FROM ${src}
	WHERE force = ${lit(FORCE)} AND month BETWEEN ${lit(fyStart)} AND ${lit(month)}`);
const tO = performance.now() - tO0;

// Records read (table mode only: in scan mode it would be a fourth scan).
const rows = mode === 'table' ? (await one('SELECT count(*) AS n FROM extract'))[0] : { n: '?' };
con.closeSync();
instance.closeSync?.();

const pct = (a, b) => (Number(b) > 0 ? (Math.round((1000 * Number(a)) / Number(b)) / 10).toFixed(1) : 'n/a');
const s = (ms) => (ms / 1000).toFixed(2);
const out = [
	`duckdb ${duckdbVersion()} (@duckdb/node-api), mode ${mode}` +
	    `${config.threads ? `, threads ${config.threads}` : ''}; ${input}: ${rows.n} records`,
	`recorded_crime ${FORCE} month x district x group: ${cs.cells} rows, ${cs.crimes} crimes` +
	    ` (${cs.months} months, ${cs.districts} districts, ${cs.groups} groups);` +
	    ` ${month}: ${cs.cells_m} rows, ${cs.crimes_m} crimes` +
	    (unk.rows > 0 ? `; ${unk.rows} rows with ${unk.codes} unknown offence codes left out` : ''),
	`repeat_victims ${FORCE} ${month}: ${rv.repeat} of ${rv.victims} victims (${pct(rv.repeat, rv.victims)}%)` +
	    ` [12 months ${from12}..${month}]`,
	`outcome_rate ${FORCE} ${fyStart}..${month}: ${or.outcomed} of ${or.recorded} (${pct(or.outcomed, or.recorded)}%)` +
	    ` with a grouped outcome in the span; with outcome 19 (not grouped) too:` +
	    ` ${or.outcomed + or.outcomed19} (${pct(or.outcomed + or.outcomed19, or.recorded)}%)` +
	    (or.bad_codes > 0 ? `; ${or.bad_codes} rows with an outcome code outside the framework` : ''),
	`wall ${s(performance.now() - t0)} s (${mode === 'table' ? 'load' : 'view'} ${s(tLoad)}, counts ${s(tC)},` +
	    ` repeat ${s(tR)}, outcomes ${s(tO)})`,
];
console.log(out.join('\n'));
