/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The moderation log's check, shared by `agora verify-log` and
 * `agora sign-log`. In one snapshot it reads the raw rows
 * (app/db/modlog_read.c), recomputes every row's canonical text and hash
 * in C (app/core/modlog.c), follows the chain, and checks that every head
 * given (a saved tete.json, the signed heads stored in the database) is
 * still in the log: as many rows up to its last id, that last row with the
 * signed hash, no later row dated before it. With the server's secret it
 * also checks each form-2 row's moderator pseudonym and each kept note
 * against its chained commitment: neither can be forged without the
 * secret, which the database does not hold.
 */

#ifndef AGORA_CLI_MODLOG_CHECK_H
#define AGORA_CLI_MODLOG_CHECK_H

#include <stddef.h>

#include <libpq-fe.h>
#include <openssl/evp.h>

#include "../core/modlog.h"

/* A head to find in the log (internal). */
struct modlog_check_head {
	struct modlog_head	 h;
	char			 label[160];	/* names it in a message */
	long long		 signed_us;	/* signed_at, microseconds */
	long long		 count;		/* rows up to last_id */
	char			 hash_at[65];	/* hash of row last_id, "" */
};

struct modlog_check {
	/* In: the server's secret, or NULL (pseudonyms, notes unchecked). */
	const unsigned char	*secret;
	size_t			 secretlen;
	/*
	 * In: the public key, or NULL. With it, the heads stored in the
	 * database are checked too (their signature, then the log).
	 */
	EVP_PKEY		*key;
	const char		*key_fpr;
	/* In: a head saved earlier (its signature checked), or NULL. */
	const struct modlog_head *file_head;
	const char		*file_label;

	/* Out. */
	long long	rows;		/* rows read */
	long long	last_id;	/* 0 for an empty log */
	char		last_hash[65];
	long long	form1, form2, form3;
	long long	v1_erased;	/* form-1 rows whose note was erased */
	long long	pseudonyms;	/* form-2 pseudonyms checked */
	long long	notes, notes_erased; /* form-2 notes checked, erased */
	long long	stored;		/* stored heads checked */
	long long	stored_other;	/* stored heads of another key */
	long long	after;		/* rows after the file head */
	long long	after_first;	/* their first and last ids */
	long long	after_last;
	char		broken[640];	/* the first problem, "" when none */
};

/*
 * Runs the check on db. 0 when the log is whole (c->broken empty), 1 when
 * it is not (the first problem in c->broken); exits on a database error.
 */
int	modlog_check_run(PGconn *, struct modlog_check *);

#endif
