/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * One item of the moderation queue (/moderation/<id>) and its decision.
 * The page's seven queries depend on the id alone: they go together. A
 * decision carries the status and version the moderator saw; the database
 * applies it only if they are still current, so two moderators deciding
 * at once never overwrite each other (the second gets 409).
 */

#include <string.h>

#include "../../core/addresses.h"
#include "../../core/mail_texts.h"
#include "../../core/modlog.h"
#include "../../core/refusal.h"
#include "../../core/settings.h"
#include "../../core/text.h"
#include "../../core/vocab.h"
#include "../../db/appeals.h"
#include "../../db/moderation.h"
#include "../kernel/app.h"
#include "../shared/ui.h"
#include "decision.h"
#include "moderation.h"

int	moderation_item(struct web_req *);

#define NOTE_MAX	1000

/* Step 0: the id, then everything the page shows. */
static int
item_ask(struct web_req *w, struct decision_view *v)
{
	const char	*page = web_arg(w, "page");

	form_init(&v->f, w);
	v->decision = v->rule = v->note = "";
	if (!text_parse_id(w->args[0], &v->id))
		return (web_error(w, 404, NULL));
	v->vpage = 1;
	if (page != NULL && (!text_parse_id(page, &v->vpage) ||
	    v->vpage > 100000))
		return (web_error(w, 400, "La page demandée (paramètre "
		    "« page ») n'est pas un nombre entier positif."));
	web_query(w, Q_ITEM, &sql_item, DB_INT(v->id));
	web_query(w, Q_FLAGS, &sql_item_flags, DB_INT(v->id));
	web_query(w, Q_HISTORY, &sql_item_history, DB_INT(v->id));
	web_query(w, Q_RULES, &sql_charter_rules);
	web_query(w, Q_LOG, &sql_item_log, DB_INT(v->id));
	web_query(w, Q_SIMILAR, &sql_item_similar, DB_INT(v->id));
	web_query(w, Q_APPEAL, &sql_item_appeal, DB_INT(v->id),
	    DB_INT(w->sess.user_id));
	return (web_query(w, Q_VERSIONS, &sql_item_versions, DB_INT(v->id),
	    DB_INT((v->vpage - 1) * VERSIONS_PAGE), DB_INT(VERSIONS_PAGE)));
}

/*
 * The status and version the form was written for; 0, or -1 when the
 * form does not carry them (it was not written by this page).
 */
static int
item_seen(struct web_req *w, const char **seen, long long *version)
{
	const char	*s = web_arg(w, "version");

	*seen = web_arg(w, "statut_vu");
	*version = 0;
	if (*seen == NULL || s == NULL)
		return (-1);
	if (strcmp(s, "0") != 0 && (!text_parse_id(s, version) ||
	    *version > 2147483647LL))
		return (-1);
	return (0);
}

/* The decision's fields, checked; 0, or -1 with the errors in v->f. */
static int
item_fields(struct web_req *w, struct decision_view *v, const char **rule)
{
	struct form_option	 opts[DEC__MAX], *ropts;
	size_t			 nr;
	int			 d;

	for (d = 0; d < DEC__MAX; d++) {
		opts[d].value = vocab_decision[d].code;
		opts[d].label = decision_labels[d];
	}
	form_choice(&v->f, "decision", "Décision", opts, DEC__MAX, 1,
	    &v->decision);
	ropts = mod_rule_options(w, Q_RULES, "", &nr);
	form_choice(&v->f, "regle", "Règle de la charte", ropts + 1, nr - 1,
	    0, rule);
	d = vocab_find(vocab_decision, DEC__MAX, v->decision);
	if (**rule == '\0' && (d == DEC_HIDE || d == DEC_REJECT))
		form_error(&v->f, "regle", "Pour masquer ou refuser une "
		    "contribution, citez la règle de la charte qu'elle "
		    "enfreint.");
	form_text(&v->f, "note", "Note à l'auteur", 0, NOTE_MAX, 1, &v->note);
	if (v->f.nerrors == 0)
		return (0);
	v->rule = web_arg(w, "regle") ? web_arg(w, "regle") : "";
	return (-1);
}

/*
 * The author's e-mail (mail_texts.def, MT_MODERATION, or MT_APPEAL_DECIDED
 * for an item under appeal: restoring reverses it) with the decision and
 * the links filled in; moderation_decide() fills the rest.
 */
