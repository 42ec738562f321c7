/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The mediators' pages (issue 12, items 2, 4 and 5): /mediation/ (a
 * proposal entered for a person present), /mediation/propositions/<id>
 * (an argument, a comment or a vote on a proposal), /mediation/saisie-
 * papier (paper sheets typed in one after another: paper.c). What their handlers share:
 * the slots, the fields every entry has (EPN, consent, contact), and the
 * refusals of the SQL functions put at their fields (entry.c).
 */

#ifndef AGORA_WEB_MEDIATION_H
#define AGORA_WEB_MEDIATION_H

#include "../../core/identity.h"
#include "../kernel/form.h"
#include "../kernel/web.h"

enum { Q_EPNS, Q_CONSENT, Q_THEMES, Q_TERR, Q_PROPOSAL, Q_SAVE, Q_LAST,
    Q__MAX };

/* What the steps of one request share (web_state). */
struct mediation {
	struct form		 f;	/* the contribution's form */
	struct form		 vf;	/* the vote's form */
	int			 vote;	/* the vote's form was posted */
	int			 asked;	/* Q_SAVE was queued */
	long long		 proposal;
	long long		 epn;
	const char		*epn_s, *consent, *version, *contact;
	const char		*theme, *title, *body, *territory, *position;
	const char		*choice;
	/* Paper: the reference and the day as typed, then as stored. */
	const char		*sheet, *day, *code, *day_iso;
	struct identity_pivot	 who;
	int			 change;
};

/* Queues what every mediation page shows: Q_EPNS, Q_CONSENT. */
int	mediation_gather(struct web_req *);
/*
 * Reads "epn", "consentement", "version_consentement" and "contact" into
 * m, errors in f. 1 when valid.
 */
int	mediation_common_read(struct web_req *, struct form *,
	    struct mediation *);
/* The EPN select: the mediator's EPNs (Q_EPNS). */
void	mediation_epn_write(struct web_req *, struct form *,
	    const struct mediation *);
/*
 * The contact field (when the last argument is 1), then the consent: its
 * version (hidden) and the checkbox whose label is the wording (Q_CONSENT).
 */
void	mediation_consent_write(struct web_req *, struct form *,
	    const struct mediation *, int);
/*
 * Puts the French sentence of a refusal code of the assisted_* functions
 * at its field of f (field "" for a refusal of the whole form). The HTTP
 * status of the page, or 0 when code is not a refusal.
 */
int	mediation_refusal(struct form *, const char *);
/* The options of a select from a slot's two text columns, "" first. */
struct form_option *mediation_options(struct web_req *, int, int, int,
	    const char *, size_t *);
/* The Markdown of body as safe HTML, in the arena. */
const char *mediation_html(struct web_req *, const char *);
/* Step 0 of the proposal's pages: its id checked, Q_PROPOSAL and the rest. */
int	mediation_proposal_ask(struct web_req *, struct mediation *);
/* page_begin, crumbs and the heading: the proposal (Q_PROPOSAL), its theme. */
void	mediation_proposal_head(struct web_req *, const char *);
/* "Vous n'êtes rattaché·e à aucun EPN" when Q_EPNS is empty; 1 then. */
int	mediation_no_epn(struct web_req *);

#endif
