/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Accounts: sign-up, links sent by e-mail, sign-in, abuse limits, outbox. */

#ifndef AGORA_DB_ACCOUNTS_H
#define AGORA_DB_ACCOUNTS_H

#include "db.h"

/* No parameters. The territories, in display order. */
#define TERRITORY_COLS(C)						\
	C(ATE_CODE,		"code",		TEXT)	/* INSEE, or HR */\
	C(ATE_NAME,		"name",		TEXT)
DB_COLUMNS(TERRITORY_COLS, ATE__MAX);
extern const struct db_stmt	sql_territories;

/*
 * Rate keys ($2, $4 and the like below) are keyed hashes computed in C
 * (account_rate_key(), app/core/keyed_hash.h), never an address in clear;
 * e-mail keys ("email key") likewise (account_email_key()).
 *
 * $1 bucket, $2 key, $3 max, $4 window minutes, and the same for a second
 * limit in $5..$8. One row.
 */
#define RATE_WAIT_COLS(C)						\
	C(ARW_SECONDS,		"seconds",	INT)	/* 0: allowed */
DB_COLUMNS(RATE_WAIT_COLS, ARW__MAX);
extern const struct db_stmt	sql_rate_wait;
/* $1 bucket, $2 key, $3 bucket, $4 key: counts one event in each. */
extern const struct db_stmt	sql_rate_hit;
extern const struct db_stmt	sql_rate_hit_one;
/*
 * The same eight parameters as sql_rate_wait: takes one event in both
 * limits at once, one request at a time per key, before the work they
 * limit (rate_take: issue 14, item 5). One row: seconds 0 and the events'
 * time, or the seconds to wait and NULL (nothing taken).
 */
#define RATE_TAKE_COLS(C)						\
	C(ART_SECONDS,		"seconds",	INT)	/* 0: taken */	\
	C(ART_AT,		"taken_at",	TEXT)	/* or NULL */
DB_COLUMNS(RATE_TAKE_COLS, ART__MAX);
extern const struct db_stmt	sql_rate_take;
/* $1 bucket, $2 key, $3 bucket, $4 key, $5 taken_at: gives them back. */
extern const struct db_stmt	sql_rate_give;

/*
 * $1 e-mail. One row when a live account has it, ignoring case and
 * +tags (email_canonical(), migration 0150), else none.
 */
#define EMAIL_TAKEN_COLS(C)						\
	C(AET_TAKEN,		"taken",	INT)	/* always 1 */
DB_COLUMNS(EMAIL_TAKEN_COLS, AET__MAX);
extern const struct db_stmt	sql_email_taken;
/* $1 e-mail, $2 user id: the same, for another account than $2. */
extern const struct db_stmt	sql_email_taken_other;

/*
 * $1 e-mail, $2 display name, $3 password hash, $4 territory, $5 token hash,
 * $6 link validity in hours, $7 subject, $8 body, $9 rate key of the client
 * address, $10 e-mail key of $1. Creates the account (citizen, not
 * verified), its verification link and the mail, and counts the sign-up.
 * One row; none when the address is already taken, ignoring case and +tags
 * (nothing is created then).
 */
#define SIGNUP_COLS(C)							\
	C(ASU_ID,		"id",		INT)
DB_COLUMNS(SIGNUP_COLS, ASU__MAX);
extern const struct db_stmt	sql_signup;

/* $1 e-mail. Zero or one row: the live account with that address. */
#define SIGNIN_COLS(C)							\
	C(ASI_ID,		"id",		INT)			\
	C(ASI_HASH,		"password_hash", TEXT)	/* "" if none */\
	C(ASI_VERIFIED,		"verified",	BOOL)
DB_COLUMNS(SIGNIN_COLS, ASI__MAX);
extern const struct db_stmt	sql_signin_lookup;

/*
 * $1 user id, $2 token hash, $3 hash of the session being replaced (or
 * NULL). Ends that one, opens the new one, dates the sign-in
 * (users.last_signin_at).
 */
extern const struct db_stmt	sql_session_create;
/*
 * $1 user id, $2 new hash, $3 the hash it replaces: stores a hash made with
 * the current cost, unless the password changed meanwhile.
 */
extern const struct db_stmt	sql_password_rehash;
/* $1 token hash. Ends that session. */
extern const struct db_stmt	sql_session_end;
/* $1 user id. Ends every session of the account. */
extern const struct db_stmt	sql_session_end_all;

/*
 * $1 token hash. Uses a verification or change-of-address link once
 * (account_link_use(), migrations 0010 and 0151). Zero or one row.
 */
#define LINK_USE_COLS(C)						\
	C(ALU_STATUS,		"status",	TEXT)	/* vocab_link */\
	C(ALU_USER,		"user_id",	INT)	/* NULL: unknown */\
	C(ALU_EMAIL,		"email",	TEXT)	/* set when ok */
DB_COLUMNS(LINK_USE_COLS, ALU__MAX);
extern const struct db_stmt	sql_link_use;

