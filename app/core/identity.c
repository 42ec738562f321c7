/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* The pivot identity's canonical form and keyed hash: see identity.h. */

#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "identity.h"

/* Base letters of U+00C0..U+00FF ('*' = two letters, '-' = not a letter). */
static const char	latin1[] =
    "AAAAAA*CEEEEIIIIDNOOOOO-OUUUUY**AAAAAA*CEEEEIIIIDNOOOOO-OUUUUY*Y";
/* Base letters of U+0100..U+017F ('*' = two letters). */
static const char	latin_ext_a[] =
    "AAAAAACCCCCCCCDDDDEEEEEEEEEEGGGGGGGGHHHHIIIIIIIIII**JJKKKLLLLLLLLLL"
    "NNNNNNNNNOOOOOO**RRRRRRSSSSSSSSTTTTTTUUUUUUUUUUUUWWYYYZZZZZZS";

struct out {
	char	*p;
	size_t	 len;
	size_t	 max;
	int	 space;		/* a separator is pending */
};

static int
put(struct out *o, const char *s, size_t n)
{
	if (o->space && o->len > 0) {
		if (o->len + 1 >= o->max)
			return (-1);
		o->p[o->len++] = ' ';
	}
	o->space = 0;
	if (o->len + n >= o->max)
		return (-1);
	memcpy(o->p + o->len, s, n);
	o->len += n;
	return (0);
}

/* Decodes one UTF-8 sequence at s (n bytes left); its length, or 0. */
static size_t
utf8_decode(const unsigned char *s, size_t n, unsigned int *cp)
{
	size_t		len, i;
	unsigned int	c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return (1);
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, c = s[0] & 0x07;
	else
		return (0);
	if (len > n)
		return (0);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return (0);
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 ||
	    c > 0x10ffff)) || (c >= 0xd800 && c <= 0xdfff))
		return (0);
	*cp = c;
	return (len);
}

/* Two-letter folds ('*' in the tables). */
static const char *
fold_pair(unsigned int cp)
{
	switch (cp) {
	case 0xc6: case 0xe6:	return ("AE");
	case 0xde: case 0xfe:	return ("TH");
	case 0xdf:		return ("SS");
	case 0x132: case 0x133:	return ("IJ");
	case 0x152: case 0x153:	return ("OE");
	}
	return (NULL);
}

/* 1 when cp separates words: white space, hyphens, apostrophes. */
static int
separator(unsigned int cp)
{
	if (cp < 0x80)
		return (!(cp >= '0' && cp <= '9') && !(cp >= 'A' && cp <= 'Z') &&
		    !(cp >= 'a' && cp <= 'z'));
	return (cp == 0xa0 || (cp >= 0x2000 && cp <= 0x200b) ||
	    (cp >= 0x2010 && cp <= 0x2015) || (cp >= 0x2018 && cp <= 0x201b) ||
	    cp == 0x2bc || cp == 0x2b9 || cp == 0x202f || cp == 0x3000 ||
	    cp == 0xb4 || cp == 0x2032);
}

/* Appends the canonical form of a name; -1 if empty, invalid or too long. */
static int
name(struct out *o, const char *in)
{
	const unsigned char	*s = (const unsigned char *)in;
	size_t			 n, len, start = o->len;
	unsigned int		 cp;
	char			 c;
	const char		*pair;

	if (in == NULL)
		return (-1);
	n = strlen(in);
	if (o->len > 0)
		o->space = 0;
	while (n > 0) {
		if ((len = utf8_decode(s, n, &cp)) == 0 || cp < 0x20 ||
		    (cp >= 0x7f && cp < 0xa0))
			return (-1);
		if (separator(cp)) {
			if (o->len > start)
				o->space = 1;
		} else if (cp < 0x80) {
			c = (cp >= 'a' && cp <= 'z') ? (char)(cp - 32) : (char)cp;
			if (put(o, &c, 1) == -1)
				return (-1);
		} else if (cp >= 0x300 && cp <= 0x36f) {
			;	/* combining accent (decomposed input) */
		} else if ((pair = fold_pair(cp)) != NULL) {
			if (put(o, pair, 2) == -1)
				return (-1);
		} else if (cp >= 0xc0 && cp <= 0xff && latin1[cp - 0xc0] != '-') {
			if (put(o, &latin1[cp - 0xc0], 1) == -1)
				return (-1);
		} else if (cp >= 0x100 && cp <= 0x17f) {
			if (put(o, &latin_ext_a[cp - 0x100], 1) == -1)
				return (-1);
		} else if (cp == 0xd7 || cp == 0xf7) {
			return (-1);
		} else if (put(o, (const char *)s, len) == -1) {
			return (-1);
		}
		s += len;
		n -= len;
	}
	o->space = 0;
	return (o->len > start ? 0 : -1);
}

static int
digits(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return (0);
	return (1);
}

/* YYYY-MM-DD, year >= 1850, month and day in range or 00. */
static int
date_valid(const char *d)
{
	static const int	mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30,
				    31, 30, 31 };
	int			 y, m, day;

	if (d == NULL || strlen(d) != 10 || d[4] != '-' || d[7] != '-' ||
	    !digits(d, 4) || !digits(d + 5, 2) || !digits(d + 8, 2))
		return (0);
	y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 +
	    (d[3] - '0');
	m = (d[5] - '0') * 10 + (d[6] - '0');
	day = (d[8] - '0') * 10 + (d[9] - '0');
	if (y < 1850 || m > 12)
		return (0);
	if (m == 0)
		return (day == 0);
	if (day > mdays[m - 1])
		return (0);
	if (m == 2 && day == 29 && !(y % 4 == 0 && (y % 100 != 0 ||
	    y % 400 == 0)))
		return (0);
	return (1);
}

