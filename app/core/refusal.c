/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <string.h>

#include "refusal.h"

#define N(t)	(sizeof(t) / sizeof(t[0]))

const struct refusal refusal_participation[] = {
	{ "archived", 409, REFUSAL_LIMIT_NONE, "Cette consultation est "
	    "archivée : elle a été importée d'une autre plateforme et se lit "
	    "en lecture seule. Il n'est pas possible d'y voter, d'argumenter "
	    "ni de commenter. Rien n'a été enregistré." },
	{ "upcoming", 409, REFUSAL_LIMIT_NONE, "La consultation n'est pas "
	    "encore ouverte : il n'est pas encore possible de contribuer ni "
	    "de voter. Rien n'a été enregistré." },
	{ "closed", 409, REFUSAL_LIMIT_NONE, "La consultation est close : il "
	    "n'est plus possible de contribuer ni de voter. Tout reste "
	    "consultable. Rien n'a été enregistré." },
	{ "unpublished", 403, REFUSAL_LIMIT_NONE, "Cette contribution n'est "
	    "pas publiée (en attente de modération ou masquée) : on ne peut "
	    "pas y participer. Rien n'a été enregistré." },
	{ "no_parent", 404, REFUSAL_LIMIT_NONE, "Le message auquel vous "
	    "répondez n'existe pas ou n'est plus publié. Rien n'a été "
	    "enregistré." },
	{ "too_deep", 422, REFUSAL_LIMIT_DEPTH, "Impossible de répondre à ce "
	    "commentaire : les réponses sont limitées à %d niveaux. Répondez "
	    "plutôt au commentaire de niveau supérieur. Rien n'a été "
	    "enregistré." },
	{ "not_author", 403, REFUSAL_LIMIT_NONE, "Seule l'autrice ou l'auteur "
	    "d'une proposition peut la modifier." },
	{ "too_late", 403, REFUSAL_LIMIT_WINDOW, "Le délai de modification "
	    "(%d minutes après la publication) est dépassé : la proposition "
	    "ne peut plus être modifiée." },
	/* Caps on edits (participation_edit, issue 14, item 6). */
	{ "too_many_edits", 403, REFUSAL_LIMIT_NONE, "Cette proposition a "
	    "déjà été modifiée le nombre de fois permis : elle ne peut plus "
	    "être modifiée. Rien n'a été enregistré." },
	{ "edit_rate", 429, REFUSAL_LIMIT_NONE, "Vous avez fait beaucoup de "
	    "modifications en peu de temps : réessayez dans une heure. Rien "
	    "n'a été enregistré." },
	/* vote_requires_franceconnect (oidc_vote_refusal, issue 17). */
	{ "fc_required", 403, REFUSAL_LIMIT_NONE, "Pour voter dans cette "
	    "consultation, votre compte doit être vérifié par FranceConnect : "
	    "liez-le depuis la page « Mon compte ». Vous pouvez toujours "
	    "proposer et argumenter. Rien n'a été enregistré." },
	{ "withdrawn", 409, REFUSAL_LIMIT_NONE, "Son auteur a retiré cette "
	    "proposition : elle ne reçoit plus d'avis, d'arguments ni de "
	    "commentaires, et ne peut plus être modifiée. Les avis déjà "
	    "donnés restent comptés. Rien n'a été enregistré." },
	/* An argument's or a comment's edit (participation_edit_reply). */
	{ "edit_too_late", 403, REFUSAL_LIMIT_WINDOW, "Le délai de "
	    "modification (%d minutes après la publication) est dépassé : ce "
	    "texte ne peut plus être modifié. Vous pouvez encore le retirer. "
	    "Rien n'a été enregistré." },
	{ "edit_too_many", 403, REFUSAL_LIMIT_NONE, "Ce texte a déjà été "
	    "modifié le nombre de fois permis : il ne peut plus être modifié. "
	    "Rien n'a été enregistré." },
	{ "own", 403, REFUSAL_LIMIT_NONE, "Vous ne pouvez pas marquer votre "
	    "propre argument comme utile : ce sont les autres participants "
	    "qui en jugent. Rien n'a été enregistré." },
	{ "missing", 404, REFUSAL_LIMIT_NONE, NULL },
};
const size_t refusal_participation_n = N(refusal_participation);

