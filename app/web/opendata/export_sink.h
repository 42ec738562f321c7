/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Where a web export is built (a kore task) and how it is sent. */

#ifndef AGORA_WEB_EXPORT_SINK_H
#define AGORA_WEB_EXPORT_SINK_H

#include <sys/types.h>

#include <stddef.h>

#include <kore/kore.h>
#include <kore/http.h>

struct export_sink {
	int	 fd;		/* the unnamed file, or -1: in memory */
	char	*data;		/* file: write buffer; memory: the file */
	size_t	 len, cap;
	off_t	 size;		/* file: bytes written so far */
	int	 failed;
};

/* In the task: a file with no name in export_dir, else memory. */
void	export_sink_open(struct export_sink *);
/* An html_out writer (arg: the sink). */
void	export_sink_write(void *, const void *, size_t);
/*
 * In the task: ends the sink and writes to msg what the handler passes to
 * export_sink_send, or "err" (the sink's resources are freed) unless ok.
 */
void	export_sink_close(struct export_sink *, int, char *, size_t);
/*
 * In the worker: sends what msg names as the 200 response's body (the
 * headers already set) and frees it once sent. 0, or -1 (nothing sent).
 */
int	export_sink_send(struct http_request *, const char *);

#endif
