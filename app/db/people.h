/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* SQL of the people area: my account, my data, deletion, roles. */

#ifndef AGORA_DB_PEOPLE_H
#define AGORA_DB_PEOPLE_H

#include "db.h"

/*
 * $1 user id. Zero or one row: what the account page shows of a live
 * account. Dates are French (fr_date()), NULL when there is none.
 */
#define ACCOUNT_SUMMARY_COLS(C)						\
	C(PSU_NAME,		"display_name",	TEXT)			\
	C(PSU_EMAIL,		"email",	TEXT)			\
	C(PSU_TERRITORY,	"territory_code", TEXT)	/* "" unknown */\
	C(PSU_TERRITORY_NAME,	"territory",	TEXT)	/* "" unknown */\
	C(PSU_ROLES,		"roles",	TEXT)	/* "citizen,admin" */\
	C(PSU_CREATED,		"created",	TEXT)			\
	C(PSU_VERIFIED,		"verified",	TEXT)			\
	C(PSU_CONSENTED,	"consented",	TEXT)			\
	C(PSU_VOTES,		"votes",	INT)			\
	C(PSU_CONTRIBUTIONS,	"contributions", INT)			\
	C(PSU_UNREAD,		"unread",	INT)	/* notifications */\
	C(PSU_SIGNIN,		"last_signin",	TEXT)
DB_COLUMNS(ACCOUNT_SUMMARY_COLS, PSU__MAX);
extern const struct db_stmt	sql_account_summary;

/* $1 user id. My contributions, newest first, at most 500. */
#define ACCOUNT_CONTRIB_COLS(C)						\
	C(PCO_ID,		"id",		INT)			\
	C(PCO_KIND,		"kind",		TEXT)	/* vocab_kind */\
	C(PCO_POSITION,		"position",	TEXT)	/* "" unless argument */\
	C(PCO_EXCERPT,		"excerpt",	TEXT)	/* title, or body cut */\
	C(PCO_THEME,		"theme",	TEXT)	/* its title */	\
	C(PCO_STATUS,		"status",	TEXT)	/* vocab_status */\
	C(PCO_CREATED,		"created",	TEXT)	/* French date */\
	C(PCO_PROPOSAL,		"proposal_id",	INT)	/* itself if one */\
	C(PCO_PROPOSAL_TITLE,	"proposal_title", TEXT)
DB_COLUMNS(ACCOUNT_CONTRIB_COLS, PCO__MAX);
extern const struct db_stmt	sql_account_contributions;

/*
 * $1 user id. Zero or one row: everything held about the live account, as
 * a JSON document built by PostgreSQL.
 */
#define ACCOUNT_EXPORT_COLS(C)						\
	C(PEX_DATA,		"data",		TEXT)
DB_COLUMNS(ACCOUNT_EXPORT_COLS, PEX__MAX);
extern const struct db_stmt	sql_account_export;

/*
 * $1 user id. The printable page of my data (/compte/donnees, issue 13,
 * item 13): every text of mine, each current one (version 0) followed by
 * its earlier versions, newest first.
 */
#define DATA_TEXTS_COLS(C)						\
	C(PDT_ID,		"id",		INT)			\
	C(PDT_KIND,		"kind",		TEXT)			\
	C(PDT_TITLE,		"title",	TEXT)	/* "" none */	\
	C(PDT_BODY,		"body",		TEXT)			\
	C(PDT_STATUS,		"status",	TEXT)			\
	C(PDT_CREATED,		"created",	TEXT)			\
	C(PDT_VERSION,		"version",	INT)	/* 0: current */\
	C(PDT_REPLACED,		"replaced",	TEXT)	/* "" current */
DB_COLUMNS(DATA_TEXTS_COLS, PDT__MAX);
extern const struct db_stmt	sql_data_texts;

/* $1 user id. My votes, oldest first. */
#define DATA_VOTES_COLS(C)						\
	C(PDV_ID,		"id",		INT)			\
	C(PDV_TITLE,		"title",	TEXT)			\
	C(PDV_CHOICE,		"choice",	TEXT)			\
	C(PDV_CREATED,		"created",	TEXT)
DB_COLUMNS(DATA_VOTES_COLS, PDV__MAX);
extern const struct db_stmt	sql_data_votes;

