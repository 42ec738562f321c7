/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * SQL of the digital council (issue 16, item 3; migration 0330,
 * migrations/functions/council.sql): the public list of referrals, one
 * referral with its opinion and the Region's response, the members'
 * drafts and comments, and the writes of a referral's life.
 */

#ifndef AGORA_DB_COUNCIL_H
#define AGORA_DB_COUNCIL_H

#include "db.h"

/*
 * The referrals, newest first (/conseil/): no parameter. The first
 * columns of sql_council_referral too.
 */
#define COUNCIL_LIST_COLS(C)						\
	C(CL_ID,		"id",		INT)			\
	C(CL_KIND,		"kind",		TEXT)	/* saisine... */\
	C(CL_QUESTION,		"question",	TEXT)			\
	C(CL_DUE,		"due",		TEXT)	/* French */	\
	C(CL_STATE,		"state",	TEXT)	/* council_state */\
	C(CL_THEMES,		"themes",	TEXT)	/* titles, ", " */
DB_COLUMNS(COUNCIL_LIST_COLS, CL__MAX);
extern const struct db_stmt	sql_council_list;

/* The members (display names, by name) and the council's size. */
#define COUNCIL_MEMBER_COLS(C)						\
	C(CM_ID,		"id",		INT)			\
	C(CM_NAME,		"name",		TEXT)
DB_COLUMNS(COUNCIL_MEMBER_COLS, CM__MAX);
extern const struct db_stmt	sql_council_members;

/*
 * $1 referral id, $2 the person asking (0: nobody). Zero or one row: the
 * referral, its rapporteur, its opinion (NULL columns until published)
 * and the Region's response (NULL until given), the council's size and
 * today's date (Europe/Paris, YYYY-MM-DD) for the forms' checks.
 */
#define COUNCIL_REFERRAL_COLS(C)					\
	C(CR_ID,		"id",		INT)			\
	C(CR_KIND,		"kind",		TEXT)			\
	C(CR_QUESTION,		"question",	TEXT)			\
	C(CR_DUE,		"due",		TEXT)			\
	C(CR_STATE,		"state",	TEXT)			\
	C(CR_THEMES,		"themes",	TEXT)			\
	C(CR_OPENER,		"opener",	TEXT)	/* display name */\
	C(CR_OPENED,		"opened",	TEXT)	/* French */	\
	C(CR_RAPPORTEUR,	"rapporteur",	INT)	/* or NULL */	\
	C(CR_RAPPORTEUR_NAME,	"rapporteur_name", TEXT)		\
	C(CR_SIZE,		"size",		INT)	/* council_size */\
	C(CR_TODAY,		"today",	TEXT)	/* YYYY-MM-DD */\
	C(CR_OP_HTML,		"op_html",	TEXT)	/* cmark; NULL */\
	C(CR_OP_ADOPTED,	"op_adopted",	TEXT)	/* French */	\
	C(CR_OP_FOR,		"op_for",	INT)			\
	C(CR_OP_AGAINST,	"op_against",	INT)			\
	C(CR_OP_ABSTAIN,	"op_abstain",	INT)			\
	C(CR_OP_PUBLISHED,	"op_published",	TEXT)	/* French */	\
	C(CR_RE_BODY,		"re_body",	TEXT)	/* Markdown; NULL */\
	C(CR_RE_HTML,		"re_html",	TEXT)	/* cmark; NULL */\
	C(CR_RE_DATE,		"re_date",	TEXT)	/* French */	\
	C(CR_OP_LOG,		"op_log",	INT)	/* log row; NULL */\
	C(CR_RE_LOG,		"re_log",	INT)	/* log row; NULL */
DB_COLUMNS(COUNCIL_REFERRAL_COLS, CR__MAX);
extern const struct db_stmt	sql_council_referral;

/* $1 referral id: every version of its opinion, newest first. */
#define COUNCIL_DRAFT_COLS(C)						\
	C(CD_ID,		"id",		INT)			\
	C(CD_AUTHOR,		"author",	TEXT)			\
	C(CD_DATE,		"date",		TEXT)	/* French, time */\
	C(CD_BODY,		"body",		TEXT)	/* Markdown */	\
	C(CD_HTML,		"body_html",	TEXT)	/* cmark */
