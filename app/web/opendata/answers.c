/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * /propositions/<id>/reponse: an official writes (or rewrites) the Region's
 * answer to a proposal. The proposal's author and its voters are told by
 * e-mail through the outbox, in the same statement as the answer. The
 * proposal page shows the answer with sql_answer_for_proposal
 * (app/db/answers.h).
 */

#include <stdlib.h>
#include <string.h>

#include "../../core/mail_texts.h"
#include "../../core/markdown.h"
#include "../../core/text.h"
#include "../../core/vocab.h"
#include "../../db/answers.h"
#include "../kernel/app.h"
#include "../kernel/form.h"
#include "../shared/ui.h"

int	answers_form(struct web_req *);
int	answers_save(struct web_req *);

#define ANSWER_MAX	5000

enum { Q_PROPOSAL, Q_CURRENT, Q_SAVE };

/* What the steps share (web_state). */
struct answer {
	long long	 id;
	struct form	 f;
	const char	*status;	/* as chosen, or as it stands */
	const char	*body;
};

/* The statuses of vocab_answer as the select's options. */
static void
status_options(struct form_option *opts)
{
	int	i;

	for (i = 0; i < ANS__MAX; i++) {
		opts[i].value = vocab_answer[i].code;
		opts[i].label = vocab_answer[i].label;
	}
}

/* The answer as the proposal page shows it, above the form. */
static void
write_current(struct web_req *w)
{
	html_raw(H, "<section aria-labelledby=\"actuelle\">\n"
	    "<h2 id=\"actuelle\">Réponse actuelle : ");
	html_text(H, web_text(w, Q_CURRENT, 0, OA_LABEL));
	html_raw(H, "</h2>\n<p>Publiée le ");
	html_text(H, web_text(w, Q_CURRENT, 0, OA_DATE));
	html_raw(H, " par ");
	html_text(H, web_text(w, Q_CURRENT, 0, OA_OFFICIAL));
	html_raw(H, ".</p>\n<div class=\"prose\">");
	html_raw(H, web_text(w, Q_CURRENT, 0, OA_BODY_HTML));	/* cmark */
	html_raw(H, "</div>\n<p>Enregistrer remplace cette réponse et "
	    "prévient à nouveau l'auteur et les votants.</p>\n</section>\n");
}

/* Writes the page: the proposal, its answer so far (current), the form. */
static int
answer_page(struct web_req *w, struct answer *a, int status, int current)
{
	struct form_option	opts[ANS__MAX];
	const struct ui_crumb	steps[] = {
		{ ui_theme(w, NULL, web_text(w, Q_PROPOSAL, 0, AP_THEME)),
		    web_text(w, Q_PROPOSAL, 0, AP_THEME_TITLE) },
		{ ui_proposal(w, a->id), "Proposition" } };

	page_begin(w, "Répondre à une proposition");
	ui_crumbs(w, steps, 2, "Réponse officielle");
	html_raw(H, "<h1>Réponse officielle de la Région</h1>\n<section "
	    "aria-labelledby=\"proposition\" class=\"quoted\">\n"
	    "<h2 id=\"proposition\">");
	html_text(H, web_text(w, Q_PROPOSAL, 0, AP_TITLE));
	html_raw(H, "</h2>\n<div class=\"prose\">");
	html_raw(H, web_text(w, Q_PROPOSAL, 0, AP_BODY_HTML));	/* cmark */
	html_raw(H, "</div>\n</section>\n");
	if (current && web_rows(w, Q_CURRENT) == 1)
		write_current(w);
	form_summary(&a->f);
	form_begin(w, ui_proposal_part(w, a->id, "reponse"),
	    "Réponse officielle");
	status_options(opts);
	form_select(&a->f, "statut", "Statut de la proposition", opts,
	    ANS__MAX, a->status, "Ce que la Région fait de cette proposition.",
	    1);
	form_textarea(&a->f, "reponse", "Texte de la réponse", a->body,
	    "5 000 caractères au plus. Markdown accepté (listes, liens, "
	    "gras). L'auteur et les personnes qui ont voté reçoivent un "
	    "courriel.", 1, 12);
	form_end(w, "Publier la réponse");
	page_end(w);
	return (web_send(w, status));
}

