/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * SQL of the opinion map (issue 15): what `agora opinion-map` reads and
 * stores (migration 0225, functions/opinion.sql), and what the report
 * pages and the account page read back. A scope is a theme, or a whole
 * consultation (theme NULL).
 */

#ifndef AGORA_DB_OPINION_H
#define AGORA_DB_OPINION_H

#include "db.h"

/* The chart's grid: cells per side (opinion_cells.cx, cy). */
#define OPINION_GRID	40

/* ---------------------------------------------------------------- CLI */

/* A scope: consultation id, theme id (0: the whole consultation), name. */
#define OM_SCOPE_COLS(C)						\
	C(OMS_CONSULTATION,	"consultation",	INT)			\
	C(OMS_THEME,		"theme",	INT)			\
	C(OMS_LABEL,		"label",	TEXT)			\
	C(OMS_VOTES,		"votes_now",	INT)
DB_COLUMNS(OM_SCOPE_COLS, OMS__MAX);
/* $1 consultation slug (NULL: the primary one), $2 theme slug. 0-1 row. */
extern const struct db_stmt	sql_opinion_theme_scope;
/* $1 consultation slug. Zero or one row; theme 0. */
extern const struct db_stmt	sql_opinion_consultation_scope;
/*
 * $1 the setting opinion_map_new_votes. Every theme and every
 * consultation (theme 0) without a map, or whose votes grew by at least
 * $1 since its map was computed.
 */
extern const struct db_stmt	sql_opinion_due_scopes;

/*
 * $1 consultation id, $2 theme id or NULL: every vote on a public proposal
 * of the scope (opinion_votes()): participant (an account's id, or minus
 * an imported participant's id), proposal, value -1 / 0 / 1.
 */
#define OM_VOTE_COLS(C)							\
	C(OMV_PARTICIPANT,	"participant",	INT)			\
	C(OMV_PROPOSAL,		"contribution_id", INT)			\
	C(OMV_VALUE,		"value",	INT)
DB_COLUMNS(OM_VOTE_COLS, OMV__MAX);
extern const struct db_stmt	sql_opinion_votes;

/* $1 consultation id, $2 theme id or NULL: removes the scope's map. */
extern const struct db_stmt	sql_opinion_map_delete;	/* no rows */
/*
 * $1 consultation id, $2 theme id or NULL, $3 votes seen, $4 voters,
 * $5 steering, $6 statements, $7 reason code, $8 k, $9 silhouette or NULL,
 * $10 x_min, $11 x_max, $12 y_min, $13 y_max (NULL when not mapped),
 * $14 seconds. One row: the map's id.
 */
#define OM_ID_COLS(C)							\
	C(OMI_ID,		"id",		INT)
DB_COLUMNS(OM_ID_COLS, OMI__MAX);
extern const struct db_stmt	sql_opinion_map_insert;
/* $1 map, arrays: $2 groups, $3 sizes, $4 centres x, $5 centres y. */
extern const struct db_stmt	sql_opinion_groups_insert;	/* no rows */
/* $1 map, arrays: $2 proposals, $3 means, $4 c1, $5 c2, $6 consensus. */
extern const struct db_stmt	sql_opinion_statements_insert;	/* no rows */
/*
 * $1 map, arrays: $2 groups (-1 consensus), $3 ranks, $4 proposals,
 * $5 sides, $6 n_success, $7 n_trials, $8 rest_success, $9 rest_trials,
 * $10 scores, $11 significant.
 */
extern const struct db_stmt	sql_opinion_highlights_insert;	/* no rows */
/* $1 map, arrays: $2 cx, $3 cy, $4 groups, $5 people. */
extern const struct db_stmt	sql_opinion_group_votes_insert;	/* no rows */
extern const struct db_stmt	sql_opinion_cells_insert;	/* no rows */

/* $1 array of imported participant ids: their source ids (--members). */
#define OM_SOURCE_COLS(C)						\
	C(OMSRC_ID,		"id",		INT)			\
	C(OMSRC_SOURCE_ID,	"source_id",	TEXT)
