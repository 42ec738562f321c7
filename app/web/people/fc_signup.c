/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The first sign-in through FranceConnect (/connexion/franceconnect/
 * inscription): the person chooses the display name others will see and
 * a département, and accepts the privacy notice. Nothing of the identity
 * FranceConnect gave is shown or kept but its keyed hash (oidc_signups,
 * then oidc_links). The account has no address and no password; it is
 * created, linked and signed in in one transaction (oidc_signup).
 */

#include <openssl/crypto.h>

#include "../../core/token.h"
#include "../../db/accounts.h"
#include "../../db/franceconnect.h"
#include "../kernel/session.h"
#include "../shared/ui.h"
#include "account.h"
#include "fc.h"
#include "profile.h"

int	fc_signup_form(struct web_req *);
int	fc_signup_submit(struct web_req *);
int	fc_signed_out(struct web_req *);

#define EXPIRED_MSG	"Cette inscription a expiré ou a déjà servi : " \
			"reprenez la connexion avec FranceConnect."

enum {
	Q_TERRITORIES,		/* sql_territories */
	Q_SIGNUP,		/* sql_fc_signup_live, sql_fc_signup */
	Q_SESSION,		/* sql_session_create */
	Q__MAX
};

struct fc_signup {
	struct form	 f;
	struct profile	 p;		/* name, département, consent */
	char		 th[TOKEN_HEX_LEN + 1];	/* the sign-up's token hash */
	char		 token[TOKEN_LEN + 1];	/* the new session's */
};

static int
signup_page(struct web_req *w, struct fc_signup *s, int status)
{
	s->f.mark_required = 1;
	page_begin(w, "Créer votre compte FranceConnect");
	html_raw(H, "<h1>Créer votre compte</h1>\n<p>FranceConnect a vérifié "
	    "votre identité. Elle ne sera ni affichée ni gardée en "
	    "clair : Agora n'en garde qu'une empreinte chiffrée, qui sert à "
	    "compter une seule voix par personne. Choisissez le nom que les "
	    "autres verront.</p>\n<p>Tous les champs sont obligatoires.</p>\n");
	form_summary(&s->f);
	form_begin(w, UI_FC_SIGNUP, "Créer votre compte");
	profile_name_write(&s->f, s->p.name, "Entre 2 et 60 caractères. Il "
	    "apparaîtra à côté de vos contributions ; ce peut être un "
	    "pseudonyme.");
	profile_territory_write(w, &s->f, Q_TERRITORIES, s->p.territory);
	profile_consent_write(&s->f, s->p.consent);
	form_end(w, "Créer mon compte");
	page_end(w);
	return (web_send(w, status));
}

/* The sign-up's token hash from its cookie; 0 without one. */
static int
signup_key(struct web_req *w, struct fc_signup *s)
{
	const char	*t = fc_cookie_get(w, FC_SIGNUP_COOKIE);

	if (t == NULL || !token_well_formed(t))
		return (0);
	token_hash_hex(t, s->th);
	return (1);
}

/* GET: the form, while the sign-up waits. */
int
fc_signup_form(struct web_req *w)
{
	struct fc_signup	*s = web_state(w, sizeof(*s));

	if (w->step == 0) {
		form_init(&s->f, w);
		if (!signup_key(w, s))
			return (web_error(w, 410, EXPIRED_MSG));
		web_query(w, Q_SIGNUP, &sql_fc_signup_live, DB_TEXT(s->th));
		return (web_query(w, Q_TERRITORIES, &sql_territories));
	}
	if (web_rows(w, Q_SIGNUP) != 1)
		return (web_error(w, 410, EXPIRED_MSG));
	return (signup_page(w, s, 200));
}

static void
signup_read(struct web_req *w, struct fc_signup *s)
{
	profile_name_read(&s->f, &s->p);
	profile_territory_read(w, &s->f, Q_TERRITORIES, &s->p);
	profile_consent_read(w, &s->f, &s->p);
}

/* POST: validate, create (consumes the sign-up), sign in. */
int
fc_signup_submit(struct web_req *w)
{
	struct fc_signup	*s = web_state(w, sizeof(*s));
	char			 th[TOKEN_HEX_LEN + 1];

	switch (w->step) {
	case 0:
		form_init(&s->f, w);
		if (!signup_key(w, s))
			return (web_error(w, 410, EXPIRED_MSG));
		return (web_query(w, Q_TERRITORIES, &sql_territories));
	case 1:
		signup_read(w, s);
		if (s->f.nerrors > 0)
			return (signup_page(w, s, 422));
		return (web_query(w, Q_SIGNUP, &sql_fc_signup, DB_TEXT(s->th),
		    DB_TEXT(s->p.name), DB_TEXT(s->p.territory)));
	case 2:
		if (web_rows(w, Q_SIGNUP) != 1 ||
		    web_null(w, Q_SIGNUP, 0, FAC_ID))
			return (web_error(w, 410, EXPIRED_MSG));
		if (token_random(s->token) == -1)
			return (web_error(w, 500, NULL));
		token_hash_hex(s->token, th);
		return (web_query(w, Q_SESSION, &sql_session_create,
		    DB_INT(web_int(w, Q_SIGNUP, 0, FAC_ID)), DB_TEXT(th),
		    DB_NULL));
	}
	fc_cookie(w, FC_SIGNUP_COOKIE, "", "/connexion/franceconnect", 0);
	session_cookie_set(w, s->token);
	OPENSSL_cleanse(s->token, sizeof(s->token));
	web_flash(w, "fc_signed_up");
	return (web_redirect(w, "/"));
}

/* GET /deconnexion/franceconnect: back from the provider's sign-out. */
int
fc_signed_out(struct web_req *w)
{
	fc_cookie(w, FC_IDT_COOKIE, "", "/deconnexion", 0);
	return (web_redirect(w, "/"));
}
