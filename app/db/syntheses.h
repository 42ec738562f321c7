/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Syntheses (issue 16, item 2): per theme of the current consultation, a
 * Markdown text of the secretariat, its versions, its publications.
 */

#ifndef AGORA_DB_SYNTHESES_H
#define AGORA_DB_SYNTHESES_H

#include "db.h"

/*
 * $1 theme slug (current consultation). Zero or one row: the theme, its
 * version published last (columns NULL when none) with who published it
 * and when, its counts (contributions cited; public contributions of the
 * theme that no citation of it covers), and its latest version's number
 * (0: none yet).
 */
#define SYNTHESIS_COLS(C)						\
	C(SY_THEME_ID,		"theme_id",		INT)		\
	C(SY_TITLE,		"title",		TEXT)	/* theme */\
	C(SY_NUMBER,		"number",		INT)	/* NULL */\
	C(SY_BODY,		"body",			TEXT)	/* NULL */\
	C(SY_PUBLISHED,		"published",		TEXT)	/* French */\
	C(SY_PUBLISHER,		"publisher",		TEXT)		\
	C(SY_CITED,		"cited",		INT)		\
	C(SY_UNCOVERED,		"uncovered",		INT)		\
	C(SY_CONTRIBUTIONS,	"contributions",	INT)	/* public */\
	C(SY_LATEST,		"latest",		INT)		\
	C(SY_LOG,		"log_id",		INT)	/* NULL */
DB_COLUMNS(SYNTHESIS_COLS, SY__MAX);
extern const struct db_stmt	sql_synthesis_public;

/*
 * $1 theme slug, $2 version number (0: the one published last). The
 * contributions that version cites, still public: id, title (or the
 * start of the text) and the address of its page.
 */
#define SYNTHESIS_REF_COLS(C)						\
	C(SR_ID,		"id",			INT)		\
	C(SR_TITLE,		"title",		TEXT)		\
	C(SR_HREF,		"href",			TEXT)		\
	C(SR_SLUG,		"slug",			TEXT)	/* a synthesis's theme, or NULL */
DB_COLUMNS(SYNTHESIS_REF_COLS, SR__MAX);
extern const struct db_stmt	sql_synthesis_refs;

/*
 * A cited contribution c's title (or the start of its text) and the
 * address of its page, as SQL: the columns of SYNTHESIS_REF_COLS (also
 * sql_council_refs).
 */
#define CITATION_REF_TITLE						\
    "coalesce(c.title, CASE WHEN char_length(c.body) > 80"		\
    " THEN left(c.body, 80) || '…' ELSE c.body END)"
#define CITATION_REF_HREF						\
    "CASE WHEN c.kind = 'proposal' THEN '/propositions/' || c.id"	\
    " ELSE '/propositions/' || c.proposal_id || '?voir=' || c.id"	\
    " || '#c' || c.id END"

/*
 * $1 theme slug. Zero or one row, for the edit page: the theme, its
 * latest version (number 0 and the first draft from the topics when there
 * is none) and the number of the version published last (0: none).
 */
#define SYNTHESIS_DRAFT_COLS(C)						\
	C(SD_THEME_ID,		"theme_id",		INT)		\
	C(SD_TITLE,		"title",		TEXT)		\
	C(SD_NUMBER,		"number",		INT)		\
	C(SD_BODY,		"body",			TEXT)		\
	C(SD_PUBLISHED,		"published",		INT)
DB_COLUMNS(SYNTHESIS_DRAFT_COLS, SD__MAX);
extern const struct db_stmt	sql_synthesis_draft;

/*
 * $1 theme slug. The versions, latest first: number, author, date and
 * time (French), citations, whether it is the one published last.
 */
#define SYNTHESIS_VERSION_COLS(C)					\
	C(SV_NUMBER,		"number",		INT)		\
	C(SV_AUTHOR,		"author",		TEXT)		\
	C(SV_WHEN,		"at",			TEXT)		\
	C(SV_CITATIONS,		"citations",		INT)		\
	C(SV_PUBLIC,		"public",		BOOL)
DB_COLUMNS(SYNTHESIS_VERSION_COLS, SV__MAX);
extern const struct db_stmt	sql_synthesis_versions;

/* $1 theme slug, $2 version number: its text (zero or one row). */
#define SYNTHESIS_BODY_COLS(C)						\
	C(SB_BODY,		"body",			TEXT)
DB_COLUMNS(SYNTHESIS_BODY_COLS, SB__MAX);
extern const struct db_stmt	sql_synthesis_body;

/*
 * synthesis_save(): $1 theme id, $2 body, $3 author, $4 the citations'
 * lines, $5 their ids (Postgres array literals). One row: status
 * ('saved', 'citation', 'empty', 'no_theme'), the refused citation's
 * line and id, the new version's number.
 */
#define SYNTHESIS_SAVE_COLS(C)						\
	C(SS_STATUS,		"status",		TEXT)		\
	C(SS_LINE,		"line",			INT)		\
	C(SS_ID,		"contribution",		INT)		\
	C(SS_VERSION,		"version",		INT)
DB_COLUMNS(SYNTHESIS_SAVE_COLS, SS__MAX);
extern const struct db_stmt	sql_synthesis_save;

/* synthesis_publish(): $1 theme id, $2 number, $3 who. One row: status. */
#define SYNTHESIS_PUBLISH_COLS(C)					\
	C(SP_STATUS,		"status",		TEXT)
DB_COLUMNS(SYNTHESIS_PUBLISH_COLS, SP__MAX);
extern const struct db_stmt	sql_synthesis_publish;

/*
 * $1 proposal id. The contributions of its thread (itself included) that
 * the published synthesis of its theme cites (id, theme slug and title,
 * referral 0) or a published opinion of the council cites (id, its
 * referral; slug and title empty), by id then referral.
 */
#define SYNTHESIS_CITING_COLS(C)					\
	C(SC_ID,		"id",			INT)		\
	C(SC_SLUG,		"slug",			TEXT)		\
	C(SC_TITLE,		"title",		TEXT)		\
	C(SC_REFERRAL,		"referral",		INT)
DB_COLUMNS(SYNTHESIS_CITING_COLS, SC__MAX);
extern const struct db_stmt	sql_synthesis_citing;

/*
 * $1 theme slug (current consultation). Zero or one row: whether its
 * synthesis is published, for the links of the theme and report pages.
 */
#define SYNTHESIS_STATE_COLS(C)						\
	C(SE_PUBLISHED,		"published",		BOOL)
DB_COLUMNS(SYNTHESIS_STATE_COLS, SE__MAX);
extern const struct db_stmt	sql_synthesis_state;

/*
 * No parameter. One row: the open-data file /export/syntheses.json (every
 * published synthesis, its text, its citations, its counts), as text.
 */
#define SYNTHESIS_EXPORT_COLS(C)					\
	C(SX_JSON,		"json",			TEXT)
DB_COLUMNS(SYNTHESIS_EXPORT_COLS, SX__MAX);
extern const struct db_stmt	sql_synthesis_export;

#endif
