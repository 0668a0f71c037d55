#include "numfmt.h"

#include <stdio.h>
#include <string.h>

int
num_parse(const char *s, size_t len, long long *v)
{
	long long ip = 0, fp = 0, scale = NUM_SCALE;
	size_t i = 0, nint = 0, nfrac = 0;
	int neg = 0;

	if (len > 0 && s[0] == '-') {
		neg = 1;
		i++;
	}
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, nint++) {
		if (nint == 12)
			return -1;
		ip = ip * 10 + (s[i] - '0');
	}
	if (nint == 0)
		return -1;
	if (i < len && s[i] == '.') {
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
			if (++nfrac > NUM_DECIMALS)
				return -1;
			scale /= 10;
			fp += (s[i] - '0') * scale;
		}
		if (nfrac == 0)
			return -1;
	}
	if (i != len)
		return -1;
	*v = ip * NUM_SCALE + fp;
	if (neg)
		*v = -*v;
	return 0;
}

char *
num_group(char *out, size_t outsz, const char *s)
{
	size_t len = strlen(s), start, nint, i, o = 0;
	long long dummy;

	if (num_parse(s, len, &dummy) < 0 || outsz < len + len / 3 + 2) {
		snprintf(out, outsz, "%s", s);
		return out;
	}
	start = s[0] == '-';
	for (nint = 0; start + nint < len && s[start + nint] != '.'; nint++)
		;
	if (start)
		out[o++] = '-';
	for (i = 0; i < nint; i++) {
		if (i > 0 && (nint - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = s[start + i];
	}
	for (i = start + nint; i < len; i++)
		out[o++] = s[i];
	out[o] = '\0';
	return out;
}

char *
num_format(char *out, size_t outsz, long long v, int dec, int group)
{
	long long unit = NUM_SCALE, a, ip, fp;
	char plain[48];
	int i, neg = v < 0;

	if (dec < 0)
		dec = 0;
	if (dec > NUM_DECIMALS)
		dec = NUM_DECIMALS;
	for (i = 0; i < dec; i++)
		unit /= 10;
	a = neg ? -v : v;
	a = (a + unit / 2) / unit;	/* half away from zero */
	for (ip = a, i = 0; i < dec; i++)
		ip /= 10;
	for (fp = 1, i = 0; i < dec; i++)
		fp *= 10;
	fp = a - ip * fp;
	neg = neg && a != 0;
	if (dec > 0)
		snprintf(plain, sizeof(plain), "%s%lld.%0*lld", neg ? "-" : "",
		    ip, dec, fp);
	else
		snprintf(plain, sizeof(plain), "%s%lld", neg ? "-" : "", ip);
	if (group)
		return num_group(out, outsz, plain);
	snprintf(out, outsz, "%s", plain);
	return out;
}

char *
num_plain(char *out, size_t outsz, long long v)
{
	size_t len;

	num_format(out, outsz, v, NUM_DECIMALS, 0);
	len = strlen(out);
	while (len > 0 && out[len - 1] == '0')
		out[--len] = '\0';
	if (len > 0 && out[len - 1] == '.')
		out[--len] = '\0';
	return out;
}

char *
num_json(char *out, size_t outsz, const char *s)
{
	const char *p = s;
	int neg = 0;

	if (*p == '-') {
		neg = 1;
		p++;
	}
	while (p[0] == '0' && p[1] >= '0' && p[1] <= '9')
		p++;
	if (neg && strspn(p, "0.") == strlen(p))
		neg = 0;	/* "-0", "-0.0": JSON has no negative zero here */
	snprintf(out, outsz, "%s%s", neg ? "-" : "", p);
	return out;
}

long long
num_percent(long long a, long long b, int dec)
{
	long long unit = 1, q;
	int i;

	for (i = 0; i < dec; i++)
		unit *= 10;
	/* round(a * 100 * unit / b), half away from zero; a, b >= 0. */
	q = (2 * a * 100 * unit + b) / (2 * b);
	return q * (NUM_SCALE / unit);
}
