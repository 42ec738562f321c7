/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Proposals, arguments, comments, votes and "utile" marks: the statements
 * of the participation pages, each with its columns (db.h).
 */

#ifndef AGORA_DB_PARTICIPATION_H
#define AGORA_DB_PARTICIPATION_H

#include "db.h"

/*
 * $1 consultation slug, or NULL for the primary consultation; $2 theme
 * slug (theme slugs repeat across consultations). Zero or one row.
 */
#define PART_THEME_COLS(C)						\
	C(TH_ID,		"id",			INT)		\
	C(TH_SLUG,		"slug",			TEXT)		\
	C(TH_TITLE,		"title",		TEXT)		\
	C(TH_SUMMARY,		"summary",		TEXT)		\
	C(TH_BODY,		"body",			TEXT)	/* Markdown */\
	C(TH_POSITION,		"position",		INT)		\
	C(TH_PHASE,		"phase",		TEXT)	/* vocab_phase */\
	C(TH_OPENS,		"opens",		TEXT)	/* French date */\
	C(TH_CLOSES,		"closes",		TEXT)	/* last open day */\
	C(TH_MODE,		"moderation_mode",	TEXT)		\
	C(TH_CONSULTATION,	"consultation",		TEXT)	/* slug */\
	C(TH_CONSULTATION_TITLE, "consultation_title",	TEXT)		\
	C(TH_PRIMARY,		"is_primary",		BOOL)		\
	C(TH_ARCHIVED,		"archived",		BOOL)	/* read-only */\
	C(TH_SPLIT,		"split",		BOOL)	/* tallies split */\
	C(TH_SOURCE_NAME,	"source_name",		TEXT)	/* or "" */
DB_COLUMNS(PART_THEME_COLS, TH__MAX);
extern const struct db_stmt	sql_part_theme;

/* No parameters. Every territory, in display order. */
#define PART_TERRITORY_COLS(C)						\
	C(TERR_CODE,		"code",			TEXT)		\
	C(TERR_NAME,		"name",			TEXT)
DB_COLUMNS(PART_TERRITORY_COLS, TERR__MAX);
extern const struct db_stmt	sql_part_territories;

/*
 * A page of a theme's published proposals, one statement per sort. $1
 * theme id, $2 territory code or NULL, $3 search text or NULL, $4 limit,
 * $5 offset, $6 the Region's answer (NULL any, 'sans' none yet, else a
 * vocab_answer code), and for sql_part_list_random $7 the visitor's seed
 * (0 .. 2^31 - 1: a multiplicative hash of id XOR seed, modulo a prime,
 * orders the rows). The source sorts of an archive order by the source
 * platform's tallies (indexes imported_proposals_votes and _agree).
 */
#define PART_LIST_COLS(C)						\
	C(LI_ID,		"id",			INT)		\
	C(LI_TITLE,		"title",		TEXT)		\
	C(LI_EXCERPT,		"excerpt",		TEXT)	/* Markdown */\
	C(LI_AUTHOR,		"author",		TEXT)		\
	C(LI_TERRITORY,		"territory",		TEXT)	/* or "" */\
	C(LI_AGREE,		"votes_agree",		INT)		\
	C(LI_MIXED,		"votes_mixed",		INT)		\
	C(LI_DISAGREE,		"votes_disagree",	INT)		\
	C(LI_ARGUMENTS,		"arguments",		INT)	/* published */\
	C(LI_REPLIES,		"replies",		INT)	/* + comments */\
	C(LI_DATE,		"date",			TEXT)	/* French */\
	C(LI_ANSWER,		"answer",		TEXT)	/* vocab_answer; NULL */
DB_COLUMNS(PART_LIST_COLS, LI__MAX);
extern const struct db_stmt	sql_part_list_recent;
extern const struct db_stmt	sql_part_list_votes;
extern const struct db_stmt	sql_part_list_agree;
extern const struct db_stmt	sql_part_list_debate;
extern const struct db_stmt	sql_part_list_random;
extern const struct db_stmt	sql_part_list_source_votes;
extern const struct db_stmt	sql_part_list_source_agree;