/*
 * $1 e-mail, $2 token hash, $3 validity in minutes, $4 subject, $5 body
 * (with the link), $6 rate key of the client address, $7 rate key of the
 * e-mail, $8 e-mail key of $1. Queues the reset mail when the account
 * exists; counts the request either way.
 */
extern const struct db_stmt	sql_reset_request;

/* $1 token hash. Zero or one row: the reset link and its live account. */
#define RESET_LOOKUP_COLS(C)						\
	C(ARL_STATUS,		"status",	TEXT)	/* ok used expired */\
	C(ARL_USER,		"user_id",	INT)			\
	C(ARL_NAME,		"display_name",	TEXT)			\
	C(ARL_EMAIL,		"email",	TEXT)
DB_COLUMNS(RESET_LOOKUP_COLS, ARL__MAX);
extern const struct db_stmt	sql_reset_lookup;

/*
 * $1 token hash, $2 new password hash. Uses the link, sets the password,
 * ends every session and every other reset link; the address is then
 * proved, so the account takes over a departed account with the link's
 * e-mail key (account_takeover(), migration 0151). One row; none when the
 * link is no longer valid.
 */
#define RESET_APPLY_COLS(C)						\
	C(ARA_USER,		"id",		INT)			\
	C(ARA_TAKEOVERS,	"takeovers",	INT)
DB_COLUMNS(RESET_APPLY_COLS, ARA__MAX);
extern const struct db_stmt	sql_reset_apply;

/* $1 user id. Zero or one row: the live account's credentials. */
#define CREDENTIALS_COLS(C)						\
	C(CRED_HASH,		"password_hash", TEXT)	/* "" if none */\
	C(CRED_EMAIL,		"email",	TEXT)			\
	C(CRED_NAME,		"display_name",	TEXT)
DB_COLUMNS(CREDENTIALS_COLS, CRED__MAX);
extern const struct db_stmt	sql_user_credentials;

/*
 * $1 user id, $2 token hash, $3 validity in hours, $4 subject, $5 body, $6
 * e-mail key of the account's address, $7 rate key of the account. Sends a
 * new verification link to an account not yet verified and counts it. One
 * row; none when the account is already verified.
 */
#define VERIFY_RESEND_COLS(C)						\
	C(AVR_ID,		"id",		INT)
DB_COLUMNS(VERIFY_RESEND_COLS, AVR__MAX);
extern const struct db_stmt	sql_verify_resend;

/*
 * $1 user id, $2 new password hash, $3 hash of the current session (kept).
 * Ends the other sessions and pending reset links.
 */
extern const struct db_stmt	sql_password_change;
/*
 * $1 user id, $2 new e-mail, $3 token hash, $4 validity in hours, $5
 * subject and $6 body for the new address, $7 subject and $8 body of the
 * notice to the current address, $9 e-mail key of $2, $10 rate key of
 * the account (counted in "email_change", issue 14, item 6). Ends every
 * pending reset link of the account (issue 14, item 2: one mailed to the
 * address being replaced must not outlive it).
 */
extern const struct db_stmt	sql_email_change;
extern const struct db_stmt	sql_email_change_taken;

/*
 * Outbox, for the mail sender ($1 batch size, $2 lease in seconds): claims
 * due messages so no other worker takes them while they are sent.
 */
#define MAIL_CLAIM_COLS(C)						\
	C(MCL_ID,		"id",		INT)			\
	C(MCL_RECIPIENT,	"recipient",	TEXT)			\
	C(MCL_SUBJECT,		"subject",	TEXT)			\
	C(MCL_BODY,		"body",		TEXT)			\
	C(MCL_CREATED,		"created",	INT)	/* epoch seconds */\
	C(MCL_USER,		"user_id",	INT)	/* NULL: no account */\
	C(MCL_KIND,		"kind",		TEXT)
DB_COLUMNS(MAIL_CLAIM_COLS, MCL__MAX);
extern const struct db_stmt	sql_mail_claim;
/*
 * $1 id. Marks a message delivered and removes the secret of its link from
 * the stored copy: the database never keeps a usable link. One row; none
 * when the message was erased meanwhile (its account deleted): the sender
 * then removes the file it just wrote.
 */
#define MAIL_SENT_COLS(C)						\
	C(MSE_ID,		"id",		INT)
DB_COLUMNS(MAIL_SENT_COLS, MSE__MAX);
extern const struct db_stmt	sql_mail_sent;
/*
 * $1 batch size. Outbox messages erased with their account
 * (outbox_erased), whose files the sender removes from mail_dir.
 */
#define MAIL_ERASED_COLS(C)						\
	C(MAIL_ERASED_ID,	"outbox_id",	INT)
DB_COLUMNS(MAIL_ERASED_COLS, MAIL_ERASED__MAX);
extern const struct db_stmt	sql_mail_erased_list;
/* $1 ids as an array literal ("{1,2}"): those files are gone. */
extern const struct db_stmt	sql_mail_erased_done;
/* $1 id, $2 error. Counts a failed try; retried later (backoff). */
extern const struct db_stmt	sql_mail_failed;

#endif
