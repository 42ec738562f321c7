/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The pivot identity of a person (FranceConnect's "identité pivot": given
 * names, family name, date, commune and country of birth, gender), put in
 * one canonical form, then hashed with a server key. The same functions
 * serve FranceConnect's claims and the assisted-participation register
 * (mediators type the same six things), so that one person gets the same
 * hash whichever way they came. Pure C; no kore headers.
 *
 * Canonical form, version 1 (README, "Pivot identity"):
 *   "v1|FAMILY|GIVEN NAMES|YYYY-MM-DD|PLACE|COUNTRY|G"
 * - names: letters of Latin-1 and Latin Extended-A lose their accents
 *   (É -> E, Œ -> OE, ß -> SS), combining accents are dropped, ASCII letters
 *   are upper-cased; hyphens, apostrophes, dots, commas, any other ASCII
 *   punctuation and any white space become one space; spaces are collapsed
 *   and trimmed; every given name is kept, in the order given (FranceConnect
 *   sends them all, space-separated, in the civil registry's order); other
 *   letters (outside those two blocks) are kept as they are;
 * - birthdate: YYYY-MM-DD, year 1850 or later; month or day 00 is accepted
 *   (a date the civil registry only knows in part);
 * - birthplace: the commune's INSEE code, 5 characters (digits, or 2A/2B for
 *   Corsica), upper-cased; empty only for a person born abroad;
 * - birthcountry: the INSEE country code, 5 digits starting with 99 (99100
 *   is France); a person born in France has a birthplace;
 * - gender: "male" or "female" (FranceConnect's values) -> M or F.
 */

#ifndef AGORA_CORE_IDENTITY_H
#define AGORA_CORE_IDENTITY_H

#include <stddef.h>

#define IDENTITY_NORM_MAX	1024	/* canonical form, with its NUL */
#define IDENTITY_HASH_LEN	64	/* hex HMAC-SHA256 */

struct identity_pivot {
	const char	*given_names;	/* "Camille Hélène" */
	const char	*family_name;	/* birth name: "LEFÈVRE-DUVAL" */
	const char	*birthdate;	/* "1984-05-17" */
	const char	*birthplace;	/* "45234", or "" when born abroad */
	const char	*birthcountry;	/* "99100" */
	const char	*gender;	/* "male" or "female" */
};

enum identity_err {
	IDENTITY_OK = 0,
	IDENTITY_ERR_GIVEN_NAMES,
	IDENTITY_ERR_FAMILY_NAME,
	IDENTITY_ERR_BIRTHDATE,
	IDENTITY_ERR_BIRTHPLACE,
	IDENTITY_ERR_BIRTHCOUNTRY,
	IDENTITY_ERR_GENDER,
	IDENTITY_ERR__MAX
};

/*
 * Writes the canonical form of p into out (IDENTITY_NORM_MAX bytes).
 * IDENTITY_OK, or the first field that is missing or invalid.
 */
enum identity_err identity_pivot_normalise(const struct identity_pivot *p,
		    char out[IDENTITY_NORM_MAX]);
/*
 * Hex HMAC-SHA256(key, canonical form of p): what is stored instead of the
 * identity. Same return values as identity_pivot_normalise().
 */
enum identity_err identity_pivot_hash(const unsigned char *key,
		    size_t keylen, const struct identity_pivot *p,
		    char out[IDENTITY_HASH_LEN + 1]);
/*
 * The key identity_pivot_hash() takes, derived from the server secret:
 * HMAC-SHA256(secret, "identity-pivot:v1"), so that the register's hashes
 * are unrelated to the secret's other uses (CSRF, keyed addresses). Both
 * the assisted-vote register and FranceConnect use this key.
 */
#define IDENTITY_KEY_LEN	32
void	identity_key(const unsigned char *secret, size_t secretlen,
	    unsigned char out[IDENTITY_KEY_LEN]);
/* The field's name in the form ("prenoms", ...) for the field at fault. */
const char	*identity_err_field(enum identity_err);
/* A French sentence that says what to correct. */
const char	*identity_err_message(enum identity_err);

#endif
