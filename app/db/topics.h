/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * SQL of the topics (issue 16, item 1): what `agora topics` reads and
 * stores (migration 0260, functions/topics.sql), what a theme's report
 * and the open-data file /export/sujets/<consultation>/<theme>.csv read
 * back. Topics belong to a theme, of any consultation.
 */

#ifndef AGORA_DB_TOPICS_H
#define AGORA_DB_TOPICS_H

#include "db.h"

/* ---------------------------------------------------------------- CLI */

/* A theme: id, its consultation's slug, its own slug, its title. */
#define TP_SCOPE_COLS(C)						\
	C(TPS_THEME,		"theme",	INT)			\
	C(TPS_CONSULTATION,	"consultation",	TEXT)			\
	C(TPS_SLUG,		"slug",		TEXT)			\
	C(TPS_TITLE,		"title",	TEXT)
DB_COLUMNS(TP_SCOPE_COLS, TPS__MAX);
/* $1 consultation slug (NULL: the primary one), $2 theme slug. 0-1 row. */
extern const struct db_stmt	sql_topic_theme;
/* $1 consultation slug: its themes, by id. */
extern const struct db_stmt	sql_topic_consultation_themes;
/* Every theme of every consultation, by id. */
extern const struct db_stmt	sql_topic_all_themes;

/*
 * $1 theme id: topic_terms(), every stem of every public proposal with
 * its count, by proposal then stem in byte order; stem NULL for a
 * proposal without any.
 */
#define TP_TERM_COLS(C)							\
	C(TPT_PROPOSAL,		"contribution_id", INT)			\
	C(TPT_STEM,		"stem",		TEXT)	/* NULL: none */ \
	C(TPT_COUNT,		"n",		INT)
DB_COLUMNS(TP_TERM_COLS, TPT__MAX);
extern const struct db_stmt	sql_topic_terms;

/* $1 theme id, $2 array of stems: topic_words(), each stem's word. */
#define TP_WORD_COLS(C)							\
	C(TPW_STEM,		"stem",		TEXT)			\
	C(TPW_WORD,		"word",		TEXT)
DB_COLUMNS(TP_WORD_COLS, TPW__MAX);
extern const struct db_stmt	sql_topic_words;

/* $1 theme id: removes its stored run. */
extern const struct db_stmt	sql_topic_run_delete;	/* no rows */
/*
 * $1 theme id, $2 proposals, $3 classified, $4 terms kept, $5 reason,
 * $6 k, $7 silhouette or NULL, $8 seed, $9 seconds. One row: the run's id.
 */
#define TP_ID_COLS(C)							\
	C(TPI_ID,		"id",		INT)
DB_COLUMNS(TP_ID_COLS, TPI__MAX);
extern const struct db_stmt	sql_topic_run_insert;
/*
 * $1 run, arrays: $2 proposals, $3 topics (NULL: not classified),
 * $4 similarities, $5 ranks, $6 terms ("stem:count ...").
 */
extern const struct db_stmt	sql_topic_members_insert;	/* no rows */
/* $1 run, arrays: $2 topics, $3 sizes; vote sums from the members. */
extern const struct db_stmt	sql_topics_insert;		/* no rows */
/* $1 run, arrays: $2 topics, $3 ranks, $4 stems, $5 words, $6 scores. */
extern const struct db_stmt	sql_topic_terms_insert;		/* no rows */

/* ---------------------------------------------------------------- pages */

/* $1 theme id. Zero or one row: the stored run. */
#define TP_RUN_COLS(C)							\
	C(TPR_DATE,		"date",		TEXT)			\
	C(TPR_TIME,		"time",		TEXT)			\
	C(TPR_PROPOSALS,	"proposals",	INT)			\
	C(TPR_CLASSIFIED,	"classified",	INT)			\
	C(TPR_TERMS,		"terms",	INT)			\
	C(TPR_REASON,		"reason",	TEXT)			\
	C(TPR_K,		"k",		INT)			\
	C(TPR_SILHOUETTE,	"silhouette",	TEXT)	/* "0,42"; NULL */ \
	C(TPR_SEED,		"seed",		INT)			\
	C(TPR_CONSULTATION,	"consultation",	TEXT)	/* slug */	\
	C(TPR_THEME,		"theme",	TEXT)	/* slug */
DB_COLUMNS(TP_RUN_COLS, TPR__MAX);
extern const struct db_stmt	sql_topic_run_of;
/* $1 theme id: the topics, by number, with their labels' words. */
#define TP_TOPIC_COLS(C)						\
	C(TPC_TOPIC,		"topic",	INT)			\
	C(TPC_SIZE,		"size",		INT)			\
	C(TPC_AGREE,		"votes_agree",	INT)			\
	C(TPC_MIXED,		"votes_mixed",	INT)			\
	C(TPC_DISAGREE,		"votes_disagree", INT)			\
	C(TPC_LABEL,		"label",	TEXT)	/* "vélo, piste" */
DB_COLUMNS(TP_TOPIC_COLS, TPC__MAX);
extern const struct db_stmt	sql_topics_of;
/*
 * $1 theme id: each topic's three proposals closest to its centre that
 * are still public, by topic then rank.
 */
#define TP_REP_COLS(C)							\
	C(TPP_TOPIC,		"topic",	INT)			\
	C(TPP_PROPOSAL,		"proposal",	INT)			\
	C(TPP_TITLE,		"title",	TEXT)
DB_COLUMNS(TP_REP_COLS, TPP__MAX);
extern const struct db_stmt	sql_topic_reps_of;
/*
 * $1 theme id: how each group of the theme's opinion map (groups of 10
 * people or more) voted on each topic's proposals, by topic then group.
 * No rows without a map.
 */
#define TP_GROUP_COLS(C)						\
	C(TPG_TOPIC,		"topic",	INT)			\
	C(TPG_GRP,		"grp",		INT)	/* 0-based */	\
	C(TPG_AGREE,		"agree",	INT)			\
	C(TPG_MIXED,		"mixed",	INT)			\
	C(TPG_DISAGREE,		"disagree",	INT)
DB_COLUMNS(TP_GROUP_COLS, TPG__MAX);
extern const struct db_stmt	sql_topic_groups_of;

/* ---------------------------------------------------------------- open data */

/*
 * $1 consultation slug, $2 theme slug: the theme and its run (run NULL
 * when never computed). Zero or one row.
 */
#define TP_XRUN_COLS(C)							\
	C(TPX_THEME,		"theme",	INT)			\
	C(TPX_RUN,		"run",		INT)	/* NULL: none */
DB_COLUMNS(TP_XRUN_COLS, TPX__MAX);
extern const struct db_stmt	sql_topic_export_run;
/*
 * $1 run id: every proposal the run read, by id, with its topic
 * (1-based, NULL when not classified), similarity, rank and terms.
 */
#define TP_XROW_COLS(C)							\
	C(TPXR_ID,		"id",		INT)			\
	C(TPXR_TOPIC,		"topic",	INT)	/* NULL */	\
	C(TPXR_SIMILARITY,	"similarity",	TEXT)	/* NULL */	\
	C(TPXR_RANK,		"rank",		INT)	/* NULL */	\
	C(TPXR_TERMS,		"terms",	TEXT)
DB_COLUMNS(TP_XROW_COLS, TPXR__MAX);
extern const struct db_stmt	sql_topic_export_rows;

#endif
