/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * SQL of the consultations list and of the archived consultations
 * (imported from another platform, read-only): their page, the source
 * platform's tallies on their listings and proposal pages. Counts come from
 * the rollups (report_counts, report_source_tallies), never from reading
 * every contribution. Each statement's columns are named by the enum beside
 * it.
 */

#ifndef AGORA_DB_ARCHIVES_H
#define AGORA_DB_ARCHIVES_H

/*
 * No parameters. Every consultation, the primary one first, then the
 * archives, latest first.
 */
extern const char	sql_archive_list[];
enum {
	ARL_SLUG,		/* consultations.slug */
	ARL_TITLE,
	ARL_SUMMARY,
	ARL_PRIMARY,		/* "t" for the Region's own consultation */
	ARL_SOURCE_NAME,	/* the platform it was imported from, or "" */
	ARL_OPENS,		/* French date */
	ARL_CLOSES,		/* French date, last open day */
	ARL_THEMES,		/* number of themes */
	ARL_PROPOSALS,		/* published proposals */
	ARL_REPLIES,		/* published arguments and comments */
	ARL__MAX
};

/* No parameters. The archives, latest first (the home page links them). */
extern const char	sql_archive_titles[];
enum {
	ATI_SLUG,
	ATI_TITLE,
	ATI_SOURCE_NAME,	/* or "" */
	ATI__MAX
};

/* $1 slug. Zero or one row: a consultation with its published counts. */
extern const char	sql_archive_consultation[];
enum {
	ARC_ID,
	ARC_SLUG,
	ARC_TITLE,
	ARC_SUMMARY,
	ARC_BODY,		/* Markdown */
	ARC_PRIMARY,		/* "t": the Region's own (redirected to /) */
	ARC_ARCHIVED,		/* "t": imported, read-only */
	ARC_SOURCE_NAME,	/* or "" */
	ARC_SOURCE_URL,		/* or "" */
	ARC_LICENCE,		/* or "" */
	ARC_OPENS,		/* French date */
	ARC_CLOSES,		/* French date, last open day */
	ARC_IMPORTED,		/* French date of the import */
	ARC_PROPOSALS,
	ARC_ARGUMENTS,
	ARC_COMMENTS,
	ARC__MAX
};

/* $1 consultation id. Its themes in order, with their published counts. */
extern const char	sql_archive_themes[];
enum {
	ART_SLUG,
	ART_TITLE,
	ART_SUMMARY,
	ART_PROPOSALS,
	ART_ARGUMENTS,
	ART_COMMENTS,
	ART_SOURCE_VOTES,	/* votes or supports on the source, summed */
	ART__MAX
};

/*
 * $1 consultation slug, $2 theme slug. Zero or one row: the theme as
 * sql_part_theme gives it (the first ten columns), then its consultation.
 */
extern const char	sql_archive_theme[];
enum {
	ATH_ID, ATH_SLUG, ATH_TITLE, ATH_SUMMARY, ATH_BODY, ATH_POSITION,
	ATH_PHASE, ATH_OPENS, ATH_CLOSES, ATH_MODE,	/* as sql_part_theme */
	ATH_CONSULTATION,	/* consultation slug */
	ATH_CONSULTATION_TITLE,
	ATH_PRIMARY,		/* "t": the Region's own consultation */
	ATH_SPLIT,		/* "t": tallies have d'accord/mitigé/pas d'accord */
	ATH_SOURCE_NAME,	/* or "" */
	ATH__MAX
};

/*
 * $1 an array literal of proposal ids ("{12,7}"). Their source tallies:
 * one row per id that has some.
 */
extern const char	sql_archive_list_tallies[];
enum {
	ALT_ID,
	ALT_AGREE,		/* NULL when the source has no split */
	ALT_MIXED,
	ALT_DISAGREE,
	ALT_VOTES,		/* votes or supports; NULL: none */
	ALT_COMMENTS,		/* comments declared by the source; NULL */
	ALT__MAX
};

/*
 * $1 proposal id. Zero or one row: the archive it belongs to and the
 * source platform's tallies of the proposal.
 */
extern const char	sql_archive_proposal[];
enum {
	ARP_CONSULTATION,	/* slug */
	ARP_CONSULTATION_TITLE,
	ARP_SOURCE_NAME,	/* or "" */
	ARP_AGREE,		/* NULL when the source has no split */
	ARP_MIXED,
	ARP_DISAGREE,
	ARP_VOTES,		/* votes or supports; NULL: none */
	ARP_ARGS_YES,		/* arguments pour declared; NULL */
	ARP_ARGS_NO,
	ARP_COMMENTS,		/* comments declared; NULL */
	ARP_URL,		/* the page on the source, or "" */
	ARP__MAX
};

/*
 * $1 proposal id. The source tallies of its thread's arguments and
 * comments, in id order.
 */
extern const char	sql_archive_thread_tallies[];
enum {
	ATT_ID,
	ATT_VOTES,		/* votes on an argument; NULL: none */
	ATT_ALIGNMENT,		/* comment: 1 pour, 0 neutre, -1 contre; NULL */
	ATT__MAX
};

#endif
