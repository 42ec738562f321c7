/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Where a web export is built, and how it is sent. Kore 4.1 has no chunked
 * responses, so the whole file exists before its first byte goes out (450 MB
 * of CSV at Grand Débat scale). It is written to a file with no name in the
 * setting export_dir (O_TMPFILE: nothing to clean up, even after a crash)
 * and sent from a read-only mapping of it, pages the kernel may reclaim and
 * read again; when that directory is unusable (a chroot without it, say),
 * it is held in memory instead, and the worker says so once in its log.
 */

#include <sys/mman.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../core/settings.h"
#include "export_sink.h"

#define SINK_BUFFER	(256 * 1024)	/* file mode: writes of this size */

/* What export_sink_send hands to kore, undone by export_sent. */
struct sent {
	void	*base;
	size_t	 len;
	int	 mapped;
};

void
export_sink_open(struct export_sink *s)
{
	memset(s, 0, sizeof(*s));
	s->fd = open(settings_text(SET_EXPORT_DIR), O_TMPFILE | O_RDWR,
	    0600);
	if (s->fd != -1 && (s->data = malloc(SINK_BUFFER)) == NULL) {
		close(s->fd);
		s->fd = -1;
	}
	if (s->fd != -1)
		s->cap = SINK_BUFFER;
}

/* Writes len bytes to fd; 0 or -1. */
static int
write_all(int fd, const char *p, size_t len)
{
	ssize_t	r;

	while (len > 0) {
		if ((r = write(fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			return (-1);
		}
		p += r;
		len -= (size_t)r;
	}
	return (0);
}

/* Writes the buffer to the file; 0 or -1. */
static int
flush(struct export_sink *s)
{
	if (write_all(s->fd, s->data, s->len) == -1)
		return (-1);
	s->size += (off_t)s->len;
	s->len = 0;
	return (0);
}

void
export_sink_write(void *arg, const void *p, size_t len)
{
	struct export_sink	*s = arg;
	char			*n;

	if (s->failed)
		return;
	if (s->fd != -1) {
		if (s->len + len > s->cap && flush(s) == -1) {
			s->failed = 1;
			return;
		}
		if (len > s->cap) {
			/* Larger than the buffer: straight to the file. */
			if (write_all(s->fd, p, len) == -1)
				s->failed = 1;
			else
				s->size += (off_t)len;
			return;
		}
	} else if (s->len + len > s->cap) {
		s->cap = (s->len + len) * 2 + 65536;
		if ((n = realloc(s->data, s->cap)) == NULL) {
			s->failed = 1;
			return;
		}
		s->data = n;
	}
	memcpy(s->data + s->len, p, len);
	s->len += len;
}

void
export_sink_close(struct export_sink *s, int ok, char *msg, size_t msgsz)
{
	if (ok && !s->failed && s->fd != -1 && flush(s) == 0) {
		free(s->data);
		snprintf(msg, msgsz, "f %d %lld", s->fd, (long long)s->size);
		return;
	}
	if (ok && !s->failed && s->fd == -1) {
		snprintf(msg, msgsz, "m %p %zu", (void *)s->data, s->len);
		return;
	}
	if (s->fd != -1)
		close(s->fd);
	free(s->data);
	snprintf(msg, msgsz, "err");
}

/* Kore calls this once the file is sent or the connection is gone. */
static int
export_sent(struct netbuf *nb)
{
	struct sent	*x = nb->extra;

	if (x->mapped)
		munmap(x->base, x->len);
	else
		free(x->base);
	free(x);
	nb->extra = NULL;
	return (KORE_RESULT_OK);
}

int
export_sink_send(struct http_request *req, const char *msg)
{
	static int	 told;
	struct sent	*x;
	long long	 size;
	void		*p;
	size_t		 len;
	int		 fd;

	if ((x = calloc(1, sizeof(*x))) == NULL)
		return (-1);
	if (sscanf(msg, "f %d %lld", &fd, &size) == 2 && size > 0) {
		p = mmap(NULL, (size_t)size, PROT_READ, MAP_SHARED, fd, 0);
		close(fd);
		if (p == MAP_FAILED) {
			free(x);
			return (-1);
		}
		x->base = p;
		x->len = (size_t)size;
		x->mapped = 1;
	} else if (sscanf(msg, "m %p %zu", &p, &len) == 2 && p != NULL) {
		if (!told) {
			kore_log(LOG_NOTICE, "export: export_dir %s unusable, "
			    "exports are held in memory",
			    settings_text(SET_EXPORT_DIR));
			told = 1;
		}
		x->base = p;
		x->len = len;
	} else {
		free(x);
		return (-1);
	}
	http_response_stream(req, 200, x->base, x->len, export_sent, x);
	return (0);
}
