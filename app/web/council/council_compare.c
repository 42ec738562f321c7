/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * GET /conseil/saisines/<id>/versions/<version> (members): what a version
 * of the opinion changed from the one before it, line by line
 * (line_diff(), app/core/synthesis.c, as the syntheses' versions), with
 * who wrote each and when.
 */

#include <stdlib.h>

#include "../../core/synthesis.h"
#include "../../core/text.h"
#include "../../db/council.h"
#include "../shared/ui.h"
#include "council.h"

int	council_compare(struct web_req *);

enum { Q_DRAFTS };

static void
write_ops(struct web_req *w, const struct diff_line *ops, size_t n)
{
	static const char *const	what[] = { "", "retirée", "ajoutée" };
	static const char *const	cls[] = { "same", "del", "add" };
	size_t				i;

	html_raw(H, "<table class=\"diff\" tabindex=\"0\">\n<caption>Les "
	    "lignes du texte, de la version précédente à celle-ci</caption>\n"
	    "<thead><tr><th scope=\"col\">Changement</th><th scope=\"col\">"
	    "Ligne</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < n; i++) {
		html_raw(H, "<tr class=\"");
		html_raw(H, cls[ops[i].op]);
		html_raw(H, "\"><td>");
		html_raw(H, what[ops[i].op]);
		html_raw(H, "</td><td><code>");
		html_text(H, web_printf(w, "%.*s", (int)ops[i].len,
		    ops[i].text));
		html_raw(H, "</code></td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n");
}

/* Who wrote version row i, and when. */
static void
write_version(struct web_req *w, int i, const char *which)
{
	html_raw(H, "<p>");
	html_text(H, which);
	html_raw(H, " : version de ");
	html_text(H, web_text(w, Q_DRAFTS, i, CD_AUTHOR));
	html_raw(H, ", le ");
	html_text(H, web_text(w, Q_DRAFTS, i, CD_DATE));
	html_raw(H, ".</p>\n");
}

static int
compare_page(struct web_req *w, long long id, int i)
{
	const struct ui_crumb	 up[] = {
		{ UI_COUNCIL, "Conseil numérique" },
		{ ui_council_work(w, id, NULL),
		    web_printf(w, "Saisine n°%lld", id) } };
	struct diff_line	*ops;
	long			 n;
	int			 number = web_rows(w, Q_DRAFTS) - i;

	page_begin(w, web_printf(w, "Version %d de l'avis : ce qui a changé",
	    number));
	ui_crumbs(w, up, 2, web_printf(w, "Version %d", number));
	html_raw(H, "<h1>");
	html_text(H, web_printf(w, "Version %d de l'avis : ce qui a changé",
	    number));
	html_raw(H, "</h1>\n");
	write_version(w, i + 1, "Avant");
	write_version(w, i, "Après");
	if ((n = line_diff(web_text(w, Q_DRAFTS, i + 1, CD_BODY),
	    web_text(w, Q_DRAFTS, i, CD_BODY), &ops)) == -1)
		html_raw(H, "<p>Ces versions sont trop longues pour être "
		    "comparées ligne à ligne.</p>\n");
	else {
		write_ops(w, ops, (size_t)n);
		free(ops);
	}
	page_end(w);
	return (web_send(w, 200));
}

/* Raises 404 for no such version, or the first one (nothing before it). */
int
council_compare(struct web_req *w)
{
	long long	id, version;
	int		i;

	if (!text_parse_id(w->args[0], &id) ||
	    !text_parse_id(w->args[1], &version))
		return (web_error(w, 404, NULL));
	if (w->step == 0)
		return (web_query(w, Q_DRAFTS, &sql_council_drafts, DB_INT(id)));
	for (i = 0; i + 1 < web_rows(w, Q_DRAFTS); i++)
		if (web_int(w, Q_DRAFTS, i, CD_ID) == version)
			return (compare_page(w, id, i));
	return (web_error(w, 404, NULL));
}
