/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The fields every new account fills in (see profile.h), written and
 * read the same way by the e-mail sign-up (signup.c) and the
 * FranceConnect one (fc_signup.c).
 */

#include <string.h>

#include "../../core/account.h"
#include "../../db/accounts.h"
#include "../shared/ui.h"
#include "profile.h"

/* Slot q's territories as options, after a prompt when prompt; how many. */
static size_t
territory_options(struct web_req *w, int q, struct form_option *opts,
    int prompt)
{
	size_t	n = 0;
	int	i;

	if (prompt) {
		opts[n].value = "";
		opts[n++].label = "Choisissez…";
	}
	for (i = 0; i < web_rows(w, q) && i < PROFILE_TERRITORIES_MAX; i++) {
		opts[n].value = web_text(w, q, i, ATE_CODE);
		opts[n++].label = web_text(w, q, i, ATE_NAME);
	}
	return (n);
}

void
profile_name_write(struct form *f, const char *name, const char *hint)
{
	form_input(f, "nom", "Nom d'affichage", "text", name,
	    hint != NULL ? hint : "Entre 2 et 60 caractères. Il apparaîtra "
	    "à côté de vos contributions.", "nickname", 1);
}

void
profile_territory_write(struct web_req *w, struct form *f, int q,
    const char *territory)
{
	struct form_option	opts[PROFILE_TERRITORIES_MAX + 1];
	size_t			n = territory_options(w, q, opts, 1);

	form_select(f, "departement", "Département", opts, n, territory,
	    "Celui où vous habitez, ou « Hors région ».", 1);
}

void
profile_consent_write(struct form *f, int consent)
{
	html_raw(&f->w->html, "<p><a href=\"" UI_PRIVACY "\">Lire la notice "
	    "« Données personnelles »</a> (ce que nous gardons, pourquoi, "
	    "combien de temps, et vos droits).</p>\n");
	form_checkbox_required(f, "consentement", "J'ai lu la notice « Données "
	    "personnelles » et j'accepte que mes données soient traitées "
	    "pour participer à la consultation.", consent, NULL);
}

void
profile_name_read(struct form *f, struct profile *p)
{
	const char	*msg;

	/* Past form_text, only the pseudonym of deleted accounts is left. */
	if (form_text(f, "nom", "Nom d'affichage", ACCOUNT_NAME_MIN,
	    ACCOUNT_NAME_MAX, 0, &p->name) &&
	    (msg = account_name_check(p->name)) != NULL)
		form_error(f, "nom", "%s", msg);
}

void
profile_territory_read(struct web_req *w, struct form *f, int q,
    struct profile *p)
{
	struct form_option	opts[PROFILE_TERRITORIES_MAX];
	size_t			n = territory_options(w, q, opts, 0);

	form_choice(f, "departement", "Département", opts, n, 1,
	    &p->territory);
}

void
profile_consent_read(struct web_req *w, struct form *f, struct profile *p)
{
	const char	*c = web_arg(w, "consentement");

	p->consent = c != NULL && strcmp(c, "1") == 0;
	if (!p->consent)
		form_error(f, "consentement", "Pour créer un compte, acceptez "
		    "le traitement de vos données décrit dans la notice.");
}
