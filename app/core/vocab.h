/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Agora's French vocabulary: every code the database stores for a status,
 * a kind, a vote, a decision..., the enum C switches on, and the one French
 * word pages and mail use for it. One list per thing, so a page never says
 * "rejetée" where another says "refusée", and code compares enums, not
 * strings.
 *
 *	int s = vocab_find(vocab_status, ST__MAX, code);   (-1: unknown)
 *	html_text(H, vocab_status[s].label);
 */

#ifndef AGORA_CORE_VOCAB_H
#define AGORA_CORE_VOCAB_H

struct vocab {
	const char	*code;		/* as stored */
	const char	*label;		/* French, capitalised as in a list */
};

#define VOCAB_ENUM_(e, code, label)	e,

/* A contribution's moderation status (contributions.status). */
#define VOCAB_STATUS(X)							\
	X(ST_PENDING,	"pending",	"En attente")			\
	X(ST_PUBLISHED,	"published",	"Publiée")			\
	X(ST_HIDDEN,	"hidden",	"Masquée")			\
	X(ST_REJECTED,	"rejected",	"Refusée")
enum { VOCAB_STATUS(VOCAB_ENUM_) ST__MAX };
extern const struct vocab	vocab_status[ST__MAX];

/* What a contribution is (contributions.kind). */
#define VOCAB_KIND(X)							\
	X(KIND_PROPOSAL, "proposal",	"Proposition")			\
	X(KIND_ARGUMENT, "argument",	"Argument")			\
	X(KIND_COMMENT,	"comment",	"Commentaire")
enum { VOCAB_KIND(VOCAB_ENUM_) KIND__MAX };
extern const struct vocab	vocab_kind[KIND__MAX];

/* The side of an argument (contributions.position). */
#define VOCAB_POSITION(X)						\
	X(POS_POUR,	"pour",		"Pour")				\
	X(POS_CONTRE,	"contre",	"Contre")
enum { VOCAB_POSITION(VOCAB_ENUM_) POS__MAX };
extern const struct vocab	vocab_position[POS__MAX];

/* A vote (votes.choice), in the order the vote buttons show them. */
#define VOCAB_CHOICE(X)							\
	X(CHOICE_AGREE,	"agree",	"D'accord")			\
	X(CHOICE_MIXED,	"mixed",	"Mitigé")			\
	X(CHOICE_DISAGREE, "disagree",	"Pas d'accord")
enum { VOCAB_CHOICE(VOCAB_ENUM_) CHOICE__MAX };
extern const struct vocab	vocab_choice[CHOICE__MAX];

/* What the Region decided about a proposal (official_responses.status). */
#define VOCAB_ANSWER(X)							\
	X(ANS_ADOPTED,	"retenue",	"Retenue")			\
	X(ANS_STUDIED,	"a_l_etude",	"À l'étude")			\
	X(ANS_DECLINED,	"non_retenue",	"Non retenue")			\
	X(ANS_ONGOING,	"deja_en_cours", "Déjà en cours")
enum { VOCAB_ANSWER(VOCAB_ENUM_) ANS__MAX };
extern const struct vocab	vocab_answer[ANS__MAX];

/* Where a consultation stands (consultation_phase()). */
#define VOCAB_PHASE(X)							\
	X(PHASE_UPCOMING, "upcoming",	"À venir")			\
	X(PHASE_OPEN,	"open",		"Ouverte")			\
	X(PHASE_CLOSED,	"closed",	"Close")
enum { VOCAB_PHASE(VOCAB_ENUM_) PHASE__MAX };
extern const struct vocab	vocab_phase[PHASE__MAX];

/* A moderator's decision, as a verb on its button. */
#define VOCAB_DECISION(X)						\
	X(DEC_PUBLISH,	"publish",	"Publier")			\
	X(DEC_HIDE,	"hide",		"Masquer")			\
	X(DEC_REJECT,	"reject",	"Refuser")			\
	X(DEC_RESTORE,	"restore",	"Rétablir")
