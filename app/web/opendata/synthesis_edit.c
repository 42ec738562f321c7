/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The secretariat's side of a theme's synthesis (issue 16, item 2):
 * /syntheses/<slug>/modifier shows the latest version (or, before the
 * first, a draft made from the theme's topics, synthesis_draft()) and
 * saves each edit as a new version; synthesis_save() checks, in the
 * save's transaction, that every citation [#N] points to a public
 * contribution of the theme, and the refusal names the line. Publishing
 * (/syntheses/<slug>/publier) is a separate act, recorded with who and
 * when (synthesis_publications). /syntheses/<slug>/versions lists the
 * versions and compares two of them, line by line (line_diff()).
 */

#include <stdlib.h>
#include <string.h>

#include "../../core/synthesis.h"
#include "../../core/text.h"
#include "../../db/syntheses.h"
#include "../kernel/app.h"
#include "../kernel/form.h"
#include "../shared/ui.h"
#include "syntheses.h"

int	synthesis_edit(struct web_req *);

#define SYNTHESIS_MAX	100000	/* characters */
#define CITATIONS_MAX	2000

enum { Q_DRAFT, Q_VERSIONS, Q_REFS, Q_SAVE, Q__MAX };

struct edit {
	struct form	 f;
	const char	*body;		/* as typed, or the latest version */
	int		 saving;	/* a POST that passed the form checks */
};

/* The versions so far, latest first, with links to compare them. */
static void
write_versions(struct web_req *w, const char *slug)
{
	int		i, n = web_rows(w, Q_VERSIONS);
	long long	num;

	html_raw(H, "<h2 id=\"versions\">Versions</h2>\n");
	if (n == 0) {
		html_raw(H, "<p>Aucune version n'est encore enregistrée.</p>\n");
		return;
	}
	html_raw(H, "<table tabindex=\"0\">\n<caption>Versions de la "
	    "synthèse, la plus récente d'abord</caption>\n<thead><tr>"
	    "<th scope=\"col\">Version</th><th scope=\"col\">Par</th>"
	    "<th scope=\"col\">Le</th><th scope=\"col\">Citations</th>"
	    "<th scope=\"col\">État</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < n; i++) {
		num = web_int(w, Q_VERSIONS, i, SV_NUMBER);
		html_rawf(H, "<tr><th scope=\"row\">%lld", num);
		if (num > 1) {
			html_raw(H, " <a href=\"");
			html_text(H, web_printf(w, "%s?avant=%lld&apres=%lld",
			    ui_synthesis(w, slug, "versions"), num - 1, num));
			html_rawf(H, "\">comparer à la version %lld</a>",
			    num - 1);
		}
		html_raw(H, "</th><td>");
		html_text(H, web_text(w, Q_VERSIONS, i, SV_AUTHOR));
		html_raw(H, "</td><td>");
		html_text(H, web_text(w, Q_VERSIONS, i, SV_WHEN));
		html_raw(H, "</td><td>");
		ui_number(w, web_int(w, Q_VERSIONS, i, SV_CITATIONS));
		html_raw(H, "</td><td>");
		html_raw(H, web_bool(w, Q_VERSIONS, i, SV_PUBLIC) ? "publiée" :
		    "brouillon");
		html_raw(H, "</td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n");
}

/* The latest version as it would be published, and its publish button. */
static void
write_latest(struct web_req *w, const char *slug)
{
	long long	num = web_int(w, Q_DRAFT, 0, SD_NUMBER);
	long long	pub = web_int(w, Q_DRAFT, 0, SD_PUBLISHED);

	if (num == 0)
		return;
	html_rawf(H, "<section aria-labelledby=\"apercu\" class=\"preview\">\n"
	    "<h2 id=\"apercu\">Version %lld, telle qu'elle serait publiée"
	    "</h2>\n", num);
	synthesis_body_write(w, web_text(w, Q_DRAFT, 0, SD_BODY), Q_REFS);
	if (num == pub) {
		html_raw(H, "<p>Cette version est celle qui est publiée"
		    NBSP ": ");
		ui_link(w, ui_synthesis(w, slug, NULL), "la page publique");
		html_raw(H, ".</p>\n</section>\n");
		return;
	}
	form_begin(w, ui_synthesis(w, slug, "publier"), "Publier");
	html_rawf(H, "<input type=\"hidden\" name=\"version\" value=\"%lld\">"
	    "<p>", num);
	html_raw(H, pub > 0 ? web_printf(w, "La version publiée est la "
	    "version %lld. ", pub) : "Aucune version n'est encore publiée. ");
	html_rawf(H, "Publier la rend publique à l'adresse de la synthèse, "
	    "avec la date et votre nom.</p>\n<p class=\"actions\"><button "
	    "type=\"submit\">Publier la version %lld</button></p>\n</form>\n"
	    "</section>\n", num);
}

/* The whole page: the latest version, the form, the versions. */
static int
edit_page(struct web_req *w, struct edit *e, int status)
{
	const char		*slug = w->args[0];
	const char		*title = web_text(w, Q_DRAFT, 0, SD_TITLE);
	const struct ui_crumb	 steps[] = {
		{ ui_theme(w, NULL, slug), title } };

	page_begin(w, web_printf(w, "Rédiger la synthèse" NBSP ": %s", title));
	ui_crumbs(w, steps, 1, "Rédiger la synthèse");
	html_raw(H, "<h1>Synthèse" NBSP ": ");
	html_text(H, title);
	html_raw(H, " <span class=\"tag\">brouillon</span></h1>\n");
	if (status == 200)
		write_latest(w, slug);
	form_summary(&e->f);
	form_begin(w, ui_synthesis(w, slug, "modifier"), "Rédaction");
	form_textarea(&e->f, "synthese", "Texte de la synthèse", e->body,
	    "Markdown. Citez une contribution par son numéro (celui de "
	    "l'adresse de sa page) entre crochets" NBSP ": [#1234]. Chaque "
	    "citation doit désigner une contribution publiée de ce thème. "
	    "Enregistrer crée une nouvelle version, qui reste un brouillon "
	    "jusqu'à sa publication.", 1, 30);
	html_raw(H, "<p class=\"actions\"><button type=\"submit\">Enregistrer "
	    "une nouvelle version</button></p>\n</form>\n");
	write_versions(w, slug);
	page_end(w);
	return (web_send(w, status));
}

/* "{a,b,c}" for an int[] or bigint[] parameter. */
static const char *
array_literal(struct web_req *w, const struct citation *c, size_t n,
    int lines)
{
	struct kore_buf	*b = kore_buf_alloc(16 * n + 3);
	char		*s;
	size_t		 i, len;

	kore_buf_append(b, "{", 1);
	for (i = 0; i < n; i++)
		kore_buf_appendf(b, "%s%lld", i ? "," : "",
		    lines ? (long long)c[i].line : c[i].id);
	kore_buf_append(b, "}", 1);
	s = web_strdup(w, kore_buf_stringify(b, &len));
	kore_buf_free(b);
	return (s);
}

/* Step 1 of a save: the text checked, then synthesis_save(). */
static int
edit_save(struct web_req *w, struct edit *e)
{
	struct citation	*c;
	size_t		 n;

	form_init(&e->f, w);
	if (!form_text(&e->f, "synthese", "Texte de la synthèse", 1,
	    SYNTHESIS_MAX, 1, &e->body)) {
		e->body = web_arg(w, "synthese");
		return (WEB_DONE);
	}
	c = web_alloc(w, sizeof(*c) * CITATIONS_MAX);
	if ((n = citations_parse(e->body, c, CITATIONS_MAX)) > CITATIONS_MAX) {
		form_error(&e->f, "synthese", "Une synthèse cite au plus %d "
		    "contributions" NBSP ": celle-ci en cite %zu.",
		    CITATIONS_MAX, n);
		return (WEB_DONE);
	}
	e->saving = 1;
	return (web_query(w, Q_SAVE, &sql_synthesis_save,
	    DB_INT(web_int(w, Q_DRAFT, 0, SD_THEME_ID)), DB_TEXT(e->body),
	    DB_ID(w->sess.user_id), DB_TEXT(array_literal(w, c, n, 1)),
	    DB_TEXT(array_literal(w, c, n, 0))));
}

/* After synthesis_save(): the version, or the citation refused. */
static int
edit_saved(struct web_req *w, struct edit *e)
{
	const char	*st = web_text(w, Q_SAVE, 0, SS_STATUS);

	if (strcmp(st, "saved") == 0) {
		web_flash(w, "synthesis_saved");
		return (web_redirect(w, ui_synthesis(w, w->args[0],
		    "modifier")));
	}
	if (strcmp(st, "citation") == 0)
		form_error(&e->f, "synthese", "Ligne %lld" NBSP ": la "
		    "contribution n°%lld n'existe pas ou n'appartient pas à "
		    "ce thème. Rien n'a été enregistré.",
		    web_int(w, Q_SAVE, 0, SS_LINE),
		    web_int(w, Q_SAVE, 0, SS_ID));
	else
		form_error(&e->f, "synthese", "Écrivez le texte de la "
		    "synthèse.");
	return (edit_page(w, e, 422));
}

/*
 * GET /syntheses/:slug/modifier (secretariat): the latest version, or the
 * draft from the topics. POST: saves a new version (synthese). Raises 404
 * for an unknown theme, 422 with the text kept for a blank text or a
 * citation that is not a public contribution of the theme (its line).
 */
int
synthesis_edit(struct web_req *w)
{
	struct edit	*e = web_state(w, sizeof(*e));
	int		 post = w->req->method == HTTP_METHOD_POST;

	switch (w->step) {
	case 0:
		web_query(w, Q_VERSIONS, &sql_synthesis_versions,
		    DB_TEXT(w->args[0]));
		return (web_query(w, Q_DRAFT, &sql_synthesis_draft,
		    DB_TEXT(w->args[0])));
	case 1:
		if (web_rows(w, Q_DRAFT) != 1)
			return (web_error(w, 404, NULL));
		if (post) {
			if (edit_save(w, e) == WEB_QUERY)
				return (WEB_QUERY);
			return (edit_page(w, e, 422));
		}
		form_init(&e->f, w);
		e->body = web_text(w, Q_DRAFT, 0, SD_BODY);
		return (web_query(w, Q_REFS, &sql_synthesis_refs,
		    DB_TEXT(w->args[0]),
		    DB_INT(web_int(w, Q_DRAFT, 0, SD_NUMBER))));
	}
	if (e->saving)
		return (edit_saved(w, e));
	return (edit_page(w, e, 200));
}
