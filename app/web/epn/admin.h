/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The administrators' pages of the EPN directory (/admin/epn,
 * /admin/epn/<id>, /admin/epn/<id>/etapes): what the handlers of
 * admin_epn.c and admin_stops.c share, the fields read and checked, the
 * forms written again with what was typed (admin_form.c).
 */

#ifndef AGORA_WEB_EPN_ADMIN_H
#define AGORA_WEB_EPN_ADMIN_H

#include "../kernel/form.h"
#include "../kernel/web.h"

/* Every handler's slots, so the page writers read the same ones. */
enum { Q_LIST, Q_EPN, Q_STOPS, Q_TERRITORIES, Q_CHANGE, Q_MEDIATORS, Q__MAX };

/* An EPN as typed, or as stored. */
struct epn_fields {
	const char	*name, *commune, *territory, *address, *hours;
	int		 mobile, active;
};

/* A stop as typed. */
struct stop_fields {
	const char	*commune, *place, *day, *starts, *ends;
};

/* What the steps of one request share (web_state). */
struct epn_admin {
	struct form		f;	/* the EPN's form */
	struct form		sf;	/* the stop's form */
	struct form		mf;	/* the mediator's form */
	const char		*mediator;	/* the address typed there */
	long long		id;	/* the EPN, 0 on the list page */
	int			typed;	/* e holds what was posted */
	int			asked;	/* Q_CHANGE was queued */
	struct epn_fields	e;
	struct stop_fields	s;
};

/* Reads and checks the EPN's fields into e (errors in f): 1 if valid. */
int	epn_fields_read(struct form *, struct epn_fields *);
/* Reads and checks a stop's fields into s (errors in f): 1 if valid. */
int	stop_fields_read(struct form *, struct stop_fields *);
/* e from row 0 of Q_EPN. */
void	epn_fields_stored(struct web_req *, struct epn_fields *);
/*
 * The refusal a status of the statements (vocab_epn_result) puts at its
 * field: 0 when it is none of those (ok, not_found).
 */
int	epn_refusal(struct form *, int);

/* The EPN form: add (id 0) or edit. Needs Q_TERRITORIES. */
void	epn_form_write(struct web_req *, struct form *,
	    const struct epn_fields *, long long);
/*
 * GET /admin/epn/<id>'s page from Q_EPN, Q_STOPS and Q_TERRITORIES, with
 * v's forms (their errors, and what was typed): status 200 or 422.
 */
int	epn_edit_page(struct web_req *, struct epn_admin *, int);
/* The EPN's mediators and the form that attaches one (admin_mediators.c). */
void	epn_mediators_write(struct web_req *, struct epn_admin *);
/* Queues Q_EPN, Q_STOPS, Q_TERRITORIES and Q_MEDIATORS for v->id. */
int	epn_edit_gather(struct web_req *, struct epn_admin *);

#endif
