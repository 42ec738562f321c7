/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include "token.h"

static const char	b64url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* Encodes 32 bytes as 43 base64url characters (no padding). */
static void
encode32(const unsigned char in[32], char out[TOKEN_LEN + 1])
{
	size_t		i, o = 0;
	unsigned int	v;

	for (i = 0; i + 3 <= 30; i += 3) {
		v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8 | in[i + 2];
		out[o++] = b64url[(v >> 18) & 63];
		out[o++] = b64url[(v >> 12) & 63];
		out[o++] = b64url[(v >> 6) & 63];
		out[o++] = b64url[v & 63];
	}
	v = (unsigned)in[30] << 16 | (unsigned)in[31] << 8;
	out[o++] = b64url[(v >> 18) & 63];
	out[o++] = b64url[(v >> 12) & 63];
	out[o++] = b64url[(v >> 6) & 63];
	out[o] = '\0';
}

int
token_random(char out[TOKEN_LEN + 1])
{
	unsigned char	raw[32];

	if (RAND_bytes(raw, sizeof(raw)) != 1)
		return (-1);
	encode32(raw, out);
	OPENSSL_cleanse(raw, sizeof(raw));
	return (0);
}

int
token_well_formed(const char *s)
{
	size_t	i;

	if (s == NULL || strlen(s) != TOKEN_LEN)
		return (0);
	for (i = 0; i < TOKEN_LEN; i++)
		if (strchr(b64url, s[i]) == NULL)
			return (0);
	return (1);
}

void
token_hash_hex(const char *s, char out[TOKEN_HEX_LEN + 1])
{
	static const char	hex[] = "0123456789abcdef";
	unsigned char		md[SHA256_DIGEST_LENGTH];
	size_t			i;

	SHA256((const unsigned char *)s, strlen(s), md);
	for (i = 0; i < sizeof(md); i++) {
		out[i * 2] = hex[md[i] >> 4];
		out[i * 2 + 1] = hex[md[i] & 0x0f];
	}
	out[TOKEN_HEX_LEN] = '\0';
}

void
token_mac(const unsigned char *key, size_t keylen, const char *msg,
    char out[TOKEN_LEN + 1])
{
	unsigned char	mac[EVP_MAX_MD_SIZE];
	unsigned int	maclen = 0;

	HMAC(EVP_sha256(), key, (int)keylen, (const unsigned char *)msg,
	    strlen(msg), mac, &maclen);
	encode32(mac, out);
}

int
token_equal(const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b);

	if (la != lb)
		return (0);
	return (CRYPTO_memcmp(a, b, la) == 0);
}
