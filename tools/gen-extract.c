/*
 * gen-extract: write a synthetic force extract (DEFINITIONS.md 1.3) to stdout.
 *
 * Deterministic for a given set of arguments: every random number comes from one
 * xoshiro256** generator seeded from --seed through splitmix64; no clock, no rand().
 * Output streams month by month: one month of crimes is held in memory, ordered by
 * recorded date and force (serials are then given in that order), written, and freed.  Victim pools (the people and
 * organisations who recur) persist across months; their size scales with --per-month.
 *
 * Everything in the output is invented.  No row describes a real person or crime.
 *
 * Build: cc -std=c11 -O2 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -o gen-extract gen-extract.c -lm
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXIT_USAGE 2

static const char *progname = "gen-extract";

/* ---------------------------------------------------------------- PRNG */

static uint64_t rng_s[4];

static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t
rnext(void)
{
	uint64_t r = rotl(rng_s[1] * 5, 7) * 9;
	uint64_t t = rng_s[1] << 17;

	rng_s[2] ^= rng_s[0];
	rng_s[3] ^= rng_s[1];
	rng_s[1] ^= rng_s[2];
	rng_s[0] ^= rng_s[3];
	rng_s[2] ^= t;
	rng_s[3] = rotl(rng_s[3], 45);
	return r;
}

static void
rseed(uint64_t seed)
{
	uint64_t x = seed;
	int i;

	for (i = 0; i < 4; i++)
		rng_s[i] = splitmix64(&x);
}

/* uniform in [0,1) */
static double
runif(void)
{
	return (double)(rnext() >> 11) * (1.0 / 9007199254740992.0);
}

/* uniform integer in [0,n) */
static uint32_t
rint_(uint32_t n)
{
	return (uint32_t)(((rnext() >> 32) * (uint64_t)n) >> 32);
}

static int
chance(double p)
{
	return runif() < p;
}

