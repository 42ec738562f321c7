/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "account_rules.h"
#include "text.h"

/* Letters and digits, ASCII or not, make words. */
#define WORD_BYTE(c)	(((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z') || \
			 ((c) >= '0' && (c) <= '9') || ((unsigned char)(c) >= 0x80))

/* The one e-mail rule lives in account_rules.c, with its messages. */
int
account_email_valid(const char *s)
{
	return (account_email_check(s) == NULL);
}

int
account_email_canonical(const char *email, char *out, size_t outlen)
{
	const char	*at, *plus, *cut;
	size_t		 i, o = 0;

	at = strchr(email, '@');
	plus = strchr(email, '+');
	/* A tag only in the local part, and only after a first character. */
	cut = (at != NULL && plus != NULL && plus > email && plus < at) ?
	    plus : NULL;
	for (i = 0; email[i] != '\0'; i++) {
		if (cut != NULL && email + i >= cut && email + i < at)
			continue;
		if (o + 1 >= outlen)
			return (-1);
		out[o++] = (email[i] >= 'A' && email[i] <= 'Z') ?
		    (char)(email[i] + 32) : email[i];
	}
	if (outlen == 0)
		return (-1);
	out[o] = '\0';
	return (0);
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

/*
 * 1 when pw contains s whole (if it has ACCOUNT_CONTAINS_MIN characters) or
 * any of its words of ACCOUNT_WORD_MIN characters or more, ignoring case
 * and accents. Words are split on anything but letters and digits.
 */
static int
contains_words(const char *pw, const char *s)
{
	char		 word[256];
	const char	*p = s, *start;
	size_t		 len;

	if (!text_utf8_valid(s, strlen(s)))
		return (0);
	if (text_utf8_chars(s) >= ACCOUNT_CONTAINS_MIN &&
	    account_contains_folded(pw, s))
		return (1);
	while (*p != '\0') {
		while (*p != '\0' && !WORD_BYTE(*p))
			p++;
		for (start = p; *p != '\0' && WORD_BYTE(*p);)
			p++;
		len = (size_t)(p - start);
		if (len == 0 || len >= sizeof(word))
			continue;
		memcpy(word, start, len);
		word[len] = '\0';
		if (text_utf8_chars(word) >= ACCOUNT_WORD_MIN &&
		    account_contains_folded(pw, word))
			return (1);
	}
	return (0);
}

enum account_pw
account_password_check(const char *pw, const char *name, const char *email)
{
	const char	*at, *p;
	char		 local[65];
	size_t		 n;

	if (pw == NULL || !text_utf8_valid(pw, strlen(pw)))
		return (ACCOUNT_PW_ENCODING);
	for (p = pw; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return (ACCOUNT_PW_ENCODING);
	n = text_utf8_chars(pw);
	if (n < ACCOUNT_PASSWORD_MIN)
		return (ACCOUNT_PW_SHORT);
	if (n > ACCOUNT_PASSWORD_MAX)
		return (ACCOUNT_PW_LONG);
	if (name != NULL && contains_words(pw, name))
		return (ACCOUNT_PW_NAME);
	if (email != NULL && (at = strchr(email, '@')) != NULL &&
	    (size_t)(at - email) < sizeof(local)) {
		memcpy(local, email, (size_t)(at - email));
		local[at - email] = '\0';
		if (contains_words(pw, local))
			return (ACCOUNT_PW_EMAIL);
	}
	return (ACCOUNT_PW_OK);
}