DB_COLUMNS(OM_SOURCE_COLS, OMSRC__MAX);
extern const struct db_stmt	sql_opinion_source_ids;

/* ---------------------------------------------------------------- pages */

/*
 * $1 consultation id, $2 theme id or NULL (then the consultation's own
 * map). Zero or one row: the stored map.
 */
#define OM_MAP_COLS(C)							\
	C(OMM_ID,		"id",		INT)			\
	C(OMM_DATE,		"date",		TEXT)			\
	C(OMM_TIME,		"time",		TEXT)			\
	C(OMM_VOTES,		"votes_seen",	INT)			\
	C(OMM_VOTERS,		"voters",	INT)			\
	C(OMM_STEERING,		"steering",	INT)			\
	C(OMM_REASON,		"reason",	TEXT)			\
	C(OMM_K,		"k",		INT)			\
	C(OMM_X_MIN,		"x_min",	TEXT)	/* NULL unless mapped */ \
	C(OMM_X_MAX,		"x_max",	TEXT)			\
	C(OMM_Y_MIN,		"y_min",	TEXT)			\
	C(OMM_Y_MAX,		"y_max",	TEXT)
DB_COLUMNS(OM_MAP_COLS, OMM__MAX);
extern const struct db_stmt	sql_opinion_map_of;
/* Same parameters: the groups of 10 people or more, by number. */
#define OM_GROUP_COLS(C)						\
	C(OMG_GRP,		"grp",		INT)			\
	C(OMG_SIZE,		"size",		INT)			\
	C(OMG_CX,		"center_x",	TEXT)			\
	C(OMG_CY,		"center_y",	TEXT)
DB_COLUMNS(OM_GROUP_COLS, OMG__MAX);
extern const struct db_stmt	sql_opinion_groups_of;
/*
 * Same parameters: the public proposals listed, consensus (grp -1) and
 * each shown group's, by group then rank.
 */
#define OM_HIGHLIGHT_COLS(C)						\
	C(OMH_GRP,		"grp",		INT)			\
	C(OMH_PROPOSAL,		"proposal",	INT)			\
	C(OMH_TITLE,		"title",	TEXT)			\
	C(OMH_SIDE,		"side",		TEXT)			\
	C(OMH_SUCCESS,		"n_success",	INT)			\
	C(OMH_TRIALS,		"n_trials",	INT)			\
	C(OMH_REST_SUCCESS,	"rest_success",	INT)			\
	C(OMH_REST_TRIALS,	"rest_trials",	INT)			\
	C(OMH_SIGNIFICANT,	"significant",	BOOL)
DB_COLUMNS(OM_HIGHLIGHT_COLS, OMH__MAX);
extern const struct db_stmt	sql_opinion_highlights_of;
/* Same parameters: the chart's cells (people per cell and group). */
#define OM_CELL_COLS(C)							\
	C(OMC_CX,		"cx",		INT)			\
	C(OMC_CY,		"cy",		INT)			\
	C(OMC_GRP,		"grp",		INT)			\
	C(OMC_PEOPLE,		"people",	INT)
DB_COLUMNS(OM_CELL_COLS, OMC__MAX);
extern const struct db_stmt	sql_opinion_cells_of;

/*
 * $1 user id: for each mapped theme of the primary consultation where the
 * person's own votes count, the group closest to them (computed now,
 * opinion_nearest_group(); never stored), that group's size and the
 * number of groups.
 */
#define OM_MINE_COLS(C)							\
	C(OMY_THEME_TITLE,	"theme_title",	TEXT)			\
	C(OMY_THEME_SLUG,	"theme_slug",	TEXT)			\
	C(OMY_GRP,		"grp",		INT)			\
	C(OMY_SIZE,		"size",		INT)			\
	C(OMY_K,		"k",		INT)			\
	C(OMY_VOTES,		"votes",	INT)
DB_COLUMNS(OM_MINE_COLS, OMY__MAX);
extern const struct db_stmt	sql_opinion_mine;

#endif
