/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdint.h>
#include <string.h>

#include "moderation.h"
#include "modlog_read.h"

/*
 * PostgreSQL type oids (pg_type.dat), exactly: a binary value is decoded
 * by its width, so "an integer" (what sql_log_rows declares for --check)
 * is not enough here.
 */
#define OID_BOOL	16
#define OID_INT8	20
#define OID_INT2	21
#define OID_TEXT	25
#define OID_TIMESTAMPTZ	1184

static const unsigned int	types[LOGROW__MAX] = {
	OID_INT8, OID_INT2, OID_TIMESTAMPTZ, OID_INT8, OID_TEXT, OID_INT8,
	OID_INT8, OID_TEXT, OID_TEXT, OID_TEXT, OID_TEXT, OID_TEXT, OID_TEXT,
	OID_TIMESTAMPTZ, OID_TEXT, OID_TEXT, OID_BOOL, OID_TEXT, OID_TEXT,
	OID_TEXT,
};

int
modlog_rows_check(const PGresult *res)
{
	int	i;

	if (PQnfields(res) != LOGROW__MAX || sql_log_rows.ncols != LOGROW__MAX)
		return (-1);
	for (i = 0; i < LOGROW__MAX; i++)
		if (PQfformat(res, i) != 1 || PQftype(res, i) != types[i] ||
		    strcmp(PQfname(res, i), sql_log_rows.cols[i].name) != 0)
			return (-1);
	return (0);
}

/* A big-endian integer of n bytes (2 or 8), sign-extended. */
static int
be_int(const PGresult *res, int row, int col, int n, long long *v)
{
	const unsigned char	*p;
	uint64_t		 u = 0;
	int			 i;

	if (PQgetisnull(res, row, col)) {
		*v = 0;
		return (1);
	}
	if (PQgetlength(res, row, col) != n)
		return (-1);
	p = (const unsigned char *)PQgetvalue(res, row, col);
	for (i = 0; i < n; i++)
		u = (u << 8) | p[i];
	if (n == 2)
		*v = (int16_t)u;
	else
		*v = (long long)(int64_t)u;
	return (0);
}

static const char *
text(const PGresult *res, int row, int col)
{
	/* libpq ends binary values with a zero byte; text has no NUL. */
	return (PQgetisnull(res, row, col) ? NULL :
	    PQgetvalue(res, row, col));
}

int
modlog_row_read(const PGresult *res, int i, struct modlog_row *r)
{
	long long	v;
	int		rc;

	memset(r, 0, sizeof(*r));
	if (be_int(res, i, LOGROW_ID, 8, &r->id) != 0 ||
	    be_int(res, i, LOGROW_FORM, 2, &v) != 0 ||
	    be_int(res, i, LOGROW_AT, 8, &r->at) != 0 ||
	    be_int(res, i, LOGROW_MODERATOR, 8, &r->moderator_id) < 0 ||
	    be_int(res, i, LOGROW_CONTRIBUTION, 8, &r->contribution_id) < 0 ||
	    be_int(res, i, LOGROW_CONSULTATION, 8, &r->consultation_id) < 0 ||
	    (rc = be_int(res, i, LOGROW_QUEUED, 8, &r->queued_at)) < 0)
		return (-1);
	r->form = (int)v;
	r->queued = rc == 0;
	if (PQgetisnull(res, i, LOGROW_ACTION) ||
	    PQgetisnull(res, i, LOGROW_PREV) ||
	    PQgetisnull(res, i, LOGROW_HASH) ||
	    PQgetlength(res, i, LOGROW_ERASED) != 1)
		return (-1);
	r->moderator_ref = text(res, i, LOGROW_MODERATOR_REF);
	r->action = text(res, i, LOGROW_ACTION);
	r->from_status = text(res, i, LOGROW_FROM);
	r->to_status = text(res, i, LOGROW_TO);
	r->rule_code = text(res, i, LOGROW_RULE);
	r->note = text(res, i, LOGROW_NOTE);
	r->note_mac = text(res, i, LOGROW_NOTE_MAC);
	r->prev_hash = text(res, i, LOGROW_PREV);
	r->hash = text(res, i, LOGROW_HASH);
	r->note_erased = PQgetvalue(res, i, LOGROW_ERASED)[0] != 0;
	r->kept_note = text(res, i, LOGROW_KEPT_NOTE);
	r->subject = text(res, i, LOGROW_SUBJECT);
	r->text_hash = text(res, i, LOGROW_TEXT_HASH);
	if (r->form == 3 && (r->subject == NULL || r->text_hash == NULL))
		return (-1);
	return (0);
}
