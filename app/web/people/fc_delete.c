/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Deleting an account created through FranceConnect, which has no
 * password to ask for again (/compte/franceconnect/suppression): a box to
 * tick instead, then the same erasure as /compte/suppression
 * (oidc_account_delete -> user_erase), which also forgets the link.
 */

#include <string.h>

#include "../../core/vocab.h"
#include "../../db/franceconnect.h"
#include "../kernel/form.h"
#include "../kernel/session.h"
#include "../shared/ui.h"
#include "fc.h"

int	fc_delete(struct web_req *);

enum { Q_DELETE, Q__MAX };

static int
delete_page(struct web_req *w, struct form *f, int status)
{
	page_begin(w, f->nerrors ? "Erreur : supprimer mon compte" :
	    "Supprimer mon compte");
	html_raw(H, "<h1>Supprimer mon compte</h1>\n");
	form_summary(f);
	html_raw(H, "<p>La suppression est <strong>définitive</strong>. Elle "
	    "efface votre nom affiché (remplacé par un pseudonyme), vos "
	    "sessions et le lien avec FranceConnect. Vos contributions et vos "
	    "votes restent, sans lien avec votre identité, pour que les "
	    "décomptes restent exacts (voir la <a href=\"" UI_PRIVACY "\">"
	    "notice</a>).</p>\n");
	form_begin(w, UI_FC_DELETE, "Confirmer la suppression");
	form_checkbox_required(f, "confirmation", "Je veux supprimer "
	    "définitivement mon compte.", 0, NULL);
	form_end(w, "Supprimer définitivement mon compte");
	html_raw(H, "<p><a href=\"" UI_ACCOUNT "\">Annuler et revenir à mon "
	    "compte</a></p>\n");
	page_end(w);
	return (web_send(w, status));
}

static int
delete_done(struct web_req *w)
{
	switch (vocab_find(vocab_erasure, ERASE__MAX,
	    web_text(w, Q_DELETE, 0, FDE_STATUS))) {
	case ERASE_DELETED:
		break;
	case ERASE_LAST_ADMIN:
		return (web_error(w, 409, "Personne d'autre n'a le rôle "
		    "d'administration de la plateforme : donnez-le à une "
		    "autre personne avant de supprimer votre compte. Rien n'a "
		    "été effacé."));
	default:
		return (web_error(w, 409, "Votre compte a un mot de passe : "
		    "supprimez-le depuis la page « Supprimer mon compte », qui "
		    "vous le demande. Rien n'a été effacé."));
	}
	kore_log(LOG_NOTICE, "account %lld deleted by its owner",
	    w->sess.user_id);
	session_cookie_clear(w);
	web_flash(w, "account_deleted_fc");
	return (web_redirect(w, "/"));
}

/* GET and POST /compte/franceconnect/suppression. */
int
fc_delete(struct web_req *w)
{
	struct form	*f = web_state(w, sizeof(*f));
	const char	*c = web_arg(w, "confirmation");

	if (w->step == 0)
		form_init(f, w);
	if (w->req->method != HTTP_METHOD_POST)
		return (delete_page(w, f, 200));
	if (w->step == 0) {
		if (c == NULL || strcmp(c, "1") != 0) {
			form_error(f, "confirmation", "Cochez la case pour "
			    "confirmer la suppression.");
			return (delete_page(w, f, 422));
		}
		return (web_query(w, Q_DELETE, &sql_fc_account_delete,
		    DB_ID(w->sess.user_id)));
	}
	return (delete_done(w));
}
