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

long
export_run(PGconn *db, const char *theme, int json, const unsigned char *key,
    size_t keylen, struct html_out *out, void (*progress)(size_t),
    char *err, size_t errsz)
{
	struct csv_out	 co = { out->write, out->arg };
	PGresult	*res;
	const char	*p[1], *v[OD__MAX];
	long		 total = 0;
	int		 i, n, col;

	if (run(db, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", err,
	    errsz) == -1)
		return (-1);
	/* One scan planned for every row, then read in batches. */
	if (run(db, "SET LOCAL cursor_tuple_fraction = 1", err, errsz) == -1)
		goto fail;
	p[0] = theme;
	res = PQexecParams(db, sql_export_cursor, 1, NULL, p, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		snprintf(err, errsz, "%s", PQresultErrorMessage(res));
		PQclear(res);
		goto fail;
	}
	PQclear(res);
	if (json)
		opendata_json_begin(out);
	else
		opendata_csv_header(&co);
	do {
		res = PQexec(db, "FETCH " EXPORT_BATCH_TEXT " FROM export_rows");
		if (PQresultStatus(res) != PGRES_TUPLES_OK) {
			snprintf(err, errsz, "%s", PQresultErrorMessage(res));
			PQclear(res);
			goto fail;
		}
		n = PQntuples(res);
		for (i = 0; i < n; i++) {
			for (col = 0; col < OD__MAX; col++)
				v[col] = PQgetisnull(res, i, col) ? NULL :
				    PQgetvalue(res, i, col);
			if (json)
				opendata_json_row(out, v, total + i == 0, key,
				    keylen);
			else
				opendata_csv_row(&co, v, key, keylen);
		}
		PQclear(res);
		total += n;
		if (progress != NULL)
			progress((size_t)total);
	} while (n == EXPORT_BATCH);
	if (json)
		opendata_json_end(out, total > 0);
	if (run(db, "COMMIT", err, errsz) == -1)
		return (-1);
	return (total);
fail:
	(void)run(db, "ROLLBACK", err + strlen(err), errsz - strlen(err));
	return (-1);
}