static double
rnorm(void)
{
	double u = runif(), v = runif();

	if (u < 1e-300)
		u = 1e-300;
	return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

/* Pareto with minimum 1 and shape a */
static double
rpareto(double a)
{
	double u = 1.0 - runif();	/* (0,1] */

	return pow(u, -1.0 / a);
}

/* index from a table of weights */
static size_t
rpick(const double *w, size_t n)
{
	double tot = 0, x;
	size_t i;

	for (i = 0; i < n; i++)
		tot += w[i];
	x = runif() * tot;
	for (i = 0; i < n; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

/* index from a table of cumulative weights */
static size_t
rcum(const double *cum, size_t n)
{
	double x = runif() * cum[n - 1];
	size_t lo = 0, hi = n - 1;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cum[mid] > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static void
cumulate(const double *w, double *cum, size_t n)
{
	double c = 0;
	size_t i;

	for (i = 0; i < n; i++)
		cum[i] = c += w[i];
}

/* ---------------------------------------------------------------- dates */

static long
days_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (long)era * 146097 + doe - 719468;
}

static void
civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int
days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

/* ---------------------------------------------------------------- offences */

enum cls {
	HOM, VWI, VWOI, RAPE, OSEX, BROB, PROB, RBUR, BBUR, VEH, TFP, BIKE, SHOP,
	OTH, CDA, DRUG, WEAP, PUBO, MISC
};

struct offence {
	const char *code;
	const char *desc;
	double w;		/* % of crimes */
	enum cls cls;
	const char *legacy;	/* code used before April 2017, or NULL */
	const char *ldesc;
};

static const struct offence offences[] = {
	{ "1", "Murder", 0.022, HOM, NULL, NULL },
	{ "4.1", "Manslaughter", 0.006, HOM, NULL, NULL },
	{ "8N", "Assault with injury", 9.4, VWI, NULL, NULL },
	{ "8S", "Assault with injury on a constable", 0.6, VWI, NULL, NULL },
	{ "8P", "Racially or religiously aggravated assault with injury", 0.15, VWI, NULL, NULL },
	{ "5D", "Assault with intent to cause serious harm", 0.7, VWI, NULL, NULL },
	{ "5E", "Endangering life", 1.15, VWI, NULL, NULL },
	{ "2", "Attempted murder", 0.1, VWI, NULL, NULL },
	{ "105A", "Assault without injury", 11.0, VWOI, NULL, NULL },
	{ "105B", "Racially or religiously aggravated assault without injury", 0.45, VWOI, NULL, NULL },
	{ "8L", "Harassment", 4.3, VWOI, NULL, NULL },
	{ "8R", "Malicious communications", 7.0, VWOI, NULL, NULL },
	{ "8M", "Racially or religiously aggravated harassment", 0.2, VWOI, NULL, NULL },
	{ "8Q", "Stalking", 1.6, VWOI, NULL, NULL },
	{ "13", "Child abduction", 0.05, VWOI, NULL, NULL },
	{ "3A", "Conspiracy to murder", 0.02, VWOI, NULL, NULL },
	{ "19C", "Rape of a female aged 16 and over", 0.85, RAPE, NULL, NULL },
	{ "19D", "Rape of a female child under 16", 0.22, RAPE, NULL, NULL },
	{ "19E", "Rape of a female child under 13", 0.14, RAPE, NULL, NULL },
	{ "19F", "Rape of a male aged 16 and over", 0.06, RAPE, NULL, NULL },
	{ "19G", "Rape of a male child under 16", 0.04, RAPE, NULL, NULL },
	{ "19H", "Rape of a male child under 13", 0.07, RAPE, NULL, NULL },
	{ "20A", "Sexual assault on a female aged 13 and over", 1.0, OSEX, NULL, NULL },
	{ "20B", "Sexual assault on a female child under 13", 0.25, OSEX, NULL, NULL },
	{ "17A", "Sexual assault on a male aged 13 and over", 0.15, OSEX, NULL, NULL },
	{ "21", "Sexual activity involving a child under 13", 0.15, OSEX, NULL, NULL },
	{ "22A", "Causing sexual activity without consent", 0.1, OSEX, NULL, NULL },
	{ "23", "Incest or familial sexual offences", 0.05, OSEX, NULL, NULL },
	{ "88A", "Sexual grooming", 0.45, OSEX, NULL, NULL },
	{ "34A", "Robbery of business property", 0.16, BROB, NULL, NULL },
	{ "34B", "Robbery of personal property", 1.12, PROB, NULL, NULL },
	{ "28E", "Burglary - residential", 3.0, RBUR, "28A", "Burglary in a dwelling" },
	{ "28F", "Attempted burglary - residential", 0.9, RBUR, "28B", "Attempted burglary in a dwelling" },
	{ "28G", "Distraction burglary - residential", 0.12, RBUR, "28C", "Distraction burglary in a dwelling" },
	{ "28H", "Attempted distraction burglary - residential", 0.05, RBUR, "28D", "Attempted distraction burglary in a dwelling" },
	{ "29A", "Aggravated burglary - residential", 0.06, RBUR, "29", "Aggravated burglary in a dwelling" },
	{ "30C", "Burglary - business and community", 2.7, BBUR, "30A", "Burglary in a building other than a dwelling" },
	{ "30D", "Attempted burglary - business and community", 0.65, BBUR, "30B", "Attempted burglary in a building other than a dwelling" },
	{ "31A", "Aggravated burglary - business and community", 0.02, BBUR, "31", "Aggravated burglary in a building other than a dwelling" },
	{ "45", "Theft from a vehicle", 5.9, VEH, NULL, NULL },
	{ "48", "Theft or unauthorised taking of a motor vehicle", 3.1, VEH, NULL, NULL },
	{ "126", "Interfering with a motor vehicle", 2.3, VEH, NULL, NULL },
	{ "37.2", "Aggravated vehicle taking", 0.2, VEH, NULL, NULL },
	{ "39", "Theft from the person", 0.9, TFP, NULL, NULL },
	{ "44", "Theft or unauthorised taking of a pedal cycle", 0.9, BIKE, NULL, NULL },
	{ "46", "Shoplifting", 7.5, SHOP, NULL, NULL },
	{ "49", "Other theft", 6.0, OTH, NULL, NULL },
	{ "40", "Theft in a dwelling other than from an automatic machine or meter", 1.1, OTH, NULL, NULL },
	{ "41", "Theft by an employee", 0.3, OTH, NULL, NULL },
	{ "43", "Dishonest use of electricity", 0.05, OTH, NULL, NULL },
	{ "47", "Theft from automatic machine or meter", 0.08, OTH, NULL, NULL },
	{ "35", "Blackmail", 0.3, OTH, NULL, NULL },
	{ "49A", "Making off without payment", 2.0, OTH, NULL, NULL },
	{ "58A", "Criminal damage to a dwelling", 3.0, CDA, NULL, NULL },
	{ "58B", "Criminal damage to a building other than a dwelling", 1.5, CDA, NULL, NULL },
	{ "58C", "Criminal damage to a vehicle", 3.6, CDA, NULL, NULL },
	{ "58D", "Other criminal damage", 1.4, CDA, NULL, NULL },
	{ "58J", "Racially or religiously aggravated criminal damage", 0.08, CDA, NULL, NULL },
	{ "56A", "Arson endangering life", 0.1, CDA, NULL, NULL },
	{ "56B", "Arson not endangering life", 0.4, CDA, NULL, NULL },
	{ "92A", "Trafficking in controlled drugs", 0.5, DRUG, NULL, NULL },
	{ "92C", "Other drug offences", 0.05, DRUG, NULL, NULL },
	{ "92D", "Possession of controlled drugs (excl. Cannabis)", 0.45, DRUG, NULL, NULL },
	{ "92E", "Possession of controlled drugs (Cannabis)", 1.4, DRUG, NULL, NULL },
	{ "10A", "Possession of firearms with intent", 0.04, WEAP, NULL, NULL },
	{ "10C", "Possession of other weapons", 0.35, WEAP, NULL, NULL },
	{ "81", "Other firearms offences", 0.1, WEAP, NULL, NULL },
	{ "90", "Other knives offences", 0.66, WEAP, NULL, NULL },
	{ "9A", "Public fear, alarm or distress", 2.8, PUBO, NULL, NULL },
	{ "9B", "Racially or religiously aggravated public fear, alarm or distress", 0.45, PUBO, NULL, NULL },
	{ "62A", "Violent disorder", 0.05, PUBO, NULL, NULL },
	{ "66", "Other offences against the State or public order", 1.5, PUBO, NULL, NULL },
	{ "15", "Concealing an infant death close to birth", 0.005, MISC, NULL, NULL },
	{ "24", "Exploitation of prostitution", 0.02, MISC, NULL, NULL },
	{ "27", "Soliciting for the purposes of prostitution", 0.01, MISC, NULL, NULL },
	{ "33", "Going equipped for stealing, etc", 0.15, MISC, NULL, NULL },
	{ "54", "Handling stolen goods", 0.2, MISC, NULL, NULL },
	{ "59", "Threat or possession with intent to commit criminal damage", 0.35, MISC, NULL, NULL },
	{ "60", "Forgery or use of false drug prescription", 0.02, MISC, NULL, NULL },
	{ "67", "Perjury", 0.01, MISC, NULL, NULL },
	{ "80", "Absconding from lawful custody", 0.02, MISC, NULL, NULL },
	{ "802", "Dangerous driving", 0.55, MISC, NULL, NULL },
	{ "814", "Fraud, forgery etc associated with vehicle or driver records", 0.45, MISC, NULL, NULL },
};
#define NOFF (sizeof offences / sizeof offences[0])

static double offcum[NOFF];

/* ---------------------------------------------------------------- outcomes */

struct outcome {
	const char *code;
	double w;		/* % of outcomed crimes, before per-class factors */
	int grp;		/* 0 action, 1 no action, 2 investigation complete, 3 other, 4 none */
};

static const struct outcome outcomes[] = {
	{ "1", 2.6, 0 }, { "1A", 0.4, 0 }, { "2", 0.12, 0 }, { "2A", 0.16, 0 },
	{ "3", 0.36, 0 }, { "3A", 0.2, 0 }, { "4", 0.06, 0 }, { "6", 0.06, 0 },
	{ "7", 0.08, 0 }, { "8", 0.56, 0 },
	{ "5", 0.5, 1 }, { "9", 0.6, 1 }, { "10", 0.9, 1 }, { "11", 0.2, 1 },
	{ "12", 0.3, 1 }, { "13", 0.3, 1 }, { "15", 5.7, 1 }, { "16", 18.5, 1 },
	{ "17", 3.0, 1 },
	{ "14", 7.8, 2 }, { "18", 56.0, 2 },
	{ "20", 2.0, 3 }, { "21", 1.0, 3 }, { "22", 1.0, 3 },
	{ "19", 0.02, 4 },
};
#define NOUT (sizeof outcomes / sizeof outcomes[0])

/* outcome weights per offence class, filled once */
static double outw[MISC + 1][NOUT], outcum[MISC + 1][NOUT];

static void
init_outcome_weights(void)
{
	int c;
	size_t i;

	for (c = 0; c <= MISC; c++) {
		for (i = 0; i < NOUT; i++) {
			const char *k = outcomes[i].code;
			double f = 1.0;
			int act = outcomes[i].grp == 0;

			switch (c) {
			case HOM:
				f = strcmp(k, "1") == 0 ? 400.0 : 0.05;
				break;
			case VWI: case VWOI: case RAPE: case OSEX: case PUBO:
				if (strcmp(k, "18") == 0) f = 0.22;
				else if (strcmp(k, "16") == 0) f = 1.9;
				else if (strcmp(k, "15") == 0) f = 1.5;
				else if (strcmp(k, "14") == 0) f = 1.3;
				else if (strcmp(k, "21") == 0) f = 1.3;
				break;
			case SHOP:
				if (strcmp(k, "1") == 0 || strcmp(k, "6") == 0) f = 3.0;
				else if (strcmp(k, "8") == 0) f = 2.0;
				else if (strcmp(k, "16") == 0) f = 0.4;
				break;
			case DRUG:
				if (strcmp(k, "7") == 0) f = 120.0;
				else if (act) f = 8.0;
				else if (strcmp(k, "10") == 0) f = 4.0;
				else f = 0.05;
				break;
			case WEAP: case MISC:
				if (act) f = 5.0;
				else if (strcmp(k, "10") == 0) f = 3.0;
				else f = 0.35;
				break;
			default:	/* property */
				if (strcmp(k, "18") == 0) f = 1.5;
				else if (strcmp(k, "16") == 0) f = 0.35;
				else if (strcmp(k, "15") == 0) f = 0.5;
				break;
			}
			if (strcmp(k, "7") == 0 && c != DRUG)
				f = 0;
			outw[c][i] = outcomes[i].w * f;
		}
		cumulate(outw[c], outcum[c], NOUT);
	}
}

/* ---------------------------------------------------------------- geography */

struct district {
	const char *name;
	int force;		/* 23 Warwickshire, 22 West Mercia, 0 outside (Coventry, Birmingham) */
	double pop;
	double lat, lon, slat, slon;
	int *lsoa;		/* indices into lsoas[] */
	double *cum;		/* cumulative weights */
	size_t nlsoa;
};

static struct district districts[] = {
	{ "North Warwickshire", 23, 64069, 52.56, -1.62, 0.07, 0.10, NULL, NULL, 0 },
	{ "Nuneaton and Bedworth", 23, 128659, 52.50, -1.47, 0.03, 0.04, NULL, NULL, 0 },
	{ "Rugby", 23, 106350, 52.37, -1.28, 0.06, 0.09, NULL, NULL, 0 },
	{ "Stratford-on-Avon", 23, 125202, 52.18, -1.65, 0.14, 0.22, NULL, NULL, 0 },
	{ "Warwick", 23, 140282, 52.29, -1.56, 0.05, 0.07, NULL, NULL, 0 },
	{ "Herefordshire, County of", 22, 191000, 52.07, -2.75, 0.13, 0.22, NULL, NULL, 0 },
	{ "Shropshire", 22, 318000, 52.65, -2.75, 0.20, 0.30, NULL, NULL, 0 },
	{ "Telford and Wrekin", 22, 175000, 52.69, -2.45, 0.05, 0.07, NULL, NULL, 0 },
	{ "Bromsgrove", 22, 97000, 52.34, -2.05, 0.05, 0.06, NULL, NULL, 0 },
	{ "Redditch", 22, 85000, 52.30, -1.94, 0.03, 0.03, NULL, NULL, 0 },
	{ "Wyre Forest", 22, 100000, 52.38, -2.25, 0.04, 0.06, NULL, NULL, 0 },
	{ "Malvern Hills", 22, 76000, 52.16, -2.35, 0.10, 0.10, NULL, NULL, 0 },
	{ "Worcester", 22, 102000, 52.19, -2.22, 0.02, 0.03, NULL, NULL, 0 },
	{ "Wychavon", 22, 126000, 52.12, -2.03, 0.10, 0.14, NULL, NULL, 0 },
	{ "Coventry", 0, 1, 52.41, -1.51, 0.03, 0.05, NULL, NULL, 0 },
	{ "Birmingham", 0, 1, 52.48, -1.89, 0.06, 0.07, NULL, NULL, 0 },
};
#define NDIST (sizeof districts / sizeof districts[0])

struct lsoa {
	char code[16];
	char ruc;		/* 'A'..'F' */
	int dist;
	int32_t lat, lon;	/* micro-degrees, centre */
};

static struct lsoa *lsoas;
static size_t nlsoas;

static double wkdw[NDIST], wmdw[NDIST];

/* split one CSV line into at most n fields in place; quotes removed */
static size_t
split_csv(char *s, char **f, size_t n)
{
	size_t k = 0;
	char *w;

	while (k < n) {
		f[k++] = w = s;
		if (*s == '"') {
			s++;
			for (;;) {
				if (*s == '\0')
					break;
				if (*s == '"') {
					if (s[1] == '"') {
						*w++ = '"';
						s += 2;
						continue;
					}
					s++;
					break;
				}
				*w++ = *s++;
			}
			while (*s && *s != ',')
				s++;
		} else {
			while (*s && *s != ',')
				*w++ = *s++;
		}
		if (*s == ',') {
			*w = '\0';
			s++;
			continue;
		}
		*w = '\0';
		break;
	}
	return k;
}

static char
ruc_letter(const char *r)
{
	if (r[0] >= 'A' && r[0] <= 'F' && isdigit((unsigned char)r[1]))
		return r[0];
	if (strstr(r, "hamlet") || strstr(r, "village"))
		return 'E';
	if (strstr(r, "town and fringe"))
		return 'D';
	return 'C';
}

static uint64_t
hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static void
load_lsoas(const char *path)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL, *f[8];
	size_t cap = 0, alloc = 0, i, j;
	ssize_t len;
	long lineno = 0;
	int dcol = 2;		/* the district column */

	if (fp == NULL) {
		fprintf(stderr, "%s: %s: %s\n", progname, path, strerror(errno));
		exit(1);
	}
	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (lineno == 1) {
			/* reference/lsoa11.csv, with or without district_code. */
			if (strcmp(line, "lsoa_code,lsoa_name,district_code,district,ruc11") == 0)
				dcol = 3;
			else if (strcmp(line, "lsoa_code,lsoa_name,district,ruc11") != 0) {
				fprintf(stderr, "%s: %s: unexpected header\n", progname, path);
				exit(1);
			}
			continue;
		}
		if (split_csv(line, f, 8) < (size_t)dcol + 2)
			continue;
		for (i = 0; i < NDIST; i++)
			if (strcmp(f[dcol], districts[i].name) == 0)
				break;
		if (i == NDIST || strlen(f[0]) >= sizeof lsoas[0].code)
			continue;
		if (nlsoas == alloc) {
			alloc = alloc ? alloc * 2 : 1024;
			lsoas = realloc(lsoas, alloc * sizeof *lsoas);
			if (lsoas == NULL) {
				perror(progname);
				exit(1);
			}
		}
		{
			struct lsoa *l = &lsoas[nlsoas++];
			struct district *d = &districts[i];
			uint64_t h = hash_str(f[0]);
			double u1 = (double)(h & 0xffff) / 65535.0 * 2 - 1;
			double u2 = (double)((h >> 16) & 0xffff) / 65535.0 * 2 - 1;
			double lat = d->lat + u1 * d->slat, lon = d->lon + u2 * d->slon;

			strcpy(l->code, f[0]);
			l->ruc = ruc_letter(f[dcol + 1]);
			l->dist = (int)i;
			l->lat = (int32_t)lround(lat * 1e6);
			l->lon = (int32_t)lround(lon * 1e6);
		}
	}
	free(line);
	fclose(fp);

	for (i = 0; i < nlsoas; i++)
		districts[lsoas[i].dist].nlsoa++;
	for (i = 0; i < NDIST; i++) {
		struct district *d = &districts[i];
		size_t k = 0;
		double c = 0;

		if (d->nlsoa == 0) {
			if (d->force != 0)
				fprintf(stderr, "%s: warning: %s has no LSOA in %s\n",
				    progname, d->name, path);
			continue;
		}
		d->lsoa = malloc(d->nlsoa * sizeof *d->lsoa);
		d->cum = malloc(d->nlsoa * sizeof *d->cum);
		if (d->lsoa == NULL || d->cum == NULL) {
			perror(progname);
			exit(1);
		}
		for (j = 0; j < nlsoas; j++) {
			if (lsoas[j].dist != (int)i)
				continue;
			/* crime concentrates in towns */
			c += lsoas[j].ruc == 'E' || lsoas[j].ruc == 'F' ? 0.75 :
			    lsoas[j].ruc == 'D' ? 0.95 : 1.25;
			d->lsoa[k] = (int)j;
			d->cum[k++] = c;
		}
	}
	for (i = 0; i < NDIST; i++) {
		wkdw[i] = districts[i].force == 23 ? districts[i].pop : 0;
		wmdw[i] = districts[i].force == 22 ? districts[i].pop : 0;
	}
}

static int
pick_lsoa(const struct district *d)
{
	double x = runif() * d->cum[d->nlsoa - 1];
	size_t lo = 0, hi = d->nlsoa - 1;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (d->cum[mid] > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return d->lsoa[lo];
}

/* ---------------------------------------------------------------- victims */

struct pool {
	uint32_t *id;
	double *w, *cum;
	size_t n;
	double churn;		/* monthly probability a member is replaced */
	double alpha, cap;
	double pheavy;		/* share of members with a very high rate (weight 40-70) */
	int org;
};

static uint32_t next_person = 1, next_org = 1;

/* ids are a counter scrambled by a bijection on 0..10^k-1 */
static uint32_t
new_person(void)
{
	uint64_t c = next_person++ % 10000000ULL;

	return (uint32_t)((c * 7654321ULL + 1234567ULL) % 10000000ULL);
}

static uint32_t
new_org(void)
{
	uint64_t c = next_org++ % 1000000ULL;

	return (uint32_t)((c * 654321ULL + 12345ULL) % 1000000ULL);
}

static void
pool_member(struct pool *p, size_t i)
{
	double w = rpareto(p->alpha);

	if (chance(p->pheavy))
		w = 40 + 30 * runif();
	else if (w > p->cap)
		w = p->cap;
	p->id[i] = p->org ? new_org() : new_person();
	p->w[i] = w;
}

static void
pool_init(struct pool *p, size_t n, double alpha, double cap, double pheavy, double churn,
    int org)
{
	size_t i;

	p->pheavy = pheavy;
	p->n = n ? n : 1;
	p->alpha = alpha;
	p->cap = cap;
	p->churn = churn;
	p->org = org;
	p->id = malloc(p->n * sizeof *p->id);
	p->w = malloc(p->n * sizeof *p->w);
	p->cum = malloc(p->n * sizeof *p->cum);
	if (p->id == NULL || p->w == NULL || p->cum == NULL) {
		perror(progname);
		exit(1);
	}
	for (i = 0; i < p->n; i++)
		pool_member(p, i);
}

static void
pool_month(struct pool *p)
{
	size_t i;
	double c = 0;

	for (i = 0; i < p->n; i++) {
		if (chance(p->churn))
			pool_member(p, i);
		c += p->w[i];
		p->cum[i] = c;
	}
}

static uint32_t
pool_draw(const struct pool *p)
{
	double x = runif() * p->cum[p->n - 1];
	size_t lo = 0, hi = p->n - 1;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (p->cum[mid] > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return p->id[lo];
}

static void
pool_free(struct pool *p)
{
	free(p->id);
	free(p->w);
	free(p->cum);
}

static struct pool gpool, dpool, opool;

/* ---------------------------------------------------------------- crimes */

enum { M_DA = 1, M_HATE = 2, M_CAR = 4, M_CSE = 8, M_BUS = 16, M_CYBER = 32, M_RURAL = 64 };
static const char *const marker_names[] = { "DA", "HATE", "CAR", "CSE", "BUSINESS", "CYBER", "RURAL" };

enum { VT_NONE, VT_PERSON, VT_ORG };

struct crime {
	long day;
	long outday;
	uint32_t serial;
	uint32_t victim[3];
	int32_t lat, lon;
	int lsoa;		/* -1 none */
	short off;
	short dist;		/* -1 none */
	short outc;		/* -1 none */
	unsigned char force, nvict, vtype, markers, dwelling, ocvariant, legacy, mo;
	unsigned char moarg[3];
};

/* ---------------------------------------------------------------- mo_text */

static const char *const places[] = {
	"the high street", "a residential street", "a supermarket car park", "a pub",
	"the town centre", "a park", "the victim's home", "a petrol station",
	"a school", "an industrial estate", "a retail park", "a railway station",
};
static const char *const items[] = {
	"a mobile phone", "a handbag", "cash", "a laptop", "power tools", "a wallet",
	"jewellery", "a bank card", "a games console", "a television", "a toolbox", "keys",
};
#define NPLACES (sizeof places / sizeof places[0])
#define NITEMS (sizeof items / sizeof items[0])

static const char *const rural_text[] = {
	"quad bike taken from barn",
	"red diesel siphoned from tank",
	"sheep worrying reported",
	"saddle and tack stolen from stable",
	"fly-tipping of household waste in field",
	"lead stripped from church roof",
	"tractor GPS unit stolen from farm yard",
	"heating oil stolen from tank at rear of farmhouse",
	"livestock trailer stolen from field gate",
	"chainsaw and strimmer taken from outbuilding",
	"gate left open, cattle let out onto lane",
	"horsebox broken into at livery yard",
};
#define NRURAL (sizeof rural_text / sizeof rural_text[0])

static char *
mo_text(const struct crime *c, char *buf, size_t n)
{
	const char *pl = places[c->moarg[0] % NPLACES];
	const char *it = items[c->moarg[1] % NITEMS];
	int v = c->moarg[2];

	if (c->mo == 1) {
		snprintf(buf, n, "%s", rural_text[v % NRURAL]);
		return buf;
	}
	if (c->mo == 2) {
		snprintf(buf, n, "caller states \"he said he would come back\" at %s", pl);
		return buf;
	}
	if (c->mo == 3) {
		snprintf(buf, n, "report taken by phone\nfurther details to follow");
		return buf;
	}
	switch (offences[c->off].cls) {
	case HOM:
		snprintf(buf, n, "victim found with fatal injuries at %s", pl);
		break;
	case VWI:
		if (v % 3 == 0)
			snprintf(buf, n, "victim punched to the face at %s, suffered cut to lip", pl);
		else if (v % 3 == 1)
			snprintf(buf, n, "victim assaulted by known suspect at %s", pl);
		else
			snprintf(buf, n, "victim struck with object causing bruising");
		break;
	case VWOI:
		if (v % 4 == 0)
			snprintf(buf, n, "victim pushed and threatened at %s", pl);
		else if (v % 4 == 1)
			snprintf(buf, n, "abusive messages sent to victim via social media");
		else if (v % 4 == 2)
			snprintf(buf, n, "suspect repeatedly contacting victim, causing distress");
		else
			snprintf(buf, n, "victim grabbed by the arm at %s", pl);
		break;
	case RAPE: case OSEX:
		snprintf(buf, n, "sexual offence reported, victim supported by ISVA");
		break;
	case BROB:
		snprintf(buf, n, "staff threatened and till cash demanded at %s", pl);
		break;
	case PROB:
		snprintf(buf, n, "victim threatened and %s taken at %s", it, pl);
		break;
	case RBUR:
		if (v % 2)
			snprintf(buf, n, "rear door forced, %s stolen from address", it);
		else
			snprintf(buf, n, "entry via insecure window, %s and %s taken",
			    it, items[(c->moarg[1] + 3) % NITEMS]);
		break;
	case BBUR:
		snprintf(buf, n, "padlock cut on premises at %s and %s taken", pl, it);
		break;
	case VEH:
		if (v % 3 == 0)
			snprintf(buf, n, "vehicle window smashed, %s stolen from inside", it);
		else if (v % 3 == 1)
			snprintf(buf, n, "vehicle taken from driveway overnight");
		else
			snprintf(buf, n, "suspects seen trying door handles of parked cars");
		break;
	case TFP:
		snprintf(buf, n, "%s taken from victim's pocket at %s", it, pl);
		break;
	case BIKE:
		snprintf(buf, n, "pedal cycle stolen from outside %s", pl);
		break;
	case SHOP:
		snprintf(buf, n, "goods taken from store without payment");
		break;
	case OTH:
		if (offences[c->off].code[0] == '4' && offences[c->off].code[1] == '9' &&
		    offences[c->off].code[2] == 'A')
			snprintf(buf, n, "fuel taken at %s without payment", pl);
		else
			snprintf(buf, n, "%s stolen from %s", it, pl);
		break;
	case CDA:
		if (v % 2)
			snprintf(buf, n, "window smashed at %s", pl);
		else
			snprintf(buf, n, "vehicle scratched and tyres slashed");
		break;
	case DRUG:
		snprintf(buf, n, "suspect stop searched at %s, drugs found", pl);
		break;
	case WEAP:
		snprintf(buf, n, "suspect found in possession of bladed article at %s", pl);
		break;
	case PUBO:
		snprintf(buf, n, "suspect shouting and swearing at %s", pl);
		break;
	case MISC:
		snprintf(buf, n, "offence identified by officers at %s", pl);
		break;
	}
	return buf;
}

/* ---------------------------------------------------------------- output */

static char *obuf;
static size_t olen, ocap = 1 << 20;

static void
oflush(void)
{
	if (olen && fwrite(obuf, 1, olen, stdout) != olen) {
		fprintf(stderr, "%s: <stdout>: %s\n", progname, strerror(errno));
		exit(1);
	}
	olen = 0;
}

static void
ochar(char c)
{
	if (olen + 1 > ocap)
		oflush();
	obuf[olen++] = c;
}

static void
ostr(const char *s)
{
	size_t n = strlen(s);

	if (olen + n > ocap)
		oflush();
	memcpy(obuf + olen, s, n);
	olen += n;
}

static void
ofield(const char *s)
{
	if (strpbrk(s, ",\"\n\r") == NULL) {
		ostr(s);
		return;
	}
	ochar('"');
	for (; *s; s++) {
		if (*s == '"')
			ochar('"');
		ochar(*s);
	}
	ochar('"');
}

static void
ouint(unsigned long v, int width)
{
	char b[24];
	int i = 0;

	do {
		b[i++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (i < width)
		b[i++] = '0';
	while (i)
		ochar(b[--i]);
}

static void
odeg(int32_t v)
{
	if (v < 0) {
		ochar('-');
		v = -v;
	}
	ouint((unsigned long)(v / 1000000), 1);
	ochar('.');
	ouint((unsigned long)(v % 1000000), 6);
}

static void
odate(long day)
{
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	ouint((unsigned long)y, 4);
	ochar('-');
	ouint((unsigned long)m, 2);
	ochar('-');
	ouint((unsigned long)d, 2);
}

static int serial_width = 6;

static void
write_crime(const struct crime *c)
{
	const struct offence *o = &offences[c->off];
	char mo[160];
	int y, m, d, v, k;

	mo_text(c, mo, sizeof mo);
	civil_from_days(c->day, &y, &m, &d);
	for (v = 0; v < (c->nvict ? c->nvict : 1); v++) {
		ouint(c->force, 2);
		ochar('/');
		ouint(c->serial, serial_width);
		ochar('/');
		ouint((unsigned long)(y % 100), 2);
		ochar(',');
		odate(c->day);
		ochar(',');
		ostr(c->legacy ? o->legacy : o->code);
		ochar(',');
		ofield(c->legacy ? o->ldesc : o->desc);
		ochar(',');
		if (c->dist >= 0)
			ofield(districts[c->dist].name);
		ochar(',');
		if (c->dwelling)
			ochar((char)c->dwelling);
		ochar(',');
		if (c->lsoa >= 0)
			ostr(lsoas[c->lsoa].code);
		ostr(",,");	/* oa_code always empty */
		if (c->lsoa >= 0) {
			odeg(c->lat);
			ochar(',');
			odeg(c->lon);
		} else {
			ochar(',');
		}
		ochar(',');
		if (c->vtype == VT_PERSON) {
			ochar('V');
			ouint(c->victim[v], 7);
			ostr(",person,");
		} else if (c->vtype == VT_ORG) {
			ochar('O');
			ouint(c->victim[v], 6);
			ostr(",organisation,");
		} else {
			ostr(",,");
		}
		for (k = 0, d = 0; k < 7; k++) {
			if (c->markers & (1 << k)) {
				if (d++)
					ochar(';');
				ostr(marker_names[k]);
			}
		}
		ochar(',');
		if (c->outc >= 0) {
			const char *oc = outcomes[c->outc].code;

			switch (c->ocvariant) {
			case 1: ostr("OC"); ostr(oc); break;
			case 2: ostr("oc"); ostr(oc); break;
			case 3: ochar(' '); ostr(oc); ochar(' '); break;
			default: ostr(oc); break;
			}
			ochar(',');
			odate(c->outday);
		} else {
			ochar(',');
		}
		ochar(',');
		ofield(mo);
		ochar(',');
		ostr(c->force == 23 ? "Warwickshire" : "West Mercia");
		ochar('\n');
	}
}

/* ---------------------------------------------------------------- generation */

struct opts {
	uint64_t seed;
	int fy, fm, ty, tm;
	double per_month;
	unsigned long long records;
	const char *lsoa;
};

static double
season(int y, int m)
{
	/* calendar-anchored: a slow rise of 3%/year from Jan 2017, a summer peak, and
	 * volumes proportional to the length of the month */
	double t = (double)((y - 2017) * 12 + (m - 1));

	return (1.0 + 0.03 * t / 12.0) *
	    (1.0 + 0.04 * sin(6.283185307179586 * (m - 4) / 12.0)) *
	    days_in_month(y, m) / 30.4375;
}

static int
dup_victim(const struct crime *c, uint32_t id)
{
	int i;

	for (i = 0; i < c->nvict; i++)
		if (c->victim[i] == id)
			return 1;
	return 0;
}

static void
pick_place(struct crime *c, int force)
{
	int i;

	c->lsoa = -1;
	c->dist = -1;
	if (force == 23 && chance(0.003) && (districts[14].nlsoa || districts[15].nlsoa)) {
		i = districts[14].nlsoa && (!districts[15].nlsoa || chance(0.6)) ? 14 : 15;
	} else {
		i = (int)rpick(force == 23 ? wkdw : wmdw, NDIST);
		if (chance(0.005))
			return;		/* no district, no LSOA */
	}
	c->dist = (short)i;
	if (districts[i].nlsoa == 0 || chance(0.01))
		return;
	c->lsoa = pick_lsoa(&districts[i]);
	c->lat = lsoas[c->lsoa].lat + (int32_t)rint_(6001) - 3000;
	c->lon = lsoas[c->lsoa].lon + (int32_t)rint_(8001) - 4000;
	if (force == 23 && districts[i].force == 23) {
		if (c->lat < 51950000) c->lat = 51950000 + (int32_t)rint_(20000);
		if (c->lat > 52690000) c->lat = 52690000 - (int32_t)rint_(20000);
		if (c->lon < -1970000) c->lon = -1970000 + (int32_t)rint_(20000);
		if (c->lon > -1170000) c->lon = -1170000 - (int32_t)rint_(20000);
	}
}

static const double vt_probs[MISC + 1][3] = {	/* none, person, organisation */
	[HOM] = { 0, 1, 0 }, [VWI] = { 0.02, 0.98, 0 }, [VWOI] = { 0.03, 0.97, 0 },
	[RAPE] = { 0, 1, 0 }, [OSEX] = { 0, 1, 0 }, [BROB] = { 0, 0.1, 0.9 },
	[PROB] = { 0, 1, 0 }, [RBUR] = { 0, 0.97, 0.03 }, [BBUR] = { 0, 0.3, 0.7 },
	[VEH] = { 0, 0.95, 0.05 }, [TFP] = { 0, 1, 0 }, [BIKE] = { 0, 0.95, 0.05 },
	[SHOP] = { 0.03, 0, 0.97 }, [OTH] = { 0.03, 0.85, 0.12 },
	[CDA] = { 0.03, 0.87, 0.10 }, [DRUG] = { 1, 0, 0 }, [WEAP] = { 0.95, 0.05, 0 },
	[PUBO] = { 0.35, 0.65, 0 }, [MISC] = { 0.8, 0.1, 0.1 },
};

static double
da_prob(const struct offence *o)
{
	switch (o->cls) {
	case HOM: return 0.3;
	case VWI: return strcmp(o->code, "8S") == 0 ? 0 : 0.42;
	case VWOI: return strcmp(o->code, "105B") == 0 ? 0.02 : 0.40;
	case RAPE: return 0.35;
	case OSEX: return 0.12;
	case CDA: return 0.22;
	case PUBO: return 0.15;
	case RBUR: return 0.05;
	case OTH: return strcmp(o->code, "40") == 0 ? 0.3 : 0.03;
	case PROB: return 0.03;
	default: return 0;
	}
}

static int
is_child_sex(const char *k)
{
	static const char *const cs[] = { "19D", "19E", "19G", "19H", "20B", "21", "88A" };
	size_t i;

	for (i = 0; i < sizeof cs / sizeof cs[0]; i++)
		if (strcmp(k, cs[i]) == 0)
			return 1;
	return 0;
}

static uint32_t
person_victim(int force, int da)
{
	if (force == 22) {
		/* West Mercia: a share of its victims also appear in Warwickshire */
		if (chance(0.30))
			return pool_draw(da ? &dpool : &gpool);
		return new_person();
	}
	if (da)
		return chance(0.65) ? pool_draw(&dpool) : new_person();
	return chance(0.45) ? pool_draw(&gpool) : new_person();
}

static void
gen_crime(struct crime *c, int force, int y, int m, long cutoff)
{
	const struct offence *o;
	int i;
	double p;

	memset(c, 0, sizeof *c);
	c->force = (unsigned char)force;
	c->off = (short)rcum(offcum, NOFF);
	o = &offences[c->off];
	c->legacy = o->legacy != NULL && (y < 2017 || (y == 2017 && m < 4));
	c->day = days_from_civil(y, m, 1 + (int)rint_((uint32_t)days_in_month(y, m)));
	pick_place(c, force);

	if (o->cls == RBUR) {
		p = runif();
		c->dwelling = p < 0.85 ? 'Y' : p < 0.95 ? 'N' : 0;
	}

	/* victims */
	c->vtype = (unsigned char)rpick(vt_probs[o->cls], 3);
	if (c->vtype == VT_PERSON) {
		int da = chance(da_prob(o));

		if (da)
			c->markers |= M_DA;
		c->victim[0] = person_victim(force, da);
	} else if (c->vtype == VT_ORG) {
		c->victim[0] = chance(0.85) ? pool_draw(&opool) : new_org();
	}
	c->nvict = c->vtype != VT_NONE;
	if (c->nvict && chance(0.033)) {
		int extra = chance(0.75) ? 1 : 2;

		for (i = 0; i < extra; i++) {
			uint32_t id;
			int tries = 0;

			do {
				if (c->vtype == VT_ORG)
					id = tries > 3 ? new_org() : pool_draw(&opool);
				else
					id = tries > 3 || (c->markers & M_DA) ? new_person() :
					    person_victim(force, 0);
			} while (dup_victim(c, id) && ++tries < 10);
			if (!dup_victim(c, id))
				c->victim[c->nvict++] = id;
		}
	}

	/* markers */
	if (strcmp(o->code, "8P") == 0 || strcmp(o->code, "105B") == 0 ||
	    strcmp(o->code, "8M") == 0 || strcmp(o->code, "9B") == 0 ||
	    strcmp(o->code, "58J") == 0 ||
	    ((o->cls == VWI || o->cls == VWOI || o->cls == PUBO || o->cls == CDA) &&
	    chance(0.004)))
		c->markers |= M_HATE;
	if (c->markers & M_DA)
		p = 0.5;
	else if (o->cls == RAPE || o->cls == OSEX)
		p = is_child_sex(o->code) ? 0.9 : 0.2;
	else if (c->vtype == VT_PERSON)
		p = 0.08;
	else
		p = 0.01;
	if (chance(p))
		c->markers |= M_CAR;
	if ((o->cls == RAPE || o->cls == OSEX) &&
	    chance(strcmp(o->code, "88A") == 0 ? 0.5 : is_child_sex(o->code) ? 0.2 : 0.02))
		c->markers |= M_CSE;
	if (c->vtype == VT_ORG && chance(0.9))
		c->markers |= M_BUS;
	p = 0;
	if (strcmp(o->code, "8R") == 0) p = 0.25;
	else if (strcmp(o->code, "8L") == 0) p = 0.15;
	else if (strcmp(o->code, "8Q") == 0) p = 0.2;
	else if (strcmp(o->code, "88A") == 0 || strcmp(o->code, "35") == 0) p = 0.6;
	else if (o->cls == OSEX) p = 0.03;
	if (p > 0 && chance(p))
		c->markers |= M_CYBER;

	/* mo_text: rural themes in rural LSOAs */
	c->moarg[0] = (unsigned char)rint_(250);
	c->moarg[1] = (unsigned char)rint_(250);
	c->moarg[2] = (unsigned char)rint_(250);
	if (c->lsoa >= 0 && lsoas[c->lsoa].ruc >= 'D') {
		int e = lsoas[c->lsoa].ruc >= 'E';

		if (chance(e ? 0.55 : 0.25))
			c->markers |= M_RURAL;
		if ((o->cls == BBUR || o->cls == OTH || o->cls == VEH || o->cls == CDA ||
		    o->cls == RBUR || o->cls == MISC) && chance(e ? 0.35 : 0.15))
			c->mo = 1;
	}
	p = runif();
	if (p < 0.0001)
		c->mo = 2;
	else if (p < 0.0002)
		c->mo = 3;

	/* outcome */
	c->outc = -1;
	if (chance(0.885)) {
		long delay;

		if (chance(0.12))
			delay = (long)rint_(4);
		else {
			double x = exp(log(30.0) + 1.1 * rnorm());

			delay = x > 365 ? 300 + (long)rint_(66) : (long)x;
		}
		if (c->day + delay <= cutoff) {
			c->outc = (short)rcum(outcum[o->cls], NOUT);
			c->outday = c->day + delay;
			p = runif();
			c->ocvariant = p < 0.004 ? 1 : p < 0.007 ? 2 : p < 0.01 ? 3 : 0;
		}
	}
}

static int
parse_month(const char *s, int *y, int *m)
{
	char *e;
	long yy, mm;

	if (strlen(s) != 7 || s[4] != '-')
		return -1;
	errno = 0;
	yy = strtol(s, &e, 10);
	if (e != s + 4 || yy < 1900 || yy > 2999)
		return -1;
	mm = strtol(s + 5, &e, 10);
	if (*e != '\0' || mm < 1 || mm > 12 || !isdigit((unsigned char)s[5]))
		return -1;
	*y = (int)yy;
	*m = (int)mm;
	return 0;
}

static void
usage(FILE *fp, int status)
{
	fprintf(fp,
	    "usage: %s [--seed N] [--from YYYY-MM] [--to YYYY-MM] [--per-month N]\n"
	    "       [--records N] [--lsoa FILE] [--help]\n"
	    "Write a synthetic force extract (crimepipe DEFINITIONS.md 1.3) to stdout.\n"
	    "  --seed N       random seed (default 1); same arguments, same bytes\n"
	    "  --from YYYY-MM first month (default 2016-12)\n"
	    "  --to YYYY-MM   last month (default 2019-12)\n"
	    "  --per-month N  Warwickshire crimes a month before seasonal variation (default 3500)\n"
	    "  --records N    scale --per-month so that the file holds about N rows\n"
	    "  --lsoa FILE    LSOA table lsoa_code,lsoa_name,district,ruc11\n"
	    "                 (default reference/lsoa11.csv)\n",
	    progname);
	exit(status);
}

static unsigned long long
parse_num(const char *opt, const char *s, unsigned long long max)
{
	char *e;
	unsigned long long v;

	errno = 0;
	if (!isdigit((unsigned char)*s))
		goto bad;
	v = strtoull(s, &e, 10);
	if (errno || *e != '\0' || v > max)
		goto bad;
	return v;
bad:
	fprintf(stderr, "%s: %s: invalid number '%s' (0..%llu)\n", progname, opt, s, max);
	exit(EXIT_USAGE);
}

int
main(int argc, char *argv[])
{
	enum { O_SEED = CHAR_MAX + 1, O_FROM, O_TO, O_PER, O_REC, O_LSOA, O_HELP };
	static const struct option lopts[] = {
		{ "seed", required_argument, NULL, O_SEED },
		{ "from", required_argument, NULL, O_FROM },
		{ "to", required_argument, NULL, O_TO },
		{ "per-month", required_argument, NULL, O_PER },
		{ "records", required_argument, NULL, O_REC },
		{ "lsoa", required_argument, NULL, O_LSOA },
		{ "help", no_argument, NULL, O_HELP },
		{ NULL, 0, NULL, 0 },
	};
	struct opts op = { 1, 2016, 12, 2019, 12, 3500, 0, "reference/lsoa11.csv" };
	struct crime *cr = NULL;
	size_t *ord = NULL, crcap = 0, i;
	size_t bucket[64];
	int ch, y, m, nmonths;
	double scale, factsum = 0;
	long cutoff;
	uint32_t serial[2] = { 0, 0 };
	int serial_year[2] = { -1, -1 };

	while ((ch = getopt_long(argc, argv, "", lopts, NULL)) != -1) {
		switch (ch) {
		case O_SEED:
			op.seed = parse_num("--seed", optarg, ULLONG_MAX);
			break;
		case O_FROM:
			if (parse_month(optarg, &op.fy, &op.fm) != 0) {
				fprintf(stderr, "%s: --from: expected YYYY-MM, got '%s'\n", progname, optarg);
				exit(EXIT_USAGE);
			}
			break;
		case O_TO:
			if (parse_month(optarg, &op.ty, &op.tm) != 0) {
				fprintf(stderr, "%s: --to: expected YYYY-MM, got '%s'\n", progname, optarg);
				exit(EXIT_USAGE);
			}
			break;
		case O_PER:
			op.per_month = (double)parse_num("--per-month", optarg, 1000000);
			break;
		case O_REC:
			op.records = parse_num("--records", optarg, 100000000);
			break;
		case O_LSOA:
			op.lsoa = optarg;
			break;
		case O_HELP:
			usage(stdout, 0);
			break;
		default:
			usage(stderr, EXIT_USAGE);
		}
	}
	if (optind != argc)
		usage(stderr, EXIT_USAGE);
	nmonths = (op.ty - op.fy) * 12 + (op.tm - op.fm) + 1;
	if (nmonths < 1) {
		fprintf(stderr, "%s: --to %04d-%02d is before --from %04d-%02d\n",
		    progname, op.ty, op.tm, op.fy, op.fm);
		exit(EXIT_USAGE);
	}
	for (y = op.fy, m = op.fm, i = 0; i < (size_t)nmonths; i++) {
		factsum += season(y, m);
		if (++m > 12) { m = 1; y++; }
	}
	if (op.records) {
		/* rows per Warwickshire crime: West Mercia adds 8/92, extra victims ~4% */
		op.per_month = (double)op.records / (factsum * (1.0 / 0.92) * 1.04);
	}
	/* serials must stay fixed-width so string order is numeric order */
	if (op.per_month * 12 * 1.25 > 999999)
		serial_width = 7;
	if (op.per_month * 12 * 1.25 > 9999999) {
		fprintf(stderr, "%s: too many crimes a year for a 7-digit serial\n", progname);
		exit(EXIT_USAGE);
	}

	rseed(op.seed);
	for (i = 0; i < NOFF; i++)
		offcum[i] = (i ? offcum[i - 1] : 0) + offences[i].w;
	init_outcome_weights();
	load_lsoas(op.lsoa);
	if ((obuf = malloc(ocap)) == NULL) {
		perror(progname);
		exit(1);
	}

	scale = op.per_month / 3500.0;
	pool_init(&gpool, (size_t)lround(12000 * scale), 2.5, 25, 0.0003, 1.0 / 30, 0);
	pool_init(&dpool, (size_t)lround(3000 * scale), 2.3, 25, 0.0005, 1.0 / 24, 0);
	pool_init(&opool, (size_t)lround(700 * scale), 1.1, 300, 0, 1.0 / 60, 1);

	{
		int ly = op.ty, lm = op.tm;

		cutoff = days_from_civil(ly, lm, days_in_month(ly, lm)) + 3;
	}

	ostr("crime_ref,recorded_date,offence_code,offence_desc,district,dwelling,lsoa_code,"
	    "oa_code,latitude,longitude,victim_id,victim_type,markers,outcome_code,"
	    "outcome_date,mo_text,force\n");
	for (y = op.fy, m = op.fm; nmonths-- > 0; ) {
		double want = op.per_month * season(y, m) * (1.0 + 0.02 * rnorm());
		size_t nwk = want < 0 ? 0 : (size_t)lround(want);
		size_t nwm = (size_t)lround((double)nwk * 0.087 * (1.0 + 0.05 * rnorm()));
		size_t n = nwk + nwm;

		pool_month(&gpool);
		pool_month(&dpool);
		pool_month(&opool);
		if (n > crcap) {
			crcap = n + n / 4;
			free(cr);
			free(ord);
			cr = malloc(crcap * sizeof *cr);
			ord = malloc(crcap * sizeof *ord);
			if (cr == NULL || ord == NULL) {
				perror(progname);
				exit(1);
			}
		}
		for (i = 0; i < n; i++)
			gen_crime(&cr[i], i < nwk ? 23 : 22, y, m, cutoff);
		/* counting sort by (day, force): West Mercia's "22/" sorts before "23/";
		 * within a bucket, generation order is already random */
		{
			long d1 = days_from_civil(y, m, 1);
			size_t b, acc = 0;

			memset(bucket, 0, sizeof bucket);
			for (i = 0; i < n; i++)
				bucket[(cr[i].day - d1) * 2 + (cr[i].force == 23)]++;
			for (b = 0; b < 64; b++) {
				size_t t = bucket[b];

				bucket[b] = acc;
				acc += t;
			}
			for (i = 0; i < n; i++)
				ord[bucket[(cr[i].day - d1) * 2 + (cr[i].force == 23)]++] = i;
		}
		for (i = 0; i < n; i++) {
			struct crime *c = &cr[ord[i]];
			int f = c->force == 23;

			if (serial_year[f] != y) {
				serial_year[f] = y;
				serial[f] = 0;
			}
			c->serial = ++serial[f];
			write_crime(c);
		}
		if (++m > 12) { m = 1; y++; }
	}
	oflush();
	free(cr);
	free(ord);
	free(obuf);
	pool_free(&gpool);
	pool_free(&dpool);
	pool_free(&opool);
	for (i = 0; i < NDIST; i++) {
		free(districts[i].lsoa);
		free(districts[i].cum);
	}
	free(lsoas);
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		fprintf(stderr, "%s: <stdout>: %s\n", progname, strerror(errno));
		return 1;
	}
	return 0;
}
