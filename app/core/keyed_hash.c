/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>

#include "account.h"
#include "keyed_hash.h"

void
keyed_email(const unsigned char *secret, size_t secretlen, const char *email,
    char out[TOKEN_LEN + 1])
{
	char	canon[ACCOUNT_EMAIL_MAX + 1], msg[ACCOUNT_EMAIL_MAX + 8];

	out[0] = '\0';
	if (account_email_canonical(email, canon, sizeof(canon)) == -1)
		return;
	snprintf(msg, sizeof(msg), "email:%s", canon);
	token_mac(secret, secretlen, msg, out);
	OPENSSL_cleanse(canon, sizeof(canon));
	OPENSSL_cleanse(msg, sizeof(msg));
}

void
keyed_rate(const unsigned char *secret, size_t secretlen, const char *bucket,
    const char *raw, char out[TOKEN_LEN + 1])
{
	char	msg[ACCOUNT_EMAIL_MAX + 64];
	size_t	i;
	int	n;

	n = snprintf(msg, sizeof(msg), "rate:%s:", bucket);
	if (n < 0 || (size_t)n >= sizeof(msg))
		n = 0;
	for (i = (size_t)n; *raw != '\0' && i + 1 < sizeof(msg); raw++)
		msg[i++] = (*raw >= 'A' && *raw <= 'Z') ? (char)(*raw + 32) :
		    *raw;
	msg[i] = '\0';
	token_mac(secret, secretlen, msg, out);
	OPENSSL_cleanse(msg, sizeof(msg));
}
