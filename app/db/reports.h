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
 *
 * The figures of a report (participation ... analysis) take $1, a theme
 * id, and depend on nothing else: a report finds its theme, then gathers
 * them all in one round trip.
 */

#ifndef AGORA_DB_REPORTS_H
#define AGORA_DB_REPORTS_H

#include "db.h"

/*
 * No parameters. One row per theme of the primary consultation, in order,
 * with its key figures (public contributions; answers to public
 * proposals).
 */
#define REPORT_INDEX_COLS(C)						\
	C(RI_SLUG,		"slug",			TEXT)		\
	C(RI_TITLE,		"title",		TEXT)		\
	C(RI_POSITION,		"position",		INT)		\
	C(RI_CONTRIBUTORS,	"contributors",		INT)		\
	C(RI_PROPOSALS,		"proposals",		INT)		\
	C(RI_ARGUMENTS,		"arguments",		INT)		\
	C(RI_COMMENTS,		"comments",		INT)		\
	C(RI_VOTES,		"votes",		INT)		\
	C(RI_ANSWERS,		"answers",		INT)
DB_COLUMNS(REPORT_INDEX_COLS, RI__MAX);
extern const struct db_stmt	sql_report_index;

/*
 * sql_report_theme: $1 slug of a theme of the primary consultation.
 * sql_report_theme_archive: $1 consultation slug, $2 theme slug (slugs
 * repeat across consultations), any consultation. Zero or one row; the
 * first returns the first seven columns only (reading RTA_PRIMARY and the
 * following from it is refused).
 */
#define REPORT_THEME_COLS(C)						\
	C(RTA_ID,		"id",			INT)		\
	C(RTA_SLUG,		"slug",			TEXT)		\
	C(RTA_TITLE,		"title",		TEXT)		\
	C(RTA_POSITION,		"position",		INT)		\
	C(RTA_CONSULTATION_TITLE, "consultation_title",	TEXT)		\
	C(RTA_EXTRACTED_DATE,	"extracted_date",	TEXT)	/* now, French */\
	C(RTA_EXTRACTED_TIME,	"extracted_time",	TEXT)	/* "23 h 05", Paris */
#define REPORT_THEME_ARCHIVE_COLS(C)					\
	REPORT_THEME_COLS(C)						\
	C(RTA_CONSULTATION,	"consultation",		TEXT)	/* slug */\
	C(RTA_PRIMARY,		"is_primary",		BOOL)	/* the Region's */\
	C(RTA_SPLIT,		"split",		BOOL)	/* d'accord / mitigé / ... */\
	C(RTA_SOURCE_NAME,	"source_name",		TEXT)	/* or "" */
DB_COLUMNS(REPORT_THEME_ARCHIVE_COLS, RTA__MAX);
extern const struct db_stmt	sql_report_theme;
extern const struct db_stmt	sql_report_theme_archive;

/*
 * $1 theme id. One row: the source platform's tallies of the theme's
 * published imported proposals, summed (report_source_tallies).
 */
#define REPORT_SOURCE_COLS(C)						\
	C(RSO_PROPOSALS,	"proposals",		INT)	/* with tallies */\
	C(RSO_SPLIT,		"split",		INT)	/* of which split */\
	C(RSO_AGREE,		"agree",		INT)		\
	C(RSO_MIXED,		"mixed",		INT)		\
	C(RSO_DISAGREE,		"disagree",		INT)		\
	C(RSO_VOTES,		"votes",		INT)	/* votes or supports */\
	C(RSO_COMMENTS,		"comments",		INT)	/* the source's */
DB_COLUMNS(REPORT_SOURCE_COLS, RSO__MAX);
extern const struct db_stmt	sql_report_source;

