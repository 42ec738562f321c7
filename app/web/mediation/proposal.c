/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * /mediation/propositions/<id>: an argument (pour, contre) or a comment
 * entered for a person present, in an EPN's name (assisted_reply()).
 * /mediation/propositions/<id>/vote: an assisted vote, after the person's
 * identity (vote.c). Both: 404 for a proposal that is not published; a
 * refusal writes the form again with what was typed.
 */

#include <string.h>

#include "../../core/text.h"
#include "../../core/vocab.h"
#include "../../db/assisted.h"
#include "../participation/participation.h"
#include "../shared/ui.h"
#include "mediation.h"

int	mediation_proposal(struct web_req *);

static const struct form_option	kinds[] = {
	{ "", "Choisissez" },
	{ "pour", "Argument pour" },
	{ "contre", "Argument contre" },
	{ "commentaire", "Commentaire" },
};

/* The heading both pages share: the proposal, its theme, its page. */
void
mediation_proposal_head(struct web_req *w, const char *what)
{
	long long	id = web_int(w, Q_PROPOSAL, 0, AP_ID);
	static const struct ui_crumb up[] = { { UI_MEDIATION,
		"Saisie assistée" } };

	page_begin(w, web_printf(w, "%s : %s", what, web_text(w, Q_PROPOSAL,
	    0, AP_TITLE)));
	ui_crumbs(w, up, 1, what);
	html_raw(H, "<h1>");
	html_text(H, what);
	html_raw(H, "</h1>\n<p class=\"lead\">Proposition n° ");
	ui_number(w, id);
	html_raw(H, " : ");
	ui_link(w, ui_proposal(w, id), web_text(w, Q_PROPOSAL, 0, AP_TITLE));
	html_raw(H, " (enjeu : ");
	html_text(H, web_text(w, Q_PROPOSAL, 0, AP_THEME));
	html_raw(H, ").</p>\n");
}

static int
reply_render(struct web_req *w, struct mediation *m, int status)
{
	long long	id = web_int(w, Q_PROPOSAL, 0, AP_ID);

	mediation_proposal_head(w, "Argument ou commentaire assisté");
	if (!mediation_no_epn(w)) {
		html_raw(H, "<p><a href=\"");
		html_text(H, web_printf(w, "%s/vote",
		    ui_mediation_proposal(w, id)));
		html_raw(H, "\">Saisir un vote sur cette proposition</a></p>\n");
		form_summary(&m->f);
		form_begin(w, ui_mediation_proposal(w, id), NULL);
		mediation_epn_write(w, &m->f, m);
		form_select(&m->f, "position", "Type de contribution", kinds,
		    sizeof(kinds) / sizeof(kinds[0]), m->position, NULL, 1);
		form_textarea(&m->f, "texte", "Texte", m->body, "Tel que la "
		    "personne le dicte.", 1, 8);
		mediation_consent_write(w, &m->f, m, 1);
		form_end(w, "Enregistrer la contribution");
	}
	page_end(w);
	return (web_send(w, status));
}

/* Step 1 of a POST: the fields, then assisted_reply(). */
static int
reply_save(struct web_req *w, struct mediation *m)
{
	struct form		*f = &m->f;
	struct part_limits	 lim;
	const char		*pos;

	part_limits(&lim);
	mediation_common_read(w, f, m);
	form_choice(f, "position", "Type de contribution", kinds + 1,
	    sizeof(kinds) / sizeof(kinds[0]) - 1, 1, &m->position);
	form_text(f, "texte", "Texte", 1, strcmp(m->position, "commentaire")
	    == 0 ? lim.comment_max : lim.argument_max, 1, &m->body);
	if (f->nerrors > 0)
		return (reply_render(w, m, 422));
	pos = strcmp(m->position, "commentaire") == 0 ? NULL : m->position;
	m->asked = 1;
	return (web_query(w, Q_SAVE, &sql_assisted_reply,
	    DB_ID(w->sess.user_id), DB_INT(m->epn), DB_INT(m->proposal),
	    DB_TEXT(pos), DB_TEXT(m->body), DB_TEXT(mediation_html(w,
	    m->body)), DB_TEXT(m->version), DB_TEXT(m->contact)));
}

static int
reply_saved(struct web_req *w, struct mediation *m)
{
	const char	*code = web_text(w, Q_SAVE, 0, ASN_CODE);
	int		 status;

	if (strcmp(code, "ok") == 0 || strcmp(code, "pending") == 0) {
		web_flash(w, strcmp(code, "ok") == 0 ? "assisted_published" :
		    "assisted_pending");
		return (web_redirect(w, ui_mediation_proposal(w,
		    m->proposal)));
	}
	if ((status = mediation_refusal(&m->f, code)) == 0)
		return (web_error(w, 404, NULL));
	return (reply_render(w, m, status));
}

/* Step 0 of both pages: the id, then the proposal and the EPNs. */
int
mediation_proposal_ask(struct web_req *w, struct mediation *m)
{
	form_init(&m->f, w);
	form_init(&m->vf, w);
	if (!text_parse_id(w->args[0], &m->proposal))
		return (web_error(w, 404, "Cette proposition n'existe pas ou "
		    "n'est pas publiée."));
	web_query(w, Q_PROPOSAL, &sql_mediation_proposal,
	    DB_INT(m->proposal));
	return (mediation_gather(w));
}

int
mediation_proposal(struct web_req *w)
{
	struct mediation	*m = web_state(w, sizeof(*m));

	switch (w->step) {
	case 0:
		return (mediation_proposal_ask(w, m));
	case 1:
		if (web_rows(w, Q_PROPOSAL) != 1)
			return (web_error(w, 404, "Cette proposition n'existe "
			    "pas ou n'est pas publiée."));
		if (w->req->method != HTTP_METHOD_POST)
			return (reply_render(w, m, 200));
		return (reply_save(w, m));
	}
	return (reply_saved(w, m));
}
