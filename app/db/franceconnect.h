/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * FranceConnect (issue 17; migration 0340, migrations/functions/
 * franceconnect.sql): authorization requests in flight, first-time
 * sign-ups, and the links of accounts to a provider's person.
 */

#ifndef AGORA_DB_FRANCECONNECT_H
#define AGORA_DB_FRANCECONNECT_H

#include "db.h"

/* $1 state, $2 nonce, $3 verifier, $4 account linking or NULL, $5 minutes. */
extern const struct db_stmt	sql_fc_request_new;

/* $1 state: the request, deleted whatever follows (consumed once). */
#define FC_REQUEST_COLS(C)						\
	C(FRQ_NONCE,		"nonce",	TEXT)			\
	C(FRQ_VERIFIER,		"verifier",	TEXT)			\
	C(FRQ_LINK_USER,	"link_user",	INT)	/* 0: sign-in */\
	C(FRQ_LIVE,		"live",		BOOL)	/* not expired */
DB_COLUMNS(FC_REQUEST_COLS, FRQ__MAX);
extern const struct db_stmt	sql_fc_request_take;

/* $1 issuer, $2 subject: the linked account, when there is one. */
#define FC_ACCOUNT_COLS(C)						\
	C(FAC_ID,		"id",		INT)
DB_COLUMNS(FC_ACCOUNT_COLS, FAC__MAX);
extern const struct db_stmt	sql_fc_link_find;

/* $1 account, $2 issuer, $3 subject, $4 identity hash, $5 acr. */
#define FC_CODE_COLS(C)							\
	C(FCO_CODE,		"code",		TEXT)	/* ok taken already missing */
DB_COLUMNS(FC_CODE_COLS, FCO__MAX);
extern const struct db_stmt	sql_fc_link;

/* $1 token hash, $2 issuer, $3 subject, $4 identity hash, $5 acr, $6 min. */
extern const struct db_stmt	sql_fc_signup_new;
/* $1 token hash: one row while the sign-up waits (the form). */
extern const struct db_stmt	sql_fc_signup_live;
/* $1 token hash, $2 display name, $3 département: the account (id NULL). */
extern const struct db_stmt	sql_fc_signup;

/* $1 account: its link forgotten. */
extern const struct db_stmt	sql_fc_unlink;

/* $1 account: its link, when it has one (/compte/). */
#define FC_STATUS_COLS(C)						\
	C(FST_ACR,		"acr",		TEXT)			\
	C(FST_DATE,		"date",		TEXT)	/* fr_date */	\
	C(FST_PASSWORD,		"has_password",	BOOL)
DB_COLUMNS(FC_STATUS_COLS, FST__MAX);
extern const struct db_stmt	sql_fc_status;

/* $1 account without a password: its erasure (vocab_erasure). */
#define FC_DELETE_COLS(C)						\
	C(FDE_STATUS,		"status",	TEXT)
DB_COLUMNS(FC_DELETE_COLS, FDE__MAX);
extern const struct db_stmt	sql_fc_account_delete;

/*
 * $1 consultation, $2 administrator, $3 their log pseudonym, $4 platform /
 * required / open: 'ok', 'unchanged' or 'not_found', the change written
 * to the moderation log (consultation_set_vote_fc()).
 */
#define FC_VOTE_SET_COLS(C)						\
	C(FVS_RESULT,		"result",	TEXT)
DB_COLUMNS(FC_VOTE_SET_COLS, FVS__MAX);
extern const struct db_stmt	sql_fc_consultation_vote;

/* Expired requests and first-time sign-ups forgotten (agora purge). */
#define FC_COUNT_COLS(C)						\
	C(FCN_N,		"n",		INT)
DB_COLUMNS(FC_COUNT_COLS, FCN__MAX);
extern const struct db_stmt	sql_fc_purge;

/* $1 theme: its voters verified through FranceConnect (one row, n). */
extern const struct db_stmt	sql_fc_report_verified;

#endif
