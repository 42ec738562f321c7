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
/* Moderation (issue 5). */
int	admin_consultation(struct web_req *);
int	charter_show(struct web_req *);
int	flags_form(struct web_req *);
int	moderation_item(struct web_req *);
int	moderation_queue(struct web_req *);
int	notifications_show(struct web_req *);
int	transparency_show(struct web_req *);

const struct route routes[] = {
	/* pattern		methods		allow		handler */
	{ "/",			METHOD_GET,	ALLOW_ALL,	home_show },
	{ "/themes/:slug",	METHOD_GET,	ALLOW_ALL,	themes_show },
	{ "/confidentialite",	METHOD_GET,	ALLOW_ALL,	pages_show },
	{ "/accessibilite",	METHOD_GET,	ALLOW_ALL,	pages_show },
	{ "/healthz",		METHOD_GET,	ALLOW_ALL,	health_show },
	{ "/static/:file",	METHOD_GET,	ALLOW_ALL,	assets_serve },

	/* Moderation (issue 5): charter, flags, queue, log, transparency. */
	{ "/charte",		METHOD_GET,	ALLOW_ALL,	charter_show },
	{ "/contributions/:id/signaler", METHOD_GET | METHOD_POST,
	    ALLOW_VERIFIED,	flags_form },
	{ "/moderation/",	METHOD_GET,	ROLE_MODERATOR | ROLE_ADMIN,
	    moderation_queue },
	{ "/moderation/transparence", METHOD_GET, ALLOW_ALL,
	    transparency_show },
	{ "/moderation/:id",	METHOD_GET | METHOD_POST,
	    ROLE_MODERATOR | ROLE_ADMIN, moderation_item },
	{ "/compte/notifications", METHOD_GET, ALLOW_SIGNED_IN,
	    notifications_show },
	{ "/admin/consultation", METHOD_GET | METHOD_POST, ROLE_ADMIN,
	    admin_consultation },
};

const size_t nroutes = sizeof(routes) / sizeof(routes[0]);
