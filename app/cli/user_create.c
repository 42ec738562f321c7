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

/* What the command line asks for. */
struct new_user {
	const char	*email;
	const char	*name;
	const char	*territory;	/* NULL: none */
	unsigned int	 roles;		/* ROLE_* bits */
	int		 verified;
};

static int
fail(const char *msg)
{
	fprintf(stderr, "agora user create: %s\n", msg);
	return (1);
}

/* Reads the options into u; 0, or the exit status of a usage error. */
static int
parse(int argc, char **argv, struct new_user *u)
{
	unsigned int	bit;
	int		i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--verified") == 0)
			u->verified = 1;
		else if (i + 1 < argc && strcmp(argv[i], "--email") == 0)
			u->email = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--name") == 0)
			u->name = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--territory") == 0)
			u->territory = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--role") == 0) {
			if ((bit = role_bit(argv[++i])) == 0) {
				fprintf(stderr, "agora user create: unknown "
				    "role \"%s\" (citizen, mediator, moderator, "
				    "official, admin, secretariat, conseil)\n",
				    argv[i]);
				return (2);
			}
			u->roles |= bit;
		} else {
			fprintf(stderr, "usage: agora user create --email E "
			    "--name N [--territory CODE] [--role ROLE]... "
			    "[--verified]\n");
			return (2);
		}
	}
	return (0);
}

/* What the database says first: the territory exists, the address is free. */
static int
available(PGconn *db, const struct new_user *u)
{
	struct db_rows	r;
	int		n;

	if (u->territory != NULL) {
		r = cli_query(db, &sql_territory_exists, DB_TEXT(u->territory));
		n = db_nrows(&r);
		PQclear(r.res);
		if (n == 0) {
			fprintf(stderr, "agora user create: unknown territory "
			    "\"%s\" (18, 28, 36, 37, 41, 45 or HR)\n",
			    u->territory);
			return (0);
		}
	}
	r = cli_query(db, &sql_email_taken, DB_TEXT(u->email));
	n = db_nrows(&r);
	PQclear(r.res);
	if (n != 0) {
		fprintf(stderr, "agora user create: an account already uses "
		    "%s (ignoring case and +tags)\n", u->email);
		return (0);
	}
	return (1);
}

/* Creates the account with password hash; prints its id. 0 or 1. */
static int
create(PGconn *db, const struct new_user *u, const char *hash,
    const char *ekey)
{
	struct db_rows	r;
	char		roles[128];
	int		rc = 1;

	roles[0] = '{';
	allow_format(u->roles, roles + 1, sizeof(roles) - 2);
	strcat(roles, "}");
	r = cli_query(db, &sql_user_create, DB_TEXT(u->email),
	    DB_TEXT(u->name), DB_TEXT(hash), DB_TEXT(u->territory),
	    DB_TEXT(roles), DB_BOOL(u->verified),
	    DB_TEXT(ekey[0] != '\0' ? ekey : NULL));
	if (db_nrows(&r) == 1) {
		printf("%lld\n", db_int(&r, 0, PUC_ID));
		rc = 0;
	} else
		fprintf(stderr, "agora user create: an account already uses "
		    "%s\n", u->email);
	PQclear(r.res);
	return (rc);
}

/* The keyed hash of a verified account's address; "" otherwise. */
static int
email_key(const struct new_user *u, char key[TOKEN_LEN + 1])
{
	unsigned char	secret[64];
	size_t		secretlen;

	key[0] = '\0';
	if (!u->verified)
		return (0);
	if (cli_secret_load(secret, sizeof(secret), &secretlen) == -1)
		return (-1);
	keyed_email(secret, secretlen, u->email, key);
	OPENSSL_cleanse(secret, sizeof(secret));
	return (0);
}

int
cmd_user_create(int argc, char **argv)
{
	struct new_user	 u = { NULL, NULL, NULL, 0, 0 };
	const char	*msg;
	char		 pw[PW_BUF], hash[PASSWORD_HASH_MAX];
	char		 ekey[TOKEN_LEN + 1];
	int		 rc;
	PGconn		*db;

	if ((rc = parse(argc, argv, &u)) != 0)
		return (rc);
	if (u.email == NULL || u.name == NULL)
		return (fail("--email and --name are required"));
	if ((msg = account_email_check(u.email)) != NULL)
		return (fail(msg));
	if ((msg = account_name_check(u.name)) != NULL)
		return (fail(msg));
	if (u.roles == 0)
		u.roles = ROLE_CITIZEN;
	if (cli_password_read(pw, sizeof(pw)) == -1)
		return (fail("the password is too long"));
	if ((msg = account_password_message(pw, u.name, u.email)) != NULL) {
		OPENSSL_cleanse(pw, sizeof(pw));
		return (fail(msg));
	}
	if (email_key(&u, ekey) == -1) {
		OPENSSL_cleanse(pw, sizeof(pw));
		return (1);
	}
	db = cli_connect();
	rc = 1;
	if (available(db, &u)) {
		if (password_hash(pw, cli_password_cost(), hash) == -1)
			fprintf(stderr, "agora user create: password hashing "
			    "failed\n");
		else
			rc = create(db, &u, hash, ekey);
	}
	OPENSSL_cleanse(pw, sizeof(pw));
	OPENSSL_cleanse(hash, sizeof(hash));
	PQfinish(db);
	return (rc);
}