/* An INSEE commune code, upper-cased into out[6]: 5 digits, or 2A/2B... */
static int
place_valid(const char *p, char out[6])
{
	size_t	i;

	if (p == NULL || strlen(p) != 5)
		return (0);
	for (i = 0; i < 5; i++)
		out[i] = (p[i] >= 'a' && p[i] <= 'z') ? p[i] - 32 : p[i];
	out[5] = '\0';
	if (digits(out, 5))
		return (1);
	return (out[0] == '2' && (out[1] == 'A' || out[1] == 'B') &&
	    digits(out + 2, 3));
}

enum identity_err
identity_pivot_normalise(const struct identity_pivot *p,
    char out[IDENTITY_NORM_MAX])
{
	struct out	o = { out, 0, IDENTITY_NORM_MAX, 0 };
	char		place[6] = "", sep = '|';
	const char	*g;

	out[0] = '\0';
	if (put(&o, "v1|", 3) == -1 || name(&o, p->family_name) == -1)
		return (IDENTITY_ERR_FAMILY_NAME);
	if (put(&o, &sep, 1) == -1 || name(&o, p->given_names) == -1)
		return (IDENTITY_ERR_GIVEN_NAMES);
	if (!date_valid(p->birthdate))
		return (IDENTITY_ERR_BIRTHDATE);
	if (p->birthcountry == NULL || strlen(p->birthcountry) != 5 ||
	    !digits(p->birthcountry, 5) || strncmp(p->birthcountry, "99", 2))
		return (IDENTITY_ERR_BIRTHCOUNTRY);
	if (p->birthplace != NULL && p->birthplace[0] != '\0') {
		if (!place_valid(p->birthplace, place))
			return (IDENTITY_ERR_BIRTHPLACE);
	} else if (strcmp(p->birthcountry, "99100") == 0)
		return (IDENTITY_ERR_BIRTHPLACE);
	if (p->gender == NULL)
		return (IDENTITY_ERR_GENDER);
	if (strcmp(p->gender, "male") == 0)
		g = "M";
	else if (strcmp(p->gender, "female") == 0)
		g = "F";
	else
		return (IDENTITY_ERR_GENDER);
	if (o.len + 30 >= o.max)
		return (IDENTITY_ERR_GIVEN_NAMES);
	o.len += (size_t)snprintf(out + o.len, o.max - o.len, "|%s|%s|%s|%s",
	    p->birthdate, place, p->birthcountry, g);
	return (IDENTITY_OK);
}

enum identity_err
identity_pivot_hash(const unsigned char *key, size_t keylen,
    const struct identity_pivot *p, char out[IDENTITY_HASH_LEN + 1])
{
	char			 norm[IDENTITY_NORM_MAX];
	unsigned char		 mac[EVP_MAX_MD_SIZE];
	unsigned int		 maclen = 0, i;
	enum identity_err	 err;

	out[0] = '\0';
	if ((err = identity_pivot_normalise(p, norm)) != IDENTITY_OK)
		return (err);
	HMAC(EVP_sha256(), key, (int)keylen, (unsigned char *)norm,
	    strlen(norm), mac, &maclen);
	for (i = 0; i < maclen && i < IDENTITY_HASH_LEN / 2; i++)
		snprintf(out + 2 * i, 3, "%02x", mac[i]);
	OPENSSL_cleanse(norm, sizeof(norm));
	return (IDENTITY_OK);
}

void
identity_key(const unsigned char *secret, size_t secretlen,
    unsigned char out[IDENTITY_KEY_LEN])
{
	static const char	 purpose[] = "identity-pivot:v1";
	unsigned int		 len = 0;

	HMAC(EVP_sha256(), secret, (int)secretlen,
	    (const unsigned char *)purpose, sizeof(purpose) - 1, out, &len);
}

static const char *const	fields[IDENTITY_ERR__MAX] = {
	"",			/* IDENTITY_OK */
	"prenoms",		/* IDENTITY_ERR_GIVEN_NAMES */
	"nom",			/* IDENTITY_ERR_FAMILY_NAME */
	"date_naissance",	/* IDENTITY_ERR_BIRTHDATE */
	"commune_naissance",	/* IDENTITY_ERR_BIRTHPLACE */
	"pays_naissance",	/* IDENTITY_ERR_BIRTHCOUNTRY */
	"sexe",			/* IDENTITY_ERR_GENDER */
};

static const char *const	messages[IDENTITY_ERR__MAX] = {
	"",
	"Indiquez tous les prénoms, dans l'ordre de l'état civil.",
	"Indiquez le nom de naissance, tel qu'il figure à l'état civil.",
	"Indiquez la date de naissance sous la forme AAAA-MM-JJ.",
	"Indiquez le code INSEE de la commune de naissance (5 caractères, "
	    "par exemple 45234 pour Orléans) ; laissez-le vide seulement pour "
	    "une personne née à l'étranger.",
	"Indiquez le code INSEE du pays de naissance (99100 pour la France).",
	"Indiquez le sexe tel qu'il figure à l'état civil.",
};

const char *
identity_err_field(enum identity_err e)
{
	return ((unsigned)e < IDENTITY_ERR__MAX ? fields[e] : "");
}

const char *
identity_err_message(enum identity_err e)
{
	return ((unsigned)e < IDENTITY_ERR__MAX ? messages[e] : "");
}
