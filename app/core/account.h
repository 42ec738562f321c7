/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Rules for what people type when they create or change an account: the
 * shape of an e-mail address and what a password may not be. Pure C, so the
 * rules are unit-tested alone (test/unit/test_account.c).
 */

#ifndef AGORA_CORE_ACCOUNT_H
#define AGORA_CORE_ACCOUNT_H

#include <stddef.h>

#define ACCOUNT_NAME_MIN	2	/* display name, in characters */
#define ACCOUNT_NAME_MAX	60
#define ACCOUNT_EMAIL_MAX	254	/* RFC 5321 path limit */
#define ACCOUNT_PASSWORD_MIN	12	/* characters */
#define ACCOUNT_PASSWORD_MAX	256
#define ACCOUNT_WORD_MIN	4	/* words of a name checked on their own */
#define ACCOUNT_CONTAINS_MIN	3	/* shorter names are not searched for */

enum account_pw {
	ACCOUNT_PW_OK,
	ACCOUNT_PW_SHORT,	/* fewer than ACCOUNT_PASSWORD_MIN characters */
	ACCOUNT_PW_LONG,	/* more than ACCOUNT_PASSWORD_MAX characters */
	ACCOUNT_PW_ENCODING,	/* not UTF-8, or a NUL/control byte */
	ACCOUNT_PW_NAME,	/* contains the display name */
	ACCOUNT_PW_EMAIL	/* contains the local part of the e-mail */
};

/*
 * 1 when s has the shape of a deliverable address: ASCII, one '@', a local
 * part of 1 to 64 characters without spaces, quotes or angle brackets, and a
 * domain of dot-separated labels (letters, digits, '-'), with at least one
 * dot; at most ACCOUNT_EMAIL_MAX characters in all.
 */
int		account_email_valid(const char *s);
/*
 * The normalised form of an address, for uniqueness only (one person, one
 * account): ASCII lower case, and the local part cut at its first '+' when
 * something precedes it ("Camille+agora@Example.org" -> "camille@example.org").
 * Dots are kept: only some providers ignore them. Writes at most outlen - 1
 * bytes and a NUL into out; 0, or -1 when out is too small. The SQL function
 * email_canonical() (migration 0150) applies the same rule; both are checked
 * against test/data/email_canonical.tsv.
 */
int		account_email_canonical(const char *email, char *out,
		    size_t outlen);
/*
 * Checks a new password against the only rules there are: length, encoding,
 * and that it contains neither the display name nor the local part of the
 * e-mail (case-insensitively, accents included, when those are at least
 * ACCOUNT_CONTAINS_MIN characters). name and email may be NULL.
 */
enum account_pw	account_password_check(const char *pw, const char *name,
		    const char *email);
/*
 * 1 when needle occurs in haystack, ignoring case for ASCII and for the
 * Latin-1 and Latin Extended-A letters (É = é, Œ = œ). Both are UTF-8.
 */
int		account_contains_folded(const char *haystack,
		    const char *needle);

#endif
