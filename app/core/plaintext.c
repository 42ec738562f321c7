/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "plaintext.h"

/* UTF-8 letters with a diacritic, and their base letter. */
static const struct {
	const char	*utf8;
	char		 base;
} accents[] = {
	{ "à", 'a' }, { "â", 'a' }, { "ä", 'a' }, { "á", 'a' }, { "À", 'a' },
	{ "Â", 'a' }, { "ç", 'c' }, { "Ç", 'c' }, { "é", 'e' }, { "è", 'e' },
	{ "ê", 'e' }, { "ë", 'e' }, { "É", 'e' }, { "È", 'e' }, { "Ê", 'e' },
	{ "î", 'i' }, { "ï", 'i' }, { "Î", 'i' }, { "ô", 'o' }, { "ö", 'o' },
	{ "Ô", 'o' }, { "ù", 'u' }, { "û", 'u' }, { "ü", 'u' }, { "Û", 'u' },
	{ "ÿ", 'y' }, { "ñ", 'n' },
};

size_t
plain_slugify(const char *title, char *out, size_t outsz, size_t max)
{
	const char	*p = title;
	size_t		 n = 0, i, cut;
	int		 dash = 0;
	char		 c;

	if (max > outsz - 1)
		max = outsz - 1;
	while (*p != '\0' && n < max) {
		c = 0;
		if (isalnum((unsigned char)*p) && (unsigned char)*p < 0x80) {
			c = (char)tolower((unsigned char)*p);
			p++;
		} else {
			for (i = 0; i < sizeof(accents) / sizeof(accents[0]);
			    i++)
				if (strncmp(p, accents[i].utf8,
				    strlen(accents[i].utf8)) == 0)
					break;
			if (i < sizeof(accents) / sizeof(accents[0])) {
				c = accents[i].base;
				p += strlen(accents[i].utf8);
			} else if (strncmp(p, "œ", 2) == 0 ||
			    strncmp(p, "Œ", 2) == 0) {
				p += 2;
				if (dash && n > 0 && n < max)
					out[n++] = '-';
				dash = 0;
				if (n + 2 > max)
					break;
				out[n++] = 'o';
				out[n++] = 'e';
				continue;
			} else {
				/* Skip one whole UTF-8 sequence. */
				p++;
				while ((*p & 0xc0) == 0x80)
					p++;
				dash = 1;
				continue;
			}
		}
		if (dash && n > 0) {
			out[n++] = '-';
			if (n >= max)
				break;
		}
		dash = 0;
		out[n++] = c;
	}
	/* Cut at a word boundary when the title did not fit. */
	if (n >= max && *p != '\0') {
		cut = n;
		while (cut > 0 && out[cut - 1] != '-')
			cut--;
		if (cut > 1)
			n = cut - 1;
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	out[n] = '\0';
	return (n);
}

char *
plain_to_markdown(const char *s)
{
	char		*out, *o;
	const char	*p, *q;
	int		 bol = 1;

	/* Worst case: every byte escaped, plus "\\" before each newline. */
	if ((out = malloc(strlen(s) * 3 + 1)) == NULL)
		return (NULL);
	o = out;
	for (p = s; *p != '\0'; p++) {
		if (*p == '\r')
			continue;
		if (*p == '\n') {
			/* Drop trailing spaces; a lone newline is a hard break. */
			while (o > out && (o[-1] == ' ' || o[-1] == '\t'))
				o--;
			for (q = p + 1; *q == ' ' || *q == '\t' || *q == '\r';
			    q++)
				;
			if (!bol && *q != '\n' && *q != '\0')
				*o++ = '\\';
			*o++ = '\n';
			bol = 1;
			continue;
		}
		if (bol && (*p == ' ' || *p == '\t'))
			continue;	/* indentation would make code blocks */
		if (strchr("\\`*_[]<>&~|", *p) != NULL ||
		    (bol && strchr("#>-+=", *p) != NULL))
			*o++ = '\\';
		else if (bol && isdigit((unsigned char)*p)) {
			/* "1. " or "1) " at a line start opens a list. */
			for (q = p; isdigit((unsigned char)*q); q++)
				*o++ = *q;
			p = q - 1;
			if (*q == '.' || *q == ')') {
				*o++ = '\\';
				*o++ = *q;
				p = q;
			}
			bol = 0;
			continue;
		}
		*o++ = *p;
		bol = 0;
	}
	while (o > out && (o[-1] == '\n' || o[-1] == '\\' || o[-1] == ' '))
		o--;
	*o = '\0';
	return (out);
}

static const struct {
	const char	*name;
	const char	*text;
} entities[] = {
	{ "&nbsp;", " " }, { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
	{ "&quot;", "\"" }, { "&#39;", "'" }, { "&apos;", "'" },
	{ "&rsquo;", "’" }, { "&laquo;", "«" }, { "&raquo;", "»" },
	{ "&eacute;", "é" }, { "&egrave;", "è" }, { "&agrave;", "à" },
};

char *
plain_from_html(const char *s)
{
	char		*out, *o, *start;
	const char	*p;
	size_t		 i, n;

	if ((out = malloc(strlen(s) + 1)) == NULL)
		return (NULL);
	o = out;
	for (p = s; *p != '\0';) {
		if (*p == '<') {
			if (strncmp(p, "</p>", 4) == 0 ||
			    strncmp(p, "<br", 3) == 0 ||
			    strncmp(p, "</li>", 5) == 0)
				*o++ = '\n';
			while (*p != '\0' && *p != '>')
				p++;
			if (*p == '>')
				p++;
			continue;
		}
		if (*p == '&') {
			for (i = 0; i < sizeof(entities) / sizeof(entities[0]);
			    i++) {
				n = strlen(entities[i].name);
				if (strncmp(p, entities[i].name, n) == 0)
					break;
			}
			/* Entities never grow: "&nbsp;" (6) -> " " (1). */
			if (i < sizeof(entities) / sizeof(entities[0])) {
				n = strlen(entities[i].text);
				memcpy(o, entities[i].text, n);
				o += n;
				p += strlen(entities[i].name);
				continue;
			}
		}
		*o++ = *p++;
	}
	*o = '\0';
	/* Trim white space at both ends. */
	while (o > out && isspace((unsigned char)o[-1]))
		*--o = '\0';
	for (start = out; isspace((unsigned char)*start); start++)
		;
	memmove(out, start, strlen(start) + 1);
	return (out);
}
