/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Citizen flags: /contributions/<id>/signaler shows the contribution and a
 * form (the charter rule it breaks, an optional note); one flag per account
 * and contribution. Past the threshold (settings flag_threshold) the
 * contribution goes back to the moderators' queue, still published and
 * marked "en cours d'examen", or hidden when flag_threshold_action = hide.
 */

#include <stdio.h>
#include <string.h>

#include "../../core/settings.h"
#include "../../core/text.h"
#include "../../db/moderation.h"
#include "../kernel/session.h"
#include "moderation.h"

int	flags_form(struct web_req *);

#define FLAG_NOTE_MAX	500

/* Writes the page: the contribution, then the form (or why there is none). */
static int
flag_page(struct web_req *w, struct form *f, const char *rule,
    const char *note, int status)
{
	struct form_option	 opts[MOD_MAX_RULES + 1];
	size_t			 n;
	char			 action[64];
	const char		*title = web_value(w, 0, 0, 2);

	n = mod_rule_options(w, 1, opts, MOD_MAX_RULES + 1,
	    "Choisissez une règle");
	page_begin(w, "Signaler une contribution");
	html_raw(H, "<h1>Signaler une contribution</h1>\n");
	form_summary(f);
	html_raw(H, "<section class=\"contribution\" aria-labelledby=\"c-title\">"
	    "\n<h2 id=\"c-title\">");
	html_text(H, mod_kind_label(web_value(w, 0, 0, 1)));
	if (!web_isnull(w, 0, 0, 2) && *title != '\0') {
		html_raw(H, " : ");
		html_text(H, title);
	}
	html_raw(H, "</h2>\n<p class=\"meta\">");
	html_text(H, web_value(w, 0, 0, 5));
	html_raw(H, " · ");
	html_text(H, web_isnull(w, 0, 0, 7) ? "Contribution importée" :
	    web_value(w, 0, 0, 7));
	html_raw(H, " · ");
	html_text(H, web_value(w, 0, 0, 6));
	html_raw(H, "</p>\n");
	if (strcmp(web_value(w, 0, 0, 10), "t") == 0)
		html_raw(H, "<p class=\"notice\">Cette contribution est en cours "
		    "d'examen par l'équipe de modération.</p>\n");
	html_raw(H, "<div class=\"prose\">\n");
	web_markdown(w, web_value(w, 0, 0, 3), 2);
	html_raw(H, "</div>\n<p><a href=\"/propositions/");
	html_url_arg(H, web_value(w, 0, 0, 11));
	html_raw(H, "\">Retour à la proposition</a></p>\n</section>\n");

	if (strcmp(web_value(w, 0, 0, 9), "t") == 0) {
		html_raw(H, "<p class=\"notice\" role=\"status\">Vous avez "
		    "signalé cette contribution. Merci : l'équipe de modération "
		    "l'examinera au regard de la <a href=\"/charte\">charte</a>."
		    "</p>\n");
	} else {
		html_raw(H, "<p>Signalez une contribution qui enfreint la "
		    "<a href=\"/charte\">charte de modération</a>. Votre "
		    "signalement n'est pas public ; après plusieurs "
		    "signalements, la contribution est examinée par un "
		    "modérateur.</p>\n");
		snprintf(action, sizeof(action), "/contributions/%s/signaler",
		    web_value(w, 0, 0, 0));
		form_begin(w, action, "Signaler la contribution");
		form_select(f, "regle", "Règle de la charte enfreinte", opts, n,
		    rule, NULL, 1);
		form_textarea(f, "note", "Précisions", note,
		    "500 caractères au plus. N'indiquez pas de données "
		    "personnelles.", 0, 4);
		form_end(w, "Envoyer le signalement");
	}
	page_end(w);
	return (web_send(w, status));
}

/*
 * GET and POST /contributions/:id/signaler (verified accounts). Raises 404
 * for an unknown or unpublished contribution, 403 for a bad CSRF token or
 * one's own contribution,
 * 422 for an invalid form, 409 for a second flag by the same account.
 */
int
flags_form(struct web_req *w)
{
	struct form		 f;
	struct form_option	 opts[MOD_MAX_RULES + 1];
	const char		*rule, *note, *r;
	char			 uid[24], buf[32], path[64];
	long long		 id;
	size_t			 n;
	int			 post = w->req->method == HTTP_METHOD_POST;

	form_init(&f, w);
	snprintf(uid, sizeof(uid), "%lld", w->sess.user_id);
	switch (w->step) {
	case 0:
		if (post && !csrf_valid(w))
			return (web_error(w, 403, "Le formulaire a expiré ou "
			    "n'a pas été envoyé depuis Agora. Rechargez la page "
			    "et recommencez."));
		if (!text_parse_id(w->args[0], &id))
			return (web_error(w, 404, NULL));
		return (web_sql(w, sql_flag_target, 2, w->args[0], uid));
	case 1:
		if (web_nrows(w, 0) != 1 ||
		    strcmp(web_value(w, 0, 0, 4), "published") != 0)
			return (web_error(w, 404, "Cette contribution n'existe "
			    "pas ou n'est pas publiée."));
		if (!web_isnull(w, 0, 0, 8) &&
		    strcmp(web_value(w, 0, 0, 8), uid) == 0)
			return (web_error(w, 403, "Vous ne pouvez pas signaler "
			    "votre propre contribution."));
		return (web_sql(w, sql_charter_rules, 0));
	case 2:
		if (!post)
			return (flag_page(w, &f, "", "", 200));
		if (strcmp(web_value(w, 0, 0, 9), "t") == 0)
			return (web_error(w, 409, "Vous avez déjà signalé cette "
			    "contribution : un seul signalement par personne est "
			    "pris en compte."));
		n = mod_rule_options(w, 1, opts, MOD_MAX_RULES + 1, "");
		form_choice(&f, "regle", "Règle de la charte enfreinte",
		    opts + 1, n - 1, 1, &rule);
		form_text(&f, "note", "Précisions", 0, FLAG_NOTE_MAX, 1, &note);
		if (f.nerrors > 0) {
			r = web_arg(w, "regle");
			return (flag_page(w, &f, r ? r : "", note, 422));
		}
		snprintf(buf, sizeof(buf), "%lld", settings_get_int(
		    "flag_threshold", 3, 1, 1000000));
		return (web_sql(w, sql_flag_insert, 6, w->args[0], uid, rule,
		    note, buf, strcmp(settings_get("flag_threshold_action",
		    "review"), "hide") == 0 ? "hide" : "review"));
	}
	r = web_value(w, 2, 0, 0);
	if (strcmp(r, "duplicate") == 0)
		return (web_error(w, 409, "Vous avez déjà signalé cette "
		    "contribution : un seul signalement par personne est pris "
		    "en compte."));
	if (strcmp(r, "not_found") == 0)
		return (web_error(w, 404, "Cette contribution n'existe pas ou "
		    "n'est pas publiée."));
	web_flash(w, "flag_recorded");
	snprintf(path, sizeof(path), "/contributions/%s/signaler",
	    web_value(w, 0, 0, 0));
	return (web_redirect(w, path));
}
