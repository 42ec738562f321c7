/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The account rules, the same for every way of creating or changing an
 * account (web sign-up and account pages, `agora user create`): the shape
 * of an e-mail address and its normalised form, the display name, the
 * password policy, and the one French sentence for each refusal (plain
 * text, to be escaped like any text). Callers trim white space first.
 * Pure C, unit-tested alone (test/unit/test_account.c).
 */

#ifndef AGORA_CORE_ACCOUNT_H
#define AGORA_CORE_ACCOUNT_H

#include <stddef.h>

#define ACCOUNT_NAME_MIN	2	/* display name, in characters */
#define ACCOUNT_NAME_MAX	60
#define ACCOUNT_EMAIL_MAX	254	/* bytes: RFC 5321 path limit */
#define ACCOUNT_PASSWORD_MIN	12	/* characters */
#define ACCOUNT_PASSWORD_MAX	256
#define ACCOUNT_WORD_MIN	4	/* words of a name checked on their own */
#define ACCOUNT_CONTAINS_MIN	3	/* shorter names are not searched for */

/* The display name given to an account once deleted, before its id. */
#define ACCOUNT_PSEUDONYM	"Membre n°"
/* Before migration 0270 (a point médian, spelt out by screen readers). */
#define ACCOUNT_PSEUDONYM_OLD	"Participant·e n°"

/* What account_email_check() says of an address of the wrong shape. */
#define ACCOUNT_EMAIL_MSG	"L'adresse électronique n'a pas la forme " \
				"attendue (par exemple : prenom.nom@exemple.fr)."

/*
 * The shape of a deliverable address, ASCII only (relays without SMTPUTF8
 * refuse the rest): one '@'; a local part of 1 to 64 printable characters
 * without spaces, quotes, brackets or "(),:;<>[\]", that neither starts nor
 * ends with a dot nor holds two in a row; a domain of at least two
 * dot-separated labels of 1 to 63 letters, digits or '-' (not at a label's
 * ends), the last one of two characters or more and not all digits; at most
 * ACCOUNT_EMAIL_MAX bytes in all. NULL when email has that shape, else the
 * sentence that says why not ("" and NULL are refused too).
 */
const char	*account_email_check(const char *email);
/* 1 when account_email_check() accepts s. */
int		 account_email_valid(const char *s);
/*
 * The normalised form of an address, for uniqueness only (one person, one
 * account): ASCII lower case, and the local part cut at its first '+' when
 * something precedes it ("Camille+agora@Example.org" -> "camille@example.org").
 * Dots are kept: only some providers ignore them. Writes at most outlen - 1
 * bytes and a NUL into out; 0, or -1 when out is too small. The SQL function
 * email_canonical() (migration 0150) applies the same rule; both are checked
 * against test/data/email_canonical.tsv.
 */
int		 account_email_canonical(const char *email, char *out,
		    size_t outlen);

/*
 * A display name: not blank, valid UTF-8, no control character,
 * ACCOUNT_NAME_MIN to ACCOUNT_NAME_MAX characters, and not starting like
 * the pseudonym of deleted accounts. NULL when acceptable, else why not.
 */
const char	*account_name_check(const char *name);

enum account_pw {
	ACCOUNT_PW_OK,
	ACCOUNT_PW_SHORT,	/* fewer than ACCOUNT_PASSWORD_MIN characters */
	ACCOUNT_PW_LONG,	/* more than ACCOUNT_PASSWORD_MAX characters */
	ACCOUNT_PW_ENCODING,	/* not UTF-8, or a control byte */
	ACCOUNT_PW_NAME,	/* contains the display name */
	ACCOUNT_PW_EMAIL	/* contains the local part of the e-mail */
};

/*
 * The password policy, and nothing more: ACCOUNT_PASSWORD_MIN to
 * ACCOUNT_PASSWORD_MAX characters (not bytes) of valid UTF-8 without
 * control characters, containing neither the display name (when it has
 * ACCOUNT_CONTAINS_MIN characters or more) nor any of its words of
 * ACCOUNT_WORD_MIN characters or more, and the same for the local part of
 * the e-mail address; letters compare ignoring case, accented capitals
 * included (account_contains_folded). name and email may be NULL.
 */
enum account_pw	 account_password_check(const char *pw, const char *name,
		    const char *email);
/*
 * The same check, as the one French sentence shown for it, or NULL when
 * the password is acceptable. A missing password (NULL or "") is refused.
 */
const char	*account_password_message(const char *pw, const char *name,
		    const char *email);
/*
 * 1 when needle occurs in haystack, ignoring case for ASCII and for the
 * Latin-1 and Latin Extended-A letters (É = é, Œ = œ; é is not e). Both
 * are UTF-8; an empty needle is never found.
 */
int		 account_contains_folded(const char *haystack,
		    const char *needle);

#endif
