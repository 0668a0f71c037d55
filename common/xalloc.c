#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "diag.h"

/*
 * Blocks this large are the tables that grow with the input (victims,
 * crimes, counts), read at random: with 4 KiB pages nearly every lookup
 * also misses the TLB and walks the page tables.  Asking for transparent
 * huge pages (2 MiB) where the kernel gives them only on request
 * (/sys/kernel/mm/transparent_hugepage/enabled = madvise, Debian's
 * default) takes much of that away: at 5M records flag-repeat took 3.57
 * CPU s against 3.85 and aggregate-district 3.02 against 3.43 (medians,
 * bench/RESULTS.md).  Only the whole 2 MiB pages inside the block are
 * advised; where the call is refused or unknown nothing changes but the
 * speed.
 */
enum { HUGE_MIN = 8 << 20, HUGE_PAGE = 2 << 20 };

static void *
advise_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
	uintptr_t from, to;

	if (n < HUGE_MIN)
		return p;
	from = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
	to = ((uintptr_t)p + n) & ~(uintptr_t)(HUGE_PAGE - 1);
	if (to > from)
		(void)madvise((void *)from, to - from, MADV_HUGEPAGE);
#else
	(void)n;
#endif
	return p;
}

static _Noreturn void
out_of_memory(void)
{
	diag_die(EXIT_DATA, "out of memory");
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		out_of_memory();
	return advise_huge(p, n);
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (p == NULL)
		out_of_memory();
	/* calloc checked nmemb * size for overflow. */
	return advise_huge(p, nmemb * size);
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		out_of_memory();
	return advise_huge(p, n);
}

void *
xgrow(void *p, size_t *cap, size_t need, size_t elem)
{
	size_t n = *cap ? *cap : 16;

	if (need <= *cap)
		return p;
	while (n < need) {
		if (n > SIZE_MAX / 2 / elem)
			out_of_memory();
		n *= 2;
	}
	*cap = n;
	return xrealloc(p, n * elem);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