enum { VOCAB_DECISION(VOCAB_ENUM_) DEC__MAX };
extern const struct vocab	vocab_decision[DEC__MAX];

/* An entry of the moderation log (moderation_log.action), as a noun. */
#define VOCAB_LOG_ACTION(X)						\
	X(LOG_PUBLISH,	"publish",	"Publication")			\
	X(LOG_HIDE,	"hide",		"Masquage")			\
	X(LOG_REJECT,	"reject",	"Refus")			\
	X(LOG_RESTORE,	"restore",	"Rétablissement")		\
	X(LOG_THRESHOLD, "threshold",	"Seuil de signalements atteint")\
	X(LOG_MODE,	"mode",		"Changement de mode de modération")\
	X(LOG_APPEAL,	"appeal",	"Demande de réexamen par l'auteur")\
	X(LOG_VOTE_FC,	"vote_fc",	"Changement des conditions du vote")\
	X(LOG_SYNTHESIS, "synthesis_publish", "Publication d'une synthèse")\
	X(LOG_OPINION,	"opinion_publish", "Publication d'un avis du conseil")\
	X(LOG_RESPONSE,	"opinion_response", "Réponse de la Région à un avis")
enum { VOCAB_LOG_ACTION(VOCAB_ENUM_) LOG__MAX };
extern const struct vocab	vocab_log_action[LOG__MAX];

/* Why an item waits in the moderation queue. */
#define VOCAB_REASON(X)							\
	X(REASON_APRIORI, "attente",	"Modération a priori")		\
	X(REASON_FLAGS,	"signalement",	"Signalée par des participants")\
	X(REASON_DUPLICATE, "doublon",	"Doublon probable")		\
	X(REASON_NEW_ACCOUNT, "compte",	"Compte récent qui publie beaucoup")\
	X(REASON_EDITED, "modifiee",	"Modifiée après sa publication")\
	X(REASON_APPEAL, "reexamen",	"Réexamen")
enum { VOCAB_REASON(VOCAB_ENUM_) REASON__MAX };
extern const struct vocab	vocab_reason[REASON__MAX];

/*
 * How a consultation is moderated (consultations.moderation_mode). Latin
 * locutions: pages write them in lower case inside a sentence ("Mode
 * actuel : a priori", "Passer en modération a posteriori").
 */
#define VOCAB_MODE(X)							\
	X(MODE_APRIORI,	"a_priori",	"a priori")			\
	X(MODE_APOSTERIORI, "a_posteriori", "a posteriori")
enum { VOCAB_MODE(VOCAB_ENUM_) MODE__MAX };
extern const struct vocab	vocab_mode[MODE__MAX];

/* An imported comment's side on the source platform (Decidim alignment). */
#define VOCAB_ALIGNMENT(X)						\
	X(ALIGN_POUR,	"1",		"Pour")				\
	X(ALIGN_NEUTRE,	"0",		"Neutre")			\
	X(ALIGN_CONTRE,	"-1",		"Contre")
enum { VOCAB_ALIGNMENT(VOCAB_ENUM_) ALIGN__MAX };
extern const struct vocab	vocab_alignment[ALIGN__MAX];

/*
 * Why an opinion map was or was not drawn (opinion_maps.reason), in the
 * order of enum opinion_reason (app/core/opinion.h), so that the index is
 * that enum; the sentence a page shows is opinion_reason_text().
 */
#define VOCAB_OPINION_REASON(X)						\
	X(OMR_MAPPED,	"mapped",	"carte dessinée")		\
	X(OMR_NO_VOTES,	"no_votes",	"aucun vote")			\
	X(OMR_ONE_VOTER, "one_voter",	"une seule personne")		\
	X(OMR_ONE_STATEMENT, "one_statement", "une seule proposition")	\
	X(OMR_TOO_FEW_VOTES, "too_few_votes", "trop peu de votes")	\
	X(OMR_TOO_FEW_VOTERS, "too_few_voters", "trop peu de personnes")	\
	X(OMR_IDENTICAL, "identical",	"votes identiques")
