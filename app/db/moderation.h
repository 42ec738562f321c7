/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Moderation: charter rules, flags, the queue, decisions, notifications,
 * the transparency figures, the moderation modes and the log; each
 * statement with its columns (db.h). A column named kind, status, reason,
 * decision, action or moderation_mode holds a code of app/core/vocab.h;
 * dates are French text ("29 novembre 2026", "... à 10:03" for a time).
 */

#ifndef AGORA_DB_MODERATION_H
#define AGORA_DB_MODERATION_H

#include "db.h"

/* No parameters. The charter rules in order. */
#define MOD_RULE_COLS(C)						\
	C(RULE_CODE,		"code",			TEXT)	/* R1... */ \
	C(RULE_TITLE,		"title",		TEXT)		\
	C(RULE_SUMMARY,		"summary",		TEXT)
DB_COLUMNS(MOD_RULE_COLS, RULE__MAX);
extern const struct db_stmt	sql_charter_rules;

/*
 * $1 contribution id, $2 user id. Zero or one row; author NULL for an
 * imported contribution.
 */
#define MOD_FLAG_TARGET_COLS(C)						\
	C(FT_ID,		"id",			INT)		\
	C(FT_KIND,		"kind",			TEXT)		\
	C(FT_TITLE,		"title",		TEXT)	/* or NULL */ \
	C(FT_BODY,		"body",			TEXT)	/* Markdown */ \
	C(FT_STATUS,		"status",		TEXT)		\
	C(FT_THEME,		"theme",		TEXT)	/* title */ \
	C(FT_DATE,		"date",			TEXT)		\
	C(FT_AUTHOR,		"author",		TEXT)	/* or NULL */ \
	C(FT_AUTHOR_ID,		"author_id",		INT)	/* or NULL */ \
	C(FT_FLAGGED,		"flagged",		BOOL)	/* by $2 */ \
	C(FT_UNDER_REVIEW,	"under_review",		BOOL)		\
	C(FT_PROPOSAL,		"proposal",		INT)	/* or itself */
DB_COLUMNS(MOD_FLAG_TARGET_COLS, FT__MAX);
extern const struct db_stmt	sql_flag_target;

/*
 * $1 contribution, $2 user, $3 rule code, $4 note, $5 threshold,
 * $6 threshold action ('review' or 'hide'). One row: 'ok', 'queued',
 * 'duplicate' or 'not_found' (flag_contribution()).
 */
#define MOD_FLAG_INSERT_COLS(C)						\
	C(FI_RESULT,		"result",		TEXT)
DB_COLUMNS(MOD_FLAG_INSERT_COLS, FI__MAX);
extern const struct db_stmt	sql_flag_insert;

/*
 * $1 theme slug or NULL, $2 reason (vocab_reason's codes) or NULL,
 * $3 status or NULL, $4 offset, $5 limit, $6 the moderator looking. A
 * page of the queue, oldest first. A title, here and below, is the text's
 * start when it has none. appeal_own: an appeal waits on it against this
 * moderator's decision (moderation_appeal_may_decide()).
 */
#define MOD_QUEUE_COLS(C)						\
	C(QU_ID,		"id",			INT)		\
	C(QU_KIND,		"kind",			TEXT)		\
	C(QU_TITLE,		"title",		TEXT)		\
	C(QU_STATUS,		"status",		TEXT)		\
	C(QU_THEME,		"theme",		TEXT)	/* title */ \
	C(QU_QUEUED,		"queued",		TEXT)		\
	C(QU_REASON,		"reason",		TEXT)		\
	C(QU_FLAGS,		"flags",		INT)	/* open flags */ \
	C(QU_APPEAL_OWN,	"appeal_own",		BOOL)
DB_COLUMNS(MOD_QUEUE_COLS, QU__MAX);
extern const struct db_stmt	sql_queue;

/* $1 .. $3 as sql_queue's. One row: how many wait, on every page. */
#define MOD_QUEUE_COUNT_COLS(C)						\
	C(QC_N,			"n",			INT)
DB_COLUMNS(MOD_QUEUE_COUNT_COLS, QC__MAX);
extern const struct db_stmt	sql_queue_count;

/* No parameters. The primary consultation's themes, for the filter. */
#define MOD_QUEUE_THEME_COLS(C)						\
	C(QT_SLUG,		"slug",			TEXT)		\
	C(QT_TITLE,		"title",		TEXT)
DB_COLUMNS(MOD_QUEUE_THEME_COLS, QT__MAX);
extern const struct db_stmt	sql_queue_themes;

/*
 * $1 contribution id. Zero or one row; author NULL for an imported
 * contribution.
 */
