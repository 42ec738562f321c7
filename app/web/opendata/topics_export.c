/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * GET /export/sujets/<consultation>/<theme>.csv: the topic of every
 * public proposal of a theme, as `agora topics` last computed it, with
 * the stems and counts it was computed from, so that anyone can recompute
 * the assignment (test/opendata/topics_recompute.py does, with Python's
 * standard library alone). One theme per file: what it reads is bounded
 * by the theme, and comes from the stored run only. Licence Ouverte, like
 * every file of /export/.
 */

#include <string.h>

#include "../../core/csv.h"
#include "../../core/text.h"
#include "../../db/topics.h"
#include "../kernel/web.h"
#include "topics.h"

int	topics_export(struct web_req *);

enum { Q_RUN, Q_ROWS, Q__MAX };

/* The file's columns, documented on /export/ (exports.c). */
static const char *const columns[] = {
	"id", "sujet", "similarite", "rang", "termes"
};

static void
csv_write(void *arg, const void *buf, size_t len)
{
	struct web_req	*w = arg;

	H->write(H->arg, buf, len);
}

/* A cell: the text, or empty when NULL. */
static void
cell(struct web_req *w, const struct csv_out *o, int row, int col, int sep)
{
	if (sep)
		csv_sep(o);
	if (!web_null(w, Q_ROWS, row, col))
		csv_field(o, web_text(w, Q_ROWS, row, col));
}

static int
topics_export_render(struct web_req *w, const char *consultation,
    const char *theme)
{
	struct csv_out	o = { csv_write, w };
	size_t		c;
	int		i;

	for (c = 0; c < sizeof(columns) / sizeof(columns[0]); c++) {
		if (c > 0)
			csv_sep(&o);
		csv_field(&o, columns[c]);
	}
	csv_eol(&o);
	for (i = 0; i < web_rows(w, Q_ROWS); i++) {
		cell(w, &o, i, TPXR_ID, 0);
		cell(w, &o, i, TPXR_TOPIC, 1);
		cell(w, &o, i, TPXR_SIMILARITY, 1);
		cell(w, &o, i, TPXR_RANK, 1);
		cell(w, &o, i, TPXR_TERMS, 1);
		csv_eol(&o);
	}
	http_response_header(w->req, "content-disposition", web_printf(w,
	    "inline; filename=\"sujets-%s-%s.csv\"", consultation, theme));
	http_response_header(w->req, "access-control-allow-origin", "*");
	return (web_send_type(w, 200, "text/csv; charset=utf-8"));
}

/* The theme's slug from "<slug>.csv", or NULL. */
static char *
theme_of(struct web_req *w, const char *file)
{
	size_t	n = strlen(file);
	char	*slug;

	if (n < 5 || strcmp(file + n - 4, ".csv") != 0)
		return (NULL);
	slug = web_strdup(w, file);
	slug[n - 4] = '\0';
	return (text_slug_valid(slug) ? slug : NULL);
}

int
topics_export(struct web_req *w)
{
	const char	*consultation = w->args[0];
	char		*theme;

	if ((theme = theme_of(w, w->args[1])) == NULL ||
	    !text_slug_valid(consultation))
		return (web_error(w, 404, NULL));
	switch (w->step) {
	case 0:
		return (web_query(w, Q_RUN, &sql_topic_export_run,
		    DB_TEXT(consultation), DB_TEXT(theme)));
	case 1:
		if (web_rows(w, Q_RUN) != 1 || web_null(w, Q_RUN, 0, TPX_RUN))
			return (web_error(w, 404, NULL));
		return (web_query(w, Q_ROWS, &sql_topic_export_rows,
		    DB_INT(web_int(w, Q_RUN, 0, TPX_RUN))));
	}
	return (topics_export_render(w, consultation, theme));
}

/* What each column holds (the /export/ page, #sujets). */
static const char *const column_docs[][2] = {
	{ "id", "Identifiant de la proposition (colonne id des fichiers de "
	    "contributions)." },
	{ "sujet", "Numéro du sujet (1 = le plus grand), vide quand la "
	    "proposition ne partage aucun terme avec une autre et n'est "
	    "classée dans aucun sujet." },
	{ "similarite", "Cosinus entre la proposition et le centre de son "
	    "sujet (de 0 à 1), vide sans sujet." },
	{ "rang", "Rang de la proposition dans son sujet, par similarité "
	    "décroissante (1 = la plus représentative), vide sans sujet." },
	{ "termes", "Les racines (analyseur français de PostgreSQL, sans "
	    "accents) du titre et du texte avec leur nombre d'occurrences, "
	    "racine:nombre séparées par des espaces : ce dont le sujet a été "
	    "calculé." },
};

void
topics_export_doc(struct web_req *w)
{
	size_t	i;

	html_raw(H, "<h2 id=\"sujets\">Sujets des propositions</h2>\n<p>Pour "
	    "chaque enjeu dont les sujets ont été calculés (la section "
	    "« Sujets abordés » de son rapport), le fichier <code>/export/"
	    "sujets/&lt;consultation&gt;/&lt;enjeu&gt;.csv</code> donne le "
	    "sujet de chacune de ses propositions publiques, une ligne par "
	    "proposition, par identifiant croissant, au format CSV décrit "
	    "ci-dessous. Avec ses termes, il suffit pour refaire le calcul "
	    "décrit dans la méthode du rapport et retrouver les mêmes sujets "
	    "(tant qu'aucune proposition n'a été masquée depuis le "
	    "calcul).</p>\n<table tabindex=\"0\">\n<caption>Colonnes des "
	    "fichiers de sujets</caption>\n<thead><tr><th scope=\"col\">"
	    "Colonne</th><th scope=\"col\">Contenu</th></tr></thead>\n"
	    "<tbody>\n");
	for (i = 0; i < sizeof(column_docs) / sizeof(column_docs[0]); i++) {
		html_raw(H, "<tr><th scope=\"row\"><code>");
		html_text(H, column_docs[i][0]);
		html_raw(H, "</code></th><td>");
		html_text(H, column_docs[i][1]);
		html_raw(H, "</td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n");
}