enum { VOCAB_OPINION_REASON(VOCAB_ENUM_) OMR__MAX };
extern const struct vocab	vocab_opinion_reason[OMR__MAX];

/* Which way a proposal sets a group apart (opinion_highlights.side). */
#define VOCAB_OPINION_SIDE(X)						\
	X(OMSIDE_AGREE,	"agree",	"plus d'accord que les autres")	\
	X(OMSIDE_DISAGREE, "disagree",	"plus en désaccord que les autres")
enum { VOCAB_OPINION_SIDE(VOCAB_ENUM_) OMSIDE__MAX };
extern const struct vocab	vocab_opinion_side[OMSIDE__MAX];

/*
 * A contribution's status as its author reads it in "Mon compte": the codes
 * of vocab_status, indexed by ST_*, each saying who decided.
 */
#define VOCAB_STATUS_OWN(X)						\
	X(ST_PENDING,	"pending",	"en attente de modération")	\
	X(ST_PUBLISHED,	"published",	"publiée")			\
	X(ST_HIDDEN,	"hidden",	"masquée par la modération")	\
	X(ST_REJECTED,	"rejected",	"refusée par la modération")
extern const struct vocab	vocab_status_own[ST__MAX];

/* A link sent by e-mail, once followed (account_link_use(), reset links). */
#define VOCAB_LINK(X)							\
	X(LINK_OK,	"ok",		"Lien valable")			\
	X(LINK_USED,	"used",		"Lien déjà utilisé")		\
	X(LINK_EXPIRED,	"expired",	"Lien expiré")			\
	X(LINK_TAKEN,	"taken",	"Adresse prise entre-temps")	\
	X(LINK_UNKNOWN,	"unknown",	"Lien inconnu")
enum { VOCAB_LINK(VOCAB_ENUM_) LINK__MAX };
extern const struct vocab	vocab_link[LINK__MAX];

/* What an account's erasure did (user_delete(), user_purge()). */
#define VOCAB_ERASURE(X)						\
	X(ERASE_DELETED, "deleted",	"Compte supprimé")		\
	X(ERASE_CHANGED, "changed",	"Compte modifié entre-temps")	\
	X(ERASE_KEPT,	"kept",		"Compte conservé")		\
	X(ERASE_LAST_ADMIN, "last_admin", "Dernier administrateur")
enum { VOCAB_ERASURE(VOCAB_ENUM_) ERASE__MAX };
extern const struct vocab	vocab_erasure[ERASE__MAX];

/* What a change of role did (user_role_set()). */
#define VOCAB_ROLE_CHANGE(X)						\
	X(RC_GRANTED,	"granted",	"Rôle accordé")			\
	X(RC_REVOKED,	"revoked",	"Rôle retiré")			\
	X(RC_UNCHANGED,	"unchanged",	"Aucun changement")		\
	X(RC_SELF,	"self",		"Son propre rôle d'administrateur")\
	X(RC_NO_USER,	"no_user",	"Compte inconnu")			\
	X(RC_UNVERIFIED, "unverified",	"Adresse non confirmée")
enum { VOCAB_ROLE_CHANGE(VOCAB_ENUM_) RC__MAX };
extern const struct vocab	vocab_role_change[RC__MAX];

/*
 * A contribution's kind as the open data and the API name it (the type
 * column, /api/v1/contributions?type=): the codes of vocab_kind, indexed by
 * KIND_*, in French.
 */
#define VOCAB_KIND_PUBLIC(X)						\
	X(KIND_PROPOSAL, "proposition",	"Proposition")			\
	X(KIND_ARGUMENT, "argument",	"Argument")			\
	X(KIND_COMMENT,	"commentaire",	"Commentaire")
