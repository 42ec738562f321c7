/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The Ed25519 key that signs the moderation log's heads (OpenSSL 3). The
 * private key is a PEM file the server keeps outside PostgreSQL (setting
 * log_signing_key); its public key is published, named by its fingerprint:
 * the hex SHA-256 of its DER SubjectPublicKeyInfo, what
 * `openssl pkey -pubin -in cle-publique.pem -outform DER | sha256sum` prints.
 */

#ifndef AGORA_CORE_SIGNKEY_H
#define AGORA_CORE_SIGNKEY_H

#include <stddef.h>

#include <openssl/evp.h>

#define SIGNKEY_SIG_B64_LEN	88	/* base64 of a 64-byte signature */

/*
 * Reads an Ed25519 key from a PEM file: a private key when private is 1,
 * else a public key. NULL with a message in err (path, reason).
 */
EVP_PKEY	*signkey_load(const char *, int, char *, size_t);
/* The public half of a key (a new key the caller frees), or NULL. */
EVP_PKEY	*signkey_public(EVP_PKEY *);
/* The public key in PEM; its length, or -1 when cap is too small. */
int		 signkey_public_pem(EVP_PKEY *, char *, size_t);
/* The key's fingerprint (64 hex digits). 0 or -1. */
int		 signkey_fingerprint(EVP_PKEY *, char out[65]);
/* Signs len bytes; out gets the base64 signature. 0 or -1. */
int		 signkey_sign(EVP_PKEY *, const void *, size_t,
		    char out[SIGNKEY_SIG_B64_LEN + 1]);
/* 1 when b64 is a valid signature of len bytes by the key, else 0. */
int		 signkey_verify(EVP_PKEY *, const void *, size_t,
		    const char *);

#endif
