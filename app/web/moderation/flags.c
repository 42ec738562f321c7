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

#include <string.h>

#include "../../core/refusal.h"
#include "../../core/settings.h"
#include "../../core/text.h"
#include "../../core/vocab.h"
#include "../../db/moderation.h"
#include "../shared/ui.h"
#include "moderation.h"

int	flags_form(struct web_req *);

#define FLAG_NOTE_MAX	500

enum { Q_TARGET, Q_RULES, Q_FLAG };

/* What the steps share (web_state). */
struct flag_view {
	long long	 id;
	struct form	 f;
	const char	*rule;		/* what the form shows */
	const char	*note;
};

/* The French message of a refusal of flag_contribution(), said once. */
static const char *
flag_msg(const char *code)
{
	return (refusal_find(refusal_flag, refusal_flag_n, code)->msg);
}

/* The contribution being flagged, as its thread shows it. */
static void
write_target(struct web_req *w)
{
	const char	*title = web_text(w, Q_TARGET, 0, FT_TITLE);

	html_raw(H, "<section class=\"contribution\" aria-labelledby=\"c-title\">"
	    "\n<h2 id=\"c-title\">");
	html_text(H, vocab_label(vocab_kind, KIND__MAX,
	    web_text(w, Q_TARGET, 0, FT_KIND)));
	if (*title != '\0') {
		html_raw(H, " : ");
		html_text(H, title);
	}
	html_raw(H, "</h2>\n<p class=\"meta\">");
	html_text(H, web_text(w, Q_TARGET, 0, FT_THEME));
	html_raw(H, " · ");
	html_text(H, web_null(w, Q_TARGET, 0, FT_AUTHOR) ?
	    "Contribution importée" : web_text(w, Q_TARGET, 0, FT_AUTHOR));
	html_raw(H, " · ");
	html_text(H, web_text(w, Q_TARGET, 0, FT_DATE));
	html_raw(H, "</p>\n");
	if (web_bool(w, Q_TARGET, 0, FT_UNDER_REVIEW))
		html_raw(H, "<p class=\"notice\">Cette contribution est en cours "
		    "d'examen par l'équipe de modération.</p>\n");
	html_raw(H, "<div class=\"prose\">\n");
	web_markdown(w, web_text(w, Q_TARGET, 0, FT_BODY), 2);
	html_raw(H, "</div>\n<p><a href=\"");
	html_text(H, ui_contribution(w, web_int(w, Q_TARGET, 0, FT_PROPOSAL),
	    web_int(w, Q_TARGET, 0, FT_ID)));
	html_raw(H, "\">Retour à la proposition</a></p>\n</section>\n");
}

/* The form, or the thanks of one who has flagged it already. */
static void
write_form(struct web_req *w, struct flag_view *v)
{
	struct form_option	*opts;
	size_t			 n;

	if (web_bool(w, Q_TARGET, 0, FT_FLAGGED)) {
		html_raw(H, "<p class=\"notice\" role=\"status\">Vous avez "
		    "signalé cette contribution. Merci : l'équipe de modération "
		    "l'examinera au regard de la <a href=\"" UI_CHARTER "\">charte</a>."
		    "</p>\n");
		return;
	}
	opts = mod_rule_options(w, Q_RULES, "Choisissez une règle", &n);
	html_raw(H, "<p>Signalez une contribution qui enfreint la "
	    "<a href=\"" UI_CHARTER "\">charte de modération</a>. Votre "
	    "signalement n'est pas public ; après plusieurs "
	    "signalements, la contribution est examinée par un "
	    "modérateur.</p>\n");
	form_begin(w, ui_contribution_part(w, web_int(w, Q_TARGET, 0, FT_ID),
	    "signaler"), "Signaler la contribution");
	form_select(&v->f, "regle", "Règle de la charte enfreinte", opts, n,
	    v->rule, NULL, 1);
	form_textarea(&v->f, "note", "Précisions", v->note,
	    "500 caractères au plus. N'indiquez pas de données "
	    "personnelles.", 0, 4);
	form_end(w, "Envoyer le signalement");
}