DB_COLUMNS(COUNCIL_DRAFT_COLS, CD__MAX);
extern const struct db_stmt	sql_council_drafts;

/* $1 referral id: the members' comments, oldest first. */
#define COUNCIL_COMMENT_COLS(C)						\
	C(CC_AUTHOR,		"author",	TEXT)			\
	C(CC_DATE,		"date",		TEXT)			\
	C(CC_BODY,		"body",		TEXT)	/* plain */
DB_COLUMNS(COUNCIL_COMMENT_COLS, CC__MAX);
extern const struct db_stmt	sql_council_comments;

/*
 * The themes of the primary consultation (for the referral form), and
 * today's date in Europe/Paris (YYYY-MM-DD) on every row.
 */
#define COUNCIL_THEME_COLS(C)						\
	C(CT_SLUG,		"slug",		TEXT)			\
	C(CT_TITLE,		"title",	TEXT)			\
	C(CT_TODAY,		"today",	TEXT)
DB_COLUMNS(COUNCIL_THEME_COLS, CT__MAX);
extern const struct db_stmt	sql_council_themes;

/* A write's one answer: an id (NULL: refused), or an outcome code. */
#define COUNCIL_WRITE_COLS(C)						\
	C(CW_RESULT,		"result",	TEXT)
DB_COLUMNS(COUNCIL_WRITE_COLS, CW__MAX);
/*
 * $1 kind, $2 question, $3 due date, $4 user, $5 theme slugs (text[]
 * literal), $6 base URL, $7 and $8 the members' mail (MT_COUNCIL_REFERRAL):
 * council_referral_open.
 */
extern const struct db_stmt	sql_council_open;
/*
 * $1 referral, $2 member, $3 Markdown, $4 HTML, $5 base URL, $6 and $7
 * the mail (MT_COUNCIL_DRAFT), $8 and $9 the citations' lines and ids
 * (int[] and bigint[] literals): council_draft_add. result: the version's
 * id, NULL (refused), or "citation" with the first bad one's line and id.
 */
#define COUNCIL_DRAFT_ADD_COLS(C)					\
	C(CA_RESULT,		"result",	TEXT)			\
	C(CA_LINE,		"line",		INT)			\
	C(CA_ID,		"contribution",	INT)
DB_COLUMNS(COUNCIL_DRAFT_ADD_COLS, CA__MAX);
extern const struct db_stmt	sql_council_draft_add;
/*
 * $1 referral, $2 ids (bigint[] literal): those that are public
 * contributions of its themes, with title and address (the columns of
 * SYNTHESIS_REF_COLS, app/db/syntheses.h); $3 slugs (text[] literal):
 * those of its themes whose synthesis is published (id 0, the slug).
 */
extern const struct db_stmt	sql_council_refs;
/* $1 referral, $2 member, $3 text: result 1 when written, else 0. */
extern const struct db_stmt	sql_council_comment_add;
/*
 * $1 referral, $2 the member designated, $3 who designates: 1 when both
 * are members and the opinion is not published, else 0.
 */
extern const struct db_stmt	sql_council_rapporteur_set;
/*
 * $1 referral, $2 rapporteur, $3 their pseudonym in the moderation log
 * (modlog_pseudonym()), $4 adoption date, $5 for, $6 against, $7
 * abstaining, $8 base URL, $9 and $10 the followers' mail
 * (MT_COUNCIL_OPINION), $11 and $12 the cited authors' (MT_COUNCIL_CITED):
 * council_publish's outcome.
 */
extern const struct db_stmt	sql_council_publish;
/*
 * $1 referral, $2 official, $3 their pseudonym in the moderation log, $4
 * Markdown, $5 HTML: "t" when written.
 */
extern const struct db_stmt	sql_council_respond;

/* /export/conseil.json: one row, doc (council_export, indented). */
#define COUNCIL_EXPORT_COLS(C)						\
	C(CX_DOC,		"doc",		TEXT)
DB_COLUMNS(COUNCIL_EXPORT_COLS, CX__MAX);
extern const struct db_stmt	sql_council_export;

#endif
