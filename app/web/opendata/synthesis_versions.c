/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Publishing a version of a theme's synthesis, and comparing two of its
 * versions (issue 16, item 2; the secretariat only, routes table).
 */

#include <stdlib.h>
#include <string.h>

#include "../../core/mail_texts.h"
#include "../../core/modlog.h"
#include "../../core/synthesis.h"
#include "../../core/text.h"
#include "../../db/syntheses.h"
#include "../kernel/app.h"
#include "../shared/ui.h"

int	synthesis_publish_post(struct web_req *);
int	synthesis_versions_show(struct web_req *);

enum { Q_DRAFT, Q_VERSIONS, Q_PUBLISH, Q_A, Q_B, Q__MAX };

struct compare {
	long long	a, b;		/* version numbers; 0: none chosen */
};

/*
 * POST /syntheses/:slug/publier (secretariat): publishes version
 * "version", recorded with who and when, and in the moderation log
 * (synthesis_log, functions/syntheses.sql). Raises 404 for an unknown theme
 * or version.
 */
int
synthesis_publish_post(struct web_req *w)
{
	long long	num;
	char		ref[13];

	if (!text_parse_id(web_arg(w, "version"), &num) || num > 1000000)
		return (web_error(w, 404, "Cette version de la synthèse "
		    "n'existe pas."));
	switch (w->step) {
	case 0:
		return (web_query(w, Q_DRAFT, &sql_synthesis_draft,
		    DB_TEXT(w->args[0])));
	case 1:
		if (web_rows(w, Q_DRAFT) != 1)
			return (web_error(w, 404, NULL));
		/* The act goes into the moderation log under a pseudonym. */
		modlog_pseudonym(app.secret, app.secret_len, w->sess.user_id,
		    ref);
		return (web_query(w, Q_PUBLISH, &sql_synthesis_publish,
		    DB_INT(web_int(w, Q_DRAFT, 0, SD_THEME_ID)), DB_INT(num),
		    DB_ID(w->sess.user_id), DB_TEXT(ref), DB_TEXT(app.base_url),
		    DB_TEXT(mail_text_subject(MT_SYNTHESIS_PUBLISHED)),
		    DB_TEXT(mail_text_body(MT_SYNTHESIS_PUBLISHED)),
		    DB_TEXT(mail_text_subject(MT_SYNTHESIS_CITED)),
		    DB_TEXT(mail_text_body(MT_SYNTHESIS_CITED))));
	}
	if (strcmp(web_text(w, Q_PUBLISH, 0, SP_STATUS), "published") != 0)
		return (web_error(w, 404, "Cette version de la synthèse "
		    "n'existe pas. Rien n'a été publié."));
	web_flash(w, "synthesis_published");
	return (web_redirect(w, ui_synthesis(w, w->args[0], NULL)));
}

/* The row of version num in Q_VERSIONS, or -1. */
static int
version_row(struct web_req *w, long long num)
{
	int	i;

	for (i = 0; i < web_rows(w, Q_VERSIONS); i++)
		if (web_int(w, Q_VERSIONS, i, SV_NUMBER) == num)
			return (i);
	return (-1);
}

/* "version 3 (Nom, 2 décembre 2026 à 06:30)". */
static void
write_version_name(struct web_req *w, long long num)
{
	int	i = version_row(w, num);

	html_rawf(H, "version %lld", num);
	if (i < 0)
		return;
	html_raw(H, " (");
	html_text(H, web_text(w, Q_VERSIONS, i, SV_AUTHOR));
	html_raw(H, ", ");
	html_text(H, web_text(w, Q_VERSIONS, i, SV_WHEN));
	html_raw(H, ")");
}

/* One line of the diff. */
static void
write_diff_line(struct web_req *w, const struct diff_line *d)
{
	static const char *const	what[] = { "inchangée", "retirée",
					    "ajoutée" };
	static const char *const	cls[] = { "same", "del", "add" };

	html_rawf(H, "<tr class=\"%s\"><td>", cls[d->op]);
	if (d->line_a > 0)
		html_rawf(H, "%d", d->line_a);
	html_raw(H, "</td><td>");
	if (d->line_b > 0)
		html_rawf(H, "%d", d->line_b);
	html_rawf(H, "</td><td>%s</td><td>", what[d->op]);
	html_raw(H, d->op == DIFF_DEL ? "<del>" : d->op == DIFF_ADD ? "<ins>" :
	    "");
	html_text_n(H, d->text, d->len);
	html_raw(H, d->op == DIFF_DEL ? "</del>" : d->op == DIFF_ADD ?
	    "</ins>" : "");
	html_raw(H, "</td></tr>\n");
}

