/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Following a proposal (its new arguments and comments, its official
 * answer) or a theme (its new proposals): the state and the button on
 * their pages, and the POSTs that change it (CSRF checked by the
 * dispatcher). Each POST is one statement, then a redirect to the page
 * with a flash message; what one follows is told by functions/
 * notifications.sql's fan-out.
 */

#include <string.h>

#include "../../core/text.h"
#include "../../db/notify.h"
#include "../kernel/session.h"
#include "../shared/ui.h"
#include "follow.h"

int	follow_proposal_post(struct web_req *);
int	follow_theme_post(struct web_req *);

enum { Q_SET };

void
follow_ask_proposal(struct web_req *w, int q, long long id)
{
	if (w->sess.user_id != 0)
		web_query(w, q, &sql_follow_proposal_state,
		    DB_INT(w->sess.user_id), DB_INT(id));
}

void
follow_ask_theme(struct web_req *w, int q, long long theme_id)
{
	if (w->sess.user_id != 0)
		web_query(w, q, &sql_follow_theme_state,
		    DB_INT(w->sess.user_id), DB_INT(theme_id));
}

/*
 * The form: the state in words, then one button that changes it. what is
 * "cette proposition" or "ce thème"; hint says what following brings.
 */
static void
write_form(struct web_req *w, int following, const char *action,
    const char *what, const char *hint)
{
	html_raw(H, "<form method=\"post\" enctype=\"multipart/form-data\" "
	    "class=\"follow\" action=\"");
	html_text(H, action);
	html_raw(H, "\">\n");
	csrf_field(w);
	html_raw(H, "<p>");
	if (following) {
		html_raw(H, "Vous suivez ");
		html_text(H, what);
		html_raw(H, " (");
		html_text(H, hint);
		html_raw(H, "). <input type=\"hidden\" name=\"action\" "
		    "value=\"arreter\"><button type=\"submit\">Ne plus suivre ");
	} else {
		html_raw(H, "<input type=\"hidden\" name=\"action\" "
		    "value=\"suivre\"><button type=\"submit\">Suivre ");
	}
	html_text(H, what);
	html_raw(H, "</button>");
	if (!following) {
		html_raw(H, " <span class=\"hint\">(");
		html_text(H, hint);
		html_raw(H, ")</span>");
	}
	html_raw(H, "</p>\n</form>\n");
}

void
follow_write_proposal(struct web_req *w, int q, long long id)
{
	if (w->sess.user_id == 0)
		return;
	write_form(w, web_bool(w, q, 0, NFW_FOLLOWING),
	    ui_proposal_part(w, id, "suivre"), "cette proposition",
	    "une notification à chaque nouvel argument ou commentaire et à la "
	    "réponse de la Région");
}

void
follow_write_theme(struct web_req *w, int q, const char *slug)
{
	if (w->sess.user_id == 0)
		return;
	write_form(w, web_bool(w, q, 0, NFW_FOLLOWING),
	    web_printf(w, "%s/suivre", ui_theme(w, NULL, slug)), "ce thème",
	    "une notification à chaque nouvelle proposition");
}

/* The action field: 1 follow, 0 stop, -1 neither (400). */
static int
follow_wanted(struct web_req *w)
{
	const char	*a = web_arg(w, "action");

	if (a != NULL && strcmp(a, "suivre") == 0)
		return (1);
	if (a != NULL && strcmp(a, "arreter") == 0)
		return (0);
	return (-1);
}

/* POST /propositions/:id/suivre: follow (action=suivre) or stop (arreter). */
int
follow_proposal_post(struct web_req *w)
{
	struct { long long id; int on; }	*s = web_state(w, sizeof(*s));

	if (w->step == 0) {
		if (!text_parse_id(w->args[0], &s->id))
			return (web_error(w, 404, NULL));
		if ((s->on = follow_wanted(w)) == -1)
			return (web_error(w, 400, "Choisissez de suivre cette "
			    "proposition ou de ne plus la suivre."));
		return (web_query(w, Q_SET, &sql_follow_proposal_set,
		    DB_INT(w->sess.user_id), DB_INT(s->id), DB_BOOL(s->on)));
	}
	if (!web_bool(w, Q_SET, 0, NFS_FOUND))
		return (web_error(w, 404, NULL));
	web_flash(w, s->on ? "follow_proposal_on" : "follow_proposal_off");
	return (web_redirect(w, ui_proposal(w, s->id)));
}

/* POST /themes/:slug/suivre: the same for a theme. */
int
follow_theme_post(struct web_req *w)
{
	int	*on = web_state(w, sizeof(*on));

	if (w->step == 0) {
		if (!text_slug_valid(w->args[0]))
			return (web_error(w, 404, NULL));
		if ((*on = follow_wanted(w)) == -1)
			return (web_error(w, 400, "Choisissez de suivre ce thème "
			    "ou de ne plus le suivre."));
		return (web_query(w, Q_SET, &sql_follow_theme_set,
		    DB_INT(w->sess.user_id), DB_TEXT(w->args[0]),
		    DB_BOOL(*on)));
	}
	if (!web_bool(w, Q_SET, 0, NFS_FOUND))
		return (web_error(w, 404, NULL));
	web_flash(w, *on ? "follow_theme_on" : "follow_theme_off");
	return (web_redirect(w, ui_theme(w, NULL, w->args[0])));
}
