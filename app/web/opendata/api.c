/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The read-only JSON API (/api/v1/), documented in README.md: the themes,
 * pages of contributions (same fields as the open-data files), and the
 * figures of a theme report (same SQL as /rapports/<slug>). Errors are JSON
 * too: {"erreur": "..."} with 400 or 404.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/opendata.h"
#include "../../core/text.h"
#include "../../db/exports.h"
#include "../../db/reports.h"
#include "../kernel/app.h"
#include "../kernel/web.h"

int	api_themes(struct web_req *);
int	api_contributions(struct web_req *);
int	api_report(struct web_req *);

#define API_PER_PAGE	50
/*
 * Deeper pages cost PostgreSQL an OFFSET over every row before them (page
 * 28,000 took 3.7 s at Grand Débat scale): beyond, the apres cursor.
 */
#define API_MAX_PAGE	2000

static int
api_send(struct web_req *w, int status)
{
	http_response_header(w->req, "access-control-allow-origin", "*");
	return (web_send_type(w, status, "application/json; charset=utf-8"));
}

static int
api_error(struct web_req *w, int status, const char *msg)
{
	kore_buf_reset(w->body);
	html_raw(H, "{\"erreur\":");
	html_json_string(H, msg);
	html_raw(H, "}\n");
	return (api_send(w, status));
}

/* "name":"value" or "name":null; with a leading comma unless first. */
static void
json_str(struct web_req *w, const char *name, const char *value, int first)
{
	if (!first)
		html_raw(H, ",");
	html_json_string(H, name);
	html_raw(H, ":");
	if (value == NULL)
		html_raw(H, "null");
	else
		html_json_string(H, value);
}

/* "name":123 from a decimal text the database wrote (NULL: null). */
static void
json_num(struct web_req *w, const char *name, const char *value, int first)
{
	if (!first)
		html_raw(H, ",");
	html_json_string(H, name);
	html_raw(H, ":");
	html_raw(H, value != NULL ? value : "null");
}

/* GET /api/v1/themes: the themes of the primary consultation. */
int
api_themes(struct web_req *w)
{
	int	i;

	switch (w->step) {
	case 0:
		return (web_sql(w, sql_report_index, 0));
	}
	html_raw(H, "{\"themes\":[");
	for (i = 0; i < web_nrows(w, 0); i++) {
		html_raw(H, i ? ",\n{" : "\n{");
		json_str(w, "slug", web_value(w, 0, i, 0), 1);
		json_str(w, "titre", web_value(w, 0, i, 1), 0);
		json_num(w, "position", web_value(w, 0, i, 2), 0);
		json_num(w, "contributeurs", web_value(w, 0, i, 3), 0);
		json_num(w, "propositions", web_value(w, 0, i, 4), 0);
		json_num(w, "arguments", web_value(w, 0, i, 5), 0);
		json_num(w, "commentaires", web_value(w, 0, i, 6), 0);
		json_num(w, "votes", web_value(w, 0, i, 7), 0);
		json_num(w, "reponses_officielles", web_value(w, 0, i, 8), 0);
		html_raw(H, "}");
	}
	html_raw(H, "\n]}\n");
	return (api_send(w, 200));
}

struct api_query {
	const char	*theme;		/* slug or NULL */
	const char	*kind;		/* contributions.kind or NULL */
	long		 page;		/* 1-based; 0 with apres */
	long long	 skip;		/* rows before the page */
	char		 limit[16];
	char		 offset[24];
	char		 after[24];	/* the id after which to start */
};

/*
 * GET /api/v1/contributions?theme=&type=&page= or ?apres=ID: 50 published
 * contributions a page, in id order; "suivant" is the id to pass as apres
 * for the next page (a cursor: its cost does not grow with the depth, as
 * page's does). Raises 400 for an invalid filter, 404 for an unknown
 * theme.
 */