/*
 * $1 theme id. The vote tables, top 10 each:
 * sql_report_consensus: by Wilson lower bound (95 %) of d'accord among all
 * votes; sql_report_divided: by Wilson lower bound of the minority share
 * between d'accord and pas d'accord (close to half and half, on enough
 * votes). An archive's theme ranks by the source's tallies, the same way
 * (sql_report_source_consensus, sql_report_source_divided; the answer is
 * NULL), and a platform of supports by its supports
 * (sql_report_source_supported: agree holds the supports, the other
 * counts and the score are NULL).
 */
#define REPORT_VOTES_COLS(C)						\
	C(RV_ID,		"id",			INT)		\
	C(RV_TITLE,		"title",		TEXT)		\
	C(RV_AGREE,		"agree",		INT)		\
	C(RV_MIXED,		"mixed",		INT)		\
	C(RV_DISAGREE,		"disagree",		INT)		\
	C(RV_SCORE,		"score",		TEXT)	/* "81,2" (%) */\
	C(RV_ANSWER,		"answer",		TEXT)	/* label or NULL */
DB_COLUMNS(REPORT_VOTES_COLS, RV__MAX);
extern const struct db_stmt	sql_report_consensus;
extern const struct db_stmt	sql_report_divided;
extern const struct db_stmt	sql_report_source_consensus;
extern const struct db_stmt	sql_report_source_divided;
extern const struct db_stmt	sql_report_source_supported;

/*
 * $1 theme id. One row: public contributions' figures, then by their own
 * status the hidden or rejected and the pending ones.
 */
#define REPORT_PART_COLS(C)						\
	C(RP_CONTRIBUTORS,	"contributors",		INT)	/* distinct authors */\
	C(RP_VOTERS,		"voters",		INT)	/* distinct */\
	C(RP_PROPOSALS,		"proposals",		INT)		\
	C(RP_ARGUMENTS,		"arguments",		INT)		\
	C(RP_COMMENTS,		"comments",		INT)		\
	C(RP_VOTES,		"votes",		INT)		\
	C(RP_ASSISTED,		"assisted",		INT)	/* by a mediator */\
	C(RP_PUBLIC,		"public",		INT)		\
	C(RP_MODERATED,		"moderated",		INT)	/* hidden, rejected */\
	C(RP_PENDING,		"pending",		INT)
DB_COLUMNS(REPORT_PART_COLS, RP__MAX);
extern const struct db_stmt	sql_report_participation;
/*
 * The same for one département: $1 theme id, $2 territory code. From the
 * rollup report_counts alone: contributors, voters and votes are not kept
 * per département there and come back NULL (not shown).
 */
extern const struct db_stmt	sql_report_participation_terr;

/*
 * $1 theme id. One row per week (Monday, Europe/Paris) from the first to the
 * last week with a public contribution.
 */
#define REPORT_WEEKS_COLS(C)						\
	C(RW_WEEK,		"week",			TEXT)	/* ISO date */\
	C(RW_LABEL,		"label",		TEXT)	/* JJ/MM/AAAA */\
	C(RW_CONTRIBUTIONS,	"contributions",	INT)
DB_COLUMNS(REPORT_WEEKS_COLS, RW__MAX);
extern const struct db_stmt	sql_report_weeks;
/* The same for one département: $1 theme id, $2 territory code. */
extern const struct db_stmt	sql_report_weeks_terr;

/* $1 theme id. One row per territory, then "Non renseigné" (code ""). */
#define REPORT_TERR_COLS(C)						\
	C(RTE_CODE,		"code",			TEXT)		\
	C(RTE_NAME,		"name",			TEXT)		\
	C(RTE_POPULATION,	"population",		INT)	/* or NULL */\
	C(RTE_VINTAGE,		"vintage",		INT)	/* or NULL */\
	C(RTE_CONTRIBUTIONS,	"contributions",	INT)		\
	C(RTE_RATE,		"rate",			TEXT)	/* "12,34" per 10,000; NULL */
DB_COLUMNS(REPORT_TERR_COLS, RTE__MAX);
extern const struct db_stmt	sql_report_territories;

