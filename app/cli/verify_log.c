/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora verify-log: recomputes the hash chain of the moderation log. Each
 * row's hash must be the SHA-256 of its canonical text (every field and the
 * previous row's hash), and each prev_hash the hash of the row before (64
 * zeros for the first). Prints "OK: N rows" and exits 0, or names the first
 * broken row and exits 1.
 */

#include <stdio.h>
#include <string.h>

#include <openssl/sha.h>

#include "../db/moderation.h"
#include "cli.h"

static void
sha256_hex(const char *s, char out[65])
{
	unsigned char	md[SHA256_DIGEST_LENGTH];
	int		i;

	SHA256((const unsigned char *)s, strlen(s), md);
	for (i = 0; i < SHA256_DIGEST_LENGTH; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
}

int
cmd_verify_log(int argc, char **argv)
{
	PGconn		*db;
	PGresult	*res;
	char		 prev[65], calc[65];
	const char	*id;
	int		 i, n;

	db = cli_connect();
	res = cli_exec(db, sql_log_chain, 0, NULL);
	n = PQntuples(res);
	memset(prev, '0', 64);
	prev[64] = '\0';
	for (i = 0; i < n; i++) {
		id = PQgetvalue(res, i, 0);
		if (strcmp(PQgetvalue(res, i, 2), prev) != 0) {
			printf("BROKEN: moderation_log row %s: prev_hash does "
			    "not match the hash of the row before\n", id);
			goto broken;
		}
		sha256_hex(PQgetvalue(res, i, 1), calc);
		if (strcmp(PQgetvalue(res, i, 3), calc) != 0) {
			printf("BROKEN: moderation_log row %s: its content does "
			    "not match its hash (altered)\n", id);
			goto broken;
		}
		memcpy(prev, calc, sizeof(prev));
	}
	printf("OK: %d rows, hash chain intact\n", n);
	PQclear(res);
	PQfinish(db);
	return (0);
broken:
	PQclear(res);
	PQfinish(db);
	return (1);
}
