/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Keyed hashes PostgreSQL stores instead of an e-mail address or a network
 * address: base64url(HMAC-SHA256(server secret, "<purpose>:" + value)), 43
 * characters. Without the secret (kept outside the database, see README) a
 * dump or a backup cannot be searched for an address, not even by trying
 * every IPv4 address. The purpose prefix keeps one value's hashes unrelated
 * across uses (the other users of the secret sign "csrf:", "seed:",
 * "author:").
 */

#ifndef AGORA_CORE_KEYED_HASH_H
#define AGORA_CORE_KEYED_HASH_H

#include <stddef.h>

#include "token.h"

/*
 * The key of a deleted account's address in departed_accounts (one person,
 * one vote): "email:" + account_email_canonical(email). out is "" when the
 * address is too long to normalise.
 */
void	keyed_email(const unsigned char *secret, size_t secretlen,
	    const char *email, char out[TOKEN_LEN + 1]);
/*
 * The key of an abuse limiter's event (rate_events.key): "rate:" + bucket +
 * ":" + raw, raw in ASCII lower case (an e-mail address, a network address
 * or an account id).
 */
void	keyed_rate(const unsigned char *secret, size_t secretlen,
	    const char *bucket, const char *raw, char out[TOKEN_LEN + 1]);

#endif
