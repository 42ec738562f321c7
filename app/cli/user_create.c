/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora user create --email E --name N [--territory CODE] [--role R]...
 * [--verified]: creates an account with the rules of the web sign-up
 * (app/core/account.h; one account per address, ignoring case and
 * +tags). A verified account takes over the votes of a deleted account
 * with the same address, as a confirmed sign-up does (one person, one
 * vote: migration 0151). It never prompts: the password comes from
 * $AGORA_NEW_PASSWORD or one line of standard input. Without --role the
 * account is a citizen. Exit 0 and prints the new id; 1 with a message.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "../core/account.h"
#include "../core/keyed_hash.h"
#include "../core/password.h"
#include "../core/roles.h"
#include "../db/accounts.h"
#include "../db/people.h"
#include "cli.h"

#define PW_BUF	1024

static int
fail(const char *msg)
{
	fprintf(stderr, "agora user create: %s\n", msg);
	return (1);
}

int
cmd_user_create(int argc, char **argv)
{
	const char	*email = NULL, *name = NULL, *territory = NULL, *msg;
	const char	*vals[7];
	char		 pw[PW_BUF], hash[PASSWORD_HASH_MAX], roles[128];
	char		 ekey[TOKEN_LEN + 1];
	unsigned char	 secret[64];
	size_t		 secretlen;
	unsigned int	 bits = 0, bit;
	int		 i, verified = 0, rc = 1;
	size_t		 k;
	PGconn		*db;
	PGresult	*res;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--verified") == 0)
			verified = 1;
		else if (i + 1 < argc && strcmp(argv[i], "--email") == 0)
			email = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--name") == 0)
			name = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--territory") == 0)
			territory = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--role") == 0) {
			if ((bit = role_bit(argv[++i])) == 0) {
				fprintf(stderr, "agora user create: unknown "
				    "role \"%s\" (citizen, mediator, moderator, "
				    "official, admin)\n", argv[i]);
				return (2);
			}
			bits |= bit;
		} else {
			fprintf(stderr, "usage: agora user create --email E "
			    "--name N [--territory CODE] [--role ROLE]... "
			    "[--verified]\n");
			return (2);
		}
	}
	if (email == NULL || name == NULL)
		return (fail("--email and --name are required"));
	if ((msg = account_email_check(email)) != NULL)
		return (fail(msg));
	if ((msg = account_name_check(name)) != NULL)
		return (fail(msg));
	if (bits == 0)
		bits = ROLE_CITIZEN;
	roles[0] = '{';
	allow_format(bits, roles + 1, sizeof(roles) - 2);
	strcat(roles, "}");

	if (cli_password_read(pw, sizeof(pw)) == -1)
		return (fail("the password is too long"));
	if ((msg = account_password_message(pw, name, email)) != NULL) {
		OPENSSL_cleanse(pw, sizeof(pw));
		return (fail(msg));
	}
	ekey[0] = '\0';
	if (verified) {
		if (cli_secret_load(secret, sizeof(secret), &secretlen) == -1) {
			OPENSSL_cleanse(pw, sizeof(pw));
			return (1);
		}
		keyed_email(secret, secretlen, email, ekey);
		OPENSSL_cleanse(secret, sizeof(secret));
	}

	db = cli_connect();
	if (territory != NULL) {
		vals[0] = territory;
		res = cli_exec(db, sql_territory_exists, 1, vals);
		k = (size_t)PQntuples(res);
		PQclear(res);
		if (k == 0) {
			fprintf(stderr, "agora user create: unknown territory "
			    "\"%s\" (18, 28, 36, 37, 41, 45 or HR)\n", territory);
			goto out;
		}
	}
	vals[0] = email;
	res = cli_exec(db, sql_email_taken, 1, vals);
	k = (size_t)PQntuples(res);
	PQclear(res);
	if (k != 0) {
		fprintf(stderr, "agora user create: an account already uses "
		    "%s (ignoring case and +tags)\n", email);
		goto out;
	}
	if (password_hash(pw, cli_password_cost(), hash) == -1) {
		fprintf(stderr, "agora user create: password hashing failed\n");
		goto out;
	}
	vals[0] = email;
	vals[1] = name;
	vals[2] = hash;
	vals[3] = territory;
	vals[4] = roles;
	vals[5] = verified ? "t" : "f";
	vals[6] = ekey[0] != '\0' ? ekey : NULL;
	res = cli_exec(db, sql_user_create, 7, vals);
	if (PQntuples(res) == 1) {
		printf("%s\n", PQgetvalue(res, 0, 0));
		rc = 0;
	} else
		fprintf(stderr, "agora user create: an account already uses "
		    "%s\n", email);
	PQclear(res);
out:
	OPENSSL_cleanse(pw, sizeof(pw));
	OPENSSL_cleanse(hash, sizeof(hash));
	PQfinish(db);
	return (rc);
}
