/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* The home page: the primary consultation and its themes. */

#ifndef AGORA_DB_THEMES_H
#define AGORA_DB_THEMES_H

#include "db.h"

/* No parameters. One row for the primary consultation. */
#define HOME_CONSULTATION_COLS(C)					\
	C(HC_ID,		"id",			INT)		\
	C(HC_TITLE,		"title",		TEXT)		\
	C(HC_SUMMARY,		"summary",		TEXT)		\
	C(HC_BODY,		"body",			TEXT)	/* Markdown */\
	C(HC_OPENS,		"opens",		TEXT)	/* French date */\
	C(HC_CLOSES,		"closes",		TEXT)	/* last open day */\
	C(HC_PHASE,		"phase",		TEXT)	/* vocab_phase */\
	C(HC_CONTRIBUTORS,	"contributors",		INT)		\
	C(HC_CONTRIBUTIONS,	"contributions",	INT)	/* published */
DB_COLUMNS(HOME_CONSULTATION_COLS, HC__MAX);
extern const struct db_stmt	sql_home_consultation;

/* $1 consultation id. One row per theme, in order. */
#define HOME_THEME_COLS(C)						\
	C(HT_SLUG,		"slug",			TEXT)		\
	C(HT_TITLE,		"title",		TEXT)		\
	C(HT_SUMMARY,		"summary",		TEXT)		\
	C(HT_PROPOSALS,		"proposals",		INT)	/* published */\
	C(HT_REPLIES,		"replies",		INT)	/* published */
DB_COLUMNS(HOME_THEME_COLS, HT__MAX);
extern const struct db_stmt	sql_home_themes;

#endif
