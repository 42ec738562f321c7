/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "password.h"

#define SALT_LEN	16
#define KEY_LEN		32
#define R_DEFAULT	8
#define P_DEFAULT	1

/* Base64 without padding; out must hold 4 * ceil(len / 3) + 1 bytes. */
static void
b64_encode(const unsigned char *in, size_t len, char *out)
{
	int	n;

	n = EVP_EncodeBlock((unsigned char *)out, in, (int)len);
	while (n > 0 && out[n - 1] == '=')
		out[--n] = '\0';
}

/* Decodes unpadded base64 of exactly want bytes. 0, or -1. */
static int
b64_decode(const char *in, size_t inlen, unsigned char *out, size_t want)
{
	char		buf[128];
	unsigned char	tmp[96];
	size_t		len = inlen;
	int		n;

	if (inlen + 3 >= sizeof(buf))
		return (-1);
	memcpy(buf, in, inlen);
	while (len % 4 != 0)
		buf[len++] = '=';
	buf[len] = '\0';
	n = EVP_DecodeBlock(tmp, (unsigned char *)buf, (int)len);
	if (n < 0)
		return (-1);
	/* EVP_DecodeBlock counts padding bytes as zeros: trim them. */
	n -= (int)(len - inlen);
	if (n != (int)want)
		return (-1);
	memcpy(out, tmp, want);
	return (0);
}

static int
derive(const char *pw, const unsigned char *salt, int ln, int r, int p,
    unsigned char key[KEY_LEN])
{
	uint64_t	N = (uint64_t)1 << ln;
	uint64_t	maxmem = 128 * N * (uint64_t)r * (uint64_t)p + (1 << 20);

	return (EVP_PBE_scrypt(pw, strlen(pw), salt, SALT_LEN, N, (uint64_t)r,
	    (uint64_t)p, maxmem, key, KEY_LEN) == 1 ? 0 : -1);
}

int
password_hash(const char *pw, int ln, char out[PASSWORD_HASH_MAX])
{
	unsigned char	salt[SALT_LEN], key[KEY_LEN];
	char		s64[32], k64[48];

	if (ln < 10 || ln > 20)
		return (-1);
	if (RAND_bytes(salt, sizeof(salt)) != 1)
		return (-1);
	if (derive(pw, salt, ln, R_DEFAULT, P_DEFAULT, key) == -1)
		return (-1);
	b64_encode(salt, sizeof(salt), s64);
	b64_encode(key, sizeof(key), k64);
	OPENSSL_cleanse(key, sizeof(key));
	snprintf(out, PASSWORD_HASH_MAX, "$scrypt$ln=%d,r=%d,p=%d$%s$%s", ln,
	    R_DEFAULT, P_DEFAULT, s64, k64);
	return (0);
}

/* Splits stored into its parameters, salt and key. 0, or -1. */
static int
parse(const char *stored, int *ln, int *r, int *p, unsigned char *salt,
    unsigned char *key)
{
	const char	*s, *k;
	int		 used = 0;

	if (stored == NULL || sscanf(stored, "$scrypt$ln=%d,r=%d,p=%d$%n",
	    ln, r, p, &used) != 3 || used == 0)
		return (-1);
	if (*ln < 10 || *ln > 20 || *r < 1 || *r > 32 || *p < 1 || *p > 4)
		return (-1);
	s = stored + used;
	if ((k = strchr(s, '$')) == NULL)
		return (-1);
	if (b64_decode(s, (size_t)(k - s), salt, SALT_LEN) == -1 ||
	    b64_decode(k + 1, strlen(k + 1), key, KEY_LEN) == -1)
		return (-1);
	return (0);
}

int
password_verify(const char *pw, const char *stored)
{
	unsigned char	salt[SALT_LEN], want[KEY_LEN], got[KEY_LEN];
	int		ln, r, p, ok;

	if (parse(stored, &ln, &r, &p, salt, want) == -1)
		return (0);
	if (derive(pw, salt, ln, r, p, got) == -1)
		return (0);
	ok = CRYPTO_memcmp(want, got, KEY_LEN) == 0;
	OPENSSL_cleanse(got, sizeof(got));
	return (ok);
}

int
password_needs_rehash(const char *stored, int ln)
{
	unsigned char	salt[SALT_LEN], key[KEY_LEN];
	int		sln, r, p;

	if (parse(stored, &sln, &r, &p, salt, key) == -1)
		return (1);
	return (sln != ln || r != R_DEFAULT || p != P_DEFAULT);
}
