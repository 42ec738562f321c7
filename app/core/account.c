/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "text.h"

/* Letters and digits, ASCII or not, make words. */
#define WORD_BYTE(c)	(((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z') || \
			 ((c) >= '0' && (c) <= '9') || ((unsigned char)(c) >= 0x80))

/* A number as a string literal, for the sentences below. */
#define STR_(n)		#n
#define STR(n)		STR_(n)

static int
is_ascii_control(unsigned char c)
{
	return (c < 0x20 || c == 0x7f);
}

/* Local part: printable, no specials that need quoting, no edge dots. */
static int
local_valid(const char *s, size_t len)
{
	size_t		i;
	unsigned char	c;

	if (len == 0 || len > 64 || s[0] == '.' || s[len - 1] == '.')
		return (0);
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		/* ASCII only: relays without SMTPUTF8 refuse the rest. */
		if (is_ascii_control(c) || c == ' ' || c >= 0x80 ||
		    strchr("\"(),:;<>[\\]", c) != NULL)
			return (0);
		if (c == '.' && s[i + 1] == '.')
			return (0);
	}
	return (1);
}

/* Domain: labels of 1..63 [A-Za-z0-9-], at least two. */
static int
domain_valid(const char *s, size_t len)
{
	size_t		i, label = 0, labels = 1, last = 0;
	unsigned char	c;

	if (len == 0 || len > 253)
		return (0);
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c == '.') {
			if (label == 0 || s[i - 1] == '-')
				return (0);
			labels++;
			label = 0;
			last = i + 1;
			continue;
		}
		if (!(isalnum(c) || c == '-'))
			return (0);
		if (c == '-' && label == 0)
			return (0);
		if (++label > 63)
			return (0);
	}
	if (label == 0 || s[len - 1] == '-' || labels < 2)
		return (0);
	/* The top-level domain: two letters at least, no digits only. */
	if (len - last < 2)
		return (0);
	for (i = last; i < len; i++)
		if (!isdigit((unsigned char)s[i]))
			return (1);
	return (0);
}

const char *
account_email_check(const char *email)
{
	const char	*at;
	size_t		 len;

	if (email == NULL || *email == '\0')
		return ("L'adresse électronique est obligatoire.");
	len = strlen(email);
	if (len > ACCOUNT_EMAIL_MAX)
		return ("L'adresse électronique est trop longue.");
	if (!text_utf8_valid(email, len))
		return (ACCOUNT_EMAIL_MSG);
	if ((at = strchr(email, '@')) == NULL || strchr(at + 1, '@') != NULL)
		return (ACCOUNT_EMAIL_MSG);
	if (!local_valid(email, (size_t)(at - email)) ||
	    !domain_valid(at + 1, strlen(at + 1)))
		return (ACCOUNT_EMAIL_MSG);
	return (NULL);
}

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

const char *
account_name_check(const char *name)
{
	const char	*p;
	size_t		 n;

	if (name == NULL || text_blank(name))
		return ("Le nom affiché est obligatoire.");
	if (!text_utf8_valid(name, strlen(name)))
		return ("Le nom affiché contient des caractères invalides "
		    "(encodage non UTF-8).");
	for (p = name; *p != '\0'; p++)
		if (is_ascii_control((unsigned char)*p))
			return ("Le nom affiché contient des caractères de "
			    "contrôle non autorisés.");
	n = text_utf8_chars(name);
	if (n < ACCOUNT_NAME_MIN)
		return ("Le nom affiché doit contenir au moins "
		    STR(ACCOUNT_NAME_MIN) " caractères.");
	if (n > ACCOUNT_NAME_MAX)
		return ("Le nom affiché ne doit pas dépasser "
		    STR(ACCOUNT_NAME_MAX) " caractères.");
	if (strncmp(name, ACCOUNT_PSEUDONYM, strlen(ACCOUNT_PSEUDONYM)) == 0 ||
	    strncmp(name, ACCOUNT_PSEUDONYM_OLD,
	    strlen(ACCOUNT_PSEUDONYM_OLD)) == 0)
		return ("Ce nom est réservé aux comptes supprimés : choisissez-en "
		    "un autre.");
	return (NULL);
}

const char *
account_password_message(const char *pw, const char *name, const char *email)
{
	if (pw == NULL || *pw == '\0')
		return ("Choisissez un mot de passe.");
	switch (account_password_check(pw, name, email)) {
	case ACCOUNT_PW_OK:
		return (NULL);
	case ACCOUNT_PW_SHORT:
		return ("Le mot de passe doit contenir au moins "
		    STR(ACCOUNT_PASSWORD_MIN) " caractères.");
	case ACCOUNT_PW_LONG:
		return ("Le mot de passe ne doit pas dépasser "
		    STR(ACCOUNT_PASSWORD_MAX) " caractères.");
	case ACCOUNT_PW_ENCODING:
		return ("Le mot de passe contient des caractères invalides "
		    "(encodage non UTF-8 ou caractères de contrôle).");
	case ACCOUNT_PW_NAME:
		return ("Le mot de passe ne doit pas contenir votre nom "
		    "d'affichage.");
	case ACCOUNT_PW_EMAIL:
		return ("Le mot de passe ne doit pas contenir votre adresse "
		    "électronique (la partie avant « @ »).");
	}
	return ("Mot de passe refusé.");
}
