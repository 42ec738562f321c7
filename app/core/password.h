/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Password hashing with scrypt (OpenSSL). The parameters are stored with the
 * hash, "$scrypt$ln=15,r=8,p=1$<salt>$<key>" (base64, no padding), so they
 * can be raised later and old hashes still verify. CPU-heavy: the web layer
 * runs these in a kore task (app/web/kernel/task.c), never on a worker's loop.
 */

#ifndef AGORA_CORE_PASSWORD_H
#define AGORA_CORE_PASSWORD_H

#include <stddef.h>

#define PASSWORD_HASH_MAX	160	/* enough for any stored hash + NUL */
#define PASSWORD_LN_DEFAULT	15	/* N = 2^15, r = 8, p = 1: ~100 ms */

/* Hashes pw with a fresh salt at cost ln (10..20). 0, or -1. */
int	password_hash(const char *pw, int ln, char out[PASSWORD_HASH_MAX]);
/* 1 when pw matches stored (constant time on the key), else 0. */
int	password_verify(const char *pw, const char *stored);
/* 1 when stored was made with other parameters than ln, r=8, p=1. */
int	password_needs_rehash(const char *stored, int ln);

#endif
