/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The moderation log's hash chain and its signed heads, computed in C from
 * a row's raw columns, never by a function of the database that holds the
 * log (which whoever tampers with the log could redefine). Shared by
 * `agora verify-log` and `agora sign-log`, which check the chain, and the
 * web, which publishes the heads and the open-data file of the log.
 *
 * A row's hash is the hex SHA-256 of its canonical text (the SQL function
 * moderation_log_canonical() writes the same text when a row is appended):
 *  - form 1 (rows written before migration 0140): id, time, then
 *    quote_nullable() of moderator id, contribution, consultation, action,
 *    status before, status after, rule, note, time it entered the queue,
 *    then the previous hash, joined by '|';
 *  - form 2: "2", id, time, moderator pseudonym, contribution,
 *    consultation, action, status before, status after, rule, note
 *    commitment, time it entered the queue, previous hash, joined by '|',
 *    a missing value as the empty string: the fields of the open-data file;
 *  - form 3 (a public act of the syntheses or the council, migration
 *    0430): "3" and the fields of form 2, with the subject and the hash
 *    of the text made public before the previous hash.
 * Times are UTC, "2026-11-29T10:03:04.123456Z".
 */

#ifndef AGORA_CORE_MODLOG_H
#define AGORA_CORE_MODLOG_H

#include <stddef.h>

#include "html.h"

#define MODLOG_ZERO_HASH \
    "0000000000000000000000000000000000000000000000000000000000000000"
#define MODLOG_HEAD_FORMAT	"agora-journal-moderation-tete/1"
/* A row may be dated this much before a head that does not hold it. */
#define MODLOG_HEAD_SLACK_US	(10LL * 60 * 1000000)

/* One row, as read from the table. Borrowed strings. */
struct modlog_row {
	long long	 id;
	int		 form;		/* 1, 2 or 3 */
	long long	 at;		/* microseconds since 2000-01-01 UTC */
	long long	 moderator_id;	/* 0: none (automatic) */
	const char	*moderator_ref;	/* form 2: pseudonym, NULL: none */
	long long	 contribution_id; /* 0: none */
	long long	 consultation_id; /* 0: none */
	const char	*action;
	const char	*from_status;	/* NULL: none */
	const char	*to_status;	/* NULL: none */
	const char	*rule_code;	/* NULL: none */
	const char	*note;		/* the note column (form 1), NULL */
	const char	*note_mac;	/* form 2: commitment, NULL: no note */
	int		 queued;	/* 1 when queued_at is set */
	long long	 queued_at;	/* microseconds since 2000-01-01 UTC */
	const char	*prev_hash;
	const char	*hash;
	int		 note_erased;	/* form 1: its note was erased */
	const char	*kept_note;	/* form 2: moderation_notes, NULL */
	const char	*subject;	/* form 3: what the act is about */
	const char	*text_hash;	/* form 3: SHA-256 of its text */
};

/* "YYYY-MM-DDTHH:MM:SS.ffffffZ" for t microseconds since 2000-01-01. */
#define MODLOG_TIME_MAX	64	/* with room for any year */
void	 modlog_time(long long, char out[MODLOG_TIME_MAX]);
/* Microseconds since 2000-01-01 of "YYYY-MM-DDTHH:MM:SSZ". 0 or -1. */
int	 modlog_time_parse(const char *, long long *);
/* The canonical text of a row (malloc'd; NULL when out of memory). */
char	*modlog_canonical(const struct modlog_row *);
/* Hex SHA-256 of len bytes. */
void	 modlog_sha256_hex(const void *, size_t, char out[65]);
/*
 * The public pseudonym of moderator id: the first 12 hex digits of
 * HMAC-SHA256(key, "moderator:" id). Not the authors' pseudonym
 * ("author:"), so a moderator's decisions do not point at their own
 * contributions.
 */
void	 modlog_pseudonym(const unsigned char *, size_t, long long,
	    char out[13]);
/* The commitment to a note: hex HMAC-SHA256(key, "moderation-note:" note). */
void	 modlog_note_mac(const unsigned char *, size_t, const char *,
	    char out[65]);

/* A signed head: what the log was at a time. */
struct modlog_head {
	long long	rows;		/* rows up to last_id */
	long long	last_id;	/* 0: empty log */
	char		last_hash[65];	/* MODLOG_ZERO_HASH: empty log */
	char		signed_at[21];	/* "YYYY-MM-DDTHH:MM:SSZ" */
	char		key[65];	/* fingerprint of the signing key */
};

/*
 * The text a head's signature covers, lines ending in "\n":
 * MODLOG_HEAD_FORMAT, lignes=, dernier_id=, derniere_empreinte=, signe_le=,
 * cle=. Its length, or -1 when cap is too small.
 */
int	 modlog_head_text(const struct modlog_head *, char *, size_t);
/* Reads a head's signed text; only exactly what modlog_head_text writes. */
int	 modlog_head_parse(const char *, struct modlog_head *);
/*
 * The head as published (/export/journal-moderation/tete.json): its
 * values, the URLs of the key and of the log, the signed text and its
 * signature (base64).
 */
void	 modlog_head_json(struct html_out *, const struct modlog_head *,
	    const char *, const char *);
/*
 * The string value of key at the top level of a JSON object, unescaped
 * (malloc'd), or NULL when absent, not a string, or the text not JSON.
 */
char	*modlog_json_string(const char *, const char *);

#endif
