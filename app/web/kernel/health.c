/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "../../db/health.h"
#include "web.h"

int	health_show(struct web_req *);

enum { Q_HEALTH, Q__MAX };

/* GET /healthz: 200 "ok" when kore and PostgreSQL answer, else 503. */
int
health_show(struct web_req *w)
{
	if (w->step == 0)
		return (web_query(w, Q_HEALTH, &sql_health));
	if (web_rows(w, Q_HEALTH) != 1)
		return (web_error(w, 503, NULL));
	kore_buf_append(w->body, "ok\n", 3);
	http_response_header(w->req, "cache-control", "no-store");
	return (web_send_type(w, 200, "text/plain; charset=utf-8"));
}
