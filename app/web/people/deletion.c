/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * "Supprimer mon compte": a page that says what is erased and what is kept,
 * and a form that asks for the current password again. The erasure itself
 * is one SQL function (user_delete, migration 0152), which checks that the
 * password hash and the address are still the ones read here, then erases
 * through user_erase(), the one erasure path (agora purge uses it too). The
 * keyed hash of the address goes with it (one person, one vote).
 */

#include "../../core/vocab.h"
#include "../../db/people.h"
#include "../kernel/form.h"
#include "../kernel/session.h"
#include "../kernel/web.h"
#include "../shared/ui.h"
#include "account.h"

#define PW_FIELD	"mot_de_passe_actuel"

int	account_delete(struct web_req *);

enum { Q_PASSWORD, Q_DELETE, Q__MAX };

/* What a deletion keeps between its steps. */
struct deletion {
	struct form	f;
};

/* What the erasure takes away. */
static void
write_erased(struct web_req *w)
{
	html_raw(H, "<h2>Ce qui est effacé</h2>\n<ul>\n"
	    "<li>votre adresse électronique et votre mot de passe ;</li>\n"
	    "<li>votre nom affiché, remplacé partout par le pseudonyme "
	    "« " ACCOUNT_PSEUDONYM);
	html_rawf(H, "%lld", w->sess.user_id);
	html_raw(H, " » ;</li>\n"
	    "<li>vos sessions de connexion (elles seront fermées) ;</li>\n"
	    "<li>vos rôles ;</li>\n"
	    "<li>les messages qui vous ont été envoyés, les notifications de "
	    "modération et les liens de confirmation ou de réinitialisation "
	    "en attente ;</li>\n"
	    "<li>les notes que vous avez jointes à vos signalements.</li>\n"
	    "</ul>\n");
}

/* What it keeps, and why. */
static void
write_kept(struct web_req *w)
{
	html_raw(H, "<h2>Ce qui est conservé</h2>\n<ul>\n"
	    "<li>vos propositions, arguments et commentaires (et leurs "
	    "versions antérieures), sous le pseudonyme : ils font partie du "
	    "débat public et d'autres personnes y ont répondu. Ce que vous y "
	    "avez écrit reste tel quel : si vous y avez mis votre nom ou "
	    "votre adresse, demandez le retrait avant ;</li>\n"
	    "<li>vos votes, vos mentions « utile » et vos signalements (sans "
	    "leur note), sans lien avec votre identité, pour que les "
	    "décomptes restent exacts ;</li>\n"
	    "<li>votre département, qui n'identifie personne et garde exactes "
	    "les statistiques par territoire ;</li>\n"
	    "<li>si vous avez voté dans une consultation ouverte : une "
	    "empreinte de votre adresse électronique, calculée avec une clé "
	    "secrète (elle ne permet pas de retrouver l'adresse), jusqu'à 30 "
	    "jours après la clôture de la consultation. Si vous créez plus "
	    "tard un compte avec la même adresse, vos anciens votes lui "
	    "reviennent au lieu de compter une seconde fois : une personne, "
	    "une voix.</li>\n</ul>\n"
	    "<p>Les sauvegardes de la base en gardent une copie au plus 35 "
	    "jours (voir la <a href=\"" UI_PRIVACY "\">notice</a>).</p>\n"
	    "<p>Si vous souhaitez aussi le retrait d'une contribution, "
	    "demandez-le à la modération <em>avant</em> de supprimer votre "
	    "compte (voir la <a href=\"" UI_PRIVACY "\">politique de "
	    "confidentialité</a>).</p>\n");
}

static int
write_page(struct web_req *w, struct form *f, int status)
{
	static const struct ui_crumb	up[] = { { UI_ACCOUNT, "Mon compte" } };

	page_begin(w, f->nerrors ? "Erreur : supprimer mon compte" :
	    "Supprimer mon compte");
	ui_crumbs(w, up, 1, "Supprimer mon compte");
	html_raw(H, "<h1>Supprimer mon compte</h1>\n");
	form_summary(f);
	html_raw(H, "<p>La suppression est <strong>définitive</strong> : "
	    "personne, pas même l'équipe de la plateforme, ne pourra "
	    "retrouver votre compte. Pensez à <a href=\"" UI_ACCOUNT_DATA "\">"
	    "télécharger vos données</a> avant.</p>\n");
	write_erased(w);
	write_kept(w);
	html_raw(H, "<h2>Confirmer la suppression</h2>\n");
	form_begin(w, UI_ACCOUNT_DELETE, "Confirmer la suppression");
	form_input(f, PW_FIELD, "Mot de passe actuel", "password", NULL,
	    "Pour confirmer qu'il s'agit bien de vous.", "current-password", 1);
	form_end(w, "Supprimer définitivement mon compte");
	html_raw(H, "<p>Votre compte a été créé avec FranceConnect et n'a "
	    "pas de mot de passe ? <a href=\"" UI_FC_DELETE "\">Le "
	    "supprimer sans mot de passe</a></p>\n");
	html_raw(H, "<p><a href=\"" UI_ACCOUNT "\">Annuler et revenir à mon "
	    "compte</a></p>\n");
	page_end(w);
	return (web_send(w, status));
}

