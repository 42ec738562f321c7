/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * GET /moderation/messages[?page=N]: the messages sent to the moderation
 * team by the contact form (contact.c), newest first, for moderators and
 * administrators only (routes.def). Who wrote, where to reply, what it is
 * about, the message as typed (escaped, its line breaks kept). A link
 * typed by the visitor is followed only when it is a path of this site.
 */

#include <string.h>

#include "../../core/text.h"
#include "../../db/contact.h"
#include "../shared/ui.h"
#include "contact.h"

int	moderation_messages(struct web_req *);

enum { Q_LIST };

#define MESSAGES_PAGE	50
#define MESSAGES_PAGE_MAX	1000

struct messages_view {
	long long	page;
};

static const char *
messages_href(struct web_req *w, void *arg, long long n)
{
	(void)arg;
	return (web_printf(w, UI_MODERATION_MESSAGES "?page=%lld", n));
}

/* The message, escaped, each line break kept. */
static void
write_body(struct web_req *w, const char *s)
{
	const char	*nl;

	html_raw(H, "<p class=\"message-body\">");
	while ((nl = strchr(s, '\n')) != NULL) {
		html_text(H, web_printf(w, "%.*s", (int)(nl - s), s));
		html_raw(H, "<br>\n");
		s = nl + 1;
	}
	html_text(H, s);
	html_raw(H, "</p>\n");
}

static void
write_message(struct web_req *w, int r)
{
	const char	*link = web_text(w, Q_LIST, r, CL_LINK);
	const char	*sender = web_text(w, Q_LIST, r, CL_SENDER);
	const char	*reply = web_text(w, Q_LIST, r, CL_REPLY);

	html_rawf(H, "<li id=\"m%lld\">\n<h2>", web_int(w, Q_LIST, r, CL_ID));
	html_text(H, contact_subject_label(web_text(w, Q_LIST, r,
	    CL_SUBJECT)));
	html_raw(H, "</h2>\n<p class=\"meta\">Le ");
	html_text(H, web_text(w, Q_LIST, r, CL_DATE));
	html_raw(H, ", par ");
	html_text(H, *sender != '\0' ? sender : "une personne sans compte");
	if (*reply != '\0') {
		html_raw(H, ". Répondre à <a href=\"mailto:");
		html_text(H, reply);
		html_raw(H, "\">");
		html_text(H, reply);
		html_raw(H, "</a>");
	}
	html_raw(H, ".</p>\n");
	if (*link != '\0') {
		html_raw(H, "<p>Contribution concernée" NBSP ": ");
		if (link[0] == '/' && link[1] != '/')
			ui_link(w, link, link);
		else
			html_text(H, link);	/* not followed: typed by anyone */
		html_raw(H, "</p>\n");
	}
	write_body(w, web_text(w, Q_LIST, r, CL_BODY));
	html_raw(H, "</li>\n");
}

static int
messages_render(struct web_req *w, struct messages_view *v)
{
	const struct ui_crumb	queue[] = { { UI_MODERATION, "Modération" } };
	long long		total = 0;
	int			r, n = web_rows(w, Q_LIST);

	if (n > 0)
		total = web_int(w, Q_LIST, 0, CL_TOTAL);
	page_begin(w, "Messages à la modération");
	ui_crumbs(w, queue, 1, "Messages");
	html_raw(H, "<h1>Messages à la modération</h1>\n<p class=\"lead\">Les "
	    "messages envoyés par le <a href=\"" UI_CONTACT_MODERATION "\">"
	    "formulaire de contact</a>, du plus récent au plus ancien. Ils ne "
	    "sont jamais publiés et sont effacés à la fin de leur durée de "
	    "conservation.</p>\n");
	if (n == 0)
		html_raw(H, "<p>Aucun message pour l'instant.</p>\n");
	else {
		html_raw(H, "<p>");
		ui_count(w, total, "message", "messages");
		html_raw(H, ".</p>\n<ol class=\"messages\">\n");
		for (r = 0; r < n; r++)
			write_message(w, r);
		html_raw(H, "</ol>\n");
	}
	ui_pager(w, "Pages des messages", v->page, (total + MESSAGES_PAGE - 1) /
	    MESSAGES_PAGE, messages_href, v);
	page_end(w);
	return (web_send(w, 200));
}

/* GET /moderation/messages: moderators and administrators (routes.def). */
int
moderation_messages(struct web_req *w)
{
	struct messages_view	*v = web_state(w, sizeof(*v));
	const char		*s;

	if (w->step > 0)
		return (messages_render(w, v));
	v->page = 1;
	if ((s = web_arg(w, "page")) != NULL && (!text_parse_id(s, &v->page) ||
	    v->page > MESSAGES_PAGE_MAX))
		return (web_error(w, 400, "Cette page des messages n'existe "
		    "pas."));
	return (web_query(w, Q_LIST, &sql_contact_list, DB_INT(MESSAGES_PAGE),
	    DB_INT((v->page - 1) * MESSAGES_PAGE)));
}
