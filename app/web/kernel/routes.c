/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The routing and authorisation table: every URL the application answers,
 * the methods it takes, and who may use it. The rows live in routes.def,
 * which `agora routes` prints from the same source. The dispatcher checks
 * the allow mask before any handler runs; handlers only check ownership (is
 * this my contribution?). The first matching pattern wins.
 */

#include "web.h"

/* One declaration per row (repeated handlers redeclare harmlessly). */
#define ROUTE(pattern, methods, allow, handler)	\
	int handler(struct web_req *);
#include "../../core/routes.def"
#undef ROUTE

const struct route routes[] = {
#define ROUTE(pattern, methods, allow, handler)	\
	{ pattern, methods, allow, handler },
#include "../../core/routes.def"
#undef ROUTE
};

const size_t nroutes = sizeof(routes) / sizeof(routes[0]);
