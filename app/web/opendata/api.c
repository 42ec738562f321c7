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

#include "../../core/opendata.h"
#include "../../core/text.h"
#include "../../core/vocab.h"
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

/* A JSON member from a column: its name, and whether it is a number. */
struct json_field {
	int		 col;
	const char	*name;
	int		 numeric;
};

/* The cell of slot q as a member of an object (NULL: null). */
static void
json_cell(struct web_req *w, int q, int row, const struct json_field *f,
    int first)
{
	const char	*v = web_null(w, q, row, f->col) ? NULL :
			    web_text(w, q, row, f->col);

	if (f->numeric)
		json_num(w, f->name, v, first);
	else
		json_str(w, f->name, v, first);
}

/* Writes row of slot q as the members of an object, the n fields. */
static void
json_members(struct web_req *w, int q, int row, const struct json_field *f,
    size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		json_cell(w, q, row, &f[i], i == 0);
}

/* Writes row of slot q as an object of the n fields. */
static void
json_object(struct web_req *w, int q, int row, const struct json_field *f,
    size_t n)
{
	html_raw(H, "{");
	json_members(w, q, row, f, n);
	html_raw(H, "}");
}

enum { QT_THEMES, QT__MAX };

/* GET /api/v1/themes: the themes of the primary consultation. */
int
api_themes(struct web_req *w)
{
	static const struct json_field	f[] = {
		{ RI_SLUG, "slug", 0 }, { RI_TITLE, "titre", 0 },
		{ RI_POSITION, "position", 1 },
		{ RI_CONTRIBUTORS, "contributeurs", 1 },
		{ RI_PROPOSALS, "propositions", 1 },
		{ RI_ARGUMENTS, "arguments", 1 },
		{ RI_COMMENTS, "commentaires", 1 }, { RI_VOTES, "votes", 1 },
		{ RI_ANSWERS, "reponses_officielles", 1 } };
	int				i;

	if (w->step == 0)
		return (web_query(w, QT_THEMES, &sql_report_index));
	html_raw(H, "{\"themes\":[");
	for (i = 0; i < web_rows(w, QT_THEMES); i++) {
		html_raw(H, i ? ",\n" : "\n");
		json_object(w, QT_THEMES, i, f, sizeof(f) / sizeof(f[0]));
	}
	html_raw(H, "\n]}\n");
	return (api_send(w, 200));
}

enum { QC_THEME, QC_COUNT, QC_ROWS, QC__MAX };

struct api_query {
	const char	*theme;		/* slug or NULL */
	const char	*kind;		/* vocab_kind code or NULL */
	long long	 page;		/* 1-based; 0 with apres */
	long long	 skip;		/* rows before the page */
	long long	 after;		/* the id after which to start */
};

/* A parameter of the query string, NULL when absent or empty. */
static const char *
api_arg(struct web_req *w, const char *name)
{
	const char	*v = web_arg(w, name);

	return (v != NULL && *v != '\0' ? v : NULL);
}

/* The filters of the query string; 0, or the error answered. */
static int
api_filters(struct web_req *w, struct api_query *q)
{
	const char	*v;
	int		 k;

	if ((v = api_arg(w, "theme")) != NULL) {
		if (!text_slug_valid(v))
			return (api_error(w, 400, "Paramètre theme invalide : "
			    "un identifiant d'enjeu (lettres minuscules, "
			    "chiffres, tirets)."));
		q->theme = v;
	}
	if ((v = api_arg(w, "type")) != NULL) {
		if ((k = vocab_find(vocab_kind_public, KIND__MAX, v)) < 0)
			return (api_error(w, 400, "Paramètre type invalide : "
			    "proposition, argument ou commentaire."));
		q->kind = vocab_kind[k].code;
	}
	return (0);
}

/* Where the page starts: page=N or apres=ID; 0, or the error answered. */
static int
api_position(struct web_req *w, struct api_query *q)
{
	const char	*page = api_arg(w, "page"), *v;
	long long	 n;

	q->page = 1;
	if (page != NULL) {
		if (!text_parse_id(page, &n))
			return (api_error(w, 400, "Paramètre page invalide : "
			    "un entier de 1 à 2000."));
		if (n > API_MAX_PAGE)
			return (api_error(w, 400, "Paramètre page trop grand : "
			    "au-delà de la page 2000, suivez le curseur apres "
			    "(le champ suivant de chaque page) ou prenez les "
			    "fichiers de /export/."));
		q->page = n;
	}
	if ((v = api_arg(w, "apres")) != NULL) {
		if (!text_parse_id(v, &n))
			return (api_error(w, 400, "Paramètre apres invalide : "
			    "l'identifiant d'une contribution (un entier "
			    "positif)."));
		if (page != NULL)
			return (api_error(w, 400, "Donnez page ou apres, pas "
			    "les deux."));
		q->after = n;
		q->page = 0;
	}
	q->skip = q->page > 0 ? (q->page - 1) * API_PER_PAGE : 0;
	return (0);
}

