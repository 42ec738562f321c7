/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The consultations list and the archived consultations (imported from
 * another platform, read-only): their page, and the source platform's
 * tallies on their listings and proposal pages. Counts come from the
 * rollups (report_counts, report_source_tallies), never from reading every
 * contribution. An archive's theme is found with sql_part_theme.
 */

#ifndef AGORA_DB_ARCHIVES_H
#define AGORA_DB_ARCHIVES_H

#include "db.h"

/*
 * No parameters. Every consultation, the primary one first, then the
 * archives, latest first.
 */
#define ARCHIVE_LIST_COLS(C)						\
	C(ARL_SLUG,		"slug",			TEXT)		\
	C(ARL_TITLE,		"title",		TEXT)		\
	C(ARL_SUMMARY,		"summary",		TEXT)		\
	C(ARL_PRIMARY,		"is_primary",		BOOL)	/* the Region's */\
	C(ARL_SOURCE_NAME,	"source_name",		TEXT)	/* or "" */\
	C(ARL_OPENS,		"opens",		TEXT)	/* French date */\
	C(ARL_CLOSES,		"closes",		TEXT)	/* last open day */\
	C(ARL_THEMES,		"themes",		INT)		\
	C(ARL_PROPOSALS,	"proposals",		INT)	/* published */\
	C(ARL_REPLIES,		"replies",		INT)	/* published */
DB_COLUMNS(ARCHIVE_LIST_COLS, ARL__MAX);
extern const struct db_stmt	sql_archive_list;

/* No parameters. The archives, latest first (the home page links them). */
#define ARCHIVE_TITLE_COLS(C)						\
	C(ATI_SLUG,		"slug",			TEXT)		\
	C(ATI_TITLE,		"title",		TEXT)		\
	C(ATI_SOURCE_NAME,	"source_name",		TEXT)	/* or "" */
DB_COLUMNS(ARCHIVE_TITLE_COLS, ATI__MAX);
extern const struct db_stmt	sql_archive_titles;

/* $1 slug. Zero or one row: a consultation with its published counts. */
#define ARCHIVE_COLS(C)							\
	C(ARC_ID,		"id",			INT)		\
	C(ARC_SLUG,		"slug",			TEXT)		\
	C(ARC_TITLE,		"title",		TEXT)		\
	C(ARC_SUMMARY,		"summary",		TEXT)		\
	C(ARC_BODY,		"body",			TEXT)	/* Markdown */\
	C(ARC_PRIMARY,		"is_primary",		BOOL)	/* go to / */\
	C(ARC_ARCHIVED,		"archived",		BOOL)	/* read-only */\
	C(ARC_SOURCE_NAME,	"source_name",		TEXT)	/* or "" */\
	C(ARC_SOURCE_URL,	"source_url",		TEXT)	/* or "" */\
	C(ARC_LICENCE,		"licence",		TEXT)	/* or "" */\
	C(ARC_OPENS,		"opens",		TEXT)	/* French date */\
	C(ARC_CLOSES,		"closes",		TEXT)	/* last open day */\
	C(ARC_IMPORTED,		"imported",		TEXT)	/* French date */\
	C(ARC_PROPOSALS,	"proposals",		INT)		\
	C(ARC_ARGUMENTS,	"arguments",		INT)		\
	C(ARC_COMMENTS,		"comments",		INT)
DB_COLUMNS(ARCHIVE_COLS, ARC__MAX);
extern const struct db_stmt	sql_archive_consultation;

/* $1 consultation id. Its themes in order, with their published counts. */
#define ARCHIVE_THEME_COLS(C)						\
	C(ART_SLUG,		"slug",			TEXT)		\
	C(ART_TITLE,		"title",		TEXT)		\
	C(ART_SUMMARY,		"summary",		TEXT)		\
	C(ART_PROPOSALS,	"proposals",		INT)		\
	C(ART_ARGUMENTS,	"arguments",		INT)		\
	C(ART_COMMENTS,		"comments",		INT)		\
	C(ART_SOURCE_VOTES,	"source_votes",		INT)	/* summed */
DB_COLUMNS(ARCHIVE_THEME_COLS, ART__MAX);
extern const struct db_stmt	sql_archive_themes;

/*
 * $1 an array literal of proposal ids ("{12,7}"). Their source tallies:
 * one row per id that has some, in id order.
 */
#define ARCHIVE_TALLY_COLS(C)						\
	C(ALT_ID,		"id",			INT)		\
	C(ALT_AGREE,		"agree",		INT)	/* NULL: no split */\
	C(ALT_MIXED,		"mixed",		INT)		\
	C(ALT_DISAGREE,		"disagree",		INT)		\
	C(ALT_VOTES,		"votes",		INT)	/* or supports; NULL */\
	C(ALT_COMMENTS,		"comments",		INT)	/* declared; NULL */
DB_COLUMNS(ARCHIVE_TALLY_COLS, ALT__MAX);
extern const struct db_stmt	sql_archive_list_tallies;

/*
 * $1 proposal id. Zero or one row: the archive it belongs to and the
 * source platform's tallies of the proposal.
 */
#define ARCHIVE_PROPOSAL_COLS(C)					\
	C(ARP_CONSULTATION,	"consultation",		TEXT)	/* slug */\
	C(ARP_CONSULTATION_TITLE, "consultation_title",	TEXT)		\
	C(ARP_SOURCE_NAME,	"source_name",		TEXT)	/* or "" */\
	C(ARP_AGREE,		"agree",		INT)	/* NULL: no split */\
	C(ARP_MIXED,		"mixed",		INT)		\
	C(ARP_DISAGREE,		"disagree",		INT)		\
	C(ARP_VOTES,		"votes",		INT)	/* or supports; NULL */\
	C(ARP_ARGS_YES,		"arguments_yes",	INT)	/* declared; NULL */\
	C(ARP_ARGS_NO,		"arguments_no",		INT)		\
	C(ARP_COMMENTS,		"comments",		INT)	/* declared; NULL */\
	C(ARP_URL,		"url",			TEXT)	/* or "" */
DB_COLUMNS(ARCHIVE_PROPOSAL_COLS, ARP__MAX);
extern const struct db_stmt	sql_archive_proposal;

/*
 * $1 proposal id. The source tallies of its thread's arguments and
 * comments, in id order.
 */
#define ARCHIVE_THREAD_COLS(C)						\
	C(ATT_ID,		"id",			INT)		\
	C(ATT_VOTES,		"votes",		INT)	/* argument; NULL */\
	C(ATT_ALIGNMENT,	"alignment",		TEXT)	/* 1, 0, -1; NULL */
DB_COLUMNS(ARCHIVE_THREAD_COLS, ATT__MAX);
extern const struct db_stmt	sql_archive_thread_tallies;

#endif
