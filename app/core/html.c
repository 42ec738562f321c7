/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "html.h"

void
html_raw(struct html_out *o, const char *s)
{
	o->write(o->arg, s, strlen(s));
}

void
html_rawf(struct html_out *o, const char *fmt, ...)
{
	va_list	 ap;
	char	 buf[512];
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	o->write(o->arg, buf, (size_t)n);
}

/*
 * Escapes the five characters that matter in content and in double-quoted
 * attributes. Control bytes other than tab, LF and CR are dropped: they are
 * not allowed in HTML and never carry meaning in what citizens write.
 */
void
html_text_n(struct html_out *o, const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, start;
	const char		*rep;

	for (i = start = 0; i < len; i++) {
		switch (p[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
			    p[i] != '\r') || p[i] == 0x7f)
				rep = "";
			else
				continue;
			break;
		}
		if (i > start)
			o->write(o->arg, s + start, i - start);
		if (*rep != '\0')
			o->write(o->arg, rep, strlen(rep));
		start = i + 1;
	}
	if (i > start)
		o->write(o->arg, s + start, i - start);
}

void
html_text(struct html_out *o, const char *s)
{
	if (s != NULL)
		html_text_n(o, s, strlen(s));
}

/* Percent-encodes everything but RFC 3986 unreserved characters. */
void
html_url_arg(struct html_out *o, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;
	char			 enc[3];

	if (s == NULL)
		return;
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' ||
		    *p == '_' || *p == '~') {
			o->write(o->arg, p, 1);
			continue;
		}
		enc[0] = '%';
		enc[1] = hex[*p >> 4];
		enc[2] = hex[*p & 0x0f];
		o->write(o->arg, enc, 3);
	}
}

/*
 * Writes s as a JSON string literal, quotes included. '<', '>' and '&' are
 * escaped too so the output is safe wherever it ends up.
 */
void
html_json_string(struct html_out *o, const char *s)
{
	static const char	 hex[] = "0123456789abcdef";
	const unsigned char	*p;
	char			 esc[7];

	o->write(o->arg, "\"", 1);
	for (p = (const unsigned char *)(s ? s : ""); *p != '\0'; p++) {
		if (*p == '"' || *p == '\\') {
			esc[0] = '\\';
			esc[1] = (char)*p;
			o->write(o->arg, esc, 2);
		} else if (*p == '\n') {
			o->write(o->arg, "\\n", 2);
		} else if (*p < 0x20 || *p == '<' || *p == '>' || *p == '&') {
			memcpy(esc, "\\u00", 4);
			esc[4] = hex[*p >> 4];
			esc[5] = hex[*p & 0x0f];
			o->write(o->arg, esc, 6);
		} else
			o->write(o->arg, p, 1);
	}
	o->write(o->arg, "\"", 1);
}
