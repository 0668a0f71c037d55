#include "rejects.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "outbuf.h"
#include "stream.h"
#include "xalloc.h"

struct rejects_counts rejects_counts;

static int rejects_fd = -1;
static const char *rejects_path;

static const char header[] = "reject_stage,reject_reason,source,record\n";

void
rejects_open(const char *path)
{
	struct stat st;

	rejects_path = path;
	rejects_fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0666);
	if (rejects_fd < 0)
		diag_die(EXIT_DATA, "%s: %s", path, strerror(errno));
	if (flock(rejects_fd, LOCK_EX) < 0 || fstat(rejects_fd, &st) < 0)
		diag_die(EXIT_DATA, "%s: %s", path, strerror(errno));
	if (st.st_size == 0 &&
	    write(rejects_fd, header, sizeof(header) - 1) !=
	    (ssize_t)(sizeof(header) - 1))
		diag_die(EXIT_DATA, "%s: write error: %s", path,
		    strerror(errno));
	flock(rejects_fd, LOCK_UN);
}

/*
 * Append one row to the rejects file, all or nothing: it is built in
 * memory and written under the lock, and a write that fails part way (a
 * full disk) is cut off again, so the file never ends in a torn row that
 * the next stage would append to.  Then the run stops (exit 1) with the
 * good records already written flushed (diag.h: the fatal hook).
 */
static void
append_row(const char *reason, const char *source, const char *raw,
    size_t rawlen)
{
	struct outbuf row;
	struct stat st;
	size_t done = 0;
	ssize_t w = 0;
	int err = 0;

	/* An outbuf on fd -1 is only a growable buffer here: never flushed. */
	row.fd = -1;
	row.name = rejects_path;
	row.records = 0;
	row.committed = 0;
	row.cap = 64 + strlen(reason) + strlen(source) + 2 * rawlen +
	    strlen(diag_prog()) + 16;
	row.buf = xmalloc(row.cap);
	row.len = 0;
	out_field(&row, diag_prog(), strlen(diag_prog()));
	out_putc(&row, ',');
	out_field(&row, reason, strlen(reason));
	out_putc(&row, ',');
	out_field(&row, source, strlen(source));
	out_putc(&row, ',');
	out_field(&row, raw, rawlen);
	out_putc(&row, '\n');
	if (flock(rejects_fd, LOCK_EX) < 0 || fstat(rejects_fd, &st) < 0)
		diag_die(EXIT_DATA, "%s: %s", rejects_path, strerror(errno));
	while (done < row.len && err == 0) {
		w = write(rejects_fd, row.buf + done, row.len - done);
		if (w > 0)
			done += (size_t)w;
		else if (w == 0 || errno != EINTR)
			err = w == 0 ? EIO : errno;
	}
	if (err != 0 && done > 0 && ftruncate(rejects_fd, st.st_size) < 0)
		err = errno;
	flock(rejects_fd, LOCK_UN);
	free(row.buf);
	if (err != 0)
		diag_die(EXIT_DATA, "%s: write error: %s", rejects_path,
		    strerror(err));
}

static char *
format_reason(const char *field, const char *fmt, va_list ap)
{
	char msg[1024];
	char *out;
	size_t n;

	vsnprintf(msg, sizeof(msg), fmt, ap);
	diag_clean(msg, strlen(msg));
	if (field == NULL)
		return xstrdup(msg);
	n = strlen(field) + strlen(msg) + 16;
	out = xmalloc(n);
	snprintf(out, n, "field '%s': %s", field, msg);
	return out;
}

void
reject(const char *source, unsigned long line, const char *field,
    const char *raw, size_t rawlen, const char *fmt, ...)
{
	char *reason, *where, *cut;
	size_t n;
	va_list ap;

	rejects_counts.rejected++;
	va_start(ap, fmt);
	reason = format_reason(field, fmt, ap);
	va_end(ap);
	if (rejects_fd < 0) {
		diag_at(source, line, NULL, "%s", reason);
		free(reason);
		return;
	}
	if (rawlen > REJECT_RECORD_MAX) {
		/* Say in the row that its record is not whole. */
		n = strlen(reason) + 96;
		cut = xmalloc(n);
		snprintf(cut, n, "%s (record cut to its first %d of %zu bytes)",
		    reason, REJECT_RECORD_MAX, rawlen);
		free(reason);
		reason = cut;
		rawlen = REJECT_RECORD_MAX;
	}
	n = strlen(source) + 24;
	where = xmalloc(n);
	if (line > 0)
		snprintf(where, n, "%s:%lu", source, line);
	else
		snprintf(where, n, "%s", source);
	append_row(reason, where, raw, rawlen);
	free(where);
	free(reason);
}

/* The record's own source, or NULL (reject_record). */
static char *
own_source(const struct record *rec, long source_col)
{
	const struct field *src = source_col >= 0 &&
	    (size_t)source_col < rec->nfields ? &rec->value[source_col] : NULL;

	return src == NULL || src->len == 0 ? NULL :
	    xstrndup(src->ptr, src->len);
}

void
reject_record(const struct record *rec, long source_col, const char *field,
    const char *fmt, ...)
{
	char msg[1024], *where = own_source(rec, source_col);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (where == NULL)
		reject(rec->source, rec->line, field, rec->raw, rec->raw_len,
		    "%s", msg);
	else
		reject(where, 0, field, rec->raw, rec->raw_len,
		    "%s (stream %s:%lu)", msg, rec->source, rec->line);
	free(where);
}

void
warn_record(const struct record *rec, long source_col, const char *field,
    const char *fmt, ...)
{
	char msg[1024], *where = own_source(rec, source_col);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (where == NULL)
		record_warn(rec->source, rec->line, field, "%s", msg);
	else
		record_warn(where, 0, field, "%s (stream %s:%lu)", msg,
		    rec->source, rec->line);
	free(where);
}

void
record_warn(const char *source, unsigned long line, const char *field,
    const char *fmt, ...)
{
	char *msg;
	va_list ap;

	rejects_counts.warnings++;
	va_start(ap, fmt);
	msg = format_reason(field, fmt, ap);
	va_end(ap);
	diag_at(source, line, NULL, "warning: %s", msg);
	free(msg);
}

int
rejects_finish(int stats, const char *extra)
{
	struct rejects_counts *c = &rejects_counts;

	if (rejects_fd >= 0) {
		if (close(rejects_fd) < 0)
			diag_die(EXIT_DATA, "%s: %s", rejects_path,
			    strerror(errno));
		rejects_fd = -1;
		if (c->rejected > 0)
			diag_warn("%llu record%s rejected, see %s", c->rejected,
			    c->rejected == 1 ? "" : "s", rejects_path);
	}
	if (stats)
		diag_warn("read %llu, written %llu, rejected %llu%s%s",
		    c->read, c->written, c->rejected, extra ? ", " : "",
		    extra ? extra : "");
	return c->rejected > 0 && rejects_path == NULL ? EXIT_DATA : EXIT_OK;
}
