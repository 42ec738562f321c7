/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* SQL of the people area: my account, my data, deletion, roles. */

#ifndef AGORA_DB_PEOPLE_H
#define AGORA_DB_PEOPLE_H

/*
 * $1 user id. One row: display name, e-mail, territory code, territory
 * name, roles (comma-separated), created (French date), verified (French
 * date or NULL), consent (French date or NULL), votes, contributions,
 * unread moderation notifications, last sign-in (French date or NULL).
 */
extern const char	sql_account_summary[];
/*
 * $1 user id. My contributions, newest first (at most 500): id, kind,
 * position, title or excerpt, theme title, status, created (French date),
 * proposal id, proposal title.
 */
extern const char	sql_account_contributions[];
/*
 * $1 user id. One row, one column: everything held about the account, as a
 * JSON document built by PostgreSQL.
 */
extern const char	sql_account_export[];
/*
 * $1 user id. Zero or one row: the password hash ("" when none), the
 * e-mail address (for its keyed hash, kept when the account is deleted).
 */
extern const char	sql_account_password[];
enum { ACCPW_HASH, ACCPW_EMAIL, ACCPW__MAX };
/*
 * $1 user id, $2 the password hash just verified, $3 the address read with
 * it, $4 its keyed hash (account_email_key()). One row: 'deleted',
 * 'changed' (nothing done: password or address changed meanwhile) or
 * 'last_admin' (nothing done) (function user_delete, migration 0152).
 */
extern const char	sql_account_delete[];
enum { ACCDEL_STATUS, ACCDEL__MAX };

/*
 * $1 search text ("" for all: matches e-mail or name, ignoring case and
 * accents), $2 offset, $3 limit. Accounts not deleted, by id: id, e-mail,
 * display name, roles (comma-separated), verified (t/f), created (French
 * date), total matching.
 */
extern const char	sql_admin_accounts[];
/*
 * $1 user id, $2 role, $3 grant (t/f), $4 acting user id (NULL: command
 * line). One row: 'granted', 'revoked', 'unchanged', 'self' or 'no_user'
 * (function user_role_set, migration 0020).
 */
extern const char	sql_role_set[];
/* $1 user id. Zero or one row: display name of a live account. */
extern const char	sql_account_name[];

/*
 * $1 e-mail, $2 display name, $3 password hash, $4 territory code or NULL,
 * $5 roles as a text array literal ("{citizen,admin}"), $6 verified (t/f),
 * $7 e-mail key of $1 (NULL unless verified). One row with the new id, or
 * none when the e-mail is already used, ignoring case and +tags. The roles
 * granted are recorded in role_changes as made by the command line; a
 * verified account takes over a departed account with key $7 (one person,
 * one vote).
 */
extern const char	sql_user_create[];
/* $1 e-mail (any case). Zero or one row: id of the live account. */
extern const char	sql_user_by_email[];
/* $1 territory code. One row when it exists. */
extern const char	sql_territory_exists[];
/*
 * $1 role ("" for all). Live accounts by id: id, e-mail, display name,
 * roles (comma-separated), verified (yes/no), created (ISO 8601, UTC).
 */
extern const char	sql_user_list[];

#endif
