/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora sign-log: checks the whole moderation log as verify-log does (every
 * hash in C, the chain, every stored head still in it), then signs its head
 * (row count, last id, last hash, time) with the server's Ed25519 key
 * (setting log_signing_key, a file outside PostgreSQL) and stores it
 * (moderation_log_head_add()). A log that no longer holds is never signed:
 * exit 1, nothing stored. Meant for a timer, every hour
 * (conf/production/agora-sign-log.timer); the latest head is published at
 * /export/journal-moderation/tete.json.
 */

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../core/settings.h"
#include "../core/signkey.h"
#include "../db/moderation.h"
#include "cli.h"
#include "modlog_check.h"

/* Signs h and stores it. 0, or 1 after saying why. */
static int
sign_store(PGconn *db, EVP_PKEY *priv, struct modlog_head *h)
{
	struct db_rows	 r;
	char		 text[512], sig[SIGNKEY_SIG_B64_LEN + 1];

	if (modlog_head_text(h, text, sizeof(text)) == -1 ||
	    signkey_sign(priv, text, strlen(text), sig) == -1) {
		fprintf(stderr, "agora sign-log: signing failed\n");
		return (1);
	}
	r = cli_query(db, &sql_log_head_add, DB_TEXT(h->signed_at),
	    DB_INT(h->rows), DB_INT(h->last_id), DB_TEXT(h->last_hash),
	    DB_TEXT(h->key), DB_TEXT(text), DB_TEXT(sig));
	printf("signed: %lld rows up to row %lld, hash %s, at %s (head n°%lld)"
	    "\n", h->rows, h->last_id, h->last_hash, h->signed_at,
	    db_int(&r, 0, HEADADD_ID));
	PQclear(r.res);
	return (0);
}

int
cmd_sign_log(int argc, char **argv)
{
	struct modlog_check	 c;
	struct modlog_head	 h;
	PGconn			*db;
	EVP_PKEY		*priv, *pub;
	unsigned char		 secret[64];
	char			 fpr[65], err[512];
	time_t			 now;
	ssize_t			 n;
	int			 rc;

	if (argc != 1) {
		fprintf(stderr, "usage: agora sign-log\n");
		return (2);
	}
	if ((priv = signkey_load(settings_text(SET_LOG_SIGNING_KEY), 1, err,
	    sizeof(err))) == NULL) {
		fprintf(stderr, "agora sign-log: log_signing_key %s\n", err);
		return (1);
	}
	if ((pub = signkey_public(priv)) == NULL ||
	    signkey_fingerprint(pub, fpr) == -1) {
		fprintf(stderr, "agora sign-log: unusable key\n");
		return (1);
	}
	memset(&c, 0, sizeof(c));
	c.key = pub;
	c.key_fpr = fpr;
	if ((n = cli_secret(secret, sizeof(secret))) > 0) {
		c.secret = secret;
		c.secretlen = (size_t)n;
	}
	db = cli_connect();
	if (modlog_check_run(db, &c) != 0) {
		printf("BROKEN: %s\nnot signed: the log no longer holds\n",
		    c.broken);
		rc = 1;
	} else {
		memset(&h, 0, sizeof(h));
		h.rows = c.rows;
		h.last_id = c.last_id;
		memcpy(h.last_hash, c.last_hash, sizeof(h.last_hash));
		memcpy(h.key, fpr, sizeof(h.key));
		now = time(NULL);
		strftime(h.signed_at, sizeof(h.signed_at), "%Y-%m-%dT%H:%M:%SZ",
		    gmtime(&now));
		rc = sign_store(db, priv, &h);
	}
	PQfinish(db);
	OPENSSL_cleanse(secret, sizeof(secret));
	EVP_PKEY_free(pub);
	EVP_PKEY_free(priv);
	return (rc);
}
