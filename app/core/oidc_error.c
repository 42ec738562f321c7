/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* The OpenID Connect refusals: a code for the logs, a sentence for people. */

#include "oidc.h"

static const struct {
	const char	*code;
	const char	*message;
} errs[OIDC_ERR__MAX] = {
	/* OIDC_OK */
	{ "ok", "" },
	/* OIDC_ERR_CONFIG */
	{ "config", "La connexion avec FranceConnect n'est pas disponible "
	    "pour le moment. Connectez-vous avec votre adresse électronique et "
	    "votre mot de passe, ou réessayez plus tard." },
	/* OIDC_ERR_UNREACHABLE */
	{ "provider_down", "FranceConnect ne répond pas pour le moment. "
	    "Réessayez dans quelques minutes, ou connectez-vous avec votre "
	    "adresse électronique et votre mot de passe." },
	/* OIDC_ERR_TIMEOUT */
	{ "provider_timeout", "FranceConnect met trop de temps à répondre. "
	    "Réessayez dans quelques minutes, ou connectez-vous avec votre "
	    "adresse électronique et votre mot de passe." },
	/* OIDC_ERR_HTTP */
	{ "provider_error", "FranceConnect a répondu par une erreur. "
	    "Réessayez dans quelques minutes." },
	/* OIDC_ERR_RESPONSE */
	{ "bad_response", "La réponse de FranceConnect est illisible. "
	    "Réessayez dans quelques minutes." },
	/* OIDC_ERR_DISCOVERY */
	{ "bad_discovery", "La configuration de FranceConnect ne correspond "
	    "pas à celle attendue : la connexion est refusée par prudence. "
	    "Réessayez plus tard ; si cela dure, écrivez-nous." },
	/* OIDC_ERR_STATE */
	{ "bad_state", "Cette demande de connexion a expiré ou a déjà été "
	    "utilisée. Recommencez depuis le bouton « Se connecter avec "
	    "FranceConnect »." },
	/* OIDC_ERR_DENIED */
	{ "denied", "La connexion avec FranceConnect a été annulée. Vous "
	    "pouvez recommencer, ou vous connecter avec votre adresse "
	    "électronique et votre mot de passe." },
	/* OIDC_ERR_GRANT */
	{ "bad_grant", "FranceConnect a refusé de confirmer cette connexion "
	    "(demande expirée ou déjà utilisée). Recommencez depuis le bouton "
	    "« Se connecter avec FranceConnect »." },
	/* OIDC_ERR_ALG */
	{ "bad_alg", "L'identité transmise n'est pas signée comme il faut : "
	    "la connexion est refusée par sécurité. Recommencez ; si cela "
	    "dure, écrivez-nous." },
	/* OIDC_ERR_KEY */
	{ "unknown_key", "L'identité transmise est signée par une clé "
	    "inconnue : la connexion est refusée par sécurité. Réessayez dans "
	    "quelques minutes." },
	/* OIDC_ERR_SIGNATURE */
	{ "bad_signature", "La signature de l'identité transmise est "
	    "invalide : la connexion est refusée par sécurité. Recommencez "
	    "depuis le bouton « Se connecter avec FranceConnect »." },
	/* OIDC_ERR_ISSUER */
	{ "bad_issuer", "L'identité transmise ne vient pas de FranceConnect : "
	    "la connexion est refusée par sécurité. Recommencez depuis le "
	    "bouton « Se connecter avec FranceConnect »." },
	/* OIDC_ERR_AUDIENCE */
	{ "bad_audience", "L'identité transmise était destinée à un autre "
	    "site : la connexion est refusée par sécurité. Recommencez depuis "
	    "le bouton « Se connecter avec FranceConnect »." },
	/* OIDC_ERR_EXPIRED */
	{ "expired", "L'identité transmise a expiré. Recommencez depuis le "
	    "bouton « Se connecter avec FranceConnect » ; si cela dure, "
	    "vérifiez la date et l'heure de votre appareil." },
	/* OIDC_ERR_IAT */
	{ "bad_iat", "L'identité transmise porte une date d'émission "
	    "invalide. Recommencez dans quelques minutes." },
	/* OIDC_ERR_NONCE */
	{ "bad_nonce", "Cette réponse de FranceConnect ne correspond pas à "
	    "votre demande de connexion, ou a déjà servi. Recommencez depuis "
	    "le bouton « Se connecter avec FranceConnect »." },
	/* OIDC_ERR_ACR */
	{ "acr_too_low", "Le niveau de garantie de cette connexion est "
	    "insuffisant. Recommencez en choisissant un autre compte dans "
	    "FranceConnect." },
	/* OIDC_ERR_CLAIM */
	{ "missing_claim", "FranceConnect n'a pas transmis toutes les "
	    "informations nécessaires (nom, prénoms, sexe, date et lieu de "
	    "naissance). Recommencez en acceptant leur transmission, ou "
	    "choisissez un autre compte dans FranceConnect." },
	/* OIDC_ERR_SUBJECT */
	{ "bad_subject", "Les informations reçues de FranceConnect concernent "
	    "une autre personne : la connexion est refusée par sécurité. "
	    "Recommencez depuis le bouton « Se connecter avec FranceConnect »." },
};

const char *
oidc_err_code(enum oidc_err e)
{
	return ((unsigned)e < OIDC_ERR__MAX ? errs[e].code : "unknown");
}

const char *
oidc_err_message(enum oidc_err e)
{
	return ((unsigned)e < OIDC_ERR__MAX ? errs[e].message : "");
}