/*
 * The proposal, once found: 404 for none, 409 for a proposal of an
 * archive (an imported consultation gets no answer of the Region).
 */
static int
answer_refused(struct web_req *w)
{
	if (web_rows(w, Q_PROPOSAL) != 1)
		return (web_error(w, 404, NULL));
	if (web_bool(w, Q_PROPOSAL, 0, AP_ARCHIVED))
		return (web_error(w, 409, "Cette proposition appartient à une "
		    "consultation archivée, importée d'une autre plateforme : "
		    "la Région n'y répond pas, elle se lit en lecture seule. "
		    "Rien n'a été enregistré."));
	return (0);
}

/* GET /propositions/:id/reponse (officials). */
int
answers_form(struct web_req *w)
{
	struct answer	*a = web_state(w, sizeof(*a));

	if (w->step == 0) {
		if (!text_parse_id(w->args[0], &a->id))
			return (web_error(w, 404, NULL));
		web_query(w, Q_CURRENT, &sql_answer_for_proposal,
		    DB_INT(a->id));
		return (web_query(w, Q_PROPOSAL, &sql_answer_proposal,
		    DB_INT(a->id)));
	}
	if (answer_refused(w))
		return (WEB_DONE);
	form_init(&a->f, w);
	if (!web_null(w, Q_PROPOSAL, 0, AP_STATUS)) {
		a->status = web_text(w, Q_PROPOSAL, 0, AP_STATUS);
		a->body = web_text(w, Q_PROPOSAL, 0, AP_BODY);
	}
	return (answer_page(w, a, 200, 1));
}

/* Step 1 of a save: the fields, then the answer and its e-mails. */
static int
answer_write(struct web_req *w, struct answer *a)
{
	struct form_option	 opts[ANS__MAX];
	char			*html;
	int			 q;

	form_init(&a->f, w);
	status_options(opts);
	form_choice(&a->f, "statut", "Statut de la proposition", opts,
	    ANS__MAX, 1, &a->status);
	form_text(&a->f, "reponse", "Texte de la réponse", 1, ANSWER_MAX, 1,
	    &a->body);
	if (a->f.nerrors > 0) {
		a->status = web_arg(w, "statut");
		return (answer_page(w, a, 422, 0));
	}
	if ((html = markdown_render(a->body, strlen(a->body), 2)) == NULL)
		fatal("markdown_render: out of memory");
	q = web_query(w, Q_SAVE, &sql_answer_save, DB_INT(a->id),
	    DB_TEXT(a->status), DB_TEXT(a->body), DB_TEXT(html),
	    DB_ID(w->sess.user_id), DB_TEXT(app.base_url),
	    DB_TEXT(mail_text_subject(MT_ANSWER)),
	    DB_TEXT(mail_text_body(MT_ANSWER)));
	free(html);
	return (q);
}

/*
 * POST /propositions/:id/reponse (officials). Raises 404 for no proposal,
 * 409 for a proposal of an archive, 422 with the form for invalid fields.
 */
int
answers_save(struct web_req *w)
{
	struct answer	*a = web_state(w, sizeof(*a));

	switch (w->step) {
	case 0:
		if (!text_parse_id(w->args[0], &a->id))
			return (web_error(w, 404, NULL));
		return (web_query(w, Q_PROPOSAL, &sql_answer_proposal,
		    DB_INT(a->id)));
	case 1:
		if (answer_refused(w))
			return (WEB_DONE);
		return (answer_write(w, a));
	}
	if (web_int(w, Q_SAVE, 0, AS_WRITTEN) != 1)
		return (web_error(w, 404, NULL));
	web_flash(w, "answer_saved");
	return (web_redirect(w, ui_proposal_part(w, a->id, "reponse")));
}