/* The page: the contribution, then the form (or why there is none). */
static int
flag_page(struct web_req *w, struct flag_view *v, int status)
{
	page_begin(w, "Signaler une contribution");
	html_raw(H, "<h1>Signaler une contribution</h1>\n");
	form_summary(&v->f);
	write_target(w);
	write_form(w, v);
	page_end(w);
	return (web_send(w, status));
}

/* Step 0: the contribution and the rules, together. */
static int
flag_ask(struct web_req *w, struct flag_view *v)
{
	form_init(&v->f, w);
	v->rule = v->note = "";
	if (!text_parse_id(w->args[0], &v->id))
		return (web_error(w, 404, NULL));
	web_query(w, Q_RULES, &sql_charter_rules);
	return (web_query(w, Q_TARGET, &sql_flag_target, DB_INT(v->id),
	    DB_INT(w->sess.user_id)));
}

/* Step 1: who may flag it; then the page, or the form's fields checked. */
static int
flag_check(struct web_req *w, struct flag_view *v)
{
	struct form_option	*opts;
	const char		*rule;
	size_t			 n;

	if (web_rows(w, Q_TARGET) != 1 || vocab_find(vocab_status, ST__MAX,
	    web_text(w, Q_TARGET, 0, FT_STATUS)) != ST_PUBLISHED)
		return (web_error(w, 404, flag_msg("not_found")));
	if (!web_null(w, Q_TARGET, 0, FT_AUTHOR_ID) &&
	    web_int(w, Q_TARGET, 0, FT_AUTHOR_ID) == w->sess.user_id)
		return (web_error(w, 403, "Vous ne pouvez pas signaler "
		    "votre propre contribution."));
	if (w->req->method != HTTP_METHOD_POST)
		return (flag_page(w, v, 200));
	if (web_bool(w, Q_TARGET, 0, FT_FLAGGED))
		return (web_error(w, 409, flag_msg("duplicate")));
	opts = mod_rule_options(w, Q_RULES, "", &n);
	form_choice(&v->f, "regle", "Règle de la charte enfreinte", opts + 1,
	    n - 1, 1, &rule);
	form_text(&v->f, "note", "Précisions", 0, FLAG_NOTE_MAX, 1, &v->note);
	if (v->f.nerrors > 0) {
		v->rule = web_arg(w, "regle") ? web_arg(w, "regle") : "";
		return (flag_page(w, v, 422));
	}
	return (web_query(w, Q_FLAG, &sql_flag_insert, DB_INT(v->id),
	    DB_INT(w->sess.user_id), DB_TEXT(rule), DB_TEXT(v->note),
	    DB_INT(settings_int(SET_FLAG_THRESHOLD)),
	    DB_TEXT(settings_text(SET_FLAG_THRESHOLD_ACTION))));
}

/* Step 2: what flag_contribution() said (refusals: app/core/refusal.c). */
static int
flag_done(struct web_req *w, struct flag_view *v)
{
	const struct refusal	*no = refusal_find(refusal_flag, refusal_flag_n,
				    web_text(w, Q_FLAG, 0, FI_RESULT));

	if (no != NULL)
		return (web_error(w, no->status, no->msg));
	web_flash(w, "flag_recorded");
	return (web_redirect(w, ui_contribution_part(w,
	    web_int(w, Q_TARGET, 0, FT_ID), "signaler")));
}

/*
 * GET and POST /contributions/:id/signaler (verified accounts). Raises 404
 * for an unknown or unpublished contribution, 403 for one's own
 * contribution, 422 for an invalid form, 409 for a second flag by the same
 * account.
 */
int
flags_form(struct web_req *w)
{
	struct flag_view	*v = web_state(w, sizeof(*v));

	switch (w->step) {
	case 0:
		return (flag_ask(w, v));
	case 1:
		return (flag_check(w, v));
	}
	return (flag_done(w, v));
}
