/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "modlog.h"
#include "signkey.h"

EVP_PKEY *
signkey_load(const char *path, int private, char *err, size_t errlen)
{
	EVP_PKEY	*k;
	FILE		*f;

	if ((f = fopen(path, "r")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return (NULL);
	}
	k = private ? PEM_read_PrivateKey(f, NULL, NULL, NULL) :
	    PEM_read_PUBKEY(f, NULL, NULL, NULL);
	fclose(f);
	ERR_clear_error();
	if (k == NULL) {
		snprintf(err, errlen, "%s: not a PEM %s key", path,
		    private ? "private" : "public");
		return (NULL);
	}
	if (EVP_PKEY_get_id(k) != EVP_PKEY_ED25519) {
		EVP_PKEY_free(k);
		snprintf(err, errlen, "%s: not an Ed25519 key", path);
		return (NULL);
	}
	return (k);
}

EVP_PKEY *
signkey_public(EVP_PKEY *k)
{
	unsigned char	raw[32];
	size_t		len = sizeof(raw);

	if (EVP_PKEY_get_raw_public_key(k, raw, &len) != 1 || len != 32)
		return (NULL);
	return (EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, NULL, raw, len));
}

int
signkey_public_pem(EVP_PKEY *k, char *out, size_t cap)
{
	BIO	*b;
	char	*data;
	long	 n;
	int	 rc = -1;

	if ((b = BIO_new(BIO_s_mem())) == NULL)
		return (-1);
	if (PEM_write_bio_PUBKEY(b, k) == 1 &&
	    (n = BIO_get_mem_data(b, &data)) > 0 && (size_t)n < cap) {
		memcpy(out, data, (size_t)n);
		out[n] = '\0';
		rc = (int)n;
	}
	BIO_free(b);
	return (rc);
}

int
signkey_fingerprint(EVP_PKEY *k, char out[65])
{
	unsigned char	*der = NULL;
	int		 n;

	if ((n = i2d_PUBKEY(k, &der)) <= 0)
		return (-1);
	modlog_sha256_hex(der, (size_t)n, out);
	OPENSSL_free(der);
	return (0);
}

int
signkey_sign(EVP_PKEY *k, const void *msg, size_t len,
    char out[SIGNKEY_SIG_B64_LEN + 1])
{
	EVP_MD_CTX	*c;
	unsigned char	 sig[64];
	size_t		 siglen = sizeof(sig);
	int		 ok;

	if ((c = EVP_MD_CTX_new()) == NULL)
		return (-1);
	ok = EVP_DigestSignInit(c, NULL, NULL, NULL, k) == 1 &&
	    EVP_DigestSign(c, sig, &siglen, msg, len) == 1 && siglen == 64;
	EVP_MD_CTX_free(c);
	if (!ok)
		return (-1);
	EVP_EncodeBlock((unsigned char *)out, sig, 64);
	return (0);
}

int
signkey_verify(EVP_PKEY *k, const void *msg, size_t len, const char *b64)
{
	EVP_MD_CTX	*c;
	unsigned char	 sig[66];
	int		 ok;

	/* 88 base64 characters, two of them padding: exactly 64 bytes. */
	if (strlen(b64) != SIGNKEY_SIG_B64_LEN ||
	    strcmp(b64 + SIGNKEY_SIG_B64_LEN - 2, "==") != 0 ||
	    EVP_DecodeBlock(sig, (const unsigned char *)b64,
	    SIGNKEY_SIG_B64_LEN) != 66)
		return (0);
	if ((c = EVP_MD_CTX_new()) == NULL)
		return (0);
	ok = EVP_DigestVerifyInit(c, NULL, NULL, NULL, k) == 1 &&
	    EVP_DigestVerify(c, sig, 64, msg, len) == 1;
	EVP_MD_CTX_free(c);
	ERR_clear_error();
	return (ok);
}