int
api_contributions(struct web_req *w)
{
	struct api_query		*q = w->data;
	struct opendata_pseudonyms	 ps;
	const char			*v, *page, *row[OD__MAX];
	long long			 n;
	long				 total;
	int				 i, col;

	switch (w->step) {
	case 0:
		q = kore_calloc(1, sizeof(*q));
		w->data = q;
		w->data_free = kore_free;
		q->page = 1;
		if ((v = web_arg(w, "theme")) != NULL && *v != '\0') {
			if (!text_slug_valid(v))
				return (api_error(w, 400, "Paramètre theme "
				    "invalide : un identifiant d'enjeu "
				    "(lettres minuscules, chiffres, tirets)."));
			q->theme = v;
		}
		if ((v = web_arg(w, "type")) != NULL && *v != '\0') {
			if (strcmp(v, "proposition") == 0)
				q->kind = "proposal";
			else if (strcmp(v, "argument") == 0)
				q->kind = "argument";
			else if (strcmp(v, "commentaire") == 0)
				q->kind = "comment";
			else
				return (api_error(w, 400, "Paramètre type "
				    "invalide : proposition, argument ou "
				    "commentaire."));
		}
		if ((page = web_arg(w, "page")) != NULL && *page == '\0')
			page = NULL;
		if ((v = page) != NULL) {
			if (!text_parse_id(v, &n))
				return (api_error(w, 400, "Paramètre page "
				    "invalide : un entier de 1 à 2000."));
			if (n > API_MAX_PAGE)
				return (api_error(w, 400, "Paramètre page "
				    "trop grand : au-delà de la page 2000, "
				    "suivez le curseur apres (le champ "
				    "suivant de chaque page) ou prenez les "
				    "fichiers de /export/."));
			q->page = (long)n;
		}
		snprintf(q->after, sizeof(q->after), "0");
		if ((v = web_arg(w, "apres")) != NULL && *v != '\0') {
			if (!text_parse_id(v, &n))
				return (api_error(w, 400, "Paramètre apres "
				    "invalide : l'identifiant d'une "
				    "contribution (un entier positif)."));
			if (page != NULL)
				return (api_error(w, 400, "Donnez page ou "
				    "apres, pas les deux."));
			snprintf(q->after, sizeof(q->after), "%lld", n);
			q->page = 0;
		}
		q->skip = q->page > 0 ? (long long)(q->page - 1) * API_PER_PAGE :
		    0;
		snprintf(q->limit, sizeof(q->limit), "%d", API_PER_PAGE);
		snprintf(q->offset, sizeof(q->offset), "%lld", q->skip);
		/* With no theme, the check returns no row and is ignored. */
		return (web_sql(w, sql_export_theme, 1, q->theme));
	case 1:
		if (q->theme != NULL && web_nrows(w, 0) != 1)
			return (api_error(w, 404, "Enjeu inconnu."));
		return (web_sql(w, sql_api_count, 2, q->theme, q->kind));
	case 2:
		/* Past the last row there is nothing to read: do not. */
		if (q->page > 0 && q->skip >= atoll(web_value(w, 1, 0, 0)))
			break;
		return (web_sql(w, sql_api_contributions, 5, q->theme,
		    q->kind, q->limit, q->offset, q->after));
	}
	total = atol(web_value(w, 1, 0, 0));
	html_raw(H, "{\"page\":");
	if (q->page > 0)
		html_rawf(H, "%ld", q->page);
	else
		html_raw(H, "null");
	html_rawf(H, ",\"par_page\":%d,\"total\":%ld,\"pages\":%ld,",
	    API_PER_PAGE, total, (total + API_PER_PAGE - 1) / API_PER_PAGE);
	json_str(w, "licence", "Licence Ouverte 2.0 (Etalab)", 1);
	/* The next page's cursor, when this one is full. */
	json_num(w, "suivant", web_nrows(w, 2) == API_PER_PAGE ?
	    web_value(w, 2, API_PER_PAGE - 1, OD_ID) : NULL, 0);
	html_raw(H, ",\"contributions\":");
	/* A page of rows: hashed one by one, no cache. */
	(void)opendata_pseudonyms_init(&ps, app.secret, app.secret_len, 0);
	opendata_json_begin(H);
	for (i = 0; i < web_nrows(w, 2); i++) {
		for (col = 0; col < OD__MAX; col++)
			row[col] = web_isnull(w, 2, i, col) ? NULL :
			    web_value(w, 2, i, col);
		opendata_json_row(H, row, i == 0, &ps);
	}
	opendata_json_end(H, web_nrows(w, 2) > 0);
	html_raw(H, "}\n");
	return (api_send(w, 200));
}

/* Writes slot's rows as an array of objects named by names (ncols). */
static void
json_rows(struct web_req *w, const char *key, int slot,
    const char *const *names, const int *numeric, int ncols)
{
	int	i, c;

	html_raw(H, ",\n");
	html_json_string(H, key);
	html_raw(H, ":[");
	for (i = 0; i < web_nrows(w, slot); i++) {
		html_raw(H, i ? ",{" : "{");
		for (c = 0; c < ncols; c++) {
			const char *v = web_isnull(w, slot, i, c) ? NULL :
			    web_value(w, slot, i, c);
			if (numeric[c])
				json_num(w, names[c], v, c == 0);
			else
				json_str(w, names[c], v, c == 0);
		}
		html_raw(H, "}");
	}
	html_raw(H, "]");
}

