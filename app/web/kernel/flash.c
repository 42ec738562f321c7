/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * One-shot messages shown on the page a form redirects to ("Votre vote est
 * enregistré."). The cookie carries only a code from this table, never text,
 * so nothing a visitor sends can end up in the message.
 */

#include <string.h>

#include "session.h"
#include "web.h"

#define FLASH_COOKIE	"agora_flash"

static const struct {
	const char	*code;
	const char	*text;
} flashes[] = {
	{ "signed_out",		"Déconnexion faite : à bientôt." },
	{ "signed_in",		"Connexion réussie : bienvenue." },
	/* Moderation (issue 5). */
	{ "flag_recorded",	"Votre signalement est enregistré. Merci." },
	{ "moderation_done",	"La décision est enregistrée au journal de "
	    "modération ; l'auteur en est informé." },
	{ "appeal_filed",	"Votre demande de réexamen est enregistrée : "
	    "un autre membre de l'équipe de modération l'examinera, et vous "
	    "serez prévenu de sa décision." },
	{ "mode_changed",	"Le mode de modération est changé ; le "
	    "changement est inscrit au journal." },
	{ "mode_unchanged",	"Le mode de modération était déjà celui-ci : "
	    "rien n'a changé." },
	/* Following and e-mail preferences (issue 13, item 8). */
	{ "follow_proposal_on",	"Vous suivez cette proposition : ses nouveaux "
	    "arguments et commentaires et la réponse de la Région vous seront "
	    "notifiés." },
	{ "follow_proposal_off", "Vous ne suivez plus cette proposition." },
	{ "follow_theme_on",	"Vous suivez ce thème : ses nouvelles "
	    "propositions vous seront notifiées." },
	{ "follow_theme_off",	"Vous ne suivez plus ce thème." },
	{ "mail_prefs_saved",	"Vos choix de courriels sont enregistrés." },
	/* The EPN directory and the tour (issue 12). */
	{ "epn_added",		"L'EPN est enregistré." },
	{ "epn_saved",		"Les modifications de l'EPN sont enregistrées." },
	{ "epn_stop_added",	"L'étape est ajoutée à la tournée." },
	{ "epn_stop_removed",	"L'étape est retirée de la tournée." },
	/* Mediators and assisted entries (issue 12, items 2 and 4). */
	{ "mediator_attached",	"Le compte est rattaché à l'EPN." },
	{ "mediator_detached",	"Le compte n'est plus rattaché à l'EPN." },
	{ "assisted_published",	"La contribution est enregistrée au nom de "
	    "l'EPN et publiée." },
	{ "assisted_pending",	"La contribution est enregistrée au nom de "
	    "l'EPN ; elle sera publiée après relecture par la modération." },
	{ "assisted_voted",	"Le vote est enregistré." },
	{ "assisted_vote_changed", "Le vote de cette personne est remplacé "
	    "par son nouveau choix." },
	/* People (issue 3). */
	{ "role_granted",	"Le rôle a été accordé." },
	{ "role_revoked",	"Le rôle a été retiré." },
	{ "role_unchanged",	"Aucun changement : ce compte avait déjà ce "
				    "rôle, ou ne l'avait pas." },
	/* Accounts */
	{ "signed_in_unverified", "Connexion réussie. Confirmez votre "
	    "adresse électronique (lien reçu par courriel) pour pouvoir "
	    "contribuer." },
	{ "signup_sent",	"Votre compte est créé. Un lien de confirmation "
	    "vient de vous être envoyé par courriel ; vous pouvez déjà vous "
	    "connecter." },
	{ "signup_signed_in",	"Votre compte est créé et votre session "
	    "est ouverte. Confirmez votre adresse électronique (lien reçu par "
	    "courriel) pour pouvoir contribuer." },
	{ "verify_resent",	"Un nouveau lien de confirmation vient de vous "
	    "être envoyé par courriel." },
	{ "verified",		"Votre adresse électronique est déjà "
	    "confirmée." },
	{ "reset_sent",		"Si un compte existe pour cette adresse, un "
	    "courriel vient de lui être envoyé avec un lien pour choisir un "
	    "nouveau mot de passe." },
	{ "password_reset",	"Votre mot de passe est changé et toutes vos "
	    "sessions ont été fermées. Connectez-vous avec le nouveau mot de "
	    "passe." },
	{ "password_changed",	"Votre mot de passe est changé. Vos autres "
	    "sessions ont été fermées." },
	{ "email_change_sent",	"Un lien de confirmation a été envoyé à la "
	    "nouvelle adresse. Votre adresse actuelle reste celle du compte "
	    "tant que ce lien n'a pas été ouvert." },
	/* Official answers (issue 6). */
	{ "answer_saved",	"La réponse officielle est publiée ; l'auteur "
	    "et les votants vont recevoir un courriel." },
	{ "answer_saved_quietly", "La réponse officielle est publiée. Personne "
	    "n'a été prévenu par courriel : une correction qui garde le même "
	    "statut n'en envoie pas (ou personne n'a d'adresse)." },
	/* Syntheses (issue 16). */
	{ "synthesis_saved",	"La nouvelle version de la synthèse est "
	    "enregistrée. Elle reste un brouillon tant qu'elle n'est pas "
	    "publiée." },
	{ "synthesis_published", "La synthèse est publiée : voici la page "
	    "que tout le monde lit." },
	/* Participation. */
	{ "proposal_published",	"Votre proposition est publiée." },
	{ "proposal_pending",	"Votre proposition est enregistrée. Elle est "
	    "en attente de modération et sera publiée après relecture." },
	{ "proposal_edited",	"Votre proposition est modifiée." },
	{ "proposal_edit_pending", "Votre modification est enregistrée. La "
	    "proposition est en attente de modération et sera publiée de "
	    "nouveau après relecture." },
	{ "vote_saved",		"Votre avis est enregistré." },
	{ "vote_removed",	"Votre vote est retiré." },
	{ "argument_published",	"Votre argument est publié." },
	{ "comment_published",	"Votre commentaire est publié." },
	{ "contribution_pending", "Votre contribution est enregistrée. Elle "
	    "est en attente de modération et sera publiée après relecture." },
	{ "useful_on",		"Vous avez jugé cet argument utile." },
	{ "useful_off",		"Vous ne jugez plus cet argument utile." },
	{ "contribution_withdrawn", "Votre contribution est retirée : son "
	    "texte n'est plus public." },
	{ "proposal_withdrawn",	"Votre proposition est retirée : elle ne "
	    "reçoit plus d'avis ; ceux déjà donnés restent comptés." },
	{ "reply_edited",	"Votre modification est enregistrée : la "
	    "page indique que le texte a été modifié." },
	{ "reply_edit_pending",	"Votre modification est enregistrée. Elle "
	    "est en attente de modération : le texte sera de nouveau public "
	    "après relecture." },
	/* End of participation. */
	/* The digital council (issue 16, item 3). */
	{ "council_opened",	"La saisine est ouverte ; les membres du "
	    "conseil en sont prévenus par courriel." },
	{ "council_draft",	"La nouvelle version de l'avis est enregistrée ; "
	    "les autres membres en sont prévenus." },
	{ "council_comment",	"Votre commentaire est enregistré." },
	{ "council_rapporteur",	"Le rapporteur est désigné." },
	{ "council_published",	"L'avis est publié, avec le résultat du vote." },
	{ "council_response",	"La réponse de la Région est publiée." },
	{ "contact_sent",	"Votre message est envoyé à l'équipe de "
	    "modération. Merci !" },
	/* FranceConnect (issue 17). */
	{ "fc_signed_in",	"Connexion réussie avec FranceConnect." },
	{ "fc_signed_up",	"Votre compte est créé et vérifié par "
	    "FranceConnect." },
	{ "vote_fc_changed",	"Le réglage du vote de la consultation est "
	    "changé ; le changement est inscrit au journal de modération." },
	{ "vote_fc_unchanged",	"Le vote de la consultation était déjà réglé "
	    "ainsi : rien n'a changé." },
	{ "fc_linked",		"Votre compte est lié à FranceConnect." },
	{ "fc_unlinked",	"Votre compte n'est plus lié à FranceConnect. "
	    "Les votes de la personne vérifiée restent comptés une fois : "
	    "ce compte vote toujours pour elle." },
};

void
web_flash(struct web_req *w, const char *code)
{
	char	buf[128];

	snprintf(buf, sizeof(buf), FLASH_COOKIE "=%s; Path=/; Max-Age=120; "
	    "HttpOnly; SameSite=Lax", code);
	http_response_header(w->req, "set-cookie", buf);
}

/* Writes the pending message, if any, and clears it. */
void
flash_write(struct web_req *w)
{
	char	*code;
	size_t	 i;

	if (!http_request_cookie(w->req, FLASH_COOKIE, &code))
		return;
	http_response_header(w->req, "set-cookie",
	    FLASH_COOKIE "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
	for (i = 0; i < sizeof(flashes) / sizeof(flashes[0]); i++) {
		if (strcmp(flashes[i].code, code) != 0)
			continue;
		html_raw(H, "<p class=\"notice\" role=\"status\">");
		html_text(H, flashes[i].text);
		html_raw(H, "</p>\n");
		return;
	}
}