#define MOD_ITEM_COLS(C)						\
	C(MI_ID,		"id",			INT)		\
	C(MI_KIND,		"kind",			TEXT)		\
	C(MI_TITLE,		"title",		TEXT)	/* or NULL */ \
	C(MI_BODY,		"body",			TEXT)	/* Markdown */ \
	C(MI_STATUS,		"status",		TEXT)		\
	C(MI_VERSION,		"decision_version",	INT)		\
	C(MI_UNDER_REVIEW,	"under_review",		BOOL)		\
	C(MI_QUEUE_REASON,	"queue_reason",		TEXT)	/* or NULL */ \
	C(MI_THEME,		"theme",		TEXT)	/* title */ \
	C(MI_DATE,		"date",			TEXT)		\
	C(MI_AUTHOR,		"author",		TEXT)	/* or NULL */ \
	C(MI_AUTHOR_ID,		"author_id",		INT)	/* or NULL */ \
	C(MI_RULE,		"moderation_rule",	TEXT)	/* or NULL */ \
	C(MI_PROPOSAL,		"proposal",		INT)	/* or itself */
DB_COLUMNS(MOD_ITEM_COLS, MI__MAX);
extern const struct db_stmt	sql_item;

/*
 * $1 contribution id. When it is held as a probable duplicate, the
 * author's other texts that resemble it (at most 5).
 */
#define MOD_SIMILAR_COLS(C)						\
	C(SIM_ID,		"id",			INT)		\
	C(SIM_TITLE,		"title",		TEXT)		\
	C(SIM_STATUS,		"status",		TEXT)		\
	C(SIM_PERCENT,		"similarity",		INT)	/* 50 .. 100 */
DB_COLUMNS(MOD_SIMILAR_COLS, SIM__MAX);
extern const struct db_stmt	sql_item_similar;

/* $1 contribution id. Its flags, oldest first. */
#define MOD_ITEM_FLAG_COLS(C)						\
	C(IF_RULE,		"rule",			TEXT)	/* code */ \
	C(IF_RULE_TITLE,	"rule_title",		TEXT)		\
	C(IF_NOTE,		"note",			TEXT)	/* or NULL */ \
	C(IF_DATE,		"date",			TEXT)
DB_COLUMNS(MOD_ITEM_FLAG_COLS, IF__MAX);
extern const struct db_stmt	sql_item_flags;

/*
 * $1 contribution id. One row: the moderators' earlier decisions on the
 * author's other contributions, by the status they gave.
 */
#define MOD_HISTORY_COLS(C)						\
	C(IH_PUBLISHED,		"published",		INT)		\
	C(IH_HIDDEN,		"hidden",		INT)		\
	C(IH_REJECTED,		"rejected",		INT)
DB_COLUMNS(MOD_HISTORY_COLS, IH__MAX);
extern const struct db_stmt	sql_item_history;

/*
 * $1 contribution id. The log rows of this contribution, in order;
 * moderator NULL for an automatic row (the flags' threshold).
 */
#define MOD_ITEM_LOG_COLS(C)						\
	C(ITEMLOG_WHEN,		"at",			TEXT)		\
	C(ITEMLOG_ACTION,	"action",		TEXT)		\
	C(ITEMLOG_FROM,		"from_status",		TEXT)		\
	C(ITEMLOG_TO,		"to_status",		TEXT)		\
	C(ITEMLOG_RULE,		"rule",			TEXT)	/* or NULL */ \
	C(ITEMLOG_NOTE,		"note",			TEXT)	/* or NULL */ \
	C(ITEMLOG_MODERATOR,	"moderator",		TEXT)	/* or NULL */ \
	C(ITEMLOG_ERASED,	"note_erased",		BOOL)
DB_COLUMNS(MOD_ITEM_LOG_COLS, ITEMLOG__MAX);
extern const struct db_stmt	sql_item_log;

/*
 * $1 contribution id, $2 offset, $3 limit. One page of the texts it had
 * before each edit, oldest first, and how many there are in all (a text
 * edited again and again made a page of 1.5 MB: issue 14, item 6).
 */
#define MOD_VERSION_COLS(C)						\
	C(IV_VERSION,		"version",		INT)		\
	C(IV_TITLE,		"title",		TEXT)	/* or NULL */ \
	C(IV_BODY,		"body",			TEXT)	/* Markdown */ \
	C(IV_REPLACED,		"replaced",		TEXT)			\
	C(IV_TOTAL,		"total",		INT)
DB_COLUMNS(MOD_VERSION_COLS, IV__MAX);
extern const struct db_stmt	sql_item_versions;

/*
 * $1 contribution, $2 moderator, $3 moderator's pseudonym
 * (modlog_pseudonym()), $4 action (vocab_decision), $5 expected status,
 * $6 expected version, $7 rule (or NULL), $8 note (or NULL), $9 the
 * note's commitment (modlog_note_mac(), NULL without a note), $10 and
 * $11 the author's e-mail subject and body (mail_texts.def, MT_MODERATION,
 * the decision and links filled in), $12 and $13 its rule and note lines.
 * One row: 'ok', 'not_found', 'conflict', 'own', 'rule_required',
 * 'invalid' (moderation_decide()).
 */
