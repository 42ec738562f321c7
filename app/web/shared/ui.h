/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * What every page shares, in one place (cgit's ui-shared.c): the public
 * addresses of Agora's resources, breadcrumbs, pagination and counts.
 *
 * Addresses are strings of the request's arena, their parts URL-encoded:
 * write them into an attribute with html_text(), use them as a form's
 * action or a redirect as they are. Every one of Agora's public URLs
 * (shared/guides/architecture.md) is spelled here and nowhere else.
 */

#ifndef AGORA_WEB_SHARED_UI_H
#define AGORA_WEB_SHARED_UI_H

#include "../../core/addresses.h"
#include "../kernel/web.h"

/* An arena copy of s, URL-encoded (html_url_arg's rule): a path or query part. */
const char	*ui_url_part(struct web_req *, const char *);
/* /propositions/<id>, and /propositions/<id>/<part> ("vote", "reponse"). */
const char	*ui_proposal(struct web_req *, long long);
const char	*ui_proposal_part(struct web_req *, long long, const char *);
/* /propositions/<id>?tri=<sort>#arguments: the debate in one order. */
const char	*ui_proposal_arguments(struct web_req *, long long,
		    const char *);
/*
 * A contribution in its thread, on the page that holds it:
 * /propositions/<proposal>?voir=<id>#c<id> (thread_pages.c).
 */
const char	*ui_contribution(struct web_req *, long long, long long);
/* /contributions/<id>/<part> ("signaler"), /arguments/<id>/<part>. */
const char	*ui_contribution_part(struct web_req *, long long,
		    const char *);
const char	*ui_argument_part(struct web_req *, long long, const char *);
/*
 * A theme, its proposal form and its report: /themes/<t>, /rapports/<t>
 * for the primary consultation (consultation NULL), else
 * /consultations/<c>/themes/<t> and /consultations/<c>/rapports/<t>.
 */
const char	*ui_theme(struct web_req *, const char *, const char *);
const char	*ui_theme_propose(struct web_req *, const char *);
/* /themes/<t>/formulaire: its printable paper form (issue 12, item 5). */
const char	*ui_theme_paper(struct web_req *, const char *);
const char	*ui_report(struct web_req *, const char *, const char *);
/*
 * A referral of the council: its members' work, /conseil/saisines/<id>,
 * and its public opinion, /conseil/avis/<id> (or .../<part>).
 */
const char	*ui_council_work(struct web_req *, long long, const char *);
const char	*ui_council_opinion(struct web_req *, long long, const char *);
/* A theme's synthesis: /syntheses/<slug>, or /syntheses/<slug>/<part>. */
const char	*ui_synthesis(struct web_req *, const char *, const char *);
/*
 * A theme's listing searched for q: ui_theme()?q=<q> (the recurring terms
 * of a report link there).
 */
const char	*ui_theme_search(struct web_req *, const char *, const char *,
		    const char *);
/*
 * The site-wide search for q, in order sort ("pertinence", "date"), page n
 * (UI_SEARCH?q=...&tri=...&page=n; page 1 and the default order left out).
 */
const char	*ui_search(struct web_req *, const char *, const char *,
		    long long);
/* One theme's open-data file: /export/themes/<slug>.<ext> ("csv", "json"). */
const char	*ui_export_theme(struct web_req *, const char *, const char *);
/* /export/sujets/<consultation>/<theme>.csv: a theme's topics (issue 16). */
const char	*ui_export_topics(struct web_req *, const char *, const char *);
/* /consultations/<slug>. */
const char	*ui_consultation(struct web_req *, const char *);
/* /moderation/<id>. */
const char	*ui_moderation_item(struct web_req *, long long);
/*
 * Page n of the moderation queue with its filters (theme slug, reason,
 * status; "" when not set): /moderation/?theme=&motif=&statut=&page=<n>.
 */
const char	*ui_moderation_queue(struct web_req *, const char *,
		    const char *, const char *, long long);


/* /admin/roles?q=<q>&page=<n>: q "" and page 1 are left out. */
const char	*ui_admin_roles(struct web_req *, const char *, long long);

/*
 * The EPN directory (issue 12): the public page, the tour's iCalendar
 * feed, the administrators' list; /admin/epn/<id>, and
 * /admin/epn/<id>/etapes (its tour's stops).
 */
#define UI_EPN_DIRECTORY	"/participer-pres-de-chez-vous"
#define UI_EPN_TOUR_FEED	"/participer-pres-de-chez-vous/tournee.ics"
#define UI_ADMIN_EPN		"/admin/epn"
const char	*ui_admin_epn(struct web_req *, long long);
const char	*ui_admin_epn_stops(struct web_req *, long long);
/* An EPN's mediators (POST), and the mediators' pages (issue 12). */
const char	*ui_admin_epn_mediators(struct web_req *, long long);
#define UI_MEDIATION		"/mediation/"
#define UI_MEDIATION_FIND	"/mediation/proposition"
const char	*ui_mediation_proposal(struct web_req *, long long);
/* The batch entry of paper sheets; ?derniere=<code> after one is saved. */
#define UI_MEDIATION_PAPER	"/mediation/saisie-papier"
const char	*ui_mediation_paper_after(struct web_req *, const char *);

/*
 * /connexion and /inscription taking the person back to back once signed
 * in (issue 13, item 2): ?retour=<back>, left out when back is NULL or not
 * a path of this site (route_local_path).
 */
const char	*ui_signin(struct web_req *, const char *);
const char	*ui_signup(struct web_req *, const char *);

/* <a href="path">label</a>, both escaped. */
void		 ui_link(struct web_req *, const char *, const char *);

/*
 * Breadcrumbs: Accueil, then each step (path, label), then the page
 * itself (here, not a link). A step with a NULL path is skipped.
 */
struct ui_crumb {
	const char	*path;
	const char	*label;
};
void		 ui_crumbs(struct web_req *, const struct ui_crumb *, int,
		    const char *);

/*
 * "Page précédente · Page p sur last · Page suivante" for a listing:
 * href(w, arg, n) returns the address of page n. Nothing when last <= 1.
 */
void		 ui_pager(struct web_req *, const char *, long long, long long,
		    const char *(*)(struct web_req *, void *, long long),
		    void *);

/*
 * A number as pages show it, and "n thing" / "n things" (vocab_plural;
 * both words are literals of our own sources, written as they are).
 */
/*
 * French typography (issue 13, item 14): a no-break space before ":" and
 * inside « », a narrow one before ";", "!" and "?", and between the
 * thousands of a number ("12 345"). Interface text writes them as
 * characters or with these; test_french.py checks the sources.
 */
#define NBSP	"\xc2\xa0"		/* U+00A0 */
#define NNBSP	"\xe2\x80\xaf"	/* U+202F */

/* n in French: thousands apart by a narrow no-break space ("12 345"). */
const char	*ui_number_text(struct web_req *, long long);
void		 ui_number(struct web_req *, long long);
/*
 * " Inscrit au journal vérifiable (ligne n° N)." after a public act's
 * date: the row of the moderation log that records it (issue 16).
 */
void		 ui_log_line(struct web_req *, long long);
void		 ui_count(struct web_req *, long long, const char *,
		    const char *);

#endif
