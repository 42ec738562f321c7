/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * /propositions/<id>/reponse: an official writes (or corrects) the
 * Region's answer to a proposal, in two steps: "Prévisualiser" shows the
 * answer as the proposal page will, the e-mail's text and how many people
 * it goes to; "Publier" saves it. The first answer tells the proposal's
 * author and its voters by e-mail (outbox, in the same statement as the
 * answer); a correction tells them again only when the status changes
 * (sql_answer_save, app/db/answers.h). The proposal page shows the answer
 * with sql_answer_for_proposal.
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

enum { Q_PROPOSAL, Q_CURRENT, Q_SAVE, Q_PREVIEW, Q__MAX };

/* What the steps share (web_state). */
struct answer {
	long long	 id;
	struct form	 f;
	const char	*status;	/* as chosen, or as it stands */
	const char	*body;
	int		 publish;	/* action=publier; else a preview */
};

/* Said on the form, and applied by sql_answer_save. */
static const char	mail_rule[] = "Qui est prévenu : la première réponse "
    "est envoyée par courriel à l'auteur de la proposition et aux personnes "
    "qui ont voté. Une correction qui garde le même statut ne prévient "
    "personne ; un changement de statut les prévient de nouveau.";

/*
 * The statuses of vocab_answer. With a placeholder first (for the form:
 * nothing is chosen for the official), 1 + ANS__MAX options; without, to
 * validate (an empty choice is "Choisissez une valeur").
 */
static size_t
status_options(struct form_option *opts, int placeholder)
{
	size_t	i, n = 0;

	if (placeholder) {
		opts[n].value = "";
		opts[n++].label = "— Choisissez un statut —";
	}
	for (i = 0; i < ANS__MAX; i++, n++) {
		opts[n].value = vocab_answer[i].code;
		opts[n].label = vocab_answer[i].label;
	}
	return (n);
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
	html_raw(H, "</div>\n</section>\n");
}

/* The label of a valid status code (validated by form_choice). */
static const char *
status_label(const char *code)
{
	int	st = vocab_find(vocab_answer, ANS__MAX, code);

	return (st < 0 ? code : vocab_answer[st].label);
}

/*
 * The preview: the answer as the proposal page will show it, then the
 * e-mail's text (plain, as mail clients show it) and who receives it.
 */
static void
write_preview(struct web_req *w, struct answer *a)
{
	char		*plain;
	long long	 n = web_int(w, Q_PREVIEW, 0, AV_MAILS);

	html_raw(H, "<section aria-labelledby=\"apercu\" class=\"preview\">\n"
	    "<h2 id=\"apercu\">Aperçu avant publication</h2>\n"
	    "<p>Rien n'est encore publié. Relisez, puis choisissez "
	    "« Publier la réponse » en bas du formulaire.</p>\n"
	    "<h3>Sur la page de la proposition</h3>\n<p><strong>Réponse : ");
	html_text(H, status_label(a->status));
	html_raw(H, "</strong></p>\n<div class=\"prose\">");
	web_markdown(w, a->body, 3);
	html_raw(H, "</div>\n<h3>Par courriel</h3>\n<p>");
	if (n == 0)
		html_raw(H, web_bool(w, Q_PREVIEW, 0, AV_CORRECTION) ?
		    "Cette correction garde le même statut : personne ne "
		    "recevra de courriel." : "Personne ne recevra de courriel "
		    "(ni l'auteur ni les votants n'ont d'adresse).");
	else {
		html_raw(H, "Publier enverra ");
		ui_count(w, n, "courriel", "courriels");
		html_raw(H, " (l'auteur et les personnes qui ont voté). "
		    "Le texte de la réponse y figurera ainsi :");
	}
	html_raw(H, "</p>\n");
	if (n > 0) {
		if ((plain = markdown_plain(a->body, strlen(a->body))) == NULL)
			fatal("markdown_plain: out of memory");
		html_raw(H, "<pre class=\"mail\">");
		html_text(H, plain);
		html_raw(H, "</pre>\n");
		free(plain);
	}
	html_raw(H, "</section>\n");
}