#define MOD_DECIDE_COLS(C)						\
	C(DECIDE_RESULT,	"result",		TEXT)
DB_COLUMNS(MOD_DECIDE_COLS, DECIDE__MAX);
extern const struct db_stmt	sql_decide;

/*
 * $1 user id, $2 the appeal delay in days. The user's notifications, newest first (at most 200), and
 * marks them read. A decision (kind moderation) names the person's own
 * contribution; the other kinds its proposal (and contribution: the new
 * one, or the proposal itself for an answer).
 */
#define MOD_NOTIFICATION_COLS(C)					\
	C(NF_CONTRIBUTION,	"contribution",		INT)		\
	C(NF_TITLE,		"title",		TEXT)		\
	C(NF_DECISION,		"decision",		TEXT)	/* or NULL */ \
	C(NF_RULE,		"rule",			TEXT)	/* or NULL */ \
	C(NF_RULE_TITLE,	"rule_title",		TEXT)	/* or NULL */ \
	C(NF_NOTE,		"note",			TEXT)	/* or NULL */ \
	C(NF_DATE,		"date",			TEXT)		\
	C(NF_UNREAD,		"unread",		BOOL)		\
	C(NF_KIND,		"kind",			TEXT)	/* vocab_notify_kind */ \
	C(NF_PROPOSAL,		"proposal",		INT)		\
	C(NF_PROPOSAL_TITLE,	"proposal_title",	TEXT)		\
	C(NF_ON_APPEAL,		"on_appeal",		BOOL)	/* decided on appeal */ \
	C(NF_APPEALABLE,	"appealable",		BOOL)	/* may be appealed */ \
	C(NF_THEME_SLUG,	"theme_slug",		TEXT)	/* synthesis, cited, opinion */ \
	C(NF_THEME_TITLE,	"theme_title",		TEXT)	/* idem */ \
	C(NF_REFERRAL,		"referral",		INT)	/* referral, draft, opinion */ \
	C(NF_QUESTION,		"question",		TEXT)	/* idem */
DB_COLUMNS(MOD_NOTIFICATION_COLS, NF__MAX);
extern const struct db_stmt	sql_notifications;

/*
 * No parameters. Per theme of the primary consultation, in order:
 * contributions hidden, rejected, decisions that ended a wait in the
 * queue and their median wait.
 */
#define MOD_TRANSPARENCY_THEME_COLS(C)					\
	C(TTH_TITLE,		"title",		TEXT)		\
	C(TTH_HIDDEN,		"hidden",		INT)		\
	C(TTH_REJECTED,		"rejected",		INT)		\
	C(TTH_WAITED,		"waited",		INT)		\
	C(TTH_MEDIAN,		"median_wait",		TEXT)	/* or NULL */
DB_COLUMNS(MOD_TRANSPARENCY_THEME_COLS, TTH__MAX);
extern const struct db_stmt	sql_transparency_themes;

/* No parameters. Per charter rule, in order. */
#define MOD_TRANSPARENCY_RULE_COLS(C)					\
	C(TRU_CODE,		"code",			TEXT)		\
	C(TRU_TITLE,		"title",		TEXT)		\
	C(TRU_HIDDEN,		"hidden",		INT)		\
	C(TRU_REJECTED,		"rejected",		INT)
DB_COLUMNS(MOD_TRANSPARENCY_RULE_COLS, TRU__MAX);
extern const struct db_stmt	sql_transparency_rules;

/* No parameters. One row, the same figures over every decision. */
#define MOD_TRANSPARENCY_TOTAL_COLS(C)					\
	C(TTO_HIDDEN,		"hidden",		INT)		\
	C(TTO_REJECTED,		"rejected",		INT)		\
	C(TTO_WAITED,		"waited",		INT)		\
	C(TTO_MEDIAN,		"median_wait",		TEXT)	/* or NULL */
DB_COLUMNS(MOD_TRANSPARENCY_TOTAL_COLS, TTO__MAX);
extern const struct db_stmt	sql_transparency_total;

/* No parameters. Every consultation, the primary first. */
#define MOD_MODE_COLS(C)						\
	C(CM_ID,		"id",			INT)		\
	C(CM_TITLE,		"title",		TEXT)		\
	C(CM_MODE,		"moderation_mode",	TEXT)		\
	C(CM_VOTE_FC,		"vote_fc",		TEXT)	/* '' true false */
DB_COLUMNS(MOD_MODE_COLS, CM__MAX);
extern const struct db_stmt	sql_consultation_modes;