/*
 * "rule_required" and "invalid" come back as the decision form with its
 * message at the field (422).
 */
const struct refusal refusal_decide[] = {
	{ "not_found", 404, REFUSAL_LIMIT_NONE,
	    "Cette contribution n'existe pas." },
	{ "conflict", 409, REFUSAL_LIMIT_NONE, "Cette contribution vient "
	    "d'être traitée par un autre modérateur. Rechargez sa page pour "
	    "voir la décision prise ; la vôtre n'a pas été enregistrée." },
	{ "own", 403, REFUSAL_LIMIT_NONE, "Vous ne pouvez pas modérer votre "
	    "propre contribution : laissez-la à un autre modérateur." },
	{ "appeal_own", 403, REFUSAL_LIMIT_NONE, "Vous avez pris la décision "
	    "initiale sur cette contribution : son réexamen revient à un autre "
	    "membre de l'équipe de modération. Rien n'a été enregistré." },
	{ "rule_required", 422, REFUSAL_LIMIT_NONE, "Cette décision n'est "
	    "pas possible pour une contribution dans cet état." },
	{ "invalid", 422, REFUSAL_LIMIT_NONE, "Cette décision n'est pas "
	    "possible pour une contribution dans cet état." },
};
const size_t refusal_decide_n = N(refusal_decide);

/* moderation_appeal_file() (issue 13, item 5). */
const struct refusal refusal_appeal[] = {
	{ "not_found", 404, REFUSAL_LIMIT_NONE,
	    "Cette contribution n'existe pas." },
	{ "not_author", 403, REFUSAL_LIMIT_NONE, "Seule l'autrice ou l'auteur "
	    "d'une contribution peut demander le réexamen de la décision prise "
	    "sur elle." },
	{ "not_decided", 409, REFUSAL_LIMIT_NONE, "Cette contribution n'est ni "
	    "masquée ni refusée par une décision de modération : il n'y a pas "
	    "de décision à réexaminer." },
	{ "pending", 409, REFUSAL_LIMIT_NONE, "Votre demande de réexamen est "
	    "déjà enregistrée : un autre membre de l'équipe de modération "
	    "l'examine. Vous serez prévenu de sa décision." },
	{ "already", 409, REFUSAL_LIMIT_NONE, "Cette décision a déjà fait "
	    "l'objet d'une demande de réexamen : une seule demande est possible "
	    "par décision. Rien n'a été enregistré." },
	{ "too_late", 409, REFUSAL_LIMIT_WINDOW, "Le délai pour demander un "
	    "réexamen (%d jours après la décision) est dépassé. Rien n'a été "
	    "enregistré." },
	{ "invalid", 422, REFUSAL_LIMIT_NONE, "Expliquez en quelques mots "
	    "pourquoi la décision devrait être réexaminée." },
};
const size_t refusal_appeal_n = N(refusal_appeal);

const struct refusal refusal_flag[] = {
	{ "not_found", 404, REFUSAL_LIMIT_NONE, "Cette contribution n'existe "
	    "pas ou n'est pas publiée." },
	{ "duplicate", 409, REFUSAL_LIMIT_NONE, "Vous avez déjà signalé "
	    "cette contribution : un seul signalement par personne est pris "
	    "en compte." },
};
const size_t refusal_flag_n = N(refusal_flag);

const struct refusal refusal_mode[] = {
	{ "not_found", 404, REFUSAL_LIMIT_NONE,
	    "Cette consultation n'existe pas." },
};
const size_t refusal_mode_n = N(refusal_mode);

/*
 * assisted_propose(), assisted_reply(), assisted_vote() (issue 12): what a
 * mediator's entry gets; the page puts the message at its field.
 */
