/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"

/* PostgreSQL's type oids (pg_type.dat): the ones --check tells apart. */
#define OID_BOOL	16
#define OID_INT8	20
#define OID_INT2	21
#define OID_INT4	23

/* The linker's bounds of the db_stmts section (GNU ld, lld, gold). */
extern const struct db_stmt *const __start_db_stmts[];
extern const struct db_stmt *const __stop_db_stmts[];

static void	fault_stderr(const char *);

void	(*db_fault_hook)(const char *) = fault_stderr;

static void
fault_stderr(const char *msg)
{
	fprintf(stderr, "agora: %s\n", msg);
}

size_t
db_stmt_count(void)
{
	return ((size_t)(__stop_db_stmts - __start_db_stmts));
}

const struct db_stmt *
db_stmt_at(size_t i)
{
	return (i < db_stmt_count() ? __start_db_stmts[i] : NULL);
}

const struct db_stmt *
db_stmt_find(const char *name)
{
	size_t	i;

	for (i = 0; i < db_stmt_count(); i++)
		if (strcmp(__start_db_stmts[i]->name, name) == 0 ||
		    (strncmp(__start_db_stmts[i]->name, "sql_", 4) == 0 &&
		    strcmp(__start_db_stmts[i]->name + 4, name) == 0))
			return (__start_db_stmts[i]);
	return (NULL);
}

const char *
db_arg_text(const struct db_arg *a, char *buf)
{
	switch (a->type) {
	case DB_ARG_TEXT:
		return (a->s);
	case DB_ARG_INT:
		snprintf(buf, 24, "%lld", a->n);
		return (buf);
	case DB_ARG_ID:
		if (a->n == 0)
			return (NULL);
		snprintf(buf, 24, "%lld", a->n);
		return (buf);
	case DB_ARG_BOOL:
		return (a->n ? "true" : "false");
	default:
		return (NULL);
	}
}

static void
fault(struct db_rows *r, int row, int col, const char *why)
{
	char	msg[256];

	r->fault = 1;
	snprintf(msg, sizeof(msg), "%s: row %d, column %d%s%s: %s",
	    r->stmt ? r->stmt->name : "(no statement)", row, col,
	    r->stmt && col >= 0 && col < r->stmt->ncols ? " " : "",
	    r->stmt && col >= 0 && col < r->stmt->ncols ?
	    r->stmt->cols[col].name : "", why);
	db_fault_hook(msg);
}

/* The cell, or NULL after reporting why it cannot be read as want. */
static const char *
cell(struct db_rows *r, int row, int col, enum db_coltype want)
{
	if (r->res == NULL || r->stmt == NULL) {
		fault(r, row, col, "no result to read");
		return (NULL);
	}
	if (col < 0 || col >= r->stmt->ncols || col >= PQnfields(r->res)) {
		fault(r, row, col, "the statement declares no such column");
		return (NULL);
	}
	if (want != DB_COL_TEXT && r->stmt->cols[col].type != want) {
		fault(r, row, col, "read with another type than declared");
		return (NULL);
	}
	if (row < 0 || row >= PQntuples(r->res)) {
		fault(r, row, col, "no such row");
		return (NULL);
	}
	return (PQgetvalue(r->res, row, col));
}

int
db_nrows(struct db_rows *r)
{
	return (r->res != NULL ? PQntuples(r->res) : 0);
}

const char *
db_text(struct db_rows *r, int row, int col)
{
	const char	*v = cell(r, row, col, DB_COL_TEXT);

	return (v != NULL ? v : "");
}

long long
db_int(struct db_rows *r, int row, int col)
{
	const char	*v = cell(r, row, col, DB_COL_INT);

	return (v != NULL ? strtoll(v, NULL, 10) : 0);
}

int
db_bool(struct db_rows *r, int row, int col)
{
	const char	*v = cell(r, row, col, DB_COL_BOOL);

	return (v != NULL && v[0] == 't');
}

int
db_null(struct db_rows *r, int row, int col)
{
	if (cell(r, row, col, DB_COL_TEXT) == NULL)
		return (1);
	return (PQgetisnull(r->res, row, col));
}

static int
type_fits(enum db_coltype t, Oid oid)
{
	switch (t) {
	case DB_COL_INT:
		return (oid == OID_INT2 || oid == OID_INT4 || oid == OID_INT8);
	case DB_COL_BOOL:
		return (oid == OID_BOOL);
	default:
		return (1);
	}
}

int
db_stmt_check(const struct db_stmt *st, const PGresult *desc, char *err,
    size_t len)
{
	int	i, n = PQnfields(desc);

	if (PQnparams(desc) != st->nparams) {
		snprintf(err, len, "%d parameters declared, the SQL takes %d",
		    st->nparams, PQnparams(desc));
		return (-1);
	}
	if (st->cols == NULL)
		return (0);	/* no rows read: nothing to compare */
	if (n != st->ncols) {
		snprintf(err, len, "%d columns declared, the SQL returns %d",
		    st->ncols, n);
		return (-1);
	}
	for (i = 0; i < n; i++) {
		if (strcmp(PQfname(desc, i), st->cols[i].name) != 0) {
			snprintf(err, len, "column %d is declared \"%s\", the "
			    "SQL calls it \"%s\"", i, st->cols[i].name,
			    PQfname(desc, i));
			return (-1);
		}
		if (!type_fits(st->cols[i].type, PQftype(desc, i))) {
			snprintf(err, len, "column %d \"%s\" is declared %s, "
			    "the SQL gives type oid %u", i, st->cols[i].name,
			    st->cols[i].type == DB_COL_INT ? "INT" : "BOOL",
			    PQftype(desc, i));
			return (-1);
		}
	}
	return (0);
}