/* The line diff of version a into version b. */
static void
write_diff(struct web_req *w, struct compare *c)
{
	struct diff_line	*d;
	long			 n, i, added = 0, removed = 0;

	n = line_diff(web_text(w, Q_A, 0, SB_BODY), web_text(w, Q_B, 0,
	    SB_BODY), &d);
	html_raw(H, "<h2 id=\"differences\">Différences</h2>\n<p>De la ");
	write_version_name(w, c->a);
	html_raw(H, " à la ");
	write_version_name(w, c->b);
	html_raw(H, ".</p>\n");
	if (n < 0) {
		html_raw(H, "<p>Ces versions sont trop longues pour être "
		    "comparées ligne à ligne.</p>\n");
		return;
	}
	for (i = 0; i < n; i++) {
		added += d[i].op == DIFF_ADD;
		removed += d[i].op == DIFF_DEL;
	}
	html_raw(H, "<table tabindex=\"0\" class=\"diff\">\n<caption>");
	ui_count(w, added, "ligne ajoutée", "lignes ajoutées");
	html_raw(H, ", ");
	ui_count(w, removed, "ligne retirée", "lignes retirées");
	html_rawf(H, "</caption>\n<thead><tr><th scope=\"col\">Ligne, version "
	    "%lld</th><th scope=\"col\">Ligne, version %lld</th>"
	    "<th scope=\"col\">Changement</th><th scope=\"col\">Texte</th>"
	    "</tr></thead>\n<tbody>\n", c->a, c->b);
	for (i = 0; i < n; i++)
		write_diff_line(w, &d[i]);
	html_raw(H, "</tbody>\n</table>\n");
	free(d);
}

/* The form that picks two versions (a GET: the address is shareable). */
static void
write_choice(struct web_req *w, struct compare *c)
{
	int		 i, k, n = web_rows(w, Q_VERSIONS);
	long long	 num, chosen;
	static const char *const	names[] = { "avant", "apres" };
	static const char *const	labels[] = { "Version de départ",
					    "Version d'arrivée" };

	html_raw(H, "<form method=\"get\" action=\"");
	html_text(H, ui_synthesis(w, w->args[0], "versions"));
	html_raw(H, "\" class=\"filters\">\n");
	for (k = 0; k < 2; k++) {
		chosen = k == 0 ? c->a : c->b;
		html_rawf(H, "<div class=\"field\"><label for=\"f-%s\">%s"
		    "</label><select id=\"f-%s\" name=\"%s\">", names[k],
		    labels[k], names[k], names[k]);
		for (i = n - 1; i >= 0; i--) {
			num = web_int(w, Q_VERSIONS, i, SV_NUMBER);
			html_rawf(H, "<option value=\"%lld\"%s>Version %lld"
			    "</option>", num, num == chosen ? " selected" : "",
			    num);
		}
		html_raw(H, "</select></div>\n");
	}
	html_raw(H, "<p><button type=\"submit\">Comparer</button></p>\n"
	    "</form>\n");
}

/* A version number argument, or 0. */
static long long
version_arg(struct web_req *w, const char *name)
{
	long long	n;

	if (!text_parse_id(web_arg(w, name), &n) || n > 1000000)
		return (0);
	return (n);
}

/*
 * GET /syntheses/:slug/versions (secretariat): the versions, and with
 * avant and apres, the line diff of one into the other. Raises 404 for an
 * unknown theme or version.
 */
int
synthesis_versions_show(struct web_req *w)
{
	struct compare		*c = web_state(w, sizeof(*c));
	const char		*slug = w->args[0], *title;
	struct ui_crumb		 steps[2];

	if (w->step == 0) {
		c->a = version_arg(w, "avant");
		c->b = version_arg(w, "apres");
		if (c->a > 0 && c->b > 0) {
			web_query(w, Q_A, &sql_synthesis_body, DB_TEXT(slug),
			    DB_INT(c->a));
			web_query(w, Q_B, &sql_synthesis_body, DB_TEXT(slug),
			    DB_INT(c->b));
		}
		web_query(w, Q_VERSIONS, &sql_synthesis_versions, DB_TEXT(slug));
		return (web_query(w, Q_DRAFT, &sql_synthesis_draft,
		    DB_TEXT(slug)));
	}
	if (web_rows(w, Q_DRAFT) != 1 || (c->a > 0 && c->b > 0 &&
	    (web_rows(w, Q_A) != 1 || web_rows(w, Q_B) != 1)))
		return (web_error(w, 404, NULL));
	title = web_text(w, Q_DRAFT, 0, SD_TITLE);
	steps[0].path = ui_theme(w, NULL, slug);
	steps[0].label = title;
	steps[1].path = ui_synthesis(w, slug, "modifier");
	steps[1].label = "Rédiger la synthèse";
	page_begin(w, web_printf(w, "Versions de la synthèse" NBSP ": %s",
	    title));
	ui_crumbs(w, steps, 2, "Versions");
	html_raw(H, "<h1>Versions de la synthèse" NBSP ": ");
	html_text(H, title);
	html_raw(H, "</h1>\n");
	if (web_rows(w, Q_VERSIONS) == 0)
		html_raw(H, "<p>Aucune version n'est encore enregistrée.</p>\n");
	else
		write_choice(w, c);
	if (c->a > 0 && c->b > 0)
		write_diff(w, c);
	page_end(w);
	return (web_send(w, 200));
}