/* The page of contributions, as the open-data JSON writes them. */
static int
api_page(struct web_req *w, const struct api_query *q)
{
	struct opendata_pseudonyms	 ps;
	const char			*row[EXR__MAX];
	long long			 total = web_int(w, QC_COUNT, 0, AC_TOTAL);
	int				 i, col, n = web_rows(w, QC_ROWS);

	html_raw(H, "{\"page\":");
	if (q->page > 0)
		html_rawf(H, "%lld", q->page);
	else
		html_raw(H, "null");
	html_rawf(H, ",\"par_page\":%d,\"total\":%lld,\"pages\":%lld,",
	    API_PER_PAGE, total, (total + API_PER_PAGE - 1) / API_PER_PAGE);
	json_str(w, "licence", "Licence Ouverte 2.0 (Etalab)", 1);
	/* The next page's cursor, when this one is full. */
	json_num(w, "suivant", n == API_PER_PAGE ?
	    web_text(w, QC_ROWS, n - 1, EXR_ID) : NULL, 0);
	html_raw(H, ",\"contributions\":");
	/* A page of rows: hashed one by one, no cache. */
	(void)opendata_pseudonyms_init(&ps, app.secret, app.secret_len, 0);
	opendata_json_begin(H);
	for (i = 0; i < n; i++) {
		/* The whole row, in the order of enum opendata_col. */
		for (col = 0; col < EXR__MAX; col++)
			row[col] = web_null(w, QC_ROWS, i, col) ? NULL :
			    web_text(w, QC_ROWS, i, col);
		opendata_json_row(H, row, i == 0, &ps);
	}
	opendata_json_end(H, n > 0);
	html_raw(H, "}\n");
	return (api_send(w, 200));
}

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
	struct api_query	*q = web_state(w, sizeof(*q));

	switch (w->step) {
	case 0:
		if (api_filters(w, q) || api_position(w, q))
			return (WEB_DONE);
		/* With no theme, the check returns no row and is ignored. */
		web_query(w, QC_COUNT, &sql_api_count, DB_TEXT(q->theme),
		    DB_TEXT(q->kind));
		return (web_query(w, QC_THEME, &sql_export_theme,
		    DB_TEXT(q->theme)));
	case 1:
		if (q->theme != NULL && web_rows(w, QC_THEME) != 1)
			return (api_error(w, 404, "Enjeu inconnu."));
		/* Past the last row there is nothing to read: do not. */
		if (q->page > 0 && q->skip >= web_int(w, QC_COUNT, 0, AC_TOTAL))
			break;
		return (web_query(w, QC_ROWS, &sql_api_contributions,
		    DB_TEXT(q->theme), DB_TEXT(q->kind), DB_INT(API_PER_PAGE),
		    DB_INT(q->skip), DB_INT(q->after)));
	}
	return (api_page(w, q));
}

/* The arrays of the report, and their members. */
static const struct json_field weeks_f[] = {
	{ RW_WEEK, "semaine", 0 }, { RW_LABEL, "libelle", 0 },
	{ RW_CONTRIBUTIONS, "contributions", 1 } };
static const struct json_field terr_f[] = {
	{ RTE_CODE, "code", 0 }, { RTE_NAME, "nom", 0 },
	{ RTE_POPULATION, "population", 1 }, { RTE_VINTAGE, "millesime", 1 },
	{ RTE_CONTRIBUTIONS, "contributions", 1 },
	{ RTE_RATE, "pour_10000_habitants", 0 } };
static const struct json_field votes_f[] = {
	{ RV_ID, "id", 1 }, { RV_TITLE, "titre", 0 },
	{ RV_AGREE, "d_accord", 1 }, { RV_MIXED, "mitige", 1 },
	{ RV_DISAGREE, "pas_d_accord", 1 }, { RV_SCORE, "indice", 0 },
	{ RV_ANSWER, "reponse", 0 } };
static const struct json_field debated_f[] = {
	{ RD_ID, "id", 1 }, { RD_TITLE, "titre", 0 },
	{ RD_POUR, "arguments_pour", 1 }, { RD_CONTRE, "arguments_contre", 1 },
	{ RD_COMMENTS, "commentaires", 1 }, { RD_TOTAL, "total", 1 } };
static const struct json_field terms_f[] = {
	{ RTM_WORD, "terme", 0 }, { RTM_OCCURRENCES, "occurrences", 1 },
	{ RTM_CONTRIBUTIONS, "contributions", 1 } };
static const struct json_field answers_f[] = {
	{ RAS_ID, "id", 1 }, { RAS_TITLE, "titre", 0 },
	{ RAS_STATUS, "statut", 0 }, { RAS_LABEL, "libelle", 0 },
	{ RAS_DATE, "date", 0 } };