/*
 * $1 theme id, $2 territory or NULL, $3 search or NULL, $4 the Region's
 * answer (NULL any, 'sans' none yet, else a vocab_answer code). One row;
 * with a search, counted up to PART_SEARCH_CAP + 1 (more: "plus de").
 */
#define PART_SEARCH_CAP		1000
#define PART_SEARCH_CAP_SQL	"1000"
#define PART_COUNT_COLS(C)						\
	C(COUNT_N,		"n",			INT)
DB_COLUMNS(PART_COUNT_COLS, COUNT__MAX);
extern const struct db_stmt	sql_part_list_count;

/*
 * $1 proposal id, $2 the viewer's user id or NULL, $3 the edit window in
 * minutes. Zero or one row.
 */
#define PART_PROPOSAL_COLS(C)						\
	C(PP_ID,		"id",			INT)		\
	C(PP_TITLE,		"title",		TEXT)		\
	C(PP_BODY_HTML,		"body_html",		TEXT)	/* cmark */\
	C(PP_LINK,		"link",			TEXT)	/* or NULL */\
	C(PP_STATUS,		"status",		TEXT)	/* vocab_status */\
	C(PP_AUTHOR_ID,		"author_id",		INT)	/* or NULL */\
	C(PP_AUTHOR,		"author",		TEXT)		\
	C(PP_TERRITORY,		"territory",		TEXT)	/* name or "" */\
	C(PP_DATE,		"date",			TEXT)	/* French */\
	C(PP_AGREE,		"votes_agree",		INT)		\
	C(PP_MIXED,		"votes_mixed",		INT)		\
	C(PP_DISAGREE,		"votes_disagree",	INT)		\
	C(PP_CHOICE,		"choice",		TEXT)	/* or NULL */\
	C(PP_EDITED,		"edited",		BOOL)		\
	C(PP_THEME,		"theme",		TEXT)	/* slug */\
	C(PP_THEME_TITLE,	"theme_title",		TEXT)		\
	C(PP_PHASE,		"phase",		TEXT)	/* vocab_phase */\
	C(PP_OPENS,		"opens",		TEXT)		\
	C(PP_CLOSES,		"closes",		TEXT)		\
	C(PP_EDITABLE,		"editable",		BOOL)	/* in window */\
	C(PP_TERRITORY_CODE,	"territory_code",	TEXT)	/* or NULL */\
	C(PP_BODY,		"body",			TEXT)	/* Markdown */\
	C(PP_THEME_POSITION,	"theme_position",	INT)		\
	C(PP_MODE,		"moderation_mode",	TEXT)		\
	C(PP_UNDER_REVIEW,	"under_review",		BOOL)	/* flagged */\
	C(PP_RULE,		"rule",			TEXT)	/* or "" */\
	C(PP_NOTE,		"note",			TEXT)	/* or "" */\
	C(PP_RULE_TITLE,	"rule_title",		TEXT)	/* or "" */\
	C(PP_ARCHIVED,		"archived",		BOOL)	/* imported */\
	C(PP_WITHDRAWN,		"withdrawn",		BOOL)	/* by its author */\
	C(PP_WITHDRAWN_DATE,	"withdrawn_date",	TEXT)	/* French, or "" */
DB_COLUMNS(PART_PROPOSAL_COLS, PP__MAX);
extern const struct db_stmt	sql_part_proposal;

/*
 * A row of a proposal's thread (threads.h, sql_thread_page_*): an
 * argument or a comment, published or the viewer's own; a withdrawn one
 * with its date (its body is empty).
 */
