/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * libFuzzer harness: html_text() output never contains a character that can
 * open a tag, close an attribute or start an entity of its own.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../app/core/html.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

struct sink {
	char	*buf;
	size_t	 len;
};

static void
sink_write(void *arg, const void *p, size_t len)
{
	struct sink	*s = arg;

	s->buf = realloc(s->buf, s->len + len + 1);
	if (s->buf == NULL)
		abort();
	memcpy(s->buf + s->len, p, len);
	s->len += len;
	s->buf[s->len] = '\0';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct sink	 s = { NULL, 0 };
	struct html_out	 o = { sink_write, &s };
	size_t		 i;

	html_text_n(&o, (const char *)data, len);
	for (i = 0; i < s.len; i++) {
		if (s.buf[i] == '<' || s.buf[i] == '>' || s.buf[i] == '"' ||
		    s.buf[i] == '\'' || s.buf[i] == '\0')
			abort();
		/* Every '&' is one of ours. */
		if (s.buf[i] == '&' && strncmp(s.buf + i, "&amp;", 5) &&
		    strncmp(s.buf + i, "&lt;", 4) && strncmp(s.buf + i, "&gt;", 4) &&
		    strncmp(s.buf + i, "&quot;", 6) && strncmp(s.buf + i, "&#39;", 5))
			abort();
	}
	free(s.buf);
	return (0);
}