static const struct json_field part_f[] = {
	{ RP_CONTRIBUTORS, "contributeurs", 1 }, { RP_VOTERS, "votants", 1 },
	{ RP_PROPOSALS, "propositions", 1 }, { RP_ARGUMENTS, "arguments", 1 },
	{ RP_COMMENTS, "commentaires", 1 }, { RP_VOTES, "votes", 1 },
	{ RP_ASSISTED, "saisies_par_mediateur", 1 },
	{ RP_PUBLIC, "publiees", 1 },
	{ RP_MODERATED, "masquees_ou_refusees", 1 },
	{ RP_PENDING, "en_attente", 1 } };
#define NFIELDS(f)	(sizeof(f) / sizeof((f)[0]))

/* ,\n"key":[{...},{...}] from every row of slot q. */
static void
json_rows(struct web_req *w, const char *key, int q,
    const struct json_field *f, size_t n)
{
	int	i;

	html_raw(H, ",\n");
	html_json_string(H, key);
	html_raw(H, ":[");
	for (i = 0; i < web_rows(w, q); i++) {
		if (i > 0)
			html_raw(H, ",");
		json_object(w, q, i, f, n);
	}
	html_raw(H, "]");
}

enum { QR_THEME, QR_PART, QR_WEEKS, QR_TERR, QR_CONSENSUS, QR_DIVIDED,
    QR_DEBATED, QR_TERMS, QR_ANSWERS, QR_ANALYSIS, QR__MAX };

/* Step 1 of api_report: every figure of the theme at once. */
static int
api_report_ask(struct web_req *w)
{
	long long	id;

	if (web_rows(w, QR_THEME) != 1)
		return (api_error(w, 404, "Enjeu inconnu."));
	id = web_int(w, QR_THEME, 0, RTA_ID);
	web_query(w, QR_PART, &sql_report_participation, DB_INT(id));
	web_query(w, QR_WEEKS, &sql_report_weeks, DB_INT(id));
	web_query(w, QR_TERR, &sql_report_territories, DB_INT(id));
	web_query(w, QR_CONSENSUS, &sql_report_consensus, DB_INT(id));
	web_query(w, QR_DIVIDED, &sql_report_divided, DB_INT(id));
	web_query(w, QR_DEBATED, &sql_report_debated, DB_INT(id));
	web_query(w, QR_TERMS, &sql_report_terms, DB_INT(id));
	web_query(w, QR_ANSWERS, &sql_report_answers, DB_INT(id));
	return (web_query(w, QR_ANALYSIS, &sql_report_analysis, DB_INT(id)));
}

/* Where the terms come from: live, or a dated (maybe stale) cache. */
static void
json_analysis(struct web_req *w)
{
	static const struct json_field	f[] = {
		{ RAN_SOURCE, "source", 0 }, { RAN_DATE, "date", 0 },
		{ RAN_TIME, "heure", 0 } };

	html_raw(H, ",\n\"termes_calcul\":{");
	json_members(w, QR_ANALYSIS, 0, f, NFIELDS(f));
	json_num(w, "a_actualiser", web_bool(w, QR_ANALYSIS, 0, RAN_STALE) ?
	    "true" : "false", 0);
	html_raw(H, "}");
}

/* GET /api/v1/rapports/:slug: the figures of /rapports/<slug>. */
int
api_report(struct web_req *w)
{
	switch (w->step) {
	case 0:
		if (!text_slug_valid(w->args[0]))
			return (api_error(w, 404, "Enjeu inconnu."));
		return (web_query(w, QR_THEME, &sql_report_theme,
		    DB_TEXT(w->args[0])));
	case 1:
		return (api_report_ask(w));
	}
	html_raw(H, "{");
	json_str(w, "slug", web_text(w, QR_THEME, 0, RTA_SLUG), 1);
	json_str(w, "titre", web_text(w, QR_THEME, 0, RTA_TITLE), 0);
	html_raw(H, ",\n\"participation\":");
	json_object(w, QR_PART, 0, part_f, NFIELDS(part_f));
	json_rows(w, "par_semaine", QR_WEEKS, weeks_f, NFIELDS(weeks_f));
	json_rows(w, "par_departement", QR_TERR, terr_f, NFIELDS(terr_f));
	json_rows(w, "consensus", QR_CONSENSUS, votes_f, NFIELDS(votes_f));
	json_rows(w, "divisent", QR_DIVIDED, votes_f, NFIELDS(votes_f));
	json_rows(w, "debattues", QR_DEBATED, debated_f, NFIELDS(debated_f));
	json_rows(w, "termes", QR_TERMS, terms_f, NFIELDS(terms_f));
	json_analysis(w);
	json_rows(w, "reponses", QR_ANSWERS, answers_f, NFIELDS(answers_f));
	html_raw(H, "\n}\n");
	return (api_send(w, 200));
}