enum { R_THEME, R_PART, R_WEEKS, R_TERR, R_CONSENSUS, R_DIVIDED, R_DEBATED,
    R_TERMS, R_ANSWERS, R_ANALYSIS, R__MAX };

/* GET /api/v1/rapports/:slug: the figures of /rapports/<slug>. */
int
api_report(struct web_req *w)
{
	static const char *const part[] = { "contributeurs", "votants",
	    "propositions", "arguments", "commentaires", "votes",
	    "saisies_par_mediateur", "publiees", "masquees_ou_refusees",
	    "en_attente" };
	static const char *const weeks[] = { "semaine", "libelle",
	    "contributions" };
	static const int weeks_n[] = { 0, 0, 1 };
	static const char *const terr[] = { "code", "nom", "population",
	    "millesime", "contributions", "pour_10000_habitants" };
	static const int terr_n[] = { 0, 0, 1, 1, 1, 0 };
	static const char *const votes[] = { "id", "titre", "d_accord",
	    "mitige", "pas_d_accord", "indice", "reponse" };
	static const int votes_n[] = { 1, 0, 1, 1, 1, 0, 0 };
	static const char *const debated[] = { "id", "titre",
	    "arguments_pour", "arguments_contre", "commentaires", "total" };
	static const int debated_n[] = { 1, 0, 1, 1, 1, 1 };
	static const char *const terms[] = { "terme", "occurrences",
	    "contributions" };
	static const int terms_n[] = { 0, 1, 1 };
	static const char *const answers[] = { "id", "titre", "statut",
	    "libelle", "date" };
	static const int answers_n[] = { 1, 0, 0, 0, 0 };
	const char	*sql = NULL, *tid;
	int		 i;

	if (w->step == 0) {
		if (!text_slug_valid(w->args[0]))
			return (api_error(w, 404, "Enjeu inconnu."));
		return (web_sql(w, sql_report_theme, 1, w->args[0]));
	}
	if (w->step == 1 && web_nrows(w, R_THEME) != 1)
		return (api_error(w, 404, "Enjeu inconnu."));
	tid = web_value(w, R_THEME, 0, 0);
	switch (w->step) {
	case R_PART:		sql = sql_report_participation; break;
	case R_WEEKS:		sql = sql_report_weeks; break;
	case R_TERR:		sql = sql_report_territories; break;
	case R_CONSENSUS:	sql = sql_report_consensus; break;
	case R_DIVIDED:		sql = sql_report_divided; break;
	case R_DEBATED:		sql = sql_report_debated; break;
	case R_TERMS:		sql = sql_report_terms; break;
	case R_ANALYSIS:	sql = sql_report_analysis; break;
	case R_ANSWERS:		sql = sql_report_answers; break;
	}
	if (sql != NULL)
		return (web_sql(w, sql, 1, tid));

	html_raw(H, "{");
	json_str(w, "slug", web_value(w, R_THEME, 0, 1), 1);
	json_str(w, "titre", web_value(w, R_THEME, 0, 2), 0);
	html_raw(H, ",\n\"participation\":{");
	for (i = 0; i < 10; i++)
		json_num(w, part[i], web_value(w, R_PART, 0, i), i == 0);
	html_raw(H, "}");
	json_rows(w, "par_semaine", R_WEEKS, weeks, weeks_n, 3);
	json_rows(w, "par_departement", R_TERR, terr, terr_n, 6);
	json_rows(w, "consensus", R_CONSENSUS, votes, votes_n, 7);
	json_rows(w, "divisent", R_DIVIDED, votes, votes_n, 7);
	json_rows(w, "debattues", R_DEBATED, debated, debated_n, 6);
	json_rows(w, "termes", R_TERMS, terms, terms_n, 3);
	/* Where the terms come from: live, or a dated (maybe stale) cache. */
	html_raw(H, ",\n\"termes_calcul\":{");
	json_str(w, "source", web_value(w, R_ANALYSIS, 0, 0), 1);
	json_str(w, "date", web_isnull(w, R_ANALYSIS, 0, 1) ? NULL :
	    web_value(w, R_ANALYSIS, 0, 1), 0);
	json_str(w, "heure", web_isnull(w, R_ANALYSIS, 0, 2) ? NULL :
	    web_value(w, R_ANALYSIS, 0, 2), 0);
	json_num(w, "a_actualiser", strcmp(web_value(w, R_ANALYSIS, 0, 3),
	    "t") == 0 ? "true" : "false", 0);
	html_raw(H, "}");
	json_rows(w, "reponses", R_ANSWERS, answers, answers_n, 5);
	html_raw(H, "\n}\n");
	return (api_send(w, 200));
}