static int
write_done(struct web_req *w)
{
	long long	id = w->sess.user_id;

	/* The sessions are gone in the database; forget the cookie too. */
	session_cookie_clear(w);
	w->sess.user_id = 0;
	w->sess.roles = 0;
	page_begin(w, "Compte supprimé");
	html_raw(H, "<h1>Votre compte est supprimé</h1>\n"
	    "<p>Vos données personnelles sont effacées et votre session "
	    "est fermée. Vos contributions restent publiées sous le "
	    "pseudonyme « " ACCOUNT_PSEUDONYM);
	html_rawf(H, "%lld", id);
	html_raw(H, " ». Merci d'avoir participé.</p>\n"
	    "<p><a href=\"/\">Retour à l'accueil</a></p>\n");
	page_end(w);
	return (web_send(w, 200));
}

/* The answer of user_delete(): nothing erased (409), or done. */
static int
delete_done(struct web_req *w)
{
	switch (vocab_find(vocab_erasure, ERASE__MAX,
	    web_text(w, Q_DELETE, 0, ACCDEL_STATUS))) {
	case ERASE_DELETED:
		break;
	case ERASE_LAST_ADMIN:
		return (web_error(w, 409, "Personne d'autre "
		    "n'a le rôle d'administration de la plateforme : donnez-le à une autre personne "
		    "(page « Rôles des comptes ») avant de supprimer votre "
		    "compte. Rien n'a été effacé."));
	default:
		return (web_error(w, 409, "Votre compte a changé entre-temps "
		    "(mot de passe ou adresse modifiés ?). Rien n'a été "
		    "effacé : recommencez."));
	}
	/* The id only: to redo the erasure after restoring an older backup. */
	kore_log(LOG_NOTICE, "account %lld deleted by its owner",
	    w->sess.user_id);
	return (write_done(w));
}

/*
 * GET and POST /compte/suppression. POST raises 422 when the password is
 * missing or wrong (nothing is erased), 409 when the account changed
 * meanwhile or is the last administrator; on success, erases and signs
 * out (200).
 */
int
account_delete(struct web_req *w)
{
	struct deletion	*d = web_state(w, sizeof(*d));
	/* Never trimmed: a password is compared as typed. */
	const char	*pw = web_arg(w, PW_FIELD), *hash, *email;
	char		 ek[TOKEN_LEN + 1];

	if (w->step == 0)
		form_init(&d->f, w);
	if (w->req->method != HTTP_METHOD_POST)
		return (write_page(w, &d->f, 200));
	switch (w->step) {
	case 0:
		if (pw == NULL || *pw == '\0') {
			form_error(&d->f, PW_FIELD, "Saisissez votre mot de "
			    "passe actuel pour confirmer la suppression.");
			return (write_page(w, &d->f, 422));
		}
		return (web_query(w, Q_PASSWORD, &sql_account_password,
		    DB_ID(w->sess.user_id)));
	case 1:
		if (web_rows(w, Q_PASSWORD) != 1)
			return (web_error(w, 404, NULL));
		return (web_password_verify(w, pw,
		    web_text(w, Q_PASSWORD, 0, ACCPW_HASH)));
	case 2:
		if (strcmp(w->task_out, "1") != 0) {
			form_error(&d->f, PW_FIELD, "Mot de passe incorrect. "
			    "Rien n'a été effacé.");
			return (write_page(w, &d->f, 422));
		}
		hash = web_text(w, Q_PASSWORD, 0, ACCPW_HASH);
		email = web_text(w, Q_PASSWORD, 0, ACCPW_EMAIL);
		return (web_query(w, Q_DELETE, &sql_account_delete,
		    DB_ID(w->sess.user_id), DB_TEXT(hash), DB_TEXT(email),
		    DB_TEXT(account_email_key(email, ek))));
	}
	return (delete_done(w));
}
