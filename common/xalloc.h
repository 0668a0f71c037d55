#ifndef CRIMEPIPE_XALLOC_H
#define CRIMEPIPE_XALLOC_H

#include <stddef.h>

/*
 * Allocation that never returns NULL: on failure it prints
 * "prog: out of memory" and exits with status 1 (a data-sized problem,
 * not a usage one).
 */
void	*xmalloc(size_t n);
void	*xcalloc(size_t nmemb, size_t size);
void	*xrealloc(void *p, size_t n);
/* Grow *p (an array of *cap elements of size elem) to hold at least need. */
void	*xgrow(void *p, size_t *cap, size_t need, size_t elem);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);

#endif
