/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * /mediation/: the mediator's page (the routes table lets only mediators
 * in). It lists their EPNs, finds a proposal by its number (to enter an
 * argument, a comment or a vote: proposal.c), and holds the "saisie
 * assistée" of a new proposal: theme, title, text, département, the
 * person's contact if they want one, their consent. One call of
 * assisted_propose(); a refusal writes the form again with what was typed
 * and the French sentence at its field.
 */

#include <string.h>

#include "../../core/text.h"
#include "../../db/assisted.h"
#include "../../db/participation.h"
#include "../participation/participation.h"
#include "../shared/ui.h"
#include "mediation.h"

int	mediation_home(struct web_req *);
int	mediation_find(struct web_req *);

static int
home_read(struct web_req *w, struct mediation *m, struct part_limits *lim)
{
	struct form	*f = &m->f;
	int		 i, found = 0;

	mediation_common_read(w, f, m);
	if (form_text(f, "enjeu", "Enjeu", 1, 200, 0, &m->theme)) {
		for (i = 0; i < web_rows(w, Q_THEMES); i++)
			if (strcmp(web_text(w, Q_THEMES, i, ATH_SLUG),
			    m->theme) == 0)
				found = 1;
		if (!found)
			form_error(f, "enjeu", "Choisissez un enjeu de la "
			    "liste.");
	}
	form_text(f, "titre", "Titre", lim->title_min, lim->title_max, 0,
	    &m->title);
	form_text(f, "texte", "Texte de la proposition", lim->body_min,
	    lim->body_max, 1, &m->body);
	if (form_text(f, "territoire", "Département", 1, 3, 0,
	    &m->territory)) {
		for (i = 0, found = 0; i < web_rows(w, Q_TERR); i++)
			if (strcmp(web_text(w, Q_TERR, i, TERR_CODE),
			    m->territory) == 0)
				found = 1;
		if (!found)
			form_error(f, "territoire", "Le département choisi "
			    "n'est pas dans la liste.");
	}
	return (f->nerrors == 0);
}

struct form_option *
mediation_options(struct web_req *w, int q, int value, int label,
    const char *none, size_t *n)
{
	struct form_option	*o;
	int			 i, rows = web_rows(w, q);

	o = web_alloc(w, sizeof(*o) * (size_t)(rows + 1));
	o[0].value = "";
	o[0].label = none;
	for (i = 0; i < rows; i++) {
		o[i + 1].value = web_text(w, q, i, value);
		o[i + 1].label = web_text(w, q, i, label);
	}
	*n = (size_t)rows + 1;
	return (o);
}

static void
write_propose(struct web_req *w, struct mediation *m)
{
	struct part_limits	 lim;
	struct form_option	*o;
	size_t			 n;

	part_limits(&lim);
	html_raw(H, "<h2 id=\"proposer\">Saisir une proposition</h2>\n");
	form_summary(&m->f);
	form_begin(w, UI_MEDIATION, NULL);
	mediation_epn_write(w, &m->f, m);
	o = mediation_options(w, Q_THEMES, ATH_SLUG, ATH_TITLE,
	    "Choisissez l'enjeu", &n);
	form_select(&m->f, "enjeu", "Enjeu", o, n, m->theme, NULL, 1);
	form_input(&m->f, "titre", "Titre", "text", m->title, web_printf(w,
	    "De %d à %d caractères.", lim.title_min, lim.title_max), "off",
	    1);
	form_textarea(&m->f, "texte", "Texte de la proposition", m->body,
	    web_printf(w, "De %d à %d caractères, tel que la personne le "
	    "dicte.", lim.body_min, lim.body_max), 1, 10);
	o = mediation_options(w, Q_TERR, TERR_CODE, TERR_NAME,
	    "Choisissez un département", &n);
	form_select(&m->f, "territoire", "Département", o, n, m->territory,
	    "Le département que la proposition concerne.", 1);
	mediation_consent_write(w, &m->f, m, 1);
	form_end(w, "Enregistrer la proposition");
}

