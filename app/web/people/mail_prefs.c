/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * /compte/courriels: which notifications come by e-mail, per kind: one
 * mail each time, in the daily digest, or none (the notification stays
 * on /compte/notifications). A moderation decision on one's own
 * contribution is always mailed. One statement saves the five choices.
 */

#include "../../core/vocab.h"
#include "../../db/notify.h"
#include "../kernel/form.h"
#include "../shared/ui.h"

int	mail_prefs(struct web_req *);

enum { Q_PREFS, Q_SAVE };

/* The kinds with a preference, their field, in sql_notify_prefs' order. */
static const struct {
	int		 kind;		/* NK_* */
	const char	*field;
} pref_fields[] = {
	{ NK_REPLY,	"courriels_reponse" },
	{ NK_ARGUMENT,	"courriels_argument" },
	{ NK_ANSWER,	"courriels_region" },
	{ NK_ACTIVITY,	"courriels_activite" },
	{ NK_THEME,	"courriels_theme" },
};
#define NPREFS	(sizeof(pref_fields) / sizeof(pref_fields[0]))

static const struct form_option modes[] = {
	{ "immediate",	"Un courriel à chaque fois" },
	{ "digest",	"Un résumé par jour" },
	{ "none",	"Aucun courriel" },
};

struct prefs_state {
	struct form	 f;
	const char	*mode[NPREFS];	/* chosen or stored */
};

static void
prefs_render_form(struct web_req *w, struct prefs_state *s)
{
	static const struct ui_crumb	account[] = {
		{ UI_ACCOUNT, "Mon compte" } };
	size_t				i;

	page_begin(w, "Mes courriels de notification");
	ui_crumbs(w, account, 1, "Courriels de notification");
	html_raw(H, "<h1>Mes courriels de notification</h1>\n<p>Chaque "
	    "notification apparaît sur la page <a href=\""
	    UI_ACCOUNT_NOTIFICATIONS "\">Mes notifications</a>. Choisissez, "
	    "pour chaque sorte, si elle vous est aussi envoyée par courriel. "
	    "Les décisions de modération sur vos contributions vous sont "
	    "toujours envoyées.</p>\n");
	form_summary(&s->f);
	form_begin(w, UI_ACCOUNT_MAIL_PREFS, "Courriels de notification");
	for (i = 0; i < NPREFS; i++)
		form_select(&s->f, pref_fields[i].field,
		    vocab_notify_kind[pref_fields[i].kind].label, modes,
		    sizeof(modes) / sizeof(modes[0]), s->mode[i], NULL, 1);
	form_end(w, "Enregistrer mes choix");
	page_end(w);
	return;
}

/* POST: every field one of the modes, else the form again (422). */
static int
prefs_save(struct web_req *w, struct prefs_state *s)
{
	size_t	i;
	int	ok = 1;

	for (i = 0; i < NPREFS; i++)
		if (!form_choice(&s->f, pref_fields[i].field,
		    vocab_notify_kind[pref_fields[i].kind].label, modes,
		    sizeof(modes) / sizeof(modes[0]), 1, &s->mode[i])) {
			s->mode[i] = web_arg(w, pref_fields[i].field);
			ok = 0;
		}
	if (!ok) {
		prefs_render_form(w, s);
		return (web_send(w, 422));
	}
	return (web_query(w, Q_SAVE, &sql_notify_prefs_save,
	    DB_INT(w->sess.user_id), DB_TEXT(s->mode[0]), DB_TEXT(s->mode[1]),
	    DB_TEXT(s->mode[2]), DB_TEXT(s->mode[3]), DB_TEXT(s->mode[4])));
}

/* GET and POST /compte/courriels (signed in). */
int
mail_prefs(struct web_req *w)
{
	struct prefs_state	*s = web_state(w, sizeof(*s));
	size_t			 i;

	if (w->step == 0) {
		form_init(&s->f, w);
		if (w->req->method == HTTP_METHOD_POST)
			return (prefs_save(w, s));
		return (web_query(w, Q_PREFS, &sql_notify_prefs,
		    DB_INT(w->sess.user_id)));
	}
	if (w->req->method == HTTP_METHOD_POST) {
		web_flash(w, "mail_prefs_saved");
		return (web_redirect(w, UI_ACCOUNT_MAIL_PREFS));
	}
	for (i = 0; i < NPREFS && (int)i < web_rows(w, Q_PREFS); i++)
		s->mode[i] = web_text(w, Q_PREFS, (int)i, NPR_MODE);
	prefs_render_form(w, s);
	return (web_send(w, 200));
}
