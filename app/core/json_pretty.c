/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <string.h>

#include "json_pretty.h"

#define INDENT	"                                                                "

static void
newline(int depth, void (*put)(void *, const char *, size_t), void *arg)
{
	size_t	n = (size_t)depth * 2;

	put(arg, "\n", 1);
	while (n > 0) {
		size_t	k = n < sizeof(INDENT) - 1 ? n : sizeof(INDENT) - 1;

		put(arg, INDENT, k);
		n -= k;
	}
}

/* The next byte that is not white space outside strings. */
static const char *
skip_space(const char *p)
{
	while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
		p++;
	return (p);
}

void
json_pretty(const char *s, void (*put)(void *, const char *, size_t),
    void *arg)
{
	const char	*p = s, *q;
	int		 depth = 0;

	while (*(p = skip_space(p)) != '\0') {
		if (*p == '"') {		/* a string, escapes and all */
			for (q = p + 1; *q != '\0' && *q != '"'; q++)
				if (*q == '\\' && q[1] != '\0')
					q++;
			if (*q == '"')
				q++;
			put(arg, p, (size_t)(q - p));
			p = q;
		} else if (*p == '{' || *p == '[') {
			put(arg, p, 1);
			q = skip_space(p + 1);
			if (*q == '}' || *q == ']') {	/* empty: {} or [] */
				put(arg, q, 1);
				p = q + 1;
				continue;
			}
			newline(++depth, put, arg);
			p++;
		} else if (*p == '}' || *p == ']') {
			newline(depth > 0 ? --depth : 0, put, arg);
			put(arg, p++, 1);
		} else if (*p == ',') {
			put(arg, ",", 1);
			newline(depth, put, arg);
			p++;
		} else if (*p == ':') {
			put(arg, ": ", 2);
			p++;
		} else {			/* a number, true, false, null */
			for (q = p; *q != '\0' && strchr(" \t\r\n,:{}[]\"", *q)
			    == NULL; q++)
				;
			put(arg, p, (size_t)(q - p));
			p = q;
		}
	}
	put(arg, "\n", 1);
}