static void
write_epns(struct web_req *w)
{
	int	i;

	html_raw(H, "<p>Vous saisissez au nom de : ");
	for (i = 0; i < web_rows(w, Q_EPNS); i++) {
		if (i > 0)
			html_raw(H, ", ");
		html_text(H, web_text(w, Q_EPNS, i, AE_NAME));
		html_raw(H, " (");
		html_text(H, web_text(w, Q_EPNS, i, AE_COMMUNE));
		html_raw(H, ")");
	}
	html_raw(H, ".</p>\n<p><a href=\"" UI_MEDIATION_PAPER "\">Saisir des "
	    "formulaires papier</a>, une feuille après l'autre.</p>\n"
	    "<h2 id=\"existante\">Argumenter, commenter ou "
	    "voter sur une proposition</h2>\n<form method=\"get\" action=\""
	    UI_MEDIATION_FIND "\" class=\"inline\">\n<div class=\"field\">"
	    "<label for=\"f-numero\">Numéro de la proposition</label>\n"
	    "<span class=\"hint\" id=\"h-numero\">Il figure dans l'adresse "
	    "de sa page, après « /propositions/ ».</span>\n<input "
	    "id=\"f-numero\" name=\"numero\" type=\"text\" inputmode=\"numeric\" "
	    "aria-describedby=\"h-numero\" required></div>\n<p "
	    "class=\"buttons\"><button type=\"submit\">Ouvrir</button></p>\n"
	    "</form>\n");
}

static int
home_render(struct web_req *w, struct mediation *m, int status)
{
	page_begin(w, "Saisie assistée");
	ui_crumbs(w, NULL, 0, "Saisie assistée");
	html_raw(H, "<h1>Saisie assistée</h1>\n<p class=\"lead\">Saisissez ce "
	    "que la personne présente vous dicte, ou ce qu'elle a écrit sur "
	    "un formulaire papier. Son nom n'est jamais enregistré : la "
	    "contribution paraît « saisie assistée à l'EPN de » suivie de la "
	    "commune de l'EPN.</p>\n");
	if (!mediation_no_epn(w)) {
		write_epns(w);
		write_propose(w, m);
	}
	page_end(w);
	return (web_send(w, status));
}

/* Step 1 of a POST: the fields, then assisted_propose(). */
static int
home_save(struct web_req *w, struct mediation *m)
{
	struct part_limits	lim;

	part_limits(&lim);
	if (!home_read(w, m, &lim))
		return (home_render(w, m, 422));
	m->asked = 1;
	return (web_query(w, Q_SAVE, &sql_assisted_propose,
	    DB_ID(w->sess.user_id), DB_INT(m->epn), DB_TEXT(m->theme),
	    DB_TEXT(m->title), DB_TEXT(m->body),
	    DB_TEXT(mediation_html(w, m->body)), DB_TEXT(m->territory),
	    DB_TEXT(m->version), DB_TEXT(m->contact)));
}

/* Step 2: what assisted_propose() said. */
static int
home_saved(struct web_req *w, struct mediation *m)
{
	const char	*code = web_text(w, Q_SAVE, 0, ASN_CODE);
	int		 status;

	if (strcmp(code, "ok") == 0 || strcmp(code, "pending") == 0) {
		web_flash(w, strcmp(code, "ok") == 0 ? "assisted_published" :
		    "assisted_pending");
		return (web_redirect(w, UI_MEDIATION));
	}
	if (strcmp(code, "missing") == 0) {
		form_error(&m->f, "enjeu", "Choisissez un enjeu de la liste.");
		return (home_render(w, m, 422));
	}
	if ((status = mediation_refusal(&m->f, code)) == 0)
		return (web_error(w, 500, NULL));
	return (home_render(w, m, status));
}

/* GET: the page. POST: a proposal entered; 303 back, or 4xx + the form. */
int
mediation_home(struct web_req *w)
{
	struct mediation	*m = web_state(w, sizeof(*m));

	switch (w->step) {
	case 0:
		form_init(&m->f, w);
		web_query(w, Q_THEMES, &sql_mediation_themes);
		web_query(w, Q_TERR, &sql_part_territories);
		return (mediation_gather(w));
	case 1:
		if (w->req->method != HTTP_METHOD_POST)
			return (home_render(w, m, 200));
		return (home_save(w, m));
	}
	return (home_saved(w, m));
}

/* GET /mediation/proposition?numero=N: 303 to that proposal's entry page. */
int
mediation_find(struct web_req *w)
{
	const char	*n = web_arg(w, "numero");
	long long	 id;

	if (n == NULL || !text_parse_id(n, &id))
		return (web_error(w, 400, "Le numéro de la proposition est un "
		    "nombre : celui qui suit « /propositions/ » dans l'adresse "
		    "de sa page."));
	return (web_redirect(w, ui_mediation_proposal(w, id)));
}
