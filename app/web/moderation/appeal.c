/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The appeal of a moderation decision (issue 13, item 5):
 * /contributions/<id>/reexamen shows its author the hidden or refused
 * contribution, the decision and its rule, and a form asking why it
 * should be looked at again. One appeal per decision, within the
 * charter's delay (settings appeal_days); moderation_appeal_file() checks
 * it all again in the transaction that files it, then the contribution
 * waits in the queue, marked "Réexamen", for a moderator other than the
 * one who decided (decision.c).
 */

#include <string.h>

#include "../../core/refusal.h"
#include "../../core/settings.h"
#include "../../core/text.h"
#include "../../core/vocab.h"
#include "../../db/appeals.h"
#include "../shared/ui.h"
#include "moderation.h"

int	appeal_form(struct web_req *);

/* The reason's length, characters. */
#define REASON_MIN	10
#define REASON_MAX	2000

enum { Q_TARGET, Q_FILE };

/* What the steps share (web_state). */
struct appeal_view {
	long long	 id;
	struct form	 f;
	const char	*reason;	/* what the form shows */
};

/* The page of refusal code of moderation_appeal_file(). */
static int
appeal_refuse(struct web_req *w, const char *code)
{
	const struct refusal	*no;

	no = refusal_find(refusal_appeal, refusal_appeal_n, code);
	if (no == NULL)
		return (web_error(w, 404, NULL));
	if (no->limit == REFUSAL_LIMIT_WINDOW)
		return (web_error(w, no->status, web_printf(w, no->msg,
		    settings_int(SET_APPEAL_DAYS))));
	return (web_error(w, no->status, no->msg));
}

/*
 * Why the author may not appeal now, as moderation_appeal_file() would
 * say it, or NULL.
 */
static const char *
appeal_why(struct web_req *w)
{
	const char	*st = web_text(w, Q_TARGET, 0, AT_STATUS);
	const char	*a = web_null(w, Q_TARGET, 0, AT_APPEAL) ? NULL :
			    web_text(w, Q_TARGET, 0, AT_APPEAL);

	if (a != NULL && strcmp(a, "pending") == 0)
		return ("pending");
	if (web_null(w, Q_TARGET, 0, AT_DECISION_STATUS) ||
	    strcmp(web_text(w, Q_TARGET, 0, AT_DECISION_STATUS), st) != 0 ||
	    (strcmp(st, "hidden") != 0 && strcmp(st, "rejected") != 0) ||
	    web_bool(w, Q_TARGET, 0, AT_UNDER_REVIEW))
		return ("not_decided");
	if (a != NULL)
		return ("already");
	if (!web_bool(w, Q_TARGET, 0, AT_IN_TIME))
		return ("too_late");
	return (NULL);
}

/* The contribution and the decision on it. */
static void
write_target(struct web_req *w)
{
	const char	*title = web_text(w, Q_TARGET, 0, AT_TITLE);

	html_raw(H, "<section class=\"contribution\" aria-labelledby=\"c-title\">"
	    "\n<h2 id=\"c-title\">");
	html_text(H, vocab_label(vocab_kind, KIND__MAX,
	    web_text(w, Q_TARGET, 0, AT_KIND)));
	if (*title != '\0') {
		html_raw(H, " : ");
		html_text(H, title);
	}
	html_raw(H, "</h2>\n<p class=\"meta\">");
	html_text(H, web_text(w, Q_TARGET, 0, AT_THEME));
	html_raw(H, " · déposée le ");
	html_text(H, web_text(w, Q_TARGET, 0, AT_DATE));
	html_raw(H, "</p>\n");
	if (!web_null(w, Q_TARGET, 0, AT_DECIDED)) {
		html_raw(H, "<p>Décision de la modération du ");
		html_text(H, web_text(w, Q_TARGET, 0, AT_DECIDED));
		html_raw(H, " : ");
		html_text(H, vocab_label(vocab_status, ST__MAX,
		    web_text(w, Q_TARGET, 0, AT_DECISION_STATUS)));
		if (!web_null(w, Q_TARGET, 0, AT_RULE)) {
			html_raw(H, ", règle <a href=\"" UI_CHARTER
			    "#regles\">");
			html_text(H, web_text(w, Q_TARGET, 0, AT_RULE));
			html_raw(H, " — ");
			html_text(H, web_text(w, Q_TARGET, 0, AT_RULE_TITLE));
			html_raw(H, "</a>");
		}
		html_raw(H, ".</p>\n");
	}
	html_raw(H, "<div class=\"prose\">\n");
	web_markdown(w, web_text(w, Q_TARGET, 0, AT_BODY), 3);
	html_raw(H, "</div>\n<p><a href=\"");
	html_text(H, ui_contribution(w, web_int(w, Q_TARGET, 0, AT_PROPOSAL),
	    web_int(w, Q_TARGET, 0, AT_ID)));
	html_raw(H, "\">Voir la contribution dans sa discussion</a></p>\n"
	    "</section>\n");
}

