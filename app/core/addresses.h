/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The site's fixed public addresses (architecture.md: a contract, added
 * to, never renamed), spelled here and nowhere else. String literals, so
 * that they fit inside one ("<a href=\"" UI_SIGNIN "\">"); the kernel's
 * layout uses them as the rooms do, and app/web/shared/ui.h builds the
 * addresses that take a part (a proposal's id, a theme's slug).
 */

#ifndef AGORA_CORE_ADDRESSES_H
#define AGORA_CORE_ADDRESSES_H

#define UI_SIGNUP		"/inscription"
#define UI_SIGNIN		"/connexion"
#define UI_SIGNOUT		"/deconnexion"
#define UI_FC_START		"/connexion/franceconnect"
#define UI_FC_SIGNUP		"/connexion/franceconnect/inscription"
#define UI_FC_LINK		"/compte/franceconnect"
#define UI_FC_UNLINK		"/compte/franceconnect/delier"
#define UI_FC_DELETE		"/compte/franceconnect/suppression"
#define UI_VERIFY		"/verification"
#define UI_VERIFY_RESEND	"/verification/renvoi"
#define UI_FORGOT		"/mot-de-passe-oublie"
#define UI_RESET		"/reinitialisation"
#define UI_ACCOUNT		"/compte/"
#define UI_ACCOUNT_PASSWORD	"/compte/mot-de-passe"
#define UI_ACCOUNT_EMAIL	"/compte/adresse"
#define UI_ACCOUNT_DATA		"/compte/donnees.json"
#define UI_ACCOUNT_DATA_PAGE	"/compte/donnees"
#define UI_ACCOUNT_DELETE	"/compte/suppression"
#define UI_ACCOUNT_NOTIFICATIONS "/compte/notifications"
#define UI_PRIVACY		"/confidentialite"
#define UI_MODERATION		"/moderation/"
#define UI_ADMIN_ROLES		"/admin/roles"
#define UI_ADMIN_CONSULTATION	"/admin/consultation"
#define UI_ADMIN_CONSULTATION_VOTE "/admin/consultation/vote"
#define UI_CHARTER		"/charte"
#define UI_ACCESSIBILITY	"/accessibilite"
#define UI_TRANSPARENCY		"/moderation/transparence"
#define UI_CONTACT_MODERATION	"/contact-moderation"
#define UI_MODERATION_MESSAGES	"/moderation/messages"
/* The open data, the reports and the API (app/web/opendata/). */
#define UI_CONSULTATIONS	"/consultations/"
#define UI_REPORTS		"/rapports/"
/* The digital council (issue 16, item 3; app/web/council/). */
#define UI_COUNCIL		"/conseil/"
#define UI_COUNCIL_OPEN		"/conseil/saisir"
#define UI_EXPORT_COUNCIL	"/export/conseil.json"
#define UI_EXPORT		"/export/"
#define UI_EXPORT_CSV		"/export/contributions.csv"
#define UI_EXPORT_JSON		"/export/contributions.json"
#define UI_EXPORT_SYNTHESES	"/export/syntheses.json"
#define UI_EXPORT_LOG		"/export/journal-moderation.json"
#define UI_EXPORT_LOG_HEAD	"/export/journal-moderation/tete.json"
#define UI_EXPORT_LOG_KEY	"/export/journal-moderation/cle-publique.pem"
#define UI_API_THEMES		"/api/v1/themes"
/* Notifications and following (issue 13, item 8). */
#define UI_ACCOUNT_MAIL_PREFS	"/compte/courriels"
#define UI_UNSUBSCRIBE		"/desabonnement/"	/* + token */

/* The site-wide search (app/web/search/). */
#define UI_SEARCH		"/recherche"

#endif
