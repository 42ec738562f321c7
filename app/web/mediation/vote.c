/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * /mediation/propositions/<id>/vote: an assisted vote. The mediator types
 * the person's identity as their identity card shows it (the pivot
 * identity, app/core/identity.h); only its keyed hash leaves this page, to
 * assisted_vote(), which keeps one vote per identity and proposal
 * whichever EPN enters it. A second vote is refused unless "La personne
 * change son vote" is ticked: it then replaces the first, as on the web.
 */

#include <string.h>

#include <openssl/crypto.h>

#include "../../core/identity.h"
#include "../../core/vocab.h"
#include "../../db/assisted.h"
#include "../kernel/app.h"
#include "../shared/ui.h"
#include "mediation.h"

int	mediation_vote(struct web_req *);

static const struct form_option	sexes[] = {
	{ "", "Choisissez" },
	{ "female", "Féminin" },
	{ "male", "Masculin" },
};

/* The identity, as typed; 1 when every field is there (not yet checked). */
static int
who_read(struct form *f, struct identity_pivot *p)
{
	int	ok = 1;

	ok &= form_text(f, "nom", "Nom de naissance", 1, 200, 0,
	    &p->family_name);
	ok &= form_text(f, "prenoms", "Prénoms", 1, 200, 0, &p->given_names);
	ok &= form_text(f, "date_naissance", "Date de naissance", 1, 10, 0,
	    &p->birthdate);
	ok &= form_text(f, "commune_naissance", "Commune de naissance", 0, 5,
	    0, &p->birthplace);
	ok &= form_text(f, "pays_naissance", "Pays de naissance", 1, 5, 0,
	    &p->birthcountry);
	ok &= form_choice(f, "sexe", "Sexe", sexes + 1, 2, 1, &p->gender);
	return (ok);
}

/* The keyed hash of the identity, or NULL with the error at its field. */
static const char *
who_hash(struct web_req *w, struct form *f, const struct identity_pivot *p)
{
	unsigned char		 key[IDENTITY_KEY_LEN];
	char			*out = web_alloc(w, IDENTITY_HASH_LEN + 1);
	enum identity_err	 err;

	identity_key(app.secret, app.secret_len, key);
	err = identity_pivot_hash(key, sizeof(key), p, out);
	OPENSSL_cleanse(key, sizeof(key));
	if (err == IDENTITY_OK)
		return (out);
	form_error(f, identity_err_field(err), "%s", identity_err_message(err));
	return (NULL);
}

static void
write_who(struct web_req *w, struct mediation *m)
{
	struct form	*f = &m->vf;

	html_raw(H, "<fieldset>\n<legend>Identité de la personne (comme sur "
	    "sa pièce d'identité)</legend>\n");
	form_input(f, "nom", "Nom de naissance", "text", m->who.family_name,
	    NULL, "off", 1);
	form_input(f, "prenoms", "Prénoms", "text", m->who.given_names,
	    "Tous les prénoms, dans l'ordre de l'état civil.", "off", 1);
	form_input(f, "date_naissance", "Date de naissance", "text",
	    m->who.birthdate, "Sous la forme AAAA-MM-JJ.", "off", 1);
	form_input(f, "commune_naissance", "Commune de naissance (code INSEE)",
	    "text", m->who.birthplace, "5 caractères, par exemple 45234 pour "
	    "Orléans ; vide pour une personne née à l'étranger.", "off", 0);
	form_input(f, "pays_naissance", "Pays de naissance (code INSEE)",
	    "text", m->who.birthcountry != NULL ? m->who.birthcountry :
	    "99100", "99100 pour la France.", "off", 1);
	form_select(f, "sexe", "Sexe", sexes, 3, m->who.gender, NULL, 1);
	html_raw(H, "</fieldset>\n");
}

static int
vote_render(struct web_req *w, struct mediation *m, int status)
{
	struct form_option	opts[CHOICE__MAX + 1];
	int			i;

	opts[0].value = "";
	opts[0].label = "Choisissez";
	for (i = 0; i < CHOICE__MAX; i++) {
		opts[i + 1].value = vocab_choice[i].code;
		opts[i + 1].label = vocab_choice[i].label;
	}
	mediation_proposal_head(w, "Vote assisté");
	if (!mediation_no_epn(w)) {
		html_raw(H, "<p>Agora ne garde pas l'identité : seulement une "
		    "empreinte chiffrée qui empêche un second vote de la même "
		    "personne sur cette proposition, quel que soit l'EPN.</p>\n");
		form_summary(&m->vf);
		form_begin(w, web_printf(w, "%s/vote",
		    ui_mediation_proposal(w, m->proposal)), NULL);
		mediation_epn_write(w, &m->vf, m);
		write_who(w, m);
		form_select(&m->vf, "choix", "Avis de la personne", opts,
		    CHOICE__MAX + 1, m->choice, NULL, 1);
		form_checkbox(&m->vf, "changement", "La personne change son "
		    "vote (il remplace son vote précédent)", m->change, NULL);
		mediation_consent_write(w, &m->vf, m, 0);
		form_end(w, "Enregistrer le vote");
	}
	page_end(w);
	return (web_send(w, status));
}

static int
vote_save(struct web_req *w, struct mediation *m)
{
	struct form	*f = &m->vf;
	const char	*hash = NULL, *chg = web_arg(w, "changement");
	int		 i, choice_ok;

	mediation_common_read(w, f, m);
	m->change = chg != NULL && strcmp(chg, "1") == 0;
	if (who_read(f, &m->who))
		hash = who_hash(w, f, &m->who);
	choice_ok = form_text(f, "choix", "Avis de la personne", 1, 16, 0,
	    &m->choice);
	for (i = 0; choice_ok && i < CHOICE__MAX; i++)
		if (strcmp(vocab_choice[i].code, m->choice) == 0)
			break;
	if (choice_ok && i == CHOICE__MAX)
		form_error(f, "choix", "Choisissez l'avis de la personne dans "
		    "la liste.");
	if (f->nerrors > 0 || hash == NULL)
		return (vote_render(w, m, 422));
	m->asked = 1;
	return (web_query(w, Q_SAVE, &sql_assisted_vote,
	    DB_ID(w->sess.user_id), DB_INT(m->epn), DB_INT(m->proposal),
	    DB_TEXT(hash), DB_TEXT(m->choice), DB_BOOL(m->change),
	    DB_TEXT(m->version)));
}

static int
vote_saved(struct web_req *w, struct mediation *m)
{
	const char	*code = web_text(w, Q_SAVE, 0, AV_CODE);
	int		 status;

	if (strcmp(code, "ok") == 0 || strcmp(code, "changed") == 0) {
		web_flash(w, strcmp(code, "ok") == 0 ? "assisted_voted" :
		    "assisted_vote_changed");
		return (web_redirect(w, web_printf(w, "%s/vote",
		    ui_mediation_proposal(w, m->proposal))));
	}
	if ((status = mediation_refusal(&m->vf, code)) == 0)
		return (web_error(w, 404, NULL));
	return (vote_render(w, m, status));
}

/* GET: the form. POST: the vote; 303 back, or 4xx with the form kept. */
int
mediation_vote(struct web_req *w)
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
			return (vote_render(w, m, 200));
		return (vote_save(w, m));
	}
	return (vote_saved(w, m));
}
