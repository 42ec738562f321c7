/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * What every assisted entry has: the EPN in whose name it is entered
 * (one of the mediator's; the SQL function checks it again), the consent
 * the person gave (the checkbox's label is the stored wording, and its
 * version goes with the form), and an optional contact kept apart.
 */

#include <stdlib.h>
#include <string.h>

#include "../../core/markdown.h"
#include "../../core/refusal.h"
#include "../../core/text.h"
#include "../../db/assisted.h"
#include "../shared/ui.h"
#include "mediation.h"

#define CONTACT_MAX	300

int
mediation_gather(struct web_req *w)
{
	web_query(w, Q_EPNS, &sql_mediator_epns, DB_ID(w->sess.user_id));
	return (web_query(w, Q_CONSENT, &sql_consent_current));
}

int
mediation_common_read(struct web_req *w, struct form *f, struct mediation *m)
{
	const char	*tick = web_arg(w, "consentement");
	int		 ok = 1;

	if (form_text(f, "epn", "EPN", 1, 20, 0, &m->epn_s) &&
	    !text_parse_id(m->epn_s, &m->epn)) {
		form_error(f, "epn", "Choisissez un EPN de la liste.");
		ok = 0;
	} else if (*m->epn_s == '\0')
		ok = 0;
	form_text(f, "version_consentement", "Version du consentement", 0, 16,
	    0, &m->version);
	m->consent = tick != NULL && strcmp(tick, "1") == 0 ? "1" : "";
	if (*m->consent == '\0') {
		form_error(f, "consentement", "Lisez à la personne le texte du "
		    "consentement et cochez la case : sans son accord, rien "
		    "n'est enregistré.");
		ok = 0;
	}
	ok &= form_text(f, "contact", "Contact", 0, CONTACT_MAX, 1,
	    &m->contact);
	return (ok && f->nerrors == 0);
}

/* The mediator's EPNs, as options. */
static struct form_option *
epn_options(struct web_req *w, size_t *n)
{
	struct form_option	*o;
	int			 i, rows = web_rows(w, Q_EPNS);

	o = web_alloc(w, sizeof(*o) * (size_t)(rows + 1));
	o[0].value = "";
	o[0].label = "Choisissez l'EPN";
	for (i = 0; i < rows; i++) {
		o[i + 1].value = web_printf(w, "%lld", web_int(w, Q_EPNS, i,
		    AE_ID));
		o[i + 1].label = web_printf(w, "%s (%s)", web_text(w, Q_EPNS,
		    i, AE_NAME), web_text(w, Q_EPNS, i, AE_COMMUNE));
	}
	*n = (size_t)rows + 1;
	return (o);
}

void
mediation_epn_write(struct web_req *w, struct form *f,
    const struct mediation *m)
{
	struct form_option	*opts;
	size_t			 n;
	const char		*epn = m->epn_s;

	opts = epn_options(w, &n);
	if ((epn == NULL || *epn == '\0') && n == 2)
		epn = opts[1].value;	/* one EPN: already chosen */
	form_select(f, "epn", "EPN", opts, n, epn, "La contribution est "
	    "enregistrée au nom de cet EPN.", 1);
}

void
mediation_consent_write(struct web_req *w, struct form *f,
    const struct mediation *m, int with_contact)
{
	if (with_contact)
		form_textarea(f, "contact", "Contact de la personne "
		    "(facultatif)", m->contact, "Une adresse électronique ou "
		    "postale, pour la prévenir de la réponse officielle. "
		    "Jamais publiée ; effacée après la clôture de la "
		    "consultation (voir la politique de confidentialité).",
		    0, 2);
	html_raw(H, "<input type=\"hidden\" name=\"version_consentement\" "
	    "value=\"");
	html_text(H, web_text(w, Q_CONSENT, 0, AC_VERSION));
	html_raw(H, "\">\n");
	form_checkbox(f, "consentement", web_text(w, Q_CONSENT, 0,
	    AC_WORDING), m->consent != NULL && *m->consent != '\0',
	    "Lisez ce texte à la personne ; cochez seulement si elle est "
	    "d'accord.");
}

int
mediation_refusal(struct form *f, const char *code)
{
	const struct refusal	*r = refusal_find(refusal_assisted,
	    refusal_assisted_n, code);
	const char		*field = "";

	if (r == NULL || r->msg == NULL)
		return (0);
	if (strcmp(code, "epn_missing") == 0 ||
	    strcmp(code, "not_attached") == 0)
		field = "epn";
	else if (strcmp(code, "consent") == 0)
		field = "consentement";
	else if (strcmp(code, "already_voted") == 0)
		field = "changement";
	else if (strncmp(code, "sheet_", 6) == 0)
		field = "feuille";
	else if (strncmp(code, "date_", 5) == 0)
		field = "recueil";
	form_error(f, field, "%s", r->msg);
	return (r->status);
}

const char *
mediation_html(struct web_req *w, const char *body)
{
	char		*html;
	const char	*s;

	if ((html = markdown_render(body, strlen(body), 2)) == NULL)
		fatal("markdown_render: out of memory");
	s = web_strdup(w, html);
	free(html);
	return (s);
}

int
mediation_no_epn(struct web_req *w)
{
	if (web_rows(w, Q_EPNS) > 0)
		return (0);
	html_raw(H, "<p class=\"notice\">Votre compte n'est rattaché à aucun "
	    "EPN : un administrateur doit vous y rattacher (page de l'EPN, "
	    "« Médiateurs et médiatrices ») avant que vous puissiez saisir "
	    "des contributions.</p>\n");
	return (1);
}
