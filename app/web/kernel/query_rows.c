/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* A handler's reads of its queries' rows, by slot and column name. */

#include <string.h>

#include "web.h"

/* Named reads: a fault makes the dispatcher answer 500 (web_send). */
static struct db_rows *
rows_of(struct web_req *w, int slot)
{
	static struct db_rows	none;

	if (slot < 0 || slot >= WEB_MAX_RESULTS) {
		kore_log(LOG_ERR, "%s: no result slot %d", w->req->path, slot);
		w->fault = 1;
		memset(&none, 0, sizeof(none));
		return (&none);
	}
	return (&w->rows[slot]);
}

static void
note_fault(struct web_req *w, struct db_rows *r)
{
	if (r->fault)
		w->fault = 1;
}

int
web_rows(struct web_req *w, int slot)
{
	return (db_nrows(rows_of(w, slot)));
}

const char *
web_text(struct web_req *w, int slot, int row, int col)
{
	struct db_rows	*r = rows_of(w, slot);
	const char	*v = db_text(r, row, col);

	note_fault(w, r);
	return (v);
}

long long
web_int(struct web_req *w, int slot, int row, int col)
{
	struct db_rows	*r = rows_of(w, slot);
	long long	 v = db_int(r, row, col);

	note_fault(w, r);
	return (v);
}

int
web_bool(struct web_req *w, int slot, int row, int col)
{
	struct db_rows	*r = rows_of(w, slot);
	int		 v = db_bool(r, row, col);

	note_fault(w, r);
	return (v);
}

int
web_null(struct web_req *w, int slot, int row, int col)
{
	struct db_rows	*r = rows_of(w, slot);
	int		 v = db_null(r, row, col);

	note_fault(w, r);
	return (v);
}
