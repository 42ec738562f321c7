/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Shared parts of `agora import FORMAT DIR`: loading and checking a CSV file
 * before the database is touched, running each insert with the file and
 * line in the error message, and the progress bar. Every import runs in
 * ONE transaction: on any error it is rolled back, a French message naming
 * the file and the line is printed and the command exits 1.
 */

#ifndef AGORA_CLI_IMPORT_H
#define AGORA_CLI_IMPORT_H

#include <stddef.h>

#include <libpq-fe.h>

#include "../core/csv.h"

#define IMPORT_MAX_COLS	24

/* A CSV file loaded, checked and parsed: every record has ncols fields. */
struct import_file {
	const char		*name;		/* "opinions.csv" */
	char			*data;		/* file contents */
	size_t			 len;
	struct csv_record	*rows;		/* data records (header excluded) */
	size_t			 nrows;
	int			 col[IMPORT_MAX_COLS]; /* index of each wanted column */
};

/*
 * Loads dir/name with separator sep; cols is a NULL-terminated list of the
 * column names needed, found by name in the header (their indices go to
 * f->col in the same order). Exits 1 with a message naming the line on a
 * missing file, invalid UTF-8, malformed CSV, a wrong field count or a
 * missing column.
 */
void	import_load(struct import_file *, const char *, const char *, char,
	    const char *const *);
void	import_free(struct import_file *);
/* The value of wanted column i of data row r. */
const char *import_get(const struct import_file *, size_t, int);
/* The source line where data row r starts. */
size_t	import_line(const struct import_file *, size_t);

/* BEGIN; the first step of every import. */
void	import_begin(PGconn *);
/*
 * Runs sql inside the import transaction. On error rolls back, prints
 * "agora import: FILE, ligne N : message" (no line when file is NULL) and
 * exits 1.
 */
PGresult *import_exec(PGconn *, const char *, size_t, const char *, int,
	    const char *const *);
/* Rolls back, prints the French message and exits 1. */
void	import_fail(PGconn *, const char *, size_t, const char *, ...)
	    __attribute__((format(printf, 4, 5), noreturn));
/* Refuses with exit 1 when the consultation was already imported. */
void	import_refuse_duplicate(PGconn *, const char *, const char *);
/* COMMIT, and fixes the consultation dates just before. */
void	import_commit(PGconn *, const char *);

/* Shows "label  i/n" with a bar on stderr when it is a terminal. */
void	import_progress(const char *, size_t, size_t);

int	import_republique_numerique(const char *);
int	import_decidim(const char *);

#endif
