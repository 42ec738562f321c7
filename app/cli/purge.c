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
 *      after a day (outbox_erased: no mail file to remove with a relay),
 *      and the contacts assisted contributors left (issue 12), once their
 *      consultation has been closed for assisted_contact_days, and the
 *      messages to the moderation team (with their e-mails) older than
 *      contact_message_days (issue 13, item 11);
 *      paper sheets' references of a closed consultation never typed in;
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
#include "../core/mail_texts.h"
#include "../core/settings.h"
#include "../core/vocab.h"
#include "../db/assisted.h"
#include "../db/contact.h"
#include "../db/franceconnect.h"
#include "../db/paper.h"
#include "../db/purge.h"
#include "cli.h"

#define INACTIVE	"3 years"	/* the privacy notice's promise */
#define NOTICE		"30 days"	/* warning before the deletion */
#define BATCH		200

/* Runs a statement that counts what it did (PURGE_COUNT_COLS). */
static long long
count_of(PGconn *db, const struct db_stmt *st)
{
	struct db_rows	r = cli_query(db, st);
	long long	n = db_int(&r, 0, PURGE_N);

	PQclear(r.res);
	return (n);
}

/*
 * The contacts assisted contributors left (issue 12): erased once their
 * consultation has been closed for assisted_contact_days.
 */
static void
forget_contacts(PGconn *db)
{
	struct db_rows	r;
	long long	days = settings_int(SET_ASSISTED_CONTACT_DAYS);

	r = cli_query(db, &sql_assisted_contacts_purge, DB_INT(days));
	printf("purge: %lld assisted contact(s) erased (%lld days after the "
	    "close)\n", db_int(&r, 0, ACN_N), days);
	PQclear(r.res);
	r = cli_query(db, &sql_paper_sheets_purge);
	printf("purge: %lld paper sheet reference(s) of closed consultations "
	    "never typed in forgotten\n", db_int(&r, 0, ACN_N));
	PQclear(r.res);
	r = cli_query(db, &sql_fc_purge);
	printf("purge: %lld expired FranceConnect request(s) and sign-up(s) "
	    "forgotten\n", db_int(&r, 0, FCN_N));
	PQclear(r.res);
}

/* The messages to the moderation team: contact_message_days. */
static void
forget_messages(PGconn *db)
{
	struct db_rows	r;
	long long	days = settings_int(SET_CONTACT_MESSAGE_DAYS);

	r = cli_query(db, &sql_contact_purge, DB_INT(days));
	printf("purge: %lld message(s) to the moderation team erased (after "
	    "%lld days)\n", db_int(&r, 0, CP_N), days);
	PQclear(r.res);
}

static void
forget(PGconn *db)
{
	long long	rate, sessions, departed, outbox;

	rate = count_of(db, &sql_purge_rate_events);
	sessions = count_of(db, &sql_purge_sessions);
	departed = count_of(db, &sql_purge_departed);
	outbox = count_of(db, &sql_purge_outbox_erased);
	printf("purge: %lld limiter event(s), %lld session(s), %lld departed "
	    "address key(s), %lld erased message id(s) forgotten\n", rate,
	    sessions, departed, outbox);
	forget_contacts(db);
	forget_messages(db);
}

static void
warn(PGconn *db)
{
	struct db_rows	 r;
	struct mail_var	 v = { "signin_link", NULL };
	char		 link[1100], body[4096];

	/* {name} and {date} are the statement's, account by account. */
	snprintf(link, sizeof(link), "%s/connexion",
	    settings_text(SET_BASE_URL));
	v.value = link;
	if (mail_fill(body, sizeof(body), mail_text_body(MT_INACTIVITY), &v,
	    1) >= sizeof(body)) {
		fprintf(stderr, "agora purge: base_url too long\n");
		exit(1);
	}
	r = cli_query(db, &sql_purge_warn, DB_TEXT(INACTIVE), DB_TEXT(NOTICE),
	    DB_TEXT(mail_text_subject(MT_INACTIVITY)), DB_TEXT(body));
	printf("purge: %lld warning(s) of a deletion in %s queued\n",
	    db_int(&r, 0, PURGE_N), NOTICE);
	PQclear(r.res);
}

/* Erases one candidate of c (row i); 1 when it was deleted. */
static int
delete_one(PGconn *db, struct db_rows *c, int i, const unsigned char *secret,
    size_t secretlen)
{
	struct db_rows	 r;
	const char	*email;
	char		 key[TOKEN_LEN + 1] = "";
	long long	 id = db_int(c, i, PURGE_CAND_ID);
	int		 deleted = 0;

	email = db_null(c, i, PURGE_CAND_EMAIL) ? NULL :
	    db_text(c, i, PURGE_CAND_EMAIL);
	if (email != NULL)
		keyed_email(secret, secretlen, email, key);
	r = cli_query(db, &sql_purge_account, DB_INT(id), DB_TEXT(email),
	    DB_TEXT(key[0] != '\0' ? key : NULL), DB_TEXT(INACTIVE));
	switch (vocab_find(vocab_erasure, ERASE__MAX,
	    db_text(&r, 0, PURGE_ACCOUNT_STATUS))) {
	case ERASE_DELETED:
		printf("purge: account %lld deleted (no sign-in for %s)\n", id,
		    INACTIVE);
		deleted = 1;
		break;
	case ERASE_LAST_ADMIN:
		printf("purge: account %lld kept: it is the last "
		    "administrator\n", id);
		break;
	}
	PQclear(r.res);
	OPENSSL_cleanse(key, sizeof(key));
	return (deleted);
}

/* Deletes the accounts inactive for INACTIVE; returns how many. */
static long
delete_inactive(PGconn *db, const unsigned char *secret, size_t secretlen)
{
	struct db_rows	 c;
	long long	 after = 0;
	long		 deleted = 0;
	int		 i, n;

	do {
		c = cli_query(db, &sql_purge_candidates, DB_TEXT(INACTIVE),
		    DB_INT(after), DB_INT(BATCH));
		n = db_nrows(&c);
		for (i = 0; i < n; i++) {
			deleted += delete_one(db, &c, i, secret, secretlen);
			after = db_int(&c, i, PURGE_CAND_ID);
		}
		PQclear(c.res);
	} while (n == BATCH);
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
