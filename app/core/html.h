/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The one HTML writer. Every byte of text that did not come from a string
 * literal in our own sources goes through html_text() (element content and
 * double-quoted attribute values) or html_url_arg() (a query argument).
 * html_raw() takes literals only; html_rawf() literals and integers.
 */

#ifndef AGORA_CORE_HTML_H
#define AGORA_CORE_HTML_H

#include <stddef.h>

struct html_out {
	/* Appends len bytes; must not fail (the caller aborts on OOM). */
	void	(*write)(void *arg, const void *buf, size_t len);
	void	*arg;		/* passed back to write */
};

void	html_raw(struct html_out *, const char *);
void	html_rawf(struct html_out *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	html_text(struct html_out *, const char *);
void	html_text_n(struct html_out *, const char *, size_t);
void	html_url_arg(struct html_out *, const char *);
void	html_json_string(struct html_out *, const char *);

#endif
