/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The rules an account must follow, shared by every way of creating or
 * changing one (web sign-up, password change, `agora user create`): e-mail
 * shape, display name, password policy. Each check returns NULL when the
 * value is acceptable, else a French sentence to show as it is (plain text,
 * to be escaped like any text). Callers trim white space first.
 */

#ifndef AGORA_CORE_ACCOUNT_RULES_H
#define AGORA_CORE_ACCOUNT_RULES_H

#include "account.h"	/* the limits */

/* The display name given to an account once deleted, before its id. */
#define ACCOUNT_PSEUDONYM	"Participant·e n°"

/*
 * An address of the form local@domain.tld: one '@', a local part of 1 to 64
 * printable characters without spaces or dots at its ends, a domain of
 * dot-separated labels (letters, digits, hyphens, or non-ASCII for IDN).
 */
const char	*account_email_check(const char *email);
/* 2 to 60 characters of valid UTF-8, no control character, not a pseudonym. */
const char	*account_name_check(const char *name);
/*
 * 12 to 128 characters of valid UTF-8, not containing (ignoring ASCII case)
 * the display name, any word of 4 letters or more of it, the local part of
 * the e-mail address, or any word of 4 letters or more of that local part.
 * name and email may be NULL.
 */
const char	*account_password_message(const char *pw, const char *name,
		    const char *email);

#endif