/* The form: no status chosen in advance; publishing after a preview. */
static void
write_form(struct web_req *w, struct answer *a, int preview)
{
	struct form_option	opts[ANS__MAX + 1];
	size_t			n = status_options(opts, 1);

	form_summary(&a->f);
	form_begin(w, ui_proposal_part(w, a->id, "reponse"),
	    "Réponse officielle");
	form_select(&a->f, "statut", "Statut de la proposition", opts, n,
	    a->status, "Ce que la Région fait de cette proposition.", 1);
	form_textarea(&a->f, "reponse", "Texte de la réponse", a->body,
	    "5 000 caractères au plus. Markdown accepté (listes, liens, "
	    "gras) ; le courriel en reçoit le texte simple.", 1, 12);
	html_raw(H, "<p>");
	html_text(H, mail_rule);
	html_raw(H, "</p>\n<p class=\"actions\">");
	if (preview)
		html_raw(H, "<button type=\"submit\" name=\"action\" "
		    "value=\"publier\">Publier la réponse</button>\n");
	html_raw(H, "<button type=\"submit\" name=\"action\" value=\"apercu\""
	    "");
	html_raw(H, preview ? " class=\"secondary\">Prévisualiser de nouveau"
	    : ">Prévisualiser la réponse");
	html_raw(H, "</button></p>\n</form>\n");
}

/*
 * Writes the page: the proposal, its answer so far (current), the
 * preview (after "Prévisualiser"), the form.
 */
static int
answer_page(struct web_req *w, struct answer *a, int status, int current,
    int preview)
{
	const struct ui_crumb	steps[] = {
		{ ui_theme(w, NULL, web_text(w, Q_PROPOSAL, 0, AP_THEME)),
		    web_text(w, Q_PROPOSAL, 0, AP_THEME_TITLE) },
		{ ui_proposal(w, a->id), "Proposition" } };

	page_begin(w, preview ? "Aperçu de la réponse officielle" :
	    "Répondre à une proposition");
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
	if (preview)
		write_preview(w, a);
	write_form(w, a, preview);
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
	/* A correction starts from the answer as published. */
	if (!web_null(w, Q_PROPOSAL, 0, AP_STATUS)) {
		a->status = web_text(w, Q_PROPOSAL, 0, AP_STATUS);
		a->body = web_text(w, Q_PROPOSAL, 0, AP_BODY);
	}
	return (answer_page(w, a, 200, 1, 0));
}

/* Queues the save: the answer, and its e-mails when the rule says so. */
static int
answer_publish(struct web_req *w, struct answer *a)
{
	char	*html, *plain;
	int	 q;

	if ((html = markdown_render(a->body, strlen(a->body), 2)) == NULL ||
	    (plain = markdown_plain(a->body, strlen(a->body))) == NULL)
		fatal("markdown: out of memory");
	q = web_query(w, Q_SAVE, &sql_answer_save, DB_INT(a->id),
	    DB_TEXT(a->status), DB_TEXT(a->body), DB_TEXT(html),
	    DB_ID(w->sess.user_id), DB_TEXT(app.base_url),
	    DB_TEXT(mail_text_subject(MT_ANSWER)),
	    DB_TEXT(mail_text_body(MT_ANSWER)), DB_TEXT(plain));
	free(html);
	free(plain);
	return (q);
}

/* Step 1 of a save: the fields, then the preview or the answer. */
static int
answer_write(struct web_req *w, struct answer *a)
{
	struct form_option	 opts[ANS__MAX];
	const char		*action = web_arg(w, "action");
	size_t			 n = status_options(opts, 0);

	form_init(&a->f, w);
	form_choice(&a->f, "statut", "Statut de la proposition", opts, n, 1,
	    &a->status);
	form_text(&a->f, "reponse", "Texte de la réponse", 1, ANSWER_MAX, 1,
	    &a->body);
	if (a->f.nerrors > 0) {
		a->status = web_arg(w, "statut");
		return (answer_page(w, a, 422, 0, 0));
	}
	a->publish = action != NULL && strcmp(action, "publier") == 0;
	if (a->publish)
		return (answer_publish(w, a));
	web_query(w, Q_CURRENT, &sql_answer_for_proposal, DB_INT(a->id));
	return (web_query(w, Q_PREVIEW, &sql_answer_preview, DB_INT(a->id),
	    DB_TEXT(a->status)));
}

/*
 * POST /propositions/:id/reponse (officials): action=publier saves, any
 * other action shows the preview. Raises 404 for no proposal, 409 for a
 * proposal of an archive, 422 with the form for invalid fields.
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
	if (!a->publish)
		return (answer_page(w, a, 200, 1, 1));
	if (web_int(w, Q_SAVE, 0, AS_WRITTEN) != 1)
		return (web_error(w, 404, NULL));
	web_flash(w, web_int(w, Q_SAVE, 0, AS_MAILS) > 0 ? "answer_saved" :
	    "answer_saved_quietly");
	return (web_redirect(w, ui_proposal_part(w, a->id, "reponse")));
}
