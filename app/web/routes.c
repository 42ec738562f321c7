/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The routing and authorisation table: every URL the application answers,
 * the methods it takes, and who may use it. The dispatcher checks the allow
 * mask before any handler runs; handlers only check ownership (is this my
 * contribution?). The first matching pattern wins.
 */

#include "web.h"

int	assets_serve(struct web_req *);
int	health_show(struct web_req *);
int	home_show(struct web_req *);
int	pages_show(struct web_req *);
int	themes_show(struct web_req *);
/* Participation (theme_page.c, proposal_*.c, participation_post.c). */
int	proposal_create(struct web_req *);
int	proposal_show(struct web_req *);
int	proposal_edit(struct web_req *);
int	vote_post(struct web_req *);
int	argument_post(struct web_req *);
int	comment_post(struct web_req *);
int	useful_post(struct web_req *);

const struct route routes[] = {
	/* pattern		methods		allow		handler */
	{ "/",			METHOD_GET,	ALLOW_ALL,	home_show },
	{ "/themes/:slug",	METHOD_GET,	ALLOW_ALL,	themes_show },
	/* Participation: proposals, arguments, comments, votes. */
	{ "/themes/:slug/proposer", METHOD_GET | METHOD_POST, ALLOW_VERIFIED,
	    proposal_create },
	{ "/propositions/:id",	METHOD_GET,	ALLOW_ALL,	proposal_show },
	{ "/propositions/:id/modifier", METHOD_GET | METHOD_POST,
	    ALLOW_VERIFIED,	proposal_edit },
	{ "/propositions/:id/vote", METHOD_POST, ALLOW_VERIFIED, vote_post },
	{ "/propositions/:id/arguments", METHOD_POST, ALLOW_VERIFIED,
	    argument_post },
	{ "/propositions/:id/commentaires", METHOD_POST, ALLOW_VERIFIED,
	    comment_post },
	{ "/arguments/:id/utile", METHOD_POST, ALLOW_VERIFIED, useful_post },
	/* End of participation. */
	{ "/charte",		METHOD_GET,	ALLOW_ALL,	pages_show },
	{ "/confidentialite",	METHOD_GET,	ALLOW_ALL,	pages_show },
	{ "/accessibilite",	METHOD_GET,	ALLOW_ALL,	pages_show },
	{ "/healthz",		METHOD_GET,	ALLOW_ALL,	health_show },
	{ "/static/:file",	METHOD_GET,	ALLOW_ALL,	assets_serve },
};

const size_t nroutes = sizeof(routes) / sizeof(routes[0]);
