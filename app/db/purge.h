/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * `agora purge` (app/cli/purge.c): what is kept only for a while, and the
 * deletion of accounts without a sign-in for three years. Intervals are
 * PostgreSQL interval text ("3 years").
 */

#ifndef AGORA_DB_PURGE_H
#define AGORA_DB_PURGE_H

/*
 * No parameters. Forgets abuse-limiter events older than a day (the longest
 * window a limit may have). One row: rows deleted.
 */
extern const char	sql_purge_rate_events[];
enum { PURGE_RATE_N, PURGE_RATE__MAX };
/*
 * No parameters. Forgets the keyed addresses of deleted accounts no longer
 * needed (departed_needed(): no vote, mark or flag in a consultation open
 * or closed less than 30 days ago). One row: rows deleted.
 */
extern const char	sql_purge_departed[];
enum { PURGE_DEPARTED_N, PURGE_DEPARTED__MAX };
/*
 * No parameters. Forgets the ids of erased outbox messages older than a
 * day: where mail is written to files, the sender has removed them long
 * since; with a relay there were none. One row: rows deleted.
 */
extern const char	sql_purge_outbox_erased[];
enum { PURGE_OUTBOX_N, PURGE_OUTBOX__MAX };
/*
 * No parameters. Forgets sessions ended, or last used, more than 90 days
 * ago (no session lives that long idle). One row: rows deleted.
 */
extern const char	sql_purge_sessions[];
enum { PURGE_SESSIONS_N, PURGE_SESSIONS__MAX };
/*
 * $1 inactivity before deletion, $2 notice, $3 subject, $4 body with
 * @NOM@ (display name) and @DATE@ (French date of the deletion). Queues
 * the warning to every live account whose last sign-in (else creation)
 * is older than $1 - $2 but not $1, and not warned since; dates the
 * warning. One row: warnings queued.
 */
extern const char	sql_purge_warn[];
enum { PURGE_WARN_N, PURGE_WARN__MAX };
/*
 * $1 inactivity, $2 ids above this one, $3 batch size. Live accounts
 * without a sign-in (else creation) for $1, by id: id, e-mail (may be
 * NULL).
 */
extern const char	sql_purge_candidates[];
enum { PURGE_CAND_ID, PURGE_CAND_EMAIL, PURGE_CAND__MAX };
/*
 * $1 user id, $2 its e-mail, $3 the keyed hash of that address, $4
 * inactivity. One row: 'deleted', 'kept' or 'last_admin' (user_purge(),
 * migration 0152: the erasure of a person's own deletion).
 */
extern const char	sql_purge_account[];
enum { PURGE_ACCOUNT_STATUS, PURGE_ACCOUNT__MAX };

/*
 * No parameters, no rows: VACUUM of the tables user_erase() and the purge
 * change (run outside a transaction).
 */
extern const char	sql_purge_vacuum[];

#endif