/*
 * $1 consultation, $2 admin, $3 the admin's pseudonym, $4 mode. One row:
 * 'ok', 'unchanged', 'not_found' (consultation_set_mode()).
 */
#define MOD_SET_MODE_COLS(C)						\
	C(SETMODE_RESULT,	"result",		TEXT)
DB_COLUMNS(MOD_SET_MODE_COLS, SETMODE__MAX);
extern const struct db_stmt	sql_consultation_set_mode;

/*
 * The log as agora verify-log, sign-log and the open-data file read it:
 * raw columns, never a function of the database, every row in id order.
 * sql_log_rows declares them (agora sql --check compares their names and
 * types); the programs read them through a binary cursor that
 * sql_log_rows_open declares on the same SELECT, inside a transaction,
 * and app/db/modlog_read.c decodes (types checked to the oid there, since
 * binary values are read by their width).
 */
#define MOD_LOG_ROW_COLS(C)						\
	C(LOGROW_ID,		"id",			INT)		\
	C(LOGROW_FORM,		"form",			INT)	/* 1, 2, 3 */ \
	C(LOGROW_AT,		"at",			TEXT)	/* binary */ \
	C(LOGROW_MODERATOR,	"moderator_id",		INT)	/* or NULL */ \
	C(LOGROW_MODERATOR_REF,	"moderator_ref",	TEXT)	/* or NULL */ \
	C(LOGROW_CONTRIBUTION,	"contribution_id",	INT)	/* or NULL */ \
	C(LOGROW_CONSULTATION,	"consultation_id",	INT)	/* or NULL */ \
	C(LOGROW_ACTION,	"action",		TEXT)		\
	C(LOGROW_FROM,		"from_status",		TEXT)		\
	C(LOGROW_TO,		"to_status",		TEXT)		\
	C(LOGROW_RULE,		"rule_code",		TEXT)		\
	C(LOGROW_NOTE,		"note",			TEXT)	/* form 1 */ \
	C(LOGROW_NOTE_MAC,	"note_mac",		TEXT)	/* form 2 */ \
	C(LOGROW_QUEUED,	"queued_at",		TEXT)	/* binary */ \
	C(LOGROW_PREV,		"prev_hash",		TEXT)		\
	C(LOGROW_HASH,		"hash",			TEXT)		\
	C(LOGROW_ERASED,	"note_erased",		BOOL)		\
	C(LOGROW_KEPT_NOTE,	"kept_note",		TEXT)	/* form 2 */ \
	C(LOGROW_SUBJECT,	"subject",		TEXT)	/* form 3 */ \
	C(LOGROW_TEXT_HASH,	"text_hash",		TEXT)	/* form 3 */
DB_COLUMNS(MOD_LOG_ROW_COLS, LOGROW__MAX);
extern const struct db_stmt	sql_log_rows;
extern const struct db_stmt	sql_log_rows_open;
/*
 * The next batch of the cursor, and its end. Plain strings, run with
 * PQexec: a FETCH sent through the extended protocol (PQexecParams, what
 * cli_query and web_query use) returns the format its Bind message asks
 * for, text, whatever the cursor says; the simple protocol keeps the
 * cursor's binary rows.
 */
extern const char		sql_log_rows_fetch[];
extern const struct db_stmt	sql_log_rows_close;

/* No parameters. The stored signed heads, oldest first. */
#define MOD_HEAD_COLS(C)						\
	C(HEADROW_ID,		"id",			INT)		\
	C(HEADROW_TEXT,		"signed_text",		TEXT)		\
	C(HEADROW_SIGNATURE,	"signature",		TEXT)	/* base64 */
DB_COLUMNS(MOD_HEAD_COLS, HEADROW__MAX);
extern const struct db_stmt	sql_log_heads;

/*
 * $1 signed at (ISO), $2 rows, $3 last id, $4 last hash, $5 key
 * fingerprint, $6 signed text, $7 signature (moderation_log_head_add()).
 * One row: the new head's id.
 */
#define MOD_HEAD_ADD_COLS(C)						\
	C(HEADADD_ID,		"id",			INT)
DB_COLUMNS(MOD_HEAD_ADD_COLS, HEADADD__MAX);
extern const struct db_stmt	sql_log_head_add;

/* No parameters. Zero or one row, the latest signed head. */
#define MOD_HEAD_LATEST_COLS(C)						\
	C(LATEST_TEXT,		"signed_text",		TEXT)		\
	C(LATEST_SIGNATURE,	"signature",		TEXT)	/* base64 */ \
	C(LATEST_WHEN,		"signed",		TEXT)
DB_COLUMNS(MOD_HEAD_LATEST_COLS, LATEST__MAX);
extern const struct db_stmt	sql_log_head_latest;

#endif
