/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * One-click unsubscribe tokens (RFC 8058): "<account id>-<kind>-<mac>",
 * mac = base64url(HMAC-SHA256(server secret, "unsubscribe:<id>:<kind>")).
 * Scoped to one person and one kind of mail, unguessable without the
 * secret, stored nowhere: the mail sender writes it into List-Unsubscribe,
 * /desabonnement/<token> checks it. Pure C.
 */

#ifndef AGORA_CORE_UNSUBSCRIBE_H
#define AGORA_CORE_UNSUBSCRIBE_H

#include <stddef.h>

#define UNSUB_TOKEN_MAX	96	/* with the NUL */
#define UNSUB_KIND_MAX	16

/*
 * The preference a mail of outbox kind `kind` is unsubscribed from
 * ("reply", "argument", "answer", "activity", "theme", or "digest" for the
 * daily digest), or NULL for a mail without one (an account's own links).
 */
const char	*unsub_kind_of(const char *outbox_kind);
/* Writes the token of (uid, kind) into out; 0, or -1 if it does not fit. */
int		 unsub_token(const unsigned char *key, size_t keylen,
		    long long uid, const char *kind, char *out, size_t outlen);
/*
 * 1 when tok is a token this key signed: *uid and kind (UNSUB_KIND_MAX)
 * filled. 0 for anything else (malformed, unknown kind, wrong mac).
 */
int		 unsub_parse(const unsigned char *key, size_t keylen,
		    const char *tok, long long *uid, char *kind);

#endif
