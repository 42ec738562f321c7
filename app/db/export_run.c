/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/csv.h"
#include "../core/opendata.h"
#include "export_run.h"
#include "exports.h"

#define EXPORT_BATCH	10000
#define EXPORT_BATCH_TEXT	"10000"
/* CSV rows between two progress calls. */
#define EXPORT_PROGRESS		10000

/* Runs a command; 0 or -1 with the message in err. */
static int
run(PGconn *db, const char *sql, char *err, size_t errsz)
{
	PGresult	*res = PQexec(db, sql);
	int		 ok = PQresultStatus(res) == PGRES_COMMAND_OK;

	if (!ok)
		snprintf(err, errsz, "%s", PQerrorMessage(db));
	PQclear(res);
	return (ok ? 0 : -1);
}

/*
 * CSV: PostgreSQL writes the cells (COPY ... CSV, guarded as csv_field()
 * would); each row only has its author id swapped for the pseudonym.
 */
static long
export_csv(PGconn *db, const char *theme, struct opendata_pseudonyms *ps,
    struct html_out *out, void (*progress)(size_t), char *err, size_t errsz)
{
	struct csv_out	 co = { out->write, out->arg };
	PGresult	*res;
	const char	*p[1];
	char		*row;
	long		 total = 0;
	int		 len, bad = 0;

	if (theme != NULL) {
		p[0] = theme;
		res = PQexecParams(db, sql_export_set_theme.sql, 1, NULL, p, NULL,
		    NULL, 0);
		if (PQresultStatus(res) != PGRES_TUPLES_OK) {
			snprintf(err, errsz, "%s", PQresultErrorMessage(res));
			PQclear(res);
			return (-1);
		}
		PQclear(res);
	}
	res = PQexec(db, theme != NULL ? sql_export_copy_theme.sql :
	    sql_export_copy_all.sql);
	if (PQresultStatus(res) != PGRES_COPY_OUT) {
		snprintf(err, errsz, "%s", PQresultErrorMessage(res));
		PQclear(res);
		return (-1);
	}
	PQclear(res);
	opendata_csv_header(&co);
	/* One row per call; read them all even after a bad one. */
	while ((len = PQgetCopyData(db, &row, 0)) > 0) {
		if (!bad && opendata_csv_copy_row(&co, row, (size_t)len,
		    ps) == -1)
			bad = 1;
		PQfreemem(row);
		if (++total % EXPORT_PROGRESS == 0 && progress != NULL)
			progress((size_t)total);
	}
	res = PQgetResult(db);
	if (len == -2 || PQresultStatus(res) != PGRES_COMMAND_OK) {
		snprintf(err, errsz, "%s", len == -2 ? PQerrorMessage(db) :
		    PQresultErrorMessage(res));
		bad = 2;
	} else if (bad)
		snprintf(err, errsz, "a COPY row does not end in an author id");
	PQclear(res);
	while ((res = PQgetResult(db)) != NULL)
		PQclear(res);
	if (bad)
		return (-1);
	if (progress != NULL)
		progress((size_t)total);
	return (total);
}

/* JSON: a cursor planned for all its rows, read in batches. */
static long
export_json(PGconn *db, const char *theme, struct opendata_pseudonyms *ps,
    struct html_out *out, void (*progress)(size_t), char *err, size_t errsz)
{
	PGresult	*res;
	const char	*p[1], *v[OD__MAX];
	long		 total = 0;
	int		 i, n, col;

	if (run(db, "SET LOCAL cursor_tuple_fraction = 1", err, errsz) == -1)
		return (-1);
	p[0] = theme;
	res = PQexecParams(db, sql_export_cursor.sql, 1, NULL, p, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		snprintf(err, errsz, "%s", PQresultErrorMessage(res));
		PQclear(res);
		return (-1);
	}
	PQclear(res);
	opendata_json_begin(out);
	do {
		res = PQexec(db, "FETCH " EXPORT_BATCH_TEXT " FROM export_rows");
		if (PQresultStatus(res) != PGRES_TUPLES_OK) {
			snprintf(err, errsz, "%s", PQresultErrorMessage(res));
			PQclear(res);
			return (-1);
		}
		n = PQntuples(res);
		for (i = 0; i < n; i++) {
			for (col = 0; col < OD__MAX; col++)
				v[col] = PQgetisnull(res, i, col) ? NULL :
				    PQgetvalue(res, i, col);
			opendata_json_row(out, v, total + i == 0, ps);
		}
		PQclear(res);
		total += n;
		if (progress != NULL)
			progress((size_t)total);
	} while (n == EXPORT_BATCH);
	opendata_json_end(out, total > 0);
	return (total);
}

long
export_run(PGconn *db, const char *theme, int json, const unsigned char *key,
    size_t keylen, struct html_out *out, void (*progress)(size_t),
    char *err, size_t errsz)
{
	struct opendata_pseudonyms	 ps;
	long				 total;

	err[0] = '\0';
	if (opendata_pseudonyms_init(&ps, key, keylen, 1) == -1) {
		snprintf(err, errsz, "out of memory");
		return (-1);
	}
	if (PQsetClientEncoding(db, "UTF8") != 0 || run(db,
	    "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", err,
	    errsz) == -1) {
		if (err[0] == '\0')
			snprintf(err, errsz, "%s", PQerrorMessage(db));
		opendata_pseudonyms_free(&ps);
		return (-1);
	}
	if (json)
		total = export_json(db, theme, &ps, out, progress, err, errsz);
	else
		total = export_csv(db, theme, &ps, out, progress, err, errsz);
	opendata_pseudonyms_free(&ps);
	if (total == -1) {
		(void)run(db, "ROLLBACK", err + strlen(err),
		    errsz - strlen(err));
		return (-1);
	}
	if (run(db, "COMMIT", err, errsz) == -1)
		return (-1);
	return (total);
}
