/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * /conseil/saisir: an official of the Region opens a referral
 * ("saisine"); a member of the council who is not an official opens one
 * on the council's own initiative ("auto-saisine"). A question, up to
 * three themes, the date the opinion is due (not in the past). The
 * members are told by e-mail in the same statement
 * (council_referral_open, functions/council.sql).
 */

#include <string.h>

#include "../../core/mail_texts.h"
#include "../../db/council.h"
#include "../kernel/app.h"
#include "../shared/ui.h"
#include "council.h"

int	council_open(struct web_req *);

#define THEMES_MAX	16

enum { Q_THEMES, Q_OPEN };

static const char *const theme_fields[] = { "theme1", "theme2", "theme3" };
static const char *const theme_labels[] = { "Thème concerné",
    "Deuxième thème (facultatif)", "Troisième thème (facultatif)" };

struct council_open {
	struct form	 f;
	const char	*question;
	const char	*due;
	const char	*themes[3];
	struct form_option opts[THEMES_MAX + 1];
	size_t		 nopts;		/* with the empty choice first */
};

static void
options_load(struct web_req *w, struct council_open *o)
{
	int	i;

	o->opts[0].value = "";
	o->opts[0].label = "— Aucun —";
	o->nopts = 1;
	for (i = 0; i < web_rows(w, Q_THEMES) && i < THEMES_MAX; i++) {
		o->opts[o->nopts].value = web_text(w, Q_THEMES, i, CT_SLUG);
		o->opts[o->nopts++].label = web_text(w, Q_THEMES, i, CT_TITLE);
	}
}

static int
open_page(struct web_req *w, struct council_open *o, int status)
{
	static const struct ui_crumb	up[] = {
		{ UI_COUNCIL, "Conseil numérique" } };
	int				i, official;

	official = (w->sess.roles & ROLE_OFFICIAL) != 0;
	page_begin(w, "Ouvrir une saisine du conseil numérique");
	ui_crumbs(w, up, 1, "Ouvrir une saisine");
	html_raw(H, "<h1>Ouvrir une saisine du conseil numérique</h1>\n<p>");
	html_raw(H, official ? "La Région saisit le conseil d'une question : "
	    "ses membres en sont prévenus par courriel et rédigent son avis."
	    : "Le conseil se saisit lui-même d'une question (auto-saisine) : "
	    "les autres membres en sont prévenus par courriel.");
	html_raw(H, "</p>\n");
	form_summary(&o->f);
	form_begin(w, UI_COUNCIL_OPEN, "Nouvelle saisine");
	form_textarea(&o->f, "question", "Question posée au conseil",
	    o->question, "2 000 caractères au plus.", 1, 5);
	for (i = 0; i < 3; i++)
		form_select(&o->f, theme_fields[i], theme_labels[i], i == 0 ?
		    o->opts + 1 : o->opts, i == 0 ? o->nopts - 1 : o->nopts,
		    o->themes[i], NULL, i == 0);
	form_input(&o->f, "echeance", "Date attendue de l'avis", "date",
	    o->due, "Au format AAAA-MM-JJ, aujourd'hui ou plus tard.", NULL,
	    1);
	form_end(w, "Ouvrir la saisine");
	page_end(w);
	return (web_send(w, status));
}

/* The fields; 1 when all are valid. */
static int
open_check(struct web_req *w, struct council_open *o)
{
	const char	*today = web_text(w, Q_THEMES, 0, CT_TODAY);
	int		 i;

	form_text(&o->f, "question", "Question posée au conseil", 1,
	    COUNCIL_QUESTION_MAX, 1, &o->question);
	for (i = 0; i < 3; i++)
		form_choice(&o->f, theme_fields[i], theme_labels[i],
		    o->opts + 1, o->nopts - 1, i == 0, &o->themes[i]);
	o->due = web_arg(w, "echeance");
	if (o->due == NULL || *o->due == '\0')
		form_error(&o->f, "echeance", "Indiquez la date attendue de "
		    "l'avis.");
	else if (!council_date_valid(o->due))
		form_error(&o->f, "echeance", "La date attendue de l'avis "
		    "n'est pas une date : écrivez-la AAAA-MM-JJ "
		    "(par exemple 2027-03-31).");
	else if (strcmp(o->due, today) < 0)
		form_error(&o->f, "echeance", "La date attendue de l'avis est "
		    "passée : choisissez aujourd'hui ou une date à venir.");
	return (o->f.nerrors == 0);
}

/* The theme slugs as a text[] literal (slugs are [a-z0-9-]). */
static const char *
themes_array(struct web_req *w, struct council_open *o)
{
	const char	*a = "{";
	int		 i, n = 0;

	for (i = 0; i < 3; i++)
		if (o->themes[i] != NULL && *o->themes[i] != '\0')
			a = web_printf(w, "%s%s%s", a, n++ ? "," : "",
			    o->themes[i]);
	return (web_printf(w, "%s}", a));
}

/*
 * GET and POST /conseil/saisir (officials and members). Raises 422 with
 * the form for invalid fields, 409 when the database refuses.
 */
int
council_open(struct web_req *w)
{
	struct council_open	*o = web_state(w, sizeof(*o));
	const char		*rid;

	if (w->step == 0)
		return (web_query(w, Q_THEMES, &sql_council_themes));
	if (w->step == 1) {
		form_init(&o->f, w);
		options_load(w, o);
		if (w->req->method != HTTP_METHOD_POST)
			return (open_page(w, o, 200));
		if (!open_check(w, o))
			return (open_page(w, o, 422));
		return (web_query(w, Q_OPEN, &sql_council_open,
		    DB_TEXT((w->sess.roles & ROLE_OFFICIAL) ? "saisine" :
		    "auto_saisine"), DB_TEXT(o->question), DB_TEXT(o->due),
		    DB_ID(w->sess.user_id), DB_TEXT(themes_array(w, o)),
		    DB_TEXT(app.base_url),
		    DB_TEXT(mail_text_subject(MT_COUNCIL_REFERRAL)),
		    DB_TEXT(mail_text_body(MT_COUNCIL_REFERRAL))));
	}
	if (web_null(w, Q_OPEN, 0, CW_RESULT))
		return (web_error(w, 409, "La saisine n'a pas pu être ouverte "
		    "(date passée ou thème inconnu). Rien n'a été enregistré."));
	rid = web_text(w, Q_OPEN, 0, CW_RESULT);
	web_flash(w, "council_opened");
	return (web_redirect(w, web_printf(w, "%s%s",
	    (w->sess.roles & ROLE_CONSEIL) ? "/conseil/saisines/" :
	    "/conseil/avis/", rid)));
}
