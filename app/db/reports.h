/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * SQL of the reports (/rapports/) and of the report API. Every figure is a
 * plain count over contributions, votes, territories and official_answers,
 * so anyone can recount it from the open data (/export/ says how). Only
 * public contributions count (contributions.is_public, the rows of the
 * open-data files), except in the moderation figures, which read each
 * row's own status.
 */

#ifndef AGORA_DB_REPORTS_H
#define AGORA_DB_REPORTS_H

/*
 * No parameters. One row per theme of the primary consultation, in order:
 * slug, title, position, contributors, proposals, arguments, comments,
 * votes, official answers.
 */
extern const char	sql_report_index[];
/*
 * $1 slug. Zero or one row: theme id, slug, title, position, consultation
 * title.
 */
extern const char	sql_report_theme[];
/*
 * $1 consultation slug, $2 theme slug (slugs repeat across consultations).
 * Zero or one row: the columns of sql_report_theme, then the archive's.
 */
extern const char	sql_report_theme_archive[];
enum {
	RTA_ID, RTA_SLUG, RTA_TITLE, RTA_POSITION, RTA_CONSULTATION_TITLE,
	RTA_CONSULTATION,	/* consultation slug */
	RTA_PRIMARY,		/* "t": the Region's own consultation */
	RTA_SPLIT,		/* "t": tallies split d'accord / mitigé / ... */
	RTA_SOURCE_NAME,	/* or "" */
	RTA__MAX
};
/*
 * $1 theme id. One row: the source platform's tallies of the theme's
 * published imported proposals, summed (report_source_tallies).
 */
extern const char	sql_report_source[];
enum {
	RSO_PROPOSALS,		/* with tallies */
	RSO_SPLIT,		/* of which split d'accord / mitigé / ... */
	RSO_AGREE, RSO_MIXED, RSO_DISAGREE,
	RSO_VOTES,		/* votes or supports */
	RSO_COMMENTS,		/* comments the source declared */
	RSO__MAX
};
/*
 * $1 theme id. The tops of an archive's theme by the source's tallies,
 * with the columns of sql_report_consensus (the answer label is NULL):
 * broadest agreement, most divided (Wilson lower bounds, as the live ones),
 * and, for a platform of supports, the most supported (the d'accord column
 * holds the supports, the others are NULL).
 */
extern const char	sql_report_source_consensus[];
extern const char	sql_report_source_divided[];
extern const char	sql_report_source_supported[];
/*
 * $1 theme id. One row: contributors (distinct authors), voters (distinct),
 * proposals, arguments, comments, votes, contributions entered by a
 * mediator, public contributions (all of these count public ones), then
 * by their own status: hidden or rejected, pending.
 */
extern const char	sql_report_participation[];
/*
 * $1 theme id. One row per week (Monday, Europe/Paris) from the first to the
 * last week with a published contribution: ISO date, label "JJ/MM/AAAA",
 * contributions that week.
 */
extern const char	sql_report_weeks[];
/*
 * $1 theme id. One row per territory (then "Non renseigné"): code, name,
 * population or NULL, population vintage or NULL, contributions, per
 * 10,000 inhabitants ("12,34") or NULL.
 */
extern const char	sql_report_territories[];
/*
 * $1 theme id. Top 10 proposals by Wilson lower bound (95 %) of d'accord
 * among all votes: id, title, agree, mixed, disagree, score in % ("81,2"),
 * official answer label or NULL.
 */
extern const char	sql_report_consensus[];
/*
 * $1 theme id. Top 10 proposals by Wilson lower bound of the minority share
 * between d'accord and pas d'accord (close to half and half, on enough
 * votes): id, title, agree, mixed, disagree, score in %, answer label.
 */
extern const char	sql_report_divided[];
/*
 * $1 theme id. Top 10 proposals by published arguments and comments: id,
 * title, arguments pour, arguments contre, comments, total.
 */
extern const char	sql_report_debated[];
/*
 * $1 theme id. The 30 most frequent words (4 letters or more, French stop
 * words and report_extra_stopwords() removed, text search configuration
 * agora_terms) of the titles and texts: word, occurrences, contributions using it.
 */
extern const char	sql_report_terms[];
/*
 * $1 theme id. Pairs of published proposals whose titles have a trigram
 * similarity >= 0.5 (pg_trgm): id a, title a, id b, title b, similarity in
 * %. At most 300 pairs.
 */
extern const char	sql_report_similar[];
/*
 * $1 theme id. Official answers to published proposals, latest first: id,
 * title, status, status label, date (French).
 */
extern const char	sql_report_answers[];
/*
 * $1 theme id. One row saying where the recurring terms and the
 * near-duplicate pairs come from: source ("live": computed for this page;
 * "cache": computed by `agora refresh-reports`; "none": a big theme never
 * computed), date of computation (French, NULL for none), time "14h05",
 * stale ("t" when published texts changed since the cached computation).
 */
extern const char	sql_report_analysis[];
/*
 * $1 all ("true": every theme; "false": those never computed, or whose
 * published texts changed since a computation older than $2 minutes).
 * Rows: theme id, slug.
 */
extern const char	sql_report_refresh_list[];
/* $1 theme id. Recomputes and stores its recurring terms and near duplicates. */
extern const char	sql_report_refresh[];
/* No parameters. Recomputes every report rollup from the base tables. */
extern const char	sql_report_rebuild[];

#endif