/* The form, or why there is none. */
static void
write_form(struct web_req *w, struct appeal_view *v)
{
	const char	*why = appeal_why(w);
	const struct refusal *no;

	if (why != NULL) {
		no = refusal_find(refusal_appeal, refusal_appeal_n, why);
		html_raw(H, "<p class=\"notice\" role=\"status\">");
		html_text(H, no->limit == REFUSAL_LIMIT_WINDOW ?
		    web_printf(w, no->msg, settings_int(SET_APPEAL_DAYS)) :
		    no->msg);
		html_raw(H, "</p>\n");
		return;
	}
	html_raw(H, "<p>Si vous pensez que cette décision ne respecte pas la "
	    "<a href=\"" UI_CHARTER "#reexamen\">charte de modération</a>, "
	    "expliquez pourquoi. Un autre membre de l'équipe de modération "
	    "que celui qui a pris la décision la réexaminera, puis la "
	    "maintiendra ou rétablira votre contribution ; vous en serez "
	    "prévenu ici et par courriel. Une seule demande est possible par "
	    "décision, jusqu'au ");
	html_text(H, web_text(w, Q_TARGET, 0, AT_DEADLINE));
	html_raw(H, ".</p>\n");
	form_begin(w, ui_contribution_part(w, v->id, "reexamen"),
	    "Demander un réexamen");
	form_textarea(&v->f, "raison", "Pourquoi demandez-vous un réexamen ?",
	    v->reason, web_printf(w, "De %d à %d caractères. Ce texte est lu "
	    "par l'équipe de modération seulement.", REASON_MIN, REASON_MAX),
	    1, 6);
	form_end(w, "Envoyer la demande de réexamen");
}

static int
appeal_page(struct web_req *w, struct appeal_view *v, int status)
{
	page_begin(w, "Demander un réexamen");
	html_raw(H, "<h1>Demander un réexamen</h1>\n");
	form_summary(&v->f);
	write_target(w);
	write_form(w, v);
	page_end(w);
	return (web_send(w, status));
}

/* Step 0: the contribution and the decision on it. */
static int
appeal_ask(struct web_req *w, struct appeal_view *v)
{
	form_init(&v->f, w);
	v->reason = "";
	if (!text_parse_id(w->args[0], &v->id))
		return (web_error(w, 404, NULL));
	return (web_query(w, Q_TARGET, &sql_appeal_target, DB_INT(v->id),
	    DB_INT(settings_int(SET_APPEAL_DAYS))));
}

/* Step 1: who may appeal; then the page, or the reason checked and sent. */
static int
appeal_check(struct web_req *w, struct appeal_view *v)
{
	const char	*why;

	if (web_rows(w, Q_TARGET) != 1)
		return (appeal_refuse(w, "not_found"));
	if (web_null(w, Q_TARGET, 0, AT_AUTHOR_ID) ||
	    web_int(w, Q_TARGET, 0, AT_AUTHOR_ID) != w->sess.user_id)
		return (appeal_refuse(w, "not_author"));
	if (w->req->method != HTTP_METHOD_POST)
		return (appeal_page(w, v, 200));
	if ((why = appeal_why(w)) != NULL)
		return (appeal_refuse(w, why));
	form_text(&v->f, "raison", "Motif de la demande", REASON_MIN,
	    REASON_MAX, 1, &v->reason);
	if (v->f.nerrors > 0)
		return (appeal_page(w, v, 422));
	return (web_query(w, Q_FILE, &sql_appeal_file, DB_INT(v->id),
	    DB_INT(w->sess.user_id), DB_TEXT(v->reason),
	    DB_INT(settings_int(SET_APPEAL_DAYS))));
}

/* Step 2: what moderation_appeal_file() said. */
static int
appeal_done(struct web_req *w, struct appeal_view *v)
{
	const char	*r = web_text(w, Q_FILE, 0, AF_RESULT);

	if (strcmp(r, "ok") != 0)
		return (appeal_refuse(w, r));
	web_flash(w, "appeal_filed");
	return (web_redirect(w, ui_contribution_part(w, v->id, "reexamen")));
}

/*
 * GET and POST /contributions/:id/reexamen (signed in). Raises 404 for an
 * unknown contribution, 403 for someone else's, 409 when there is no
 * decision to appeal, one was appealed already or the delay is over, 422
 * for a reason too short or too long (the text kept at the field).
 */
int
appeal_form(struct web_req *w)
{
	struct appeal_view	*v = web_state(w, sizeof(*v));

	switch (w->step) {
	case 0:
		return (appeal_ask(w, v));
	case 1:
		return (appeal_check(w, v));
	}
	return (appeal_done(w, v));
}
