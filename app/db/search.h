/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The site-wide search (/recherche): themes and published proposals of
 * every consultation, the archives included, through search_query()
 * (migrations/functions/search.sql) and the full-text index of the
 * listings (proposals_search, migration 0361). Highlighted parts come
 * back between the delimiters the caller passes in ts_headline's options
 * (never HTML: the caller escapes everything and writes the marks itself).
 */

#ifndef AGORA_DB_SEARCH_H
#define AGORA_DB_SEARCH_H

#include "db.h"

/*
 * The most proposals one search looks at: the page's order (relevance or
 * date) is taken among the SEARCH_CAP newest matches, and the count stops
 * at SEARCH_CAP + 1 ("plus de"), so that a frequent word never reads
 * every proposal. Spelled in the statements below.
 */
#define SEARCH_CAP		1000
#define SEARCH_CAP_SQL		"1000"

/*
 * $1 what was typed, $2 ts_headline's options for the summary. The themes
 * whose title, summary, text or consultation's title match, at most 20,
 * the best first.
 */
#define SEARCH_THEME_COLS(C)						\
	C(SRT_SLUG,		"slug",			TEXT)		\
	C(SRT_TITLE,		"title",		TEXT)		\
	C(SRT_EXCERPT,		"excerpt",		TEXT)	/* marked */\
	C(SRT_CONSULTATION,	"consultation",		TEXT)	/* slug */\
	C(SRT_CONS_TITLE,	"consultation_title",	TEXT)		\
	C(SRT_PRIMARY,		"is_primary",		BOOL)		\
	C(SRT_ARCHIVED,		"archived",		BOOL)
DB_COLUMNS(SEARCH_THEME_COLS, SRT__MAX);
extern const struct db_stmt	sql_search_themes;

/*
 * $1 what was typed, $2 ts_headline's options for the text, $3 its
 * options for the title, $4 the order ('pertinence' or 'date'), $5 limit,
 * $6 offset. A page of the matching published proposals (among the
 * SEARCH_CAP newest), with their theme and consultation, each row with
 * the number of matches counted up to SEARCH_CAP + 1 (more than
 * SEARCH_CAP: "plus de"). At least one row: past the last page, one row
 * whose id is NULL carries the count.
 */
#define SEARCH_PROPOSAL_COLS(C)						\
	C(SRP_ID,		"id",			INT)		\
	C(SRP_TITLE,		"title",		TEXT)	/* marked */\
	C(SRP_EXCERPT,		"excerpt",		TEXT)	/* marked */\
	C(SRP_THEME,		"theme",		TEXT)	/* slug */\
	C(SRP_THEME_TITLE,	"theme_title",		TEXT)		\
	C(SRP_CONSULTATION,	"consultation",		TEXT)	/* slug */\
	C(SRP_CONS_TITLE,	"consultation_title",	TEXT)		\
	C(SRP_PRIMARY,		"is_primary",		BOOL)		\
	C(SRP_ARCHIVED,		"archived",		BOOL)		\
	C(SRP_DATE,		"date",			TEXT)	/* French */\
	C(SRP_MATCHES,		"matches",		INT)
DB_COLUMNS(SEARCH_PROPOSAL_COLS, SRP__MAX);
extern const struct db_stmt	sql_search_proposals;

/*
 * No parameter. The themes of the primary consultation, in order: what a
 * search without results suggests.
 */
#define SEARCH_SUGGEST_COLS(C)						\
	C(SRS_SLUG,		"slug",			TEXT)		\
	C(SRS_TITLE,		"title",		TEXT)
DB_COLUMNS(SEARCH_SUGGEST_COLS, SRS__MAX);
extern const struct db_stmt	sql_search_suggest;

#endif