extern const struct vocab	vocab_kind_public[KIND__MAX];

/*
 * Where a report's heavy analyses (recurring terms, near duplicates) come
 * from (report_analysis_state()).
 */
#define VOCAB_ANALYSIS(X)						\
	X(AN_LIVE,	"live",		"Calculée pour la page")	\
	X(AN_CACHE,	"cache",	"Calculée périodiquement")	\
	X(AN_NONE,	"none",		"Pas encore calculée")
enum { VOCAB_ANALYSIS(VOCAB_ENUM_) AN__MAX };
extern const struct vocab	vocab_analysis[AN__MAX];

/* The index of code in table (n entries), or -1: unknown or NULL. */
int		 vocab_find(const struct vocab *, int, const char *);
/* The label of code, or "" when unknown. */
const char	*vocab_label(const struct vocab *, int, const char *);

/*
 * French plurals: 0 and 1 take the singular ("0 proposition",
 * "1 proposition", "2 propositions").
 */
const char	*vocab_plural(long long, const char *, const char *);

/* What an EPN is (epns.kind). */
#define VOCAB_EPN_KIND(X)						\
	X(EPN_FIXED,	"fixed",	"EPN fixe")			\
	X(EPN_MOBILE,	"mobile",	"EPN mobile")
enum { VOCAB_EPN_KIND(VOCAB_ENUM_) EPN__MAX };
extern const struct vocab	vocab_epn_kind[EPN__MAX];

/*
 * What a change of the EPN directory or of the tour answered (the status
 * column of app/db/epn.h's statements), with the French sentence the admin
 * pages and `agora epn` show.
 */
#define VOCAB_EPN_RESULT(X)						\
	X(EPR_OK,	"ok",		"Enregistré.")			\
	X(EPR_NOT_FOUND, "not_found",	"Cet EPN n'existe pas.")	\
	X(EPR_NO_TERRITORY, "no_territory", "Choisissez un des six "	\
	    "départements de la région (18, 28, 36, 37, 41 ou 45).")	\
	X(EPR_DUPLICATE, "duplicate",	"Un EPN porte déjà ce nom dans "\
	    "cette commune.")						\
	X(EPR_HAS_STOPS, "has_stops",	"Cet EPN a des étapes de tournée "\
	    ": retirez-les avant d'en faire un EPN fixe.")		\
	X(EPR_NOT_MOBILE, "not_mobile",	"Seul un EPN mobile a une "	\
	    "tournée : cet EPN est fixe.")				\
	X(EPR_OVERLAP,	"overlap",	"L'EPN mobile a déjà une étape ce "\
	    "jour-là à ces heures.")					\
	X(EPR_PAST,	"past",		"Cette date est passée : choisissez "\
	    "aujourd'hui ou un jour à venir.")
enum { VOCAB_EPN_RESULT(VOCAB_ENUM_) EPR__MAX };
extern const struct vocab	vocab_epn_result[EPR__MAX];

/*
 * A notification's kind (notifications.kind), as the notifications page
 * and the e-mail preferences name it. NK_MODERATION and the kinds from
 * NK_SYNTHESIS on (issue 16) have no preference of their own.
 */
#define VOCAB_NOTIFY_KIND(X)						\
	X(NK_MODERATION, "moderation",	"Décision de modération sur "	\
	    "votre contribution")					\
	X(NK_REPLY,	"reply",	"Réponse à votre contribution")	\
	X(NK_ARGUMENT,	"argument",	"Argument sur votre proposition")\
	X(NK_ANSWER,	"answer",	"Réponse de la Région à une "	\
	    "proposition que vous avez déposée, soutenue ou suivie")	\
	X(NK_ACTIVITY,	"activity",	"Nouvelle contribution sur une "\
	    "proposition que vous suivez")				\
	X(NK_THEME,	"theme",	"Nouvelle proposition dans un "	\
	    "thème que vous suivez")					\
	X(NK_SYNTHESIS,	"synthesis",	"Synthèse publiée d'un thème "	\
	    "que vous suivez")						\
	X(NK_CITED,	"cited",	"Votre contribution est citée "	\
	    "dans une synthèse")					\
	X(NK_REFERRAL,	"referral",	"Nouvelle saisine du conseil "	\
	    "numérique")						\
	X(NK_DRAFT,	"draft",	"Nouvelle version d'un projet "	\
	    "d'avis du conseil numérique")				\
	X(NK_OPINION,	"opinion",	"Avis du conseil numérique sur "\
	    "un thème que vous suivez")					\
	X(NK_CITED_OPINION, "cited_opinion", "Votre contribution est "	\
	    "citée dans un avis du conseil numérique")
