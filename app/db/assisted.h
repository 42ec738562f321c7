/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Assisted participation (issue 12, items 2 and 4; migration 0230,
 * migrations/functions/assisted.sql): mediators attached to EPNs, the
 * consent wording, and what a mediator enters in an EPN's name. Every
 * change is one SQL function that answers a code (refusal_assisted,
 * vocab_mediator_set).
 */

#ifndef AGORA_DB_ASSISTED_H
#define AGORA_DB_ASSISTED_H

#include "db.h"

/*
 * $1 EPN id, $2 the account's e-mail address, $3 true: attach, false:
 * detach, $4 the administrator's id or NULL (command line). One row.
 */
#define AS_STATUS_COLS(C)						\
	C(AST_STATUS,		"status",	TEXT)	/* vocab_mediator_set */
DB_COLUMNS(AS_STATUS_COLS, AST__MAX);
extern const struct db_stmt	sql_epn_mediator_set;

/* $1 EPN id: its mediators, by name. */
#define AS_MEDIATOR_COLS(C)						\
	C(AM_ID,		"id",		INT)			\
	C(AM_NAME,		"display_name",	TEXT)			\
	C(AM_EMAIL,		"email",	TEXT)
DB_COLUMNS(AS_MEDIATOR_COLS, AM__MAX);
extern const struct db_stmt	sql_epn_mediators_of;

/* $1 mediator's id: the active EPNs they are attached to, by name. */
#define AS_EPN_COLS(C)							\
	C(AE_ID,		"id",		INT)			\
	C(AE_NAME,		"name",		TEXT)			\
	C(AE_COMMUNE,		"commune",	TEXT)
DB_COLUMNS(AS_EPN_COLS, AE__MAX);
extern const struct db_stmt	sql_mediator_epns;

/* The consent wording the forms show: one row. */
#define AS_CONSENT_COLS(C)						\
	C(AC_VERSION,		"version",	TEXT)			\
	C(AC_WORDING,		"wording",	TEXT)
DB_COLUMNS(AS_CONSENT_COLS, AC__MAX);
extern const struct db_stmt	sql_consent_current;

/* The themes of the primary consultation, by position. */
#define AS_THEME_COLS(C)						\
	C(ATH_SLUG,		"slug",		TEXT)			\
	C(ATH_TITLE,		"title",	TEXT)
DB_COLUMNS(AS_THEME_COLS, ATH__MAX);
extern const struct db_stmt	sql_mediation_themes;

/* $1 proposal id: a published proposal, zero or one row. */
#define AS_PROPOSAL_COLS(C)						\
	C(AP_ID,		"id",		INT)			\
	C(AP_TITLE,		"title",	TEXT)			\
	C(AP_THEME,		"theme_title",	TEXT)			\
	C(AP_PHASE,		"phase",	TEXT)	/* vocab_phase */
DB_COLUMNS(AS_PROPOSAL_COLS, AP__MAX);
extern const struct db_stmt	sql_mediation_proposal;

/*
 * sql_assisted_propose: $1 mediator, $2 EPN, $3 theme slug, $4 title,
 * $5 body, $6 body HTML, $7 département, $8 consent version, $9 contact
 * or ''. sql_assisted_reply: $1 mediator, $2 EPN, $3 proposal, $4
 * position ('pour', 'contre', NULL: a comment), $5 body, $6 body HTML,
 * $7 consent version, $8 contact or ''. One row: code, and id when ok or
 * pending.
 */
#define AS_NEW_COLS(C)							\
	C(ASN_CODE,		"code",		TEXT)			\
	C(ASN_ID,		"new_id",	INT)	/* NULL if refused */
DB_COLUMNS(AS_NEW_COLS, ASN__MAX);
extern const struct db_stmt	sql_assisted_propose;
extern const struct db_stmt	sql_assisted_reply;

/*
 * $1 mediator, $2 EPN, $3 proposal, $4 keyed identity hash, $5 choice,
 * $6 change of an earlier vote, $7 consent version. One row: ok,
 * changed, or a refusal.
 */
#define AS_VOTE_COLS(C)							\
	C(AV_CODE,		"code",		TEXT)
DB_COLUMNS(AS_VOTE_COLS, AV__MAX);
extern const struct db_stmt	sql_assisted_vote;

/*
 * $1 theme id: per EPN, the theme's public contributions entered there
 * (at the EPN, from paper) and the assisted votes on its public
 * proposals. Only EPNs with one of those; by commune and name.
 */
#define AS_CHANNEL_COLS(C)						\
	C(ACH_EPN,		"epn_id",	INT)			\
	C(ACH_NAME,		"name",		TEXT)			\
	C(ACH_COMMUNE,		"commune",	TEXT)			\
	C(ACH_AT_EPN,		"at_epn",	INT)			\
	C(ACH_PAPER,		"paper",	INT)			\
	C(ACH_VOTES,		"votes",	INT)
DB_COLUMNS(AS_CHANNEL_COLS, ACH__MAX);
extern const struct db_stmt	sql_report_channels;

/* $1 days after the close: contacts erased (agora purge). One row, n. */
#define AS_COUNT_COLS(C)						\
	C(ACN_N,		"n",		INT)
DB_COLUMNS(AS_COUNT_COLS, ACN__MAX);
extern const struct db_stmt	sql_assisted_contacts_purge;

#endif
