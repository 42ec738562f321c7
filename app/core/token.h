/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Random tokens, their stored hashes, and keyed MACs (OpenSSL). */

#ifndef AGORA_CORE_TOKEN_H
#define AGORA_CORE_TOKEN_H

#include <stddef.h>

#define TOKEN_LEN	43	/* base64url of 32 bytes, no padding */
#define TOKEN_HEX_LEN	64	/* hex SHA-256 */

/* Writes a fresh token (TOKEN_LEN + NUL) from RAND_bytes. 0 or -1. */
int	token_random(char out[TOKEN_LEN + 1]);
/* 1 when s looks like a token: exactly TOKEN_LEN base64url characters. */
int	token_well_formed(const char *s);
/* Hex SHA-256 of s: what the database stores instead of the token. */
void	token_hash_hex(const char *s, char out[TOKEN_HEX_LEN + 1]);
/* base64url(HMAC-SHA256(key, msg)), TOKEN_LEN + NUL. */
void	token_mac(const unsigned char *key, size_t keylen, const char *msg,
	    char out[TOKEN_LEN + 1]);
/* Constant-time comparison of two NUL-terminated strings. 1 if equal. */
int	token_equal(const char *a, const char *b);

#endif
