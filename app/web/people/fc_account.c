/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * FranceConnect on /compte/: "compte vérifié par FranceConnect" for a
 * linked account, with unlinking (POST /compte/franceconnect/delier);
 * the button that links a signed-in account otherwise (fc_link_start).
 */

#include "../../db/franceconnect.h"
#include "../kernel/form.h"
#include "../shared/ui.h"
#include "fc.h"

int	fc_unlink(struct web_req *);

enum { Q_STATUS, Q_UNLINK, Q__MAX };

/* The section of /compte/, from the rows of sql_fc_status in slot q. */
void
fc_account_section(struct web_req *w, int q)
{
	int	linked = web_rows(w, q) == 1;

	if (!linked && !fc_enabled())
		return;
	html_raw(H, "<h2 id=\"franceconnect\">FranceConnect</h2>\n");
	if (!linked) {
		html_raw(H, "<p>Liez votre compte à FranceConnect : vous "
		    "pourrez vous connecter sans mot de passe, et votre voix "
		    "comptera une fois, même si vous votez aussi dans un "
		    "espace public numérique.</p>\n");
		fc_button(w, UI_FC_LINK, 1);
		return;
	}
	html_raw(H, "<p class=\"fc-verified\">Compte vérifié par "
	    "FranceConnect");
	html_raw(H, " depuis le ");
	html_text(H, web_text(w, q, 0, FST_DATE));
	html_raw(H, ".</p>\n<p>Agora ne garde de votre identité qu'une "
	    "empreinte chiffrée avec une clé secrète, qui sert à compter une "
	    "seule voix par personne ; ni votre nom, ni votre date ou votre "
	    "lieu de naissance ne sont enregistrés.</p>\n");
	if (!web_bool(w, q, 0, FST_PASSWORD)) {
		html_raw(H, "<p>Votre compte n'a pas de mot de passe : il "
		    "reste lié à FranceConnect, qui est votre seul moyen de "
		    "vous connecter. Pour le supprimer : <a href=\""
		    UI_FC_DELETE "\">supprimer mon compte FranceConnect…</a>"
		    "</p>\n");
		return;
	}
	form_begin(w, UI_FC_UNLINK, "Délier FranceConnect");
	form_end(w, "Délier mon compte de FranceConnect");
}

/* POST /compte/franceconnect/delier: refused without a password. */
int
fc_unlink(struct web_req *w)
{
	switch (w->step) {
	case 0:
		return (web_query(w, Q_STATUS, &sql_fc_status,
		    DB_ID(w->sess.user_id)));
	case 1:
		if (web_rows(w, Q_STATUS) != 1)
			return (web_error(w, 409, "Votre compte n'est pas lié "
			    "à FranceConnect."));
		if (!web_bool(w, Q_STATUS, 0, FST_PASSWORD))
			return (web_error(w, 409, "Votre compte n'a pas de "
			    "mot de passe : FranceConnect est votre seul moyen "
			    "de vous connecter. Rien n'a été changé."));
		return (web_query(w, Q_UNLINK, &sql_fc_unlink,
		    DB_ID(w->sess.user_id)));
	}
	web_flash(w, "fc_unlinked");
	return (web_redirect(w, "/compte/"));
}
