/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Accounts: sign-up, links sent by e-mail, sign-in, abuse limits, outbox. */

#ifndef AGORA_DB_ACCOUNTS_H
#define AGORA_DB_ACCOUNTS_H

/* No parameters. Rows: code, name, in display order. */
extern const char	sql_territories[];
/*
 * Rate keys ($2, $4 and the like below) are keyed hashes computed in C
 * (account_rate_key(), app/core/keyed_hash.h), never an address in clear;
 * e-mail keys ("email key") likewise (account_email_key()).
 *
 * $1 bucket, $2 key, $3 max, $4 window minutes, and the same for a second
 * limit in $5..$8. One row: seconds to wait (0: allowed).
 */
extern const char	sql_rate_wait[];
/* $1 bucket, $2 key, $3 bucket, $4 key: counts one event in each. */
extern const char	sql_rate_hit[];
/*
 * $1 e-mail. One row when a live account has it, ignoring case and
 * +tags (email_canonical(), migration 0150).
 */
extern const char	sql_email_taken[];
/* $1 e-mail, $2 user id: the same, for another account than $2. */
extern const char	sql_email_taken_other[];
/*
 * $1 e-mail, $2 display name, $3 password hash, $4 territory, $5 token hash,
 * $6 link validity in hours, $7 subject, $8 body, $9 rate key of the client
 * address, $10 e-mail key of $1. Creates the account (citizen, not
 * verified), its verification link and the mail, and counts the sign-up.
 * One row: user id; none when the address is already taken, ignoring case
 * and +tags (nothing is created then).
 */
extern const char	sql_signup[];
/*
 * $1 e-mail. Zero or one row: user id, password hash ("" if none),
 * verified (t/f).
 */
extern const char	sql_signin_lookup[];
/*
 * $1 user id, $2 token hash, $3 hash of the session being replaced (or
 * NULL). Ends that one, opens the new one, dates the sign-in
 * (users.last_signin_at). One row: session id.
 */
extern const char	sql_session_create[];
/*
 * $1 user id, $2 new hash, $3 the hash it replaces: stores a hash made with
 * the current cost, unless the password changed meanwhile.
 */
extern const char	sql_password_rehash[];
/* $1 token hash. Ends that session. */
extern const char	sql_session_end[];
/* $1 user id. Ends every session of the account. */
extern const char	sql_session_end_all[];
/* $1 token hash. One row: status, user id, e-mail (account_link_use). */
extern const char	sql_link_use[];
/*
 * $1 e-mail, $2 token hash, $3 validity in minutes, $4 subject, $5 body
 * (with the link), $6 rate key of the client address, $7 rate key of the
 * e-mail, $8 e-mail key of $1. Queues the reset mail when the account
 * exists; counts the request either way. One row: 1 or 0 queued.
 */
extern const char	sql_reset_request[];
/*
 * $1 token hash. Zero or one row: status ('ok', 'used', 'expired'), user
 * id, display name, e-mail.
 */
extern const char	sql_reset_lookup[];
/*
 * $1 token hash, $2 new password hash. Uses the link, sets the password,
 * ends every session and every other reset link; the address is then
 * proved, so the account takes over a departed account with the link's
 * e-mail key (account_takeover(), migration 0151). One row: user id, 1;
 * none when the link is no longer valid.
 */
extern const char	sql_reset_apply[];
/* $1 user id. One row: password hash, e-mail, display name. */
extern const char	sql_user_credentials[];
enum { CRED_HASH, CRED_EMAIL, CRED_NAME, CRED__MAX };
/*
 * $1 user id, $2 token hash, $3 validity in hours, $4 subject, $5 body, $6
 * e-mail key of the account's address, $7 rate key of the account. Sends a
 * new verification link to an account not yet verified and counts it. One
 * row: user id; none when the account is already verified.
 */
extern const char	sql_verify_resend[];
/*
 * $1 user id, $2 new password hash, $3 hash of the current session (kept).
 * Ends the other sessions and pending reset links. One row: number of
 * sessions ended.
 */
extern const char	sql_password_change[];
/*
 * $1 user id, $2 new e-mail, $3 token hash, $4 validity in hours, $5
 * subject and $6 body for the new address, $7 subject and $8 body of the
 * notice to the current address, $9 e-mail key of $2. One row: token id.
 */
extern const char	sql_email_change[];

/*
 * Outbox, for the mail sender ($1 batch size, $2 lease in seconds): claims
 * due messages so no other worker takes them while they are sent. Rows:
 * id, recipient, subject, body, created_at (epoch seconds).
 */
extern const char	sql_mail_claim[];
/*
 * $1 id. Marks a message delivered and removes the secret of its link from
 * the stored copy: the database never keeps a usable link. One row (its
 * id); none when the message was erased meanwhile (its account deleted):
 * the sender then removes the file it just wrote.
 */
extern const char	sql_mail_sent[];
/*
 * $1 batch size. Ids of outbox messages erased with their account
 * (outbox_erased), whose files the sender removes from mail_dir.
 */
extern const char	sql_mail_erased_list[];
enum { MAIL_ERASED_ID, MAIL_ERASED__MAX };
/* $1 ids as an array literal ("{1,2}"): those files are gone. */
extern const char	sql_mail_erased_done[];
/* $1 id, $2 error. Counts a failed try; retried later (backoff). */
extern const char	sql_mail_failed[];

#endif
