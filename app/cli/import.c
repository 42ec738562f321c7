/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* agora import FORMAT DIR: the command and what both formats share. */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "import.h"

static void
load_fail(const char *name, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
load_fail(const char *name, size_t line, const char *fmt, ...)
{
	va_list	ap;

	if (line > 0)
		fprintf(stderr, "agora import: %s, ligne %zu : ", name, line);
	else if (strncmp(fmt, "%s", 2) == 0)
		fprintf(stderr, "agora import: %s, ", name); /* "ligne N : ..." */
	else
		fprintf(stderr, "agora import: %s : ", name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nRien n'a été importé.\n");
	exit(1);
}

void
import_load(struct import_file *f, const char *dir, const char *name,
    char sep, const char *const *cols)
{
	struct csv_reader	 r;
	struct csv_record	 head = { 0 }, rec = { 0 }, *rows;
	char			 path[4096], err[256], *data, *p;
	FILE			*fp;
	size_t			 len = 0, cap = 1 << 20, line, ncols, i;
	size_t			 n;
	int			 rc;

	memset(f, 0, sizeof(*f));
	f->name = name;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fp = fopen(path, "rb")) == NULL)
		load_fail(name, 0, "impossible d'ouvrir %s (%s)", path,
		    strerror(errno));
	if ((data = malloc(cap)) == NULL)
		load_fail(name, 0, "mémoire insuffisante");
	while ((n = fread(data + len, 1, cap - len, fp)) > 0) {
		len += n;
		if (len == cap) {
			cap *= 2;
			if ((p = realloc(data, cap)) == NULL)
				load_fail(name, 0, "mémoire insuffisante");
			data = p;
		}
	}
	if (ferror(fp))
		load_fail(name, 0, "erreur de lecture de %s", path);
	fclose(fp);
	f->data = data;
	f->len = len;
	if ((line = csv_utf8_check(data, len)) != 0)
		load_fail(name, line, "le texte n'est pas de l'UTF-8 valide "
		    "(ou contient un octet nul) ; convertissez le fichier en "
		    "UTF-8");
	csv_reader_init(&r, data, len, sep);
	if ((rc = csv_read(&r, &head, err, sizeof(err))) != 1)
		load_fail(name, rc == 0 ? 1 : 0, "%s",
		    rc == 0 ? "fichier vide (pas de ligne d'en-tête)" : err);
	ncols = head.nfields;
	for (i = 0; cols[i] != NULL; i++) {
		if (i >= IMPORT_MAX_COLS)
			abort();
		if ((f->col[i] = csv_header_index(&head, cols[i])) == -1)
			load_fail(name, 1, "colonne « %s » absente de l'en-tête",
			    cols[i]);
	}
	csv_record_free(&head);
	cap = 1024;
	if ((rows = calloc(cap, sizeof(*rows))) == NULL)
		load_fail(name, 0, "mémoire insuffisante");
	for (;;) {
		rc = csv_read(&r, &rec, err, sizeof(err));
		if (rc == -1)
			load_fail(name, 0, "%s", err);
		if (rc == 0)
			break;
		if (rec.nfields == 1 && rec.fields[0][0] == '\0' &&
		    r.pos >= r.len)
			break;		/* a final empty line */
		if (rec.nfields != ncols)
			load_fail(name, rec.line, "%zu champs au lieu de %zu "
			    "(séparateur « %c » attendu ; fichier tronqué ou "
			    "mal formé ?)", rec.nfields, ncols, sep);
		if (f->nrows == cap) {
			cap *= 2;
			if ((rows = realloc(rows, cap * sizeof(*rows))) == NULL)
				load_fail(name, 0, "mémoire insuffisante");
		}
		rows[f->nrows++] = rec;
		memset(&rec, 0, sizeof(rec));
	}
	f->rows = rows;
}

void
import_free(struct import_file *f)
{
	size_t	i;

	for (i = 0; i < f->nrows; i++)
		csv_record_free(&f->rows[i]);
	free(f->rows);
	free(f->data);
	memset(f, 0, sizeof(*f));
}

const char *
import_get(const struct import_file *f, size_t r, int i)
{
	return (f->rows[r].fields[f->col[i]]);
}

size_t
import_line(const struct import_file *f, size_t r)
{
	return (f->rows[r].line);
}

void
import_fail(PGconn *db, const char *file, size_t line, const char *fmt, ...)
{
	va_list	ap;

	if (db != NULL)
		PQclear(PQexec(db, "ROLLBACK"));
	if (isatty(2))
		fputc('\n', stderr);
	if (file != NULL && line > 0)
		fprintf(stderr, "agora import: %s, ligne %zu : ", file, line);
	else if (file != NULL)
		fprintf(stderr, "agora import: %s : ", file);
	else
		fprintf(stderr, "agora import: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nRien n'a été importé : la base est inchangée.\n");
	PQfinish(db);
	exit(1);
}

int
import_is_count(const char *s)
{
	size_t	i;

	for (i = 0; s[i] != '\0'; i++)
		if (s[i] < '0' || s[i] > '9' || i >= 9)
			return (0);
	return (i > 0);
}

void
import_progress(const char *label, size_t i, size_t n)
{
	static int	tty = -1;
	size_t		width = 30, done, k;
	char		bar[31];

	if (tty == -1)
		tty = isatty(2);
	if (!tty || n == 0)
		return;
	if (i != n && i % 50 != 0)
		return;
	done = i * width / n;
	for (k = 0; k < width; k++)
		bar[k] = k < done ? '#' : '.';
	bar[width] = '\0';
	fprintf(stderr, "\r%-22s [%s] %zu/%zu", label, bar, i, n);
	if (i == n)
		fputc('\n', stderr);
	fflush(stderr);
}

int
cmd_import(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: agora import republique-numerique DIR\n"
		    "       agora import decidim DIR\n"
		    "       agora import polis DIR\n");
		return (2);
	}
	if (strcmp(argv[1], "republique-numerique") == 0)
		return (import_republique_numerique(argv[2]));
	if (strcmp(argv[1], "decidim") == 0)
		return (import_decidim(argv[2]));
	if (strcmp(argv[1], "polis") == 0)
		return (import_polis(argv[2]));
	fprintf(stderr, "agora import: format inconnu « %s » (republique-"
	    "numerique, decidim ou polis)\n", argv[1]);
	return (2);
}