const struct refusal refusal_assisted[] = {
	{ "epn_missing", 422, REFUSAL_LIMIT_NONE, "Choisissez un EPN de la "
	    "liste : celui-ci n'existe pas ou n'est plus actif. Rien n'a été "
	    "enregistré." },
	{ "not_attached", 403, REFUSAL_LIMIT_NONE, "Votre compte "
	    "n'est pas rattaché à cet EPN : seules les personnes chargées de la médiation "
	    "de l'EPN peuvent saisir en son nom. Rien n'a été enregistré." },
	{ "consent", 422, REFUSAL_LIMIT_NONE, "Lisez à la personne le texte "
	    "du consentement et cochez la case : sans son accord, rien n'est "
	    "enregistré." },
	{ "already_voted", 409, REFUSAL_LIMIT_NONE, "Cette personne a déjà "
	    "un vote assisté sur cette proposition (saisi dans cet EPN ou un "
	    "autre). S'il s'agit de changer son vote, cochez « La personne "
	    "change son vote ». Rien n'a été enregistré." },
	{ "archived", 409, REFUSAL_LIMIT_NONE, "Cette consultation est "
	    "archivée : on ne peut plus y contribuer. Rien n'a été "
	    "enregistré." },
	{ "upcoming", 409, REFUSAL_LIMIT_NONE, "La consultation n'est pas "
	    "encore ouverte. Rien n'a été enregistré." },
	{ "closed", 409, REFUSAL_LIMIT_NONE, "La consultation est close : il "
	    "n'est plus possible de contribuer ni de voter. Rien n'a été "
	    "enregistré." },
	{ "unpublished", 403, REFUSAL_LIMIT_NONE, "Cette proposition n'est "
	    "pas publiée : on ne peut pas y participer. Rien n'a été "
	    "enregistré." },
	/* participation_refusal: its author withdrew it (issue 13, item 11). */
	{ "withdrawn", 409, REFUSAL_LIMIT_NONE, "Son auteur a retiré cette "
	    "proposition : elle ne reçoit plus d'avis, d'arguments ni de "
	    "commentaires. Rien n'a été enregistré." },
	{ "missing", 404, REFUSAL_LIMIT_NONE, NULL },
	/* paper_enter(): a paper sheet typed in (issue 12, item 5). */
	{ "sheet_unknown", 422, REFUSAL_LIMIT_NONE, "Aucun formulaire "
	    "imprimé ne porte cette référence : vérifiez-la sur la feuille "
	    "(8 caractères en haut à droite). Rien n'a été enregistré." },
	{ "sheet_theme", 422, REFUSAL_LIMIT_NONE, "Cette feuille a été "
	    "imprimée pour un autre enjeu : vérifiez l'enjeu choisi, ou la "
	    "référence. Rien n'a été enregistré." },
	{ "sheet_entered", 409, REFUSAL_LIMIT_NONE, "Cette feuille est déjà "
	    "saisie : une feuille ne compte qu'une fois. Passez à la feuille "
	    "suivante. Rien n'a été enregistré." },
	{ "date_future", 422, REFUSAL_LIMIT_NONE, "La date de recueil ne "
	    "peut pas être dans le futur. Rien n'a été enregistré." },
	{ "date_before_sheet", 422, REFUSAL_LIMIT_NONE, "La date de recueil "
	    "est antérieure à l'impression de la feuille : vérifiez-la. Rien "
	    "n'a été enregistré." },
	{ "date_early", 422, REFUSAL_LIMIT_NONE, "La date de recueil est "
	    "antérieure à l'ouverture de la consultation : vérifiez-la. Rien "
	    "n'a été enregistré." },
	{ "date_late", 422, REFUSAL_LIMIT_NONE, "La date de recueil est "
	    "postérieure à la clôture de la consultation : une feuille "
	    "remplie après la clôture ne peut pas être saisie. Rien n'a été "
	    "enregistré." },
};
const size_t refusal_assisted_n = N(refusal_assisted);

const struct refusal_table refusal_tables[] = {
	{ "participation", refusal_participation, &refusal_participation_n },
	{ "decide", refusal_decide, &refusal_decide_n },
	{ "flag", refusal_flag, &refusal_flag_n },
	{ "appeal", refusal_appeal, &refusal_appeal_n },
	{ "mode", refusal_mode, &refusal_mode_n },
	{ "assisted", refusal_assisted, &refusal_assisted_n },
};
const size_t refusal_ntables = N(refusal_tables);

const struct refusal *
refusal_find(const struct refusal *t, size_t n, const char *code)
{
	size_t	i;

	if (code == NULL)
		return (NULL);
	for (i = 0; i < n; i++)
		if (strcmp(t[i].code, code) == 0)
			return (&t[i]);
	return (NULL);
}
