/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The open-data files of contributions, in CSV and JSON. The web export
 * (/export/...) and the command line (agora export) run the same SQL
 * (sql_export_contributions) and write through these functions, so both
 * produce byte-identical files. Column names and meanings are documented on
 * /export/ (app/web/exports.c); keep the two in step.
 */

#ifndef AGORA_CORE_OPENDATA_H
#define AGORA_CORE_OPENDATA_H

#include <stddef.h>

#include "csv.h"
#include "html.h"

/* The columns of sql_export_contributions, in order. */
enum opendata_col {
	OD_ID, OD_CONSULTATION, OD_THEME, OD_TYPE, OD_PARENT, OD_POSITION,
	OD_TERRITORY, OD_STATUS, OD_CREATED, OD_UPDATED, OD_TITLE, OD_BODY,
	OD_AGREE, OD_MIXED, OD_DISAGREE, OD_ORIGIN, OD_ORIGIN_ID,
	OD_ANSWER_STATUS, OD_ANSWER_DATE, OD_AUTHOR_ID,
	OD__MAX
};

/* The published column names (OD_AUTHOR_ID is published as "auteur"). */
extern const char *const opendata_names[OD__MAX];

/*
 * The public pseudonym of user id (decimal text): the first 12 hex digits of
 * HMAC-SHA256(key, "author:" id). Stable, not reversible without the key.
 */
void	opendata_pseudonym(const unsigned char *, size_t, const char *,
	    char out[13]);

/* The CSV header line. */
void	opendata_csv_header(const struct csv_out *);
/*
 * One CSV record from the SQL row v (OD__MAX values, NULL for SQL NULL);
 * the author id is replaced by its pseudonym under key.
 */
void	opendata_csv_row(const struct csv_out *, const char *const *,
	    const unsigned char *, size_t);
/* "[\n" */
void	opendata_json_begin(struct html_out *);
/* One JSON object (preceded by ",\n" unless first). */
void	opendata_json_row(struct html_out *, const char *const *, int,
	    const unsigned char *, size_t);
/* "\n]\n" (or "]\n" when there was no row). */
void	opendata_json_end(struct html_out *, int);

#endif
