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
/* Open data, reports, official answers, API (issue 6). */
int	exports_index(struct web_req *);
int	exports_file(struct web_req *);
int	answers_form(struct web_req *);
int	answers_save(struct web_req *);
int	reports_index(struct web_req *);
int	reports_show(struct web_req *);
int	api_themes(struct web_req *);
int	api_contributions(struct web_req *);
int	api_report(struct web_req *);

const struct route routes[] = {
	/* pattern		methods		allow		handler */
	{ "/",			METHOD_GET,	ALLOW_ALL,	home_show },
	{ "/themes/:slug",	METHOD_GET,	ALLOW_ALL,	themes_show },
	{ "/charte",		METHOD_GET,	ALLOW_ALL,	pages_show },
	{ "/confidentialite",	METHOD_GET,	ALLOW_ALL,	pages_show },
	{ "/accessibilite",	METHOD_GET,	ALLOW_ALL,	pages_show },
	{ "/healthz",		METHOD_GET,	ALLOW_ALL,	health_show },
	{ "/static/:file",	METHOD_GET,	ALLOW_ALL,	assets_serve },
	/* Open data, reports, official answers, API (issue 6). */
	{ "/export/",		METHOD_GET,	ALLOW_ALL,	exports_index },
	{ "/export/contributions.csv", METHOD_GET, ALLOW_ALL,	exports_file },
	{ "/export/contributions.json", METHOD_GET, ALLOW_ALL,	exports_file },
	{ "/export/themes/:file", METHOD_GET,	ALLOW_ALL,	exports_file },
	{ "/propositions/:id/reponse", METHOD_GET, ROLE_OFFICIAL, answers_form },
	{ "/propositions/:id/reponse", METHOD_POST, ROLE_OFFICIAL, answers_save },
	{ "/rapports/",		METHOD_GET,	ALLOW_ALL,	reports_index },
	{ "/rapports/:slug",	METHOD_GET,	ALLOW_ALL,	reports_show },
	{ "/api/v1/themes",	METHOD_GET,	ALLOW_ALL,	api_themes },
	{ "/api/v1/contributions", METHOD_GET,	ALLOW_ALL,	api_contributions },
	{ "/api/v1/rapports/:slug", METHOD_GET,	ALLOW_ALL,	api_report },
};

const size_t nroutes = sizeof(routes) / sizeof(routes[0]);
