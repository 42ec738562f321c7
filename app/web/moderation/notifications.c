/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * An author's notifications (/compte/notifications): the moderators'
 * decisions on their contributions, newest first, with the rule and the
 * note; reading the page marks them read.
 */

#include "../../core/vocab.h"
#include "../../db/moderation.h"
#include "../shared/ui.h"

int	notifications_show(struct web_req *);

enum { Q_NOTES };

/* What happened to the contribution, after "Votre contribution « … »". */
static const char *
decision_sentence(const char *code)
{
	switch (vocab_find(vocab_decision, DEC__MAX, code)) {
	case DEC_PUBLISH:
		return ("a été publiée");
	case DEC_RESTORE:
		return ("a été rétablie");
	case DEC_HIDE:
		return ("a été masquée : elle ne reste visible que pour vous");
	case DEC_REJECT:
		return ("a été refusée");
	}
	return ("");
}

static void
write_notification(struct web_req *w, int i)
{
	html_raw(H, "<li>");
	if (web_bool(w, Q_NOTES, i, NF_UNREAD))
		html_raw(H, "<strong>Nouveau</strong> — ");
	html_text(H, web_text(w, Q_NOTES, i, NF_DATE));
	html_raw(H, " — Votre contribution « ");
	html_text(H, web_text(w, Q_NOTES, i, NF_TITLE));
	html_raw(H, " » ");
	html_text(H, decision_sentence(web_text(w, Q_NOTES, i, NF_DECISION)));
	html_raw(H, ".");
	if (!web_null(w, Q_NOTES, i, NF_RULE)) {
		html_raw(H, " Règle de la charte : <a href=\"" UI_CHARTER
		    "#regles\">");
		html_text(H, web_text(w, Q_NOTES, i, NF_RULE));
		html_raw(H, " — ");
		html_text(H, web_text(w, Q_NOTES, i, NF_RULE_TITLE));
		html_raw(H, "</a>.");
	}
	if (!web_null(w, Q_NOTES, i, NF_NOTE)) {
		html_raw(H, " Note du modérateur : ");
		html_text(H, web_text(w, Q_NOTES, i, NF_NOTE));
	}
	html_raw(H, "</li>\n");
}

/* GET /compte/notifications (signed in): decisions on my contributions. */
int
notifications_show(struct web_req *w)
{
	static const struct ui_crumb	account[] = {
		{ UI_ACCOUNT, "Mon compte" } };
	int				i;

	if (w->step == 0)
		return (web_query(w, Q_NOTES, &sql_notifications,
		    DB_INT(w->sess.user_id)));
	page_begin(w, "Mes notifications");
	ui_crumbs(w, account, 1, "Notifications");
	html_raw(H, "<h1>Mes notifications</h1>\n");
	if (web_rows(w, Q_NOTES) == 0)
		html_raw(H, "<p>Aucune notification : les décisions de "
		    "modération sur vos contributions apparaîtront ici.</p>\n");
	else {
		html_raw(H, "<ul class=\"notifications\">\n");
		for (i = 0; i < web_rows(w, Q_NOTES); i++)
			write_notification(w, i);
		html_raw(H, "</ul>\n");
	}
	page_end(w);
	return (web_send(w, 200));
}
