/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include "../core/modlog.h"
#include "moderation.h"
#include "modlog_export.h"
#include "modlog_read.h"

static void
str_or_null(struct html_out *o, const char *name, const char *v)
{
	html_rawf(o, ",\"%s\":", name);
	if (v == NULL)
		html_raw(o, "null");
	else
		html_json_string(o, v);
}

static void
id_or_null(struct html_out *o, const char *name, long long v)
{
	if (v == 0)
		html_rawf(o, ",\"%s\":null", name);
	else
		html_rawf(o, ",\"%s\":%lld", name, v);
}

static void
row_json(struct html_out *o, const struct modlog_row *r,
    const unsigned char *key, size_t keylen)
{
	char		 t[MODLOG_TIME_MAX], q[MODLOG_TIME_MAX], ref[13];
	const char	*moderator = r->moderator_ref;

	/* Form 1 chained the id; the file shows its pseudonym all the same. */
	if (r->form == 1 && r->moderator_id != 0) {
		modlog_pseudonym(key, keylen, r->moderator_id, ref);
		moderator = ref;
	}
	modlog_time(r->at, t);
	html_rawf(o, "{\"id\":%lld,\"forme\":%d", r->id, r->form);
	str_or_null(o, "date", t);
	str_or_null(o, "moderateur", moderator);
	id_or_null(o, "contribution", r->contribution_id);
	id_or_null(o, "consultation", r->consultation_id);
	str_or_null(o, "action", r->action);
	str_or_null(o, "statut_avant", r->from_status);
	str_or_null(o, "statut_apres", r->to_status);
	str_or_null(o, "regle", r->rule_code);
	str_or_null(o, "note_empreinte", r->form >= 2 ? r->note_mac : NULL);
	if (r->queued)
		modlog_time(r->queued_at, q);
	str_or_null(o, "entree_file", r->queued ? q : NULL);
	str_or_null(o, "objet", r->form == 3 ? r->subject : NULL);
	str_or_null(o, "texte_empreinte", r->form == 3 ? r->text_hash : NULL);
	str_or_null(o, "empreinte_precedente", r->prev_hash);
	str_or_null(o, "empreinte", r->hash);
	html_raw(o, "}");
}

/*
 * Runs sql on the task's own connection (a kore task cannot use the
 * module's asynchronous queries): the transaction's plain statements, the
 * cursor of sql_log_rows_open and, with the simple protocol that keeps its
 * rows binary, sql_log_rows_fetch (moderation.h).
 */
static int
run(PGconn *db, const char *sql, PGresult **out, char *err, size_t errsz)
{
	PGresult	*res = PQexec(db, sql);

	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK) {
		snprintf(err, errsz, "%s", PQresultErrorMessage(res));
		PQclear(res);
		return (-1);
	}
	if (out != NULL)
		*out = res;
	else
		PQclear(res);
	return (0);
}

long
modlog_export_run(PGconn *db, const unsigned char *key, size_t keylen,
    struct html_out *o, char *err, size_t errsz)
{
	struct modlog_row	 r;
	PGresult		*res;
	long			 n = 0;
	int			 i, rows;

	if (run(db, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", NULL,
	    err, errsz) == -1)
		return (-1);
	if (run(db, sql_log_rows_open.sql, NULL, err, errsz) == -1)
		goto fail;
	html_raw(o, "[\n");
	do {
		if (run(db, sql_log_rows_fetch, &res, err, errsz) == -1)
			goto fail;
		rows = PQntuples(res);
		if (rows > 0 && modlog_rows_check(res) == -1) {
			snprintf(err, errsz, "unexpected columns in the log");
			PQclear(res);
			goto fail;
		}
		for (i = 0; i < rows; i++) {
			if (modlog_row_read(res, i, &r) == -1) {
				snprintf(err, errsz, "log row %d unreadable",
				    i);
				PQclear(res);
				goto fail;
			}
			if (n++ > 0)
				html_raw(o, ",\n");
			row_json(o, &r, key, keylen);
		}
		PQclear(res);
	} while (rows > 0);
	html_raw(o, n > 0 ? "\n]\n" : "]\n");
	if (run(db, "COMMIT", NULL, err, errsz) == -1)
		return (-1);
	return (n);
fail:
	PQclear(PQexec(db, "ROLLBACK"));
	return (-1);
}
