/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* SQL of the open-data export, shared by /export/ and `agora export`. */

#ifndef AGORA_DB_EXPORTS_H
#define AGORA_DB_EXPORTS_H

#include "db.h"

/*
 * The open-data rows: every public contribution (contributions.is_public:
 * published, and so is everything it answers) of every consultation
 * (or of one theme of the primary consultation), in id order, one column
 * for each of enum opendata_col (app/core/opendata.h), in its order and
 * under its published name, every one read as text: the author id is
 * never published as such (its pseudonym is), the imported-only columns
 * come last.
 */
#define EXPORT_ROW_COLS(C)						\
	C(EXR_ID,		"id",			TEXT)		\
	C(EXR_CONSULTATION,	"consultation",		TEXT)	/* slug */\
	C(EXR_THEME,		"theme",		TEXT)	/* slug */\
	C(EXR_TYPE,		"type",			TEXT)	/* vocab_kind_public */\
	C(EXR_PARENT,		"parent_id",		TEXT)		\
	C(EXR_POSITION,		"position",		TEXT)		\
	C(EXR_TERRITORY,	"departement",		TEXT)		\
	C(EXR_STATUS,		"statut",		TEXT)	/* publiee */\
	C(EXR_CREATED,		"cree_le",		TEXT)	/* ISO 8601 UTC */\
	C(EXR_UPDATED,		"modifie_le",		TEXT)		\
	C(EXR_TITLE,		"titre",		TEXT)		\
	C(EXR_BODY,		"texte",		TEXT)	/* Markdown */\
	C(EXR_AGREE,		"votes_d_accord",	TEXT)		\
	C(EXR_MIXED,		"votes_mitige",		TEXT)		\
	C(EXR_DISAGREE,		"votes_pas_d_accord",	TEXT)		\
	C(EXR_ORIGIN,		"origine",		TEXT)		\
	C(EXR_ORIGIN_ID,	"id_origine",		TEXT)		\
	C(EXR_ANSWER_STATUS,	"reponse_statut",	TEXT)		\
	C(EXR_ANSWER_DATE,	"reponse_date",		TEXT)		\
	C(EXR_AUTHOR_ID,	"auteur",		TEXT)	/* user id */\
	C(EXR_ORIGIN_VOTES,	"votes_origine",	TEXT)		\
	C(EXR_ORIGIN_ALIGNMENT,	"alignement_origine",	TEXT)		\
	C(EXR_CHANNEL,		"canal",		TEXT)	/* web, epn, papier */\
	C(EXR_EPN,		"epn",			TEXT)	/* EPN id or NULL */\
	C(EXR_COLLECTED,	"recueilli_le",		TEXT)	/* paper: date */
DB_COLUMNS(EXPORT_ROW_COLS, EXR__MAX);

/*
 * sql_export_cursor: $1 theme slug or NULL; declares cursor export_rows over
 * those rows (the JSON export reads it).
 * sql_export_copy_all, sql_export_copy_theme: COPY ... TO STDOUT in CSV of
 * the same rows, text cells guarded as csv_field() does, the author id
 * last; the theme one reads the slug that sql_export_set_theme ($1) set in
 * the same transaction.
 */
extern const struct db_stmt	sql_export_cursor;
extern const struct db_stmt	sql_export_copy_all;
extern const struct db_stmt	sql_export_copy_theme;
extern const struct db_stmt	sql_export_set_theme;
/* The rows of sql_export_copy_all as a plain SELECT, for benchmarks. */
extern const struct db_stmt	sql_export_plain_all;

/*
 * $1 slug. Zero or one row: that theme of the primary consultation.
 */
#define EXPORT_THEME_COLS(C)						\
	C(ETH_TITLE,		"title",		TEXT)
DB_COLUMNS(EXPORT_THEME_COLS, ETH__MAX);
extern const struct db_stmt	sql_export_theme;

/* No parameters. The themes of the primary consultation, in order. */
#define EXPORT_THEMES_COLS(C)						\
	C(ETS_SLUG,		"slug",			TEXT)		\
	C(ETS_TITLE,		"title",		TEXT)		\
	C(ETS_PUBLIC,		"public",		INT)	/* contributions */
DB_COLUMNS(EXPORT_THEMES_COLS, ETS__MAX);
extern const struct db_stmt	sql_export_themes;

/* No parameters. One row per consultation, the primary one first. */
#define EXPORT_CONSULTATIONS_COLS(C)					\
	C(EXC_SLUG,		"slug",			TEXT)		\
	C(EXC_TITLE,		"title",		TEXT)		\
	C(EXC_SOURCE,		"source",		TEXT)	/* NULL: ours */\
	C(EXC_PUBLIC,		"public",		INT)	/* contributions */
DB_COLUMNS(EXPORT_CONSULTATIONS_COLS, EXC__MAX);
extern const struct db_stmt	sql_export_consultations;

/*
 * No parameters. The territories in display order, for the rates per
 * 10,000 inhabitants.
 */
#define EXPORT_TERRITORIES_COLS(C)					\
	C(EXT_CODE,		"code",			TEXT)		\
	C(EXT_NAME,		"name",			TEXT)		\
	C(EXT_POPULATION,	"population",		INT)	/* municipal; NULL: hors région */\
	C(EXT_YEAR,		"population_year",	INT)	/* INSEE vintage; NULL */
DB_COLUMNS(EXPORT_TERRITORIES_COLS, EXT__MAX);
extern const struct db_stmt	sql_export_territories;

/*
 * No parameters. One row per word of report_extra_stopwords(), in
 * alphabetical order.
 */
#define EXPORT_STOPWORDS_COLS(C)					\
	C(EXS_WORD,		"word",			TEXT)
DB_COLUMNS(EXPORT_STOPWORDS_COLS, EXS__MAX);
extern const struct db_stmt	sql_export_stopwords;

/*
 * The API page of contributions: $1 theme slug of the primary consultation
 * or NULL (all consultations), $2 kind (vocab_kind) or NULL, $3 rows per
 * page, $4 offset, $5 the id after which to start (0: from the first; with
 * an offset of 0, a cursor that costs nothing however far it goes).
 * Columns as the export (EXPORT_ROW_COLS).
 */
extern const struct db_stmt	sql_api_contributions;
/* $1, $2 as sql_api_contributions. One row: the number of matching rows. */
#define API_COUNT_COLS(C)						\
	C(AC_TOTAL,		"total",			INT)
DB_COLUMNS(API_COUNT_COLS, AC__MAX);
extern const struct db_stmt	sql_api_count;

#endif