#define PART_THREAD_COLS(C)						\
	C(TR_ID,		"id",			INT)		\
	C(TR_KIND,		"kind",			TEXT)	/* vocab_kind */\
	C(TR_POSITION,		"position",		TEXT)	/* or NULL */\
	C(TR_PARENT,		"parent_id",		INT)		\
	C(TR_DEPTH,		"depth",		INT)		\
	C(TR_BODY_HTML,		"body_html",		TEXT)	/* cmark */\
	C(TR_AUTHOR,		"author",		TEXT)		\
	C(TR_DATE,		"date",			TEXT)	/* French */\
	C(TR_USEFUL,		"useful",		INT)		\
	C(TR_MARKED,		"marked",		BOOL)	/* by the viewer */\
	C(TR_STATUS,		"status",		TEXT)	/* vocab_status */\
	C(TR_MINE,		"mine",			BOOL)	/* the viewer's */\
	C(TR_WITHDRAWN,		"withdrawn",		BOOL)	/* by its author */\
	C(TR_WITHDRAWN_DATE,	"withdrawn_date",	TEXT)	/* French, or "" */\
	C(TR_RULE,		"rule",			TEXT)	/* "" none */\
	C(TR_EDITED_DATE,	"edited_date",		TEXT)	/* "" never */\
	C(TR_EDITABLE,		"editable",		BOOL)	/* in window */
DB_COLUMNS(PART_THREAD_COLS, TR__MAX);

/*
 * $1 user, $2 proposal, $3 agree|mixed|disagree|none, $4 true: only an
 * account verified by FranceConnect may vote. One row.
 */
#define PART_CODE_COLS(C)						\
	C(CODE,			"code",			TEXT)
DB_COLUMNS(PART_CODE_COLS, CODE__MAX);
extern const struct db_stmt	sql_part_vote;
/*
 * $1 author, $2 id, $3 title, $4 body, $5 body_html, $6 link or NULL,
 * $7 territory, $8 window (minutes). One row: the code.
 */
extern const struct db_stmt	sql_part_edit;

/*
 * $1 user, $2 argument or comment: its author withdraws it. One row: the
 * code ('ok', 'missing') and its proposal (NULL when missing).
 */
#define PART_WITHDRAW_COLS(C)						\
	C(WD_CODE,		"code",			TEXT)		\
	C(WD_THREAD,		"thread",		INT)
DB_COLUMNS(PART_WITHDRAW_COLS, WD__MAX);
extern const struct db_stmt	sql_part_withdraw;

/* $1 user, $2 argument. One row: the code, and the argument's proposal. */
#define PART_USEFUL_COLS(C)						\
	C(USEFUL_CODE,		"code",			TEXT)		\
	C(USEFUL_PROPOSAL,	"proposal_id",		INT)	/* or NULL */
DB_COLUMNS(PART_USEFUL_COLS, USEFUL__MAX);
extern const struct db_stmt	sql_part_useful;

/*
 * sql_part_reply: $1 author, $2 proposal, $3 parent or NULL, $4 position or
 * NULL, $5 territory, $6 body, $7 body_html, $8 max depth.
 * sql_part_propose: $1 author, $2 theme slug, $3 title, $4 body,
 * $5 body_html, $6 link or NULL, $7 territory. One row each: the code
 * ("ok", "pending" or a refusal) and the new contribution's id.
 */
#define PART_NEW_COLS(C)						\
	C(NEW_CODE,		"code",			TEXT)		\
	C(NEW_ID,		"new_id",		INT)	/* or NULL */
DB_COLUMNS(PART_NEW_COLS, NEW__MAX);
extern const struct db_stmt	sql_part_reply;
extern const struct db_stmt	sql_part_propose;

/*
 * $1 argument or comment, $2 its author, $3 the edit window (minutes): the
 * text its author may edit (not withdrawn, hidden or refused), or no row.
 */
#define PART_REPLY_COLS(C)						\
	C(RG_ID,		"id",			INT)		\
	C(RG_KIND,		"kind",			TEXT)	/* vocab_kind */\
	C(RG_PROPOSAL,		"proposal_id",		INT)		\
	C(RG_BODY,		"body",			TEXT)	/* Markdown */\
	C(RG_STATUS,		"status",		TEXT)	/* vocab_status */\
	C(RG_REFUSAL,		"refusal",		TEXT)	/* or NULL */\
	C(RG_EDITABLE,		"editable",		BOOL)	/* in window */
DB_COLUMNS(PART_REPLY_COLS, RG__MAX);
extern const struct db_stmt	sql_part_reply_get;

/*
 * $1 author, $2 argument or comment, $3 body, $4 body_html, $5 window
 * (minutes): participation_edit_reply. One row: the code.
 */
extern const struct db_stmt	sql_part_edit_reply;

#endif
