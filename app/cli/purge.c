/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora purge: what the privacy notice says is kept only for a while.
 * Meant for a timer (conf/production/agora-purge.timer, hourly); each run:
 *   1. forgets abuse-limiter events older than a day, sessions over for 90
 *      days, the keyed addresses of deleted accounts no longer needed
 *      (one person, one vote: no consultation they voted in is open, or
 *      closed less than 30 days ago), and the ids of erased messages left
 *      after a day (outbox_erased: no mail file to remove with a relay);
 *   2. warns by mail, once, every account without a sign-in for three years
 *      less 30 days (a sign-in cancels the warning and restarts the count);
 *   3. deletes every account without a sign-in for three years, through
 *      user_purge(), the same erasure as a person's own deletion
 *      (user_erase, migration 0152), keyed address included. An account
 *      that could not be warned (the timer was stopped) is deleted all the
 *      same: three years is the promise. The last administrator is kept,
 *      and said so;
 *   4. vacuums the tables an erasure changes, so that the old versions of
 *      erased rows leave the table files within the hour instead of
 *      whenever autovacuum comes (a warning, not a failure, when the role
 *      may not: VACUUM needs the table's owner in PostgreSQL 15).
 * Exit 0, or 1 when the database or the secret cannot be read.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "../core/keyed_hash.h"
#include "../core/settings.h"
#include "../db/purge.h"
#include "cli.h"

#define INACTIVE	"3 years"	/* the privacy notice's promise */
#define NOTICE		"30 days"	/* warning before the deletion */
#define BATCH		"200"

static void
forget(PGconn *db)
{
	PGresult	*r1, *r2, *r3, *r4;

	r1 = cli_exec(db, sql_purge_rate_events, 0, NULL);
	r2 = cli_exec(db, sql_purge_sessions, 0, NULL);
	r3 = cli_exec(db, sql_purge_departed, 0, NULL);
	r4 = cli_exec(db, sql_purge_outbox_erased, 0, NULL);
	printf("purge: %s limiter event(s), %s session(s), %s departed "
	    "address key(s), %s erased message id(s) forgotten\n",
	    PQgetvalue(r1, 0, PURGE_RATE_N),
	    PQgetvalue(r2, 0, PURGE_SESSIONS_N),
	    PQgetvalue(r3, 0, PURGE_DEPARTED_N),
	    PQgetvalue(r4, 0, PURGE_OUTBOX_N));
	PQclear(r1);
	PQclear(r2);
	PQclear(r3);
	PQclear(r4);
}

static void
warn(PGconn *db)
{
	const char	*p[4];
	char		 body[2048];
	PGresult	*r;

	snprintf(body, sizeof(body), "Bonjour @NOM@,\n\n"
	    "Vous ne vous êtes pas connecté·e à votre compte sur Agora, la "
	    "consultation citoyenne de la Région Centre-Val de Loire, depuis "
	    "bientôt trois ans.\n\n"
	    "Comme l'annonce la notice « Données personnelles », un compte "
	    "sans aucune connexion pendant trois ans est supprimé : le vôtre "
	    "le sera le @DATE@. Votre adresse électronique, votre nom affiché "
	    "et votre mot de passe seront effacés ; vos contributions "
	    "resteront publiées sous un pseudonyme.\n\n"
	    "Pour garder votre compte, il suffit de vous connecter avant "
	    "cette date : %s/connexion\n\n"
	    "Si vous ne souhaitez pas le garder, vous n'avez rien à faire.\n\n"
	    "-- \nAgora, Région Centre-Val de Loire\n",
	    settings_get("base_url", "http://127.0.0.1:8888"));
	p[0] = INACTIVE;
	p[1] = NOTICE;
	p[2] = "Votre compte Agora sera bientôt supprimé";
	p[3] = body;
	r = cli_exec(db, sql_purge_warn, 4, p);
	printf("purge: %s warning(s) of a deletion in %s queued\n",
	    PQgetvalue(r, 0, PURGE_WARN_N), NOTICE);
	PQclear(r);
}

/* Deletes the accounts inactive for INACTIVE; returns how many. */
static long
delete_inactive(PGconn *db, const unsigned char *secret, size_t secretlen)
{
	const char	*p[4];
	char		 after[24] = "0", key[TOKEN_LEN + 1];
	const char	*email, *st;
	PGresult	*cand, *r;
	long		 deleted = 0;
	int		 i, n;

	do {
		p[0] = INACTIVE;
		p[1] = after;
		p[2] = BATCH;
		cand = cli_exec(db, sql_purge_candidates, 3, p);
		n = PQntuples(cand);
		for (i = 0; i < n; i++) {
			email = PQgetisnull(cand, i, PURGE_CAND_EMAIL) ? NULL :
			    PQgetvalue(cand, i, PURGE_CAND_EMAIL);
			key[0] = '\0';
			if (email != NULL)
				keyed_email(secret, secretlen, email, key);
			p[0] = PQgetvalue(cand, i, PURGE_CAND_ID);
			p[1] = email;
			p[2] = key[0] != '\0' ? key : NULL;
			p[3] = INACTIVE;
			r = cli_exec(db, sql_purge_account, 4, p);
			st = PQgetvalue(r, 0, PURGE_ACCOUNT_STATUS);
			if (strcmp(st, "deleted") == 0) {
				printf("purge: account %s deleted (no sign-in "
				    "for %s)\n", p[0], INACTIVE);
				deleted++;
			} else if (strcmp(st, "last_admin") == 0)
				printf("purge: account %s kept: it is the last "
				    "administrator\n", p[0]);
			PQclear(r);
			snprintf(after, sizeof(after), "%s", p[0]);
		}
		PQclear(cand);
	} while (n == atoi(BATCH));
	OPENSSL_cleanse(key, sizeof(key));
	return (deleted);
}

static void
vacuum(PGconn *db)
{
	PGresult	*r;

	/* Outside a transaction block: libpq runs each command on its own. */
	r = PQexec(db, sql_purge_vacuum);
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		fprintf(stderr, "purge: VACUUM not done: %s",
		    PQresultErrorMessage(r));
	else
		printf("purge: erased rows vacuumed\n");
	PQclear(r);
}

int
cmd_purge(int argc, char **argv)
{
	unsigned char	 secret[64];
	size_t		 secretlen;
	PGconn		*db;
	long		 n;

	if (argc != 1) {
		fprintf(stderr, "usage: agora purge\n");
		return (2);
	}
	if (cli_secret_load(secret, sizeof(secret), &secretlen) == -1)
		return (1);
	db = cli_connect();
	forget(db);
	warn(db);
	n = delete_inactive(db, secret, secretlen);
	printf("purge: %ld account(s) deleted\n", n);
	vacuum(db);
	OPENSSL_cleanse(secret, sizeof(secret));
	PQfinish(db);
	return (0);
}
