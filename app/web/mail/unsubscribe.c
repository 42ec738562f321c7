/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * One-click unsubscribe (RFC 8058), the address of every notification
 * mail's List-Unsubscribe header: /desabonnement/<token>, the token signed
 * for one person and one kind of mail (app/core/unsubscribe.h).
 *   GET: a confirmation page with a form (a link opened by a mail
 *   scanner or a preview changes nothing);
 *   POST: the kind's mails stop (mode none), with no session and no CSRF
 *   token: a mail client posts "List-Unsubscribe=One-Click" without
 *   cookies. The dispatcher exempts this one handler from its CSRF check
 *   (dispatch.c): the unguessable, person- and kind-scoped token is what
 *   proves the request comes from the mail, and all it can do is stop
 *   mails. A malformed or forged token gets a 404 and changes nothing.
 */

#include "../../core/unsubscribe.h"
#include "../../core/vocab.h"
#include "../../db/notify.h"
#include "../kernel/app.h"
#include "../shared/ui.h"

int	unsubscribe_show(struct web_req *);
int	unsubscribe_submit(struct web_req *);

enum { Q_UNSUB };

struct unsub_state {
	long long	uid;
	char		kind[UNSUB_KIND_MAX];
};

/* What the mails of kind are, after "les courriels : ". */
static const char *
kind_label(const char *kind)
{
	int	k = vocab_find(vocab_notify_kind, NK__MAX, kind);

	if (k < 0)
		return ("le résumé quotidien de vos notifications");
	return (vocab_notify_kind[k].label);
}

static int
unsub_check(struct web_req *w, struct unsub_state *s)
{
	if (!unsub_parse(app.secret, app.secret_len, w->args[0], &s->uid,
	    s->kind))
		return (web_error(w, 404, "Ce lien de désabonnement n'est pas "
		    "valable. Vous pouvez choisir vos courriels depuis votre "
		    "compte, page « Mes courriels de notification »."));
	return (0);
}

/* GET /desabonnement/:token: the confirmation and its form. */
int
unsubscribe_show(struct web_req *w)
{
	struct unsub_state	*s = web_state(w, sizeof(*s));

	if (unsub_check(w, s) != 0)
		return (WEB_DONE);
	page_begin(w, "Se désabonner");
	html_raw(H, "<h1>Se désabonner</h1>\n<p>Ne plus recevoir par courriel : "
	    "<strong>");
	html_text(H, kind_label(s->kind));
	html_raw(H, "</strong>. Les notifications resteront visibles sur "
	    "votre compte.</p>\n<form method=\"post\" "
	    "enctype=\"multipart/form-data\" action=\"");
	html_text(H, web_printf(w, UI_UNSUBSCRIBE "%s", ui_url_part(w,
	    w->args[0])));
	html_raw(H, "\">\n<p><button type=\"submit\">Me désabonner</button>"
	    "</p>\n</form>\n<p>Pour choisir sorte par sorte, <a href=\""
	    UI_ACCOUNT_MAIL_PREFS "\">connectez-vous et ouvrez « Mes courriels "
	    "de notification »</a>.</p>\n");
	page_end(w);
	return (web_send(w, 200));
}

/* POST /desabonnement/:token: stops the kind's mails. */
int
unsubscribe_submit(struct web_req *w)
{
	struct unsub_state	*s = web_state(w, sizeof(*s));

	if (w->step == 0) {
		if (unsub_check(w, s) != 0)
			return (WEB_DONE);
		return (web_query(w, Q_UNSUB, &sql_notify_unsubscribe,
		    DB_INT(s->uid), DB_TEXT(s->kind)));
	}
	if (!web_bool(w, Q_UNSUB, 0, NUN_FOUND))
		return (web_error(w, 404, "Ce compte n'existe plus : il ne "
		    "reçoit plus aucun courriel."));
	page_begin(w, "Désabonnement enregistré");
	html_raw(H, "<h1>Désabonnement enregistré</h1>\n<p role=\"status\">"
	    "Vous ne recevrez plus par courriel : <strong>");
	html_text(H, kind_label(s->kind));
	html_raw(H, "</strong>.</p>\n<p>Vous pouvez changer d'avis depuis "
	    "<a href=\"" UI_ACCOUNT_MAIL_PREFS "\">Mes courriels de "
	    "notification</a>.</p>\n");
	page_end(w);
	return (web_send(w, 200));
}
