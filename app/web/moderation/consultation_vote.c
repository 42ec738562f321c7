/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Who may vote in each consultation (issue 17, follow-up; migration 0371):
 * the platform setting vote_requires_franceconnect, or the consultation's
 * own choice — reserved to accounts verified by FranceConnect, or open to
 * every account. Shown on /admin/consultation under each consultation's
 * moderation mode; changed by POST /admin/consultation/vote, and every
 * change written to the moderation log as a mode change is
 * (consultation_set_vote_fc(), action vote_fc). Proposing and arguing stay
 * open whatever the choice (oidc_vote_refusal()).
 */

#include <string.h>

#include "../../core/addresses.h"
#include "../../core/modlog.h"
#include "../../core/refusal.h"
#include "../../core/settings.h"
#include "../../core/text.h"
#include "../../db/franceconnect.h"
#include "../kernel/app.h"
#include "../kernel/form.h"
#include "../kernel/web.h"

int	admin_consultation_vote(struct web_req *);
void	consultation_vote_section(struct web_req *, long long, const char *);

enum { Q_SET };

/* The three choices; vote_fc values, the column's '' / true / false. */
static const struct {
	const char	*code;
	const char	*column;
	const char	*label;
	const char	*button;
} choices[] = {
	{ "platform", "", "le réglage de la plateforme",
	    "Revenir au réglage de la plateforme" },
	{ "required", "true", "réservé aux comptes vérifiés par FranceConnect",
	    "Réserver le vote aux comptes vérifiés par FranceConnect" },
	{ "open", "false", "ouvert à tous les comptes",
	    "Ouvrir le vote à tous les comptes" },
};
#define NCHOICES	(sizeof(choices) / sizeof(choices[0]))

/* Consultation id's vote, column value column: what it is, two buttons. */
void
consultation_vote_section(struct web_req *w, long long id, const char *column)
{
	size_t	i, now = 0;

	for (i = 0; i < NCHOICES; i++)
		if (strcmp(choices[i].column, column) == 0)
			now = i;
	html_raw(H, "<p>Vote : <strong>");
	html_text(H, choices[now].label);
	html_raw(H, "</strong>");
	if (now == 0)
		html_raw(H, settings_int(SET_VOTE_REQUIRES_FRANCECONNECT) ?
		    " (réservé aux comptes vérifiés par FranceConnect)" :
		    " (ouvert à tous les comptes)");
	html_raw(H, ". Proposer et argumenter restent ouverts à tous.</p>\n");
	for (i = 0; i < NCHOICES; i++) {
		if (i == now)
			continue;
		form_begin(w, UI_ADMIN_CONSULTATION_VOTE, web_printf(w,
		    "Vote de la consultation %lld : %s", id,
		    choices[i].label));
		html_rawf(H, "<input type=\"hidden\" name=\"consultation\" "
		    "value=\"%lld\">\n<input type=\"hidden\" name=\"vote_fc\" "
		    "value=\"%s\">\n", id, choices[i].code);
		form_end(w, choices[i].button);
	}
}

/*
 * POST /admin/consultation/vote (administrators): consultation, vote_fc.
 * Raises 404 for an unknown consultation, 400 for an unknown choice.
 */
int
admin_consultation_vote(struct web_req *w)
{
	const struct refusal	*no;
	const char		*which = web_arg(w, "consultation");
	const char		*v = web_arg(w, "vote_fc"), *r;
	char			 ref[13];
	long long		 id;
	size_t			 i;

	if (w->step == 0) {
		if (which == NULL || !text_parse_id(which, &id))
			return (web_error(w, 404, "Cette consultation n'existe "
			    "pas."));
		for (i = 0; v != NULL && i < NCHOICES; i++)
			if (strcmp(v, choices[i].code) == 0)
				break;
		if (v == NULL || i == NCHOICES)
			return (web_error(w, 400, "Réglage du vote inconnu. "
			    "Rien n'a été changé."));
		modlog_pseudonym(app.secret, app.secret_len, w->sess.user_id,
		    ref);
		return (web_query(w, Q_SET, &sql_fc_consultation_vote,
		    DB_INT(id), DB_INT(w->sess.user_id), DB_TEXT(ref),
		    DB_TEXT(v)));
	}
	r = web_text(w, Q_SET, 0, FVS_RESULT);
	if ((no = refusal_find(refusal_mode, refusal_mode_n, r)) != NULL)
		return (web_error(w, no->status, no->msg));
	web_flash(w, strcmp(r, "ok") == 0 ? "vote_fc_changed" :
	    "vote_fc_unchanged");
	return (web_redirect(w, UI_ADMIN_CONSULTATION));
}