/*
 * $1 user id. Zero or one row: what deleting the live account checks
 * again, and the address whose keyed hash is kept.
 */
#define ACCOUNT_PASSWORD_COLS(C)					\
	C(ACCPW_HASH,		"password_hash", TEXT)	/* "" if none */\
	C(ACCPW_EMAIL,		"email",	TEXT)
DB_COLUMNS(ACCOUNT_PASSWORD_COLS, ACCPW__MAX);
extern const struct db_stmt	sql_account_password;

/*
 * $1 user id, $2 the password hash just verified, $3 the address read with
 * it, $4 its keyed hash (account_email_key()). One row (function
 * user_delete, migration 0152).
 */
#define ACCOUNT_DELETE_COLS(C)						\
	C(ACCDEL_STATUS,	"status",	TEXT)	/* vocab_erasure */
DB_COLUMNS(ACCOUNT_DELETE_COLS, ACCDEL__MAX);
extern const struct db_stmt	sql_account_delete;

/*
 * $1 search text ("" for all: matches e-mail or name, ignoring case and
 * accents), $2 offset, $3 limit. Accounts not deleted, by id.
 */
#define ADMIN_ACCOUNTS_COLS(C)						\
	C(PAA_ID,		"id",		INT)			\
	C(PAA_EMAIL,		"email",	TEXT)			\
	C(PAA_NAME,		"display_name",	TEXT)			\
	C(PAA_ROLES,		"roles",	TEXT)	/* "citizen,admin" */\
	C(PAA_VERIFIED,		"verified",	BOOL)			\
	C(PAA_CREATED,		"created",	TEXT)	/* French date */\
	C(PAA_TOTAL,		"total",	INT)	/* all matching */
DB_COLUMNS(ADMIN_ACCOUNTS_COLS, PAA__MAX);
extern const struct db_stmt	sql_admin_accounts;

/*
 * $1 user id, $2 role, $3 grant, $4 acting user id (NULL: command line).
 * One row (function user_role_set, migration 0020).
 */
#define ROLE_SET_COLS(C)						\
	C(PRS_STATUS,		"status",	TEXT)	/* vocab_role_change */
DB_COLUMNS(ROLE_SET_COLS, PRS__MAX);
extern const struct db_stmt	sql_role_set;

/*
 * $1 e-mail, $2 display name, $3 password hash, $4 territory code or NULL,
 * $5 roles as a text array literal ("{citizen,admin}"), $6 verified, $7
 * e-mail key of $1 (NULL unless verified). One row; none when the e-mail is
 * already used, ignoring case and +tags. The roles granted are recorded in
 * role_changes as made by the command line; a verified account takes over
 * a departed account with key $7 (one person, one vote).
 */
#define USER_CREATE_COLS(C)						\
	C(PUC_ID,		"id",		INT)			\
	C(PUC_TAKEOVERS,	"takeovers",	INT)
DB_COLUMNS(USER_CREATE_COLS, PUC__MAX);
extern const struct db_stmt	sql_user_create;

/* $1 e-mail (any case). Zero or one row: the live account. */
#define USER_BY_EMAIL_COLS(C)						\
	C(PUE_ID,		"id",		INT)
DB_COLUMNS(USER_BY_EMAIL_COLS, PUE__MAX);
extern const struct db_stmt	sql_user_by_email;

/* $1 territory code. One row when it exists. */
#define TERRITORY_EXISTS_COLS(C)					\
	C(PTE_FOUND,		"found",	INT)	/* always 1 */
DB_COLUMNS(TERRITORY_EXISTS_COLS, PTE__MAX);
extern const struct db_stmt	sql_territory_exists;

/* $1 role ("" for all). Live accounts by id, for `agora user list`. */
#define USER_LIST_COLS(C)						\
	C(PUL_ID,		"id",		INT)			\
	C(PUL_EMAIL,		"email",	TEXT)			\
	C(PUL_NAME,		"display_name",	TEXT)			\
	C(PUL_ROLES,		"roles",	TEXT)	/* "citizen,admin" */\
	C(PUL_VERIFIED,		"verified",	TEXT)	/* yes, no */	\
	C(PUL_CREATED,		"created",	TEXT)	/* ISO 8601, UTC */
DB_COLUMNS(USER_LIST_COLS, PUL__MAX);
extern const struct db_stmt	sql_user_list;

#endif
