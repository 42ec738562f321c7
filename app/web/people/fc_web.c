/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * What the FranceConnect pages share: the refusal page, the redirect to
 * the provider, the flow's cookies, the button, and the sign-out through
 * the provider's end-session endpoint (with id_token_hint).
 */

#include <stdlib.h>
#include <string.h>

#include "../kernel/app.h"
#include "../kernel/form.h"
#include "../kernel/session.h"
#include "fc.h"

/*
 * The status of a refusal: the provider's fault (502, 504), or what came
 * back not acceptable (400).
 */
static int
refusal_status(enum oidc_err e)
{
	switch (e) {
	case OIDC_ERR_CONFIG:
	case OIDC_ERR_UNREACHABLE:
	case OIDC_ERR_HTTP:
	case OIDC_ERR_RESPONSE:
	case OIDC_ERR_DISCOVERY:
		return (502);
	case OIDC_ERR_TIMEOUT:
		return (504);
	default:
		return (400);
	}
}

int
fc_refuse(struct web_req *w, enum oidc_err e, const char *where)
{
	kore_log(LOG_NOTICE, "franceconnect %s: refused: %s", where,
	    oidc_err_code(e));
	return (web_error(w, refusal_status(e), oidc_err_message(e)));
}

int
fc_redirect_out(struct web_req *w, const char *url)
{
	if (url == NULL || strncmp(url, "http", 4) != 0 ||
	    strpbrk(url, "\r\n") != NULL)
		return (web_error(w, 500, NULL));
	web_headers(w->req, "text/html; charset=utf-8");
	http_response_header(w->req, "location", url);
	kore_buf_reset(w->body);
	if (w->tx) {
		w->deferred = 303;
		w->deferred_location = web_strdup(w, url);
	} else
		http_response(w->req, 303, NULL, 0);
	return (WEB_DONE);
}

void
fc_cookie(struct web_req *w, const char *name, const char *value,
    const char *path, long long max_age)
{
	char	*c;

	c = web_printf(w, "%s=%s; Path=%s; Max-Age=%lld; HttpOnly;"
	    " SameSite=Lax%s", name, value, path ? path : "/", max_age,
	    app.cookie_secure ? "; Secure" : "");
	http_response_header(w->req, "set-cookie", c);
}

const char *
fc_cookie_get(struct web_req *w, const char *name)
{
	char	*v;

	if (!http_request_cookie(w->req, name, &v) || *v == '\0')
		return (NULL);
	return (v);
}

/*
 * FranceConnect's button (its guidelines: the logo's blue, "S'identifier
 * avec" / "FranceConnect" on two lines, and the link "Qu'est-ce que
 * FranceConnect ?" under it, in a new window said so). A plain form, so
 * it works without JavaScript; linking is a POST with its CSRF token.
 */
void
fc_button(struct web_req *w, const char *action, int linking)
{
	if (!fc_enabled())
		return;
	html_raw(H, "<div class=\"fc-group\">\n");
	if (linking)
		form_begin(w, action, NULL);
	else {
		html_raw(H, "<form method=\"get\" action=\"");
		html_text(H, action);
		html_raw(H, "\">\n");
	}
	html_raw(H, "<button type=\"submit\" class=\"fc-button\">"
	    "<span class=\"fc-login\">");
	html_text(H, linking ? "Lier mon compte à" : "Se connecter avec");
	html_raw(H, "</span> <span class=\"fc-brand\">FranceConnect</span>"
	    "</button>\n</form>\n<p class=\"fc-about\"><a href=\""
	    "https://franceconnect.gouv.fr/\" target=\"_blank\" rel=\"noopener\""
	    ">Qu'est-ce que FranceConnect ?<span class=\"visually-hidden\"> "
	    "(nouvelle fenêtre)</span></a></p>\n</div>\n");
}

int
fc_signout_start(struct web_req *w)
{
	const char	*idt = fc_cookie_get(w, FC_IDT_COOKIE);
	struct fc_job	*j;

	if (idt == NULL || !fc_enabled() ||
	    (j = calloc(1, sizeof(*j))) == NULL)
		return (0);
	j->kind = FC_JOB_LOGOUT;
	if ((j->id_token_in = strdup(idt)) == NULL ||
	    oidc_request_new(&j->req) != OIDC_OK) {
		fc_job_free(j);
		return (0);
	}
	*(struct fc_job **)web_state(w, sizeof(j)) = j;
	fc_job_run(w, j);
	return (1);
}

int
fc_signout_redirect(struct web_req *w)
{
	struct fc_job	**jp = web_state(w, sizeof(*jp)), *j = *jp;
	int		  r;

	fc_cookie(w, FC_IDT_COOKIE, "", "/deconnexion", 0);
	if (j == NULL || j->err != OIDC_OK || j->url == NULL) {
		if (j != NULL && j->err != OIDC_OK)
			kore_log(LOG_NOTICE, "franceconnect signout: %s",
			    oidc_err_code(j->err));
		fc_job_free(j);
		*jp = NULL;
		return (web_redirect(w, "/"));
	}
	r = fc_redirect_out(w, j->url);
	fc_job_free(j);
	*jp = NULL;
	return (r);
}
