/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "text.h"

int
account_email_valid(const char *s)
{
	const char	*at, *p, *label;
	size_t		 len, local;

	if (s == NULL || (len = strlen(s)) == 0 || len > ACCOUNT_EMAIL_MAX)
		return (0);
	if ((at = strchr(s, '@')) == NULL || strchr(at + 1, '@') != NULL)
		return (0);
	local = (size_t)(at - s);
	if (local == 0 || local > 64)
		return (0);
	for (p = s; p < at; p++) {
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f ||
		    strchr("\"(),:;<>[\\]", *p) != NULL)
			return (0);
	}
	if (s[0] == '.' || at[-1] == '.' || strstr(s, "..") != NULL)
		return (0);
	/* Domain: labels of [A-Za-z0-9-], 1..63, no '-' at either end. */
	label = at + 1;
	if (strchr(label, '.') == NULL)
		return (0);
	for (p = label;; p++) {
		if (*p == '.' || *p == '\0') {
			if (p == label || p - label > 63 || *label == '-' ||
			    p[-1] == '-')
				return (0);
			if (*p == '\0')
				break;
			label = p + 1;
			continue;
		}
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-'))
			return (0);
	}
	return (1);
}

/* Decodes one code point of valid UTF-8; advances *s. */
static unsigned int
utf8_next(const unsigned char **s)
{
	const unsigned char	*p = *s;
	unsigned int		 cp;

	if (p[0] < 0x80) {
		cp = p[0];
		p += 1;
	} else if ((p[0] & 0xe0) == 0xc0 && p[1] != 0) {
		cp = ((p[0] & 0x1fu) << 6) | (p[1] & 0x3fu);
		p += 2;
	} else if ((p[0] & 0xf0) == 0xe0 && p[1] != 0 && p[2] != 0) {
		cp = ((p[0] & 0x0fu) << 12) | ((p[1] & 0x3fu) << 6) |
		    (p[2] & 0x3fu);
		p += 3;
	} else if ((p[0] & 0xf8) == 0xf0 && p[1] != 0 && p[2] != 0 &&
	    p[3] != 0) {
		cp = ((p[0] & 0x07u) << 18) | ((p[1] & 0x3fu) << 12) |
		    ((p[2] & 0x3fu) << 6) | (p[3] & 0x3fu);
		p += 4;
	} else {
		cp = 0xfffd;
		p += 1;
	}
	*s = p;
	return (cp);
}

/* Lower case for ASCII, Latin-1 and Latin Extended-A. */
static unsigned int
fold(unsigned int c)
{
	if (c >= 'A' && c <= 'Z')
		return (c + 32);
	if (c >= 0xc0 && c <= 0xde && c != 0xd7)
		return (c + 32);
	if (c >= 0x100 && c <= 0x17f && c != 0x130 && c != 0x131 &&
	    c != 0x138 && c != 0x149 && c != 0x17f) {
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e))
			return ((c & 1) ? c + 1 : c);
		return (c | 1);
	}
	if (c == 0x178)
		return (0xff);
	return (c);
}

/* Folds a UTF-8 string into an array of code points; caller free()s. */
static unsigned int *
fold_all(const char *s, size_t *n)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned int		*out;
	size_t			 i = 0;

	if ((out = calloc(strlen(s) + 1, sizeof(*out))) == NULL)
		return (NULL);
	while (*p != '\0')
		out[i++] = fold(utf8_next(&p));
	*n = i;
	return (out);
}

int
account_contains_folded(const char *haystack, const char *needle)
{
	unsigned int	*h, *n;
	size_t		 hn, nn, i;
	int		 found = 0;

	if ((h = fold_all(haystack, &hn)) == NULL)
		return (0);
	if ((n = fold_all(needle, &nn)) == NULL) {
		free(h);
		return (0);
	}
	for (i = 0; nn > 0 && i + nn <= hn && !found; i++)
		if (memcmp(h + i, n, nn * sizeof(*n)) == 0)
			found = 1;
	free(h);
	free(n);
	return (found);
}

enum account_pw
account_password_check(const char *pw, const char *name, const char *email)
{
	const char	*at, *p;
	char		 local[65];
	size_t		 n;

	if (!text_utf8_valid(pw, strlen(pw)))
		return (ACCOUNT_PW_ENCODING);
	for (p = pw; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return (ACCOUNT_PW_ENCODING);
	n = text_utf8_chars(pw);
	if (n < ACCOUNT_PASSWORD_MIN)
		return (ACCOUNT_PW_SHORT);
	if (n > ACCOUNT_PASSWORD_MAX)
		return (ACCOUNT_PW_LONG);
	if (name != NULL && text_utf8_valid(name, strlen(name)) &&
	    text_utf8_chars(name) >= ACCOUNT_CONTAINS_MIN &&
	    account_contains_folded(pw, name))
		return (ACCOUNT_PW_NAME);
	if (email != NULL && (at = strchr(email, '@')) != NULL &&
	    (size_t)(at - email) < sizeof(local)) {
		memcpy(local, email, (size_t)(at - email));
		local[at - email] = '\0';
		if (text_utf8_valid(local, strlen(local)) &&
		    text_utf8_chars(local) >= ACCOUNT_CONTAINS_MIN &&
		    account_contains_folded(pw, local))
			return (ACCOUNT_PW_EMAIL);
	}
	return (ACCOUNT_PW_OK);
}