enum { VOCAB_NOTIFY_KIND(VOCAB_ENUM_) NK__MAX };
extern const struct vocab	vocab_notify_kind[NK__MAX];

/* How a kind of notification is mailed (notification_prefs.mode). */
#define VOCAB_NOTIFY_MODE(X)						\
	X(NM_IMMEDIATE,	"immediate",	"Un courriel à chaque fois")	\
	X(NM_DIGEST,	"digest",	"Un résumé par jour")		\
	X(NM_NONE,	"none",		"Aucun courriel")
enum { VOCAB_NOTIFY_MODE(VOCAB_ENUM_) NM__MAX };
extern const struct vocab	vocab_notify_mode[NM__MAX];

/*
 * What attaching a mediator to an EPN, or detaching one, answered
 * (epn_mediator_set()), with the sentence /admin/epn/<id> and `agora epn
 * mediateur` show.
 */
#define VOCAB_MEDIATOR_SET(X)						\
	X(MS_OK,	"ok",		"Enregistré.")			\
	X(MS_EPN_MISSING, "epn_missing", "Cet EPN n'existe pas.")	\
	X(MS_NO_ACCOUNT, "no_account",	"Aucun compte n'a cette adresse "\
	    "électronique.")						\
	X(MS_NOT_MEDIATOR, "not_mediator", "Ce compte n'a pas le rôle de "\
	    "médiation : accordez-le d'abord dans « Rôles ».")	\
	X(MS_ALREADY,	"already",	"Ce compte est déjà rattaché à cet "\
	    "EPN.")							\
	X(MS_NOT_ATTACHED, "not_attached", "Ce compte n'est pas rattaché à "\
	    "cet EPN.")
enum { VOCAB_MEDIATOR_SET(VOCAB_ENUM_) MS__MAX };
extern const struct vocab	vocab_mediator_set[MS__MAX];

/* Where a contribution or a vote was entered (contributions.channel). */
#define VOCAB_CHANNEL(X)						\
	X(CH_WEB,	"web",		"En ligne")			\
	X(CH_EPN,	"epn",		"Saisie assistée en EPN")	\
	X(CH_PAPER,	"paper",	"Formulaire papier")
enum { VOCAB_CHANNEL(VOCAB_ENUM_) CH__MAX };
extern const struct vocab	vocab_channel[CH__MAX];

/*
 * Why a theme has topics or not (topic_runs.reason), in the order of enum
 * topics_reason (app/core/topics.h); the label is the page's sentence.
 */
#define VOCAB_TOPIC_REASON(X)						\
	X(TOPR_FOUND,	"found",	"sujets trouvés")		\
	X(TOPR_NO_PROPOSALS, "no_proposals", "Cet enjeu n'a encore aucune "	\
	    "proposition publiée : pas de sujets à dégager.")		\
	X(TOPR_TOO_FEW,	"too_few",	"Trop peu de propositions pour "	\
	    "dégager des sujets : il en faut au moins 6 qui partagent des "	\
	    "mots avec d'autres.")
enum { VOCAB_TOPIC_REASON(VOCAB_ENUM_) TOPR__MAX };
extern const struct vocab	vocab_topic_reason[TOPR__MAX];

#endif
