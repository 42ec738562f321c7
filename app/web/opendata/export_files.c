/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Open data files: /export/contributions.csv|json hold every published
 * contribution of every consultation (with a consultation column),
 * /export/themes/<slug>.csv|json those of one theme of the primary
 * consultation (exports.c documents them at /export/).
 *
 * The file is built by a kore task (a thread with its own synchronous
 * connection) with export_run(), the very function `agora export` uses: the
 * worker's event loop keeps serving other requests while the file is
 * written, and the web and the CLI share every line of the export code.
 * Kore 4.1 has no chunked responses, so the whole file is built before it
 * is sent: in an unnamed file, else in memory (export_sink.c).
 */

#include <stdio.h>
#include <string.h>

#include "../../core/text.h"
#include "../../db/export_run.h"
#include "../../db/exports.h"
#include "../kernel/app.h"
#include "../kernel/replica.h"
#include "../kernel/web.h"
#include "../shared/ui.h"
#include "export_sink.h"

int	exports_file(struct web_req *);

/* What the steps of exports_file share (web_state). */
struct export_req {
	const char	*slug;		/* theme, NULL for all */
	int		 json;		/* 1: JSON, 0: CSV */
	int		 started;	/* the task runs, or has answered */
};

/*
 * Kore task (a thread of the worker): builds the whole file with its own
 * synchronous connection, through export_run() like `agora export`, so a
 * large export neither blocks the worker's event loop nor goes through one
 * huge async result, into an export sink (export_sink.c). Answers what the
 * handler passes to export_sink_send(), or "err".
 */
static int
export_task(struct kore_task *t)
{
	struct export_sink	 s;
	struct html_out		 o = { export_sink_write, &s };
	PGconn			*db;
	char			 in[81], msg[64], err[512];
	const char		*theme;
	u_int32_t		 len;
	long			 n = -1;

	len = kore_task_channel_read(t, in, sizeof(in) - 1);
	in[len < sizeof(in) ? len : sizeof(in) - 1] = '\0';
	theme = in[2] != '\0' ? in + 2 : NULL;
	export_sink_open(&s);
	db = PQconnectdb(replica_dsn(in[1] == 'r'));
	if (PQstatus(db) != CONNECTION_OK && in[1] == 'r') {
		PQfinish(db);		/* the replica is down: the primary */
		db = PQconnectdb(replica_dsn(0));
	}
	if (PQstatus(db) == CONNECTION_OK)
		n = export_run(db, theme, in[0] == 'j', app.secret,
		    app.secret_len, &o, NULL, err, sizeof(err));
	else
		snprintf(err, sizeof(err), "%s", PQerrorMessage(db));
	PQfinish(db);
	/* The visitor gets a French 503; the log says why. */
	if (n < 0)
		kore_log(LOG_ERR, "export %s: %s", in, err);
	export_sink_close(&s, n >= 0, msg, sizeof(msg));
	kore_task_channel_write(t, msg, strlen(msg) + 1);
	return (KORE_RESULT_OK);
}

/* The export's task, with what it reads: "j:slug" or "c:" (JSON, CSV). */
static int
export_start(struct web_req *w, struct export_req *x)
{
	const char	*in = web_printf(w, "%c%c%s", x->json ? 'j' : 'c',
			    w->replica ? 'r' : ':', x->slug ? x->slug : "");

	x->started = 1;
	return (web_task_start(w, export_task, in, strlen(in) + 1));
}

enum { XF_THEME, XF__MAX };

/*
 * Step 0 of exports_file: which file (the name, its extension), then, for
 * a theme, whether there is one by that name.
 */
static int
export_which(struct web_req *w, struct export_req *x)
{
	const char	*file, *dot;
	char		*slug;

	file = w->args[0] != NULL ? w->args[0] : strrchr(w->req->path,
	    '/') + 1;
	if ((dot = strrchr(file, '.')) == NULL)
		return (web_error(w, 404, NULL));
	if (strcmp(dot, ".json") == 0)
		x->json = 1;
	else if (strcmp(dot, ".csv") != 0)
		return (web_error(w, 404, NULL));
	if (w->args[0] == NULL)
		return (export_start(w, x));
	slug = web_strdup(w, file);
	slug[dot - file] = '\0';
	if (!text_slug_valid(slug))
		return (web_error(w, 404, NULL));
	x->slug = slug;
	return (web_query(w, XF_THEME, &sql_export_theme, DB_TEXT(slug)));
}

/*
 * GET /export/contributions.(csv|json) and /export/themes/:file where file
 * is <slug>.(csv|json). Raises 404 for another name or an unknown theme,
 * 503 when the export fails.
 */
int
exports_file(struct web_req *w)
{
	struct export_req	*x = web_state(w, sizeof(*x));
	const char		*name = x->slug ? x->slug : "contributions";

	if (w->step == 0)
		return (export_which(w, x));
	if (!x->started) {
		if (web_rows(w, XF_THEME) != 1)
			return (web_error(w, 404, NULL));
		return (export_start(w, x));
	}
	if (strcmp(w->task_out, "err") == 0)
		return (web_error(w, 503, NULL));
	web_headers(w->req, x->json ? "application/json; charset=utf-8" :
	    "text/csv; charset=utf-8");
	http_response_header(w->req, "content-disposition", web_printf(w,
	    "inline; filename=\"%s.%s\"", name, x->json ? "json" : "csv"));
	http_response_header(w->req, "access-control-allow-origin", "*");
	if (export_sink_send(w->req, w->task_out) == -1)
		return (web_error(w, 503, NULL));
	return (WEB_DONE);
}