/* $1 theme id. Top 10 proposals by public arguments and comments. */
#define REPORT_DEBATED_COLS(C)						\
	C(RD_ID,		"id",			INT)		\
	C(RD_TITLE,		"title",		TEXT)		\
	C(RD_POUR,		"pour",			INT)	/* arguments */\
	C(RD_CONTRE,		"contre",		INT)	/* arguments */\
	C(RD_COMMENTS,		"comments",		INT)		\
	C(RD_TOTAL,		"total",		INT)
DB_COLUMNS(REPORT_DEBATED_COLS, RD__MAX);
extern const struct db_stmt	sql_report_debated;

/*
 * $1 theme id. The 30 most frequent words (4 letters or more, French stop
 * words and report_extra_stopwords() removed, text search configuration
 * agora_terms) of the titles and texts.
 */
#define REPORT_TERMS_COLS(C)						\
	C(RTM_WORD,		"word",			TEXT)		\
	C(RTM_OCCURRENCES,	"occurrences",		INT)		\
	C(RTM_CONTRIBUTIONS,	"contributions",	INT)	/* using it */
DB_COLUMNS(REPORT_TERMS_COLS, RTM__MAX);
extern const struct db_stmt	sql_report_terms;

/*
 * $1 theme id. Pairs of published proposals whose titles have a trigram
 * similarity >= 0.5 (pg_trgm), by ids. At most 300 pairs.
 */
#define REPORT_SIMILAR_COLS(C)						\
	C(RS_A_ID,		"a_id",			INT)		\
	C(RS_A_TITLE,		"a_title",		TEXT)		\
	C(RS_B_ID,		"b_id",			INT)		\
	C(RS_B_TITLE,		"b_title",		TEXT)		\
	C(RS_PCT,		"pct",			TEXT)	/* similarity, % */
DB_COLUMNS(REPORT_SIMILAR_COLS, RS__MAX);
extern const struct db_stmt	sql_report_similar;

/*
 * $1 theme id. Official answers to public proposals, latest first.
 */
#define REPORT_ANSWERS_COLS(C)						\
	C(RAS_ID,		"id",			INT)		\
	C(RAS_TITLE,		"title",		TEXT)		\
	C(RAS_STATUS,		"status",		TEXT)	/* vocab_answer */\
	C(RAS_LABEL,		"label",		TEXT)		\
	C(RAS_DATE,		"date",			TEXT)	/* French */
DB_COLUMNS(REPORT_ANSWERS_COLS, RAS__MAX);
extern const struct db_stmt	sql_report_answers;

/*
 * $1 theme id. One row saying where the recurring terms and the
 * near-duplicate pairs come from (vocab_analysis: computed for this page,
 * by `agora refresh-reports`, or a big theme never computed).
 */
#define REPORT_ANALYSIS_COLS(C)						\
	C(RAN_SOURCE,		"source",		TEXT)	/* vocab_analysis */\
	C(RAN_DATE,		"date",			TEXT)	/* French; NULL: none */\
	C(RAN_TIME,		"hour",			TEXT)	/* "14h05"; NULL */\
	C(RAN_STALE,		"stale",		BOOL)	/* texts changed since */
DB_COLUMNS(REPORT_ANALYSIS_COLS, RAN__MAX);
extern const struct db_stmt	sql_report_analysis;

/*
 * $1 all (true: every theme; false: those never computed, or whose
 * published texts changed since a computation older than $2 minutes).
 */
#define REPORT_REFRESH_COLS(C)						\
	C(RRL_ID,		"id",			INT)		\
	C(RRL_SLUG,		"slug",			TEXT)
DB_COLUMNS(REPORT_REFRESH_COLS, RRL__MAX);
extern const struct db_stmt	sql_report_refresh_list;
/* $1 theme id. Recomputes and stores its recurring terms and near duplicates. */
extern const struct db_stmt	sql_report_refresh;
/* No parameters. Recomputes every report rollup from the base tables. */
extern const struct db_stmt	sql_report_rebuild;

#endif
