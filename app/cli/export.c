/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora export [--format csv|json] [--theme SLUG] [--output FILE]: the
 * open-data file of /export/contributions.csv (or .json, or one theme's),
 * written with the same SQL and the same writer as the web, so the two are
 * byte-identical. Reads in batches of 5,000 rows (keyset on id), so memory
 * stays flat however large the consultation.
 */

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/opendata.h"
#include "../core/settings.h"
#include "../db/export_run.h"
#include "../db/exports.h"
#include "cli.h"

/* Progress on a terminal: the total is not known in advance. */
static void
progress(size_t rows)
{
	if (isatty(2))
		fprintf(stderr, "\rexport : %zu contributions lues", rows);
}

static void
file_write(void *arg, const void *p, size_t len)
{
	if (len > 0 && fwrite(p, 1, len, arg) != len) {
		perror("agora export: write");
		exit(1);
	}
}

int
cmd_export(int argc, char **argv)
{
	unsigned char	 key[64];
	const char	*format = "csv", *theme = NULL, *output = NULL;
	char		 err[512];
	PGconn		*db;
	FILE		*fp = stdout;
	ssize_t		 keylen;
	int		 i, fd, json;
	long		 total;
	struct html_out	 ho;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
			format = argv[++i];
		else if (strcmp(argv[i], "--theme") == 0 && i + 1 < argc)
			theme = argv[++i];
		else if (strcmp(argv[i], "--output") == 0 && i + 1 < argc)
			output = argv[++i];
		else {
			fprintf(stderr, "usage: agora export [--format csv|json]"
			    " [--theme SLUG] [--output FILE]\n");
			return (2);
		}
	}
	if (strcmp(format, "csv") != 0 && strcmp(format, "json") != 0) {
		fprintf(stderr, "agora export: format « %s » inconnu (csv ou "
		    "json)\n", format);
		return (2);
	}
	json = format[0] == 'j';
	if ((fd = open(settings_text(SET_SECRET_FILE), O_RDONLY)) == -1 || (keylen = read(fd, key, sizeof(key))) < 32) {
		fprintf(stderr, "agora export: secret_file illisible ou trop "
		    "court (32 octets au moins)\n");
		return (1);
	}
	close(fd);

	db = cli_connect();
	if (theme != NULL) {
		struct db_rows	r = cli_query(db, &sql_export_theme,
				    DB_TEXT(theme));

		if (db_nrows(&r) != 1) {
			fprintf(stderr, "agora export: aucun thème « %s » dans la "
			    "consultation principale\n", theme);
			PQclear(r.res);
			PQfinish(db);
			return (1);
		}
		PQclear(r.res);
	}
	if (output != NULL && (fp = fopen(output, "wb")) == NULL) {
		perror(output);
		PQfinish(db);
		return (1);
	}
	ho.write = file_write;
	ho.arg = fp;
	if ((total = export_run(db, theme, json, key, (size_t)keylen, &ho,
	    progress, err, sizeof(err))) == -1) {
		fprintf(stderr, "agora export: %s", err);
		PQfinish(db);
		return (1);
	}
	PQfinish(db);
	if (isatty(2))
		fputc('\n', stderr);
	if (fp != stdout && fclose(fp) != 0) {
		perror(output);
		return (1);
	}
	if (output != NULL)
		fprintf(stderr, "%ld contributions écrites dans %s\n", total,
		    output);
	return (0);
}
