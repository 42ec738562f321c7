/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * A person's notifications (/compte/notifications), newest first: the
 * moderators' decisions on their contributions, with the rule and the
 * note, and (issue 13, item 8) replies to them, arguments on their
 * proposals, the Region's answers, and the activity of the proposals and
 * themes they follow, each linking to it; (issue 16) the syntheses of
 * the themes they follow and those citing them, and the council's
 * referrals, drafts and opinions. Reading the page marks them read.
 */

#include "../../core/settings.h"
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

/*
 * A notification of something that happened around the person: what, on
 * which proposal, linking to it (the new contribution in its thread).
 */
static void
write_activity(struct web_req *w, int i, int kind)
{
	long long	p = web_int(w, Q_NOTES, i, NF_PROPOSAL);
	long long	c = web_int(w, Q_NOTES, i, NF_CONTRIBUTION);

	html_text(H, vocab_notify_kind[kind].label);
	html_raw(H, kind == NK_THEME ? " : " : ", proposition ");
	html_raw(H, "« <a href=\"");
	html_text(H, c == p ? ui_proposal(w, p) : ui_contribution(w, p, c));
	html_raw(H, "\">");
	html_text(H, web_text(w, Q_NOTES, i, NF_PROPOSAL_TITLE));
	html_raw(H, "</a> ».</li>\n");
}

/*
 * A decision on the person's contribution, linking to it (issue 13, item
 * 5), and, when it was taken on their appeal, the appeal's outcome.
 */
static void
write_decision(struct web_req *w, int i)
{
	long long	p = web_int(w, Q_NOTES, i, NF_PROPOSAL);
	long long	c = web_int(w, Q_NOTES, i, NF_CONTRIBUTION);
	const char	*d = web_text(w, Q_NOTES, i, NF_DECISION);

	if (web_bool(w, Q_NOTES, i, NF_ON_APPEAL))
		html_raw(H, vocab_find(vocab_decision, DEC__MAX, d) ==
		    DEC_RESTORE ? " — Réexamen : la décision est annulée." :
		    " — Réexamen : la décision est maintenue.");
	html_raw(H, " — Votre contribution « <a href=\"");
	html_text(H, c == p ? ui_proposal(w, p) : ui_contribution(w, p, c));
	html_raw(H, "\">");
	html_text(H, web_text(w, Q_NOTES, i, NF_TITLE));
	html_raw(H, "</a> » ");
	html_text(H, decision_sentence(d));
	html_raw(H, ".");
}

/* ", qui cite « <my contribution> »" of a synthesis or an opinion. */
static void
cited_contribution(struct web_req *w, int i)
{
	html_raw(H, ", qui cite « <a href=\"");
	html_text(H, ui_contribution(w, web_int(w, Q_NOTES, i, NF_PROPOSAL),
	    web_int(w, Q_NOTES, i, NF_CONTRIBUTION)));
	html_raw(H, "\">");
	html_text(H, web_text(w, Q_NOTES, i, NF_TITLE));
	html_raw(H, "</a> »");
}

/*
 * A notification of the syntheses and of the council (issue 16, item 4):
 * the theme's synthesis, the member's referral, the published opinion.
 */
static void
write_news(struct web_req *w, int i, int kind)
{
	long long	r = web_int(w, Q_NOTES, i, NF_REFERRAL);
	const char	*slug = web_text(w, Q_NOTES, i, NF_THEME_SLUG);

	html_text(H, vocab_notify_kind[kind].label);
	html_raw(H, " : ");
	switch (kind) {
	case NK_SYNTHESIS:
	case NK_CITED:
		html_raw(H, "synthèse du thème « <a href=\"");
		html_text(H, ui_synthesis(w, slug, NULL));
		html_raw(H, "\">");
		html_text(H, web_text(w, Q_NOTES, i, NF_THEME_TITLE));
		html_raw(H, "</a> »");
		if (kind == NK_CITED)
			cited_contribution(w, i);
		break;
	default:
		html_raw(H, "« <a href=\"");
		/* Members work on the referral; the others read the opinion. */
		html_text(H, kind == NK_DRAFT || kind == NK_REFERRAL ?
		    ui_council_work(w, r, NULL) :
		    ui_council_opinion(w, r, NULL));
		html_raw(H, "\">");
		html_text(H, web_text(w, Q_NOTES, i, NF_QUESTION));
		html_raw(H, "</a> »");
		if (kind == NK_CITED_OPINION)
			cited_contribution(w, i);
		if (kind == NK_OPINION) {
			html_raw(H, " (thème « ");
			html_text(H, web_text(w, Q_NOTES, i, NF_THEME_TITLE));
			html_raw(H, " »)");
		}
	}
	html_raw(H, ".</li>\n");
}

static void
write_notification(struct web_req *w, int i)
{
	int	kind = vocab_find(vocab_notify_kind, NK__MAX,
		    web_text(w, Q_NOTES, i, NF_KIND));

	html_raw(H, "<li>");
	if (web_bool(w, Q_NOTES, i, NF_UNREAD))
		html_raw(H, "<strong>Nouveau</strong> — ");
	html_text(H, web_text(w, Q_NOTES, i, NF_DATE));
	if (kind >= NK_SYNTHESIS) {
		html_raw(H, " — ");
		write_news(w, i, kind);
		return;
	}
	if (kind != NK_MODERATION) {
		html_raw(H, " — ");
		write_activity(w, i, kind < 0 ? NK_ACTIVITY : kind);
		return;
	}
	write_decision(w, i);
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
	if (web_bool(w, Q_NOTES, i, NF_APPEALABLE)) {
		html_raw(H, " <a href=\"");
		html_text(H, ui_contribution_part(w, web_int(w, Q_NOTES, i,
		    NF_CONTRIBUTION), "reexamen"));
		html_raw(H, "\">Demander un réexamen<span "
		    "class=\"visually-hidden\"> de la décision sur « ");
		html_text(H, web_text(w, Q_NOTES, i, NF_TITLE));
		html_raw(H, " »</span></a>");
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
		    DB_INT(w->sess.user_id),
		    DB_INT(settings_int(SET_APPEAL_DAYS))));
	w->sess.unread = 0;	/* this page has just read them */
	page_begin(w, "Mes notifications");
	ui_crumbs(w, account, 1, "Notifications");
	html_raw(H, "<h1>Mes notifications</h1>\n");
	if (web_rows(w, Q_NOTES) == 0)
		html_raw(H, "<p>Aucune notification : les réponses à vos "
		    "contributions, les décisions de modération et l'activité "
		    "de ce que vous suivez apparaîtront ici.</p>\n");
	else {
		html_raw(H, "<ul class=\"notifications\">\n");
		for (i = 0; i < web_rows(w, Q_NOTES); i++)
			write_notification(w, i);
		html_raw(H, "</ul>\n");
	}
	html_raw(H, "<p><a href=\"" UI_ACCOUNT_MAIL_PREFS "\">Choisir les "
	    "notifications que je reçois par courriel</a></p>\n");
	page_end(w);
	return (web_send(w, 200));
}