static void
decision_mail(struct web_req *w, const char *decision, char **subject,
    char **body)
{
	static const enum mail_part_id	 word[DEC__MAX] = {
		[DEC_PUBLISH] = MP_DECIDED_PUBLISH,
		[DEC_HIDE] = MP_DECIDED_HIDE,
		[DEC_REJECT] = MP_DECIDED_REJECT,
		[DEC_RESTORE] = MP_DECIDED_RESTORE,
	};
	struct mail_var	 v[] = {
		{ "decision", NULL },
		{ "outcome", NULL },
		{ "notifications_link", NULL },
		{ "charter_link", NULL },
	};
	const char	*base = settings_text(SET_BASE_URL);
	int		 d = vocab_find(vocab_decision, DEC__MAX, decision);

	/* d was checked by item_fields(); moderation_decide() refuses others. */
	enum mail_text_id	 t = web_rows(w, Q_APPEAL) == 1 ?
				    MT_APPEAL_DECIDED : MT_MODERATION;

	v[0].value = mail_part(word[d < 0 ? DEC_REJECT : d]);
	v[1].value = mail_part(d == DEC_RESTORE ? MP_APPEAL_REVERSED :
	    MP_APPEAL_UPHELD);
	v[2].value = web_printf(w, "%s" UI_ACCOUNT_NOTIFICATIONS, base);
	v[3].value = web_printf(w, "%s" UI_CHARTER, base);
	*subject = web_mail_fill(w, mail_text_subject(t), v, 4);
	*body = web_mail_fill(w, mail_text_body(t), v, 4);
}

/* Step 1: the page, or the decision checked then sent. */
static int
item_check(struct web_req *w, struct decision_view *v)
{
	const char	*seen, *rule;
	char		 ref[13], mac[65], *subject, *body;
	long long	 version;

	if (web_rows(w, Q_ITEM) != 1)
		return (web_error(w, 404, "Cette contribution n'existe pas."));
	if (v->vpage > 1 && web_rows(w, Q_VERSIONS) == 0)
		return (web_error(w, 404, "Cette page des versions précédentes "
		    "n'existe pas."));
	if (w->req->method != HTTP_METHOD_POST)
		return (decision_page(w, v, 200));
	if (decision_appeal_own(w))
		return (web_error(w, 403, refusal_find(refusal_decide,
		    refusal_decide_n, "appeal_own")->msg));
	if (item_seen(w, &seen, &version) == -1)
		return (web_error(w, 400, "Le formulaire de décision est "
		    "incomplet : rechargez la page."));
	if (item_fields(w, v, &rule) == -1)
		return (decision_page(w, v, 422));
	/*
	 * The log chains the moderator's pseudonym and a commitment to the
	 * note, both keyed with the server's secret, which the database
	 * never sees (migration 0140).
	 */
	modlog_pseudonym(app.secret, app.secret_len, w->sess.user_id, ref);
	if (*v->note != '\0')
		modlog_note_mac(app.secret, app.secret_len, v->note, mac);
	decision_mail(w, v->decision, &subject, &body);
	return (web_query(w, Q_DECIDE, &sql_decide, DB_INT(v->id),
	    DB_INT(w->sess.user_id), DB_TEXT(ref), DB_TEXT(v->decision),
	    DB_TEXT(seen), DB_INT(version), DB_TEXT(*rule ? rule : NULL),
	    DB_TEXT(*v->note ? v->note : NULL),
	    DB_TEXT(*v->note ? mac : NULL), DB_TEXT(subject), DB_TEXT(body),
	    DB_TEXT(mail_part(MP_MODERATION_RULE_LINE)),
	    DB_TEXT(mail_part(MP_MODERATION_NOTE_LINE))));
}

/*
 * Step 2: what moderation_decide() said: a refusal's page (its code and
 * message: app/core/refusal.c), or, for a decision this status does not
 * allow, the form again as it was sent with the message at the field.
 */
static int
item_done(struct web_req *w, struct decision_view *v)
{
	const char		*r = web_text(w, Q_DECIDE, 0, DECIDE_RESULT);
	const struct refusal	*no;
	const char		*s;

	if (strcmp(r, "ok") == 0) {
		web_flash(w, "moderation_done");
		return (web_redirect(w, UI_MODERATION));
	}
	no = refusal_find(refusal_decide, refusal_decide_n, r);
	if (no != NULL && no->status != 422)
		return (web_error(w, no->status, no->msg));
	v->decision = (s = web_arg(w, "decision")) ? s : "";
	v->rule = (s = web_arg(w, "regle")) ? s : "";
	v->note = (s = web_arg(w, "note")) ? s : "";
	if (no == NULL)
		no = refusal_find(refusal_decide, refusal_decide_n, "invalid");
	form_error(&v->f, "decision", no->msg);
	return (decision_page(w, v, 422));
}

/*
 * GET and POST /moderation/:id (moderators, admins). Raises 404 for an
 * unknown contribution, 400 for a form that does not carry what it was
 * written for, 422 for an invalid decision, 409 when another moderator
 * decided first.
 */
int
moderation_item(struct web_req *w)
{
	struct decision_view	*v = web_state(w, sizeof(*v));

	switch (w->step) {
	case 0:
		return (item_ask(w, v));
	case 1:
		return (item_check(w, v));
	}
	return (item_done(w, v));
}
