/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * /conseil/saisines/<id>: where the members of the council work on a
 * referral (members only: the route's ROLE_CONSEIL). Its versions of the
 * opinion, newest first, each kept with its author and time; the form for
 * a new version (the other members are told by e-mail); the members'
 * comments; the rapporteur's designation; and, for the rapporteur, the
 * adoption's record and the publication (council_publish.c). Every POST
 * here answers a refused field with this page again (422), the typed text
 * kept and nothing written.
 */

#include <string.h>

#include "../../core/mail_texts.h"
#include "../../core/text.h"
#include "../../db/council.h"
#include "../kernel/app.h"
#include "../shared/ui.h"
#include "council.h"
#include "council_work.h"

int	council_work(struct web_req *);
int	council_draft_post(struct web_req *);
int	council_comment_post(struct web_req *);
int	council_rapporteur_post(struct web_req *);

/* A version of the opinion: who, when, the text as it reads. */
static void
write_draft(struct web_req *w, struct council_work *c, int i)
{
	html_raw(H, "<h3>");
	html_text(H, web_printf(w, "Version %d", web_rows(w, CQ_DRAFTS) - i));
	html_raw(H, "</h3>\n<p class=\"meta\">Par ");
	html_text(H, web_text(w, CQ_DRAFTS, i, CD_AUTHOR));
	html_raw(H, ", le ");
	html_text(H, web_text(w, CQ_DRAFTS, i, CD_DATE));
	html_raw(H, ".</p>\n<div class=\"prose\">");
	html_raw(H, web_text(w, CQ_DRAFTS, i, CD_HTML));	/* cmark */
	html_raw(H, "</div>\n");
	if (i + 1 < web_rows(w, CQ_DRAFTS)) {
		html_raw(H, "<p>");
		ui_link(w, web_printf(w, "%s/versions/%lld",
		    ui_council_work(w, c->id, NULL),
		    web_int(w, CQ_DRAFTS, i, CD_ID)), web_printf(w,
		    "Ce que la version %d change", web_rows(w, CQ_DRAFTS) - i));
		html_raw(H, "</p>\n");
	}
}

static void
write_drafts(struct web_req *w, struct council_work *c, int open)
{
	int		 i, n = web_rows(w, CQ_DRAFTS);
	const char	*text = c->text;

	html_raw(H, "<section aria-labelledby=\"versions\">\n"
	    "<h2 id=\"versions\">Les versions de l'avis</h2>\n");
	if (n == 0)
		html_raw(H, "<p>Aucune version pour l'instant : la première "
		    "fera passer la saisine à l'état « en cours ».</p>\n");
	for (i = 0; i < n; i++) {
		if (i == 1)
			html_raw(H, "<details>\n<summary>Versions précédentes"
			    "</summary>\n");
		write_draft(w, c, i);
	}
	if (n > 1)
		html_raw(H, "</details>\n");
	if (open) {
		if (text == NULL && n > 0)
			text = web_text(w, CQ_DRAFTS, 0, CD_BODY);
		form_begin(w, ui_council_work(w, c->id, "version"),
		    "Nouvelle version de l'avis");
		council_text_form(c, text);
		form_end(w, "Enregistrer cette version");
	}
	html_raw(H, "</section>\n");
}

static void
write_comments(struct web_req *w, struct council_work *c)
{
	int	i;

	html_raw(H, "<section aria-labelledby=\"commentaires\">\n"
	    "<h2 id=\"commentaires\">Commentaires des membres</h2>\n");
	if (web_rows(w, CQ_COMMENTS) == 0)
		html_raw(H, "<p>Aucun commentaire.</p>\n");
	else
		html_raw(H, "<ul class=\"comments\">\n");
	for (i = 0; i < web_rows(w, CQ_COMMENTS); i++) {
		html_raw(H, "<li><p class=\"meta\">");
		html_text(H, web_text(w, CQ_COMMENTS, i, CC_AUTHOR));
		html_raw(H, ", le ");
		html_text(H, web_text(w, CQ_COMMENTS, i, CC_DATE));
		html_raw(H, "</p>\n<p>");
		html_text(H, web_text(w, CQ_COMMENTS, i, CC_BODY));
		html_raw(H, "</p></li>\n");
	}
	if (web_rows(w, CQ_COMMENTS) > 0)
		html_raw(H, "</ul>\n");
	form_begin(w, ui_council_work(w, c->id, "commentaire"),
	    "Commenter");
	form_textarea(&c->f, "commentaire", "Votre commentaire", c->comment,
	    "3 000 caractères au plus ; seuls les membres le lisent.", 1, 4);
	form_end(w, "Publier le commentaire");
	html_raw(H, "</section>\n");
}

static void
write_rapporteur(struct web_req *w, struct council_work *c)
{
	struct form_option	*opts;
	int			 i, n = web_rows(w, CQ_MEMBERS);

	opts = web_alloc(w, sizeof(*opts) * (n + 1));
	for (i = 0; i < n; i++) {
		opts[i].value = web_text(w, CQ_MEMBERS, i, CM_ID);
		opts[i].label = web_text(w, CQ_MEMBERS, i, CM_NAME);
	}
	html_raw(H, "<section aria-labelledby=\"rapporteur-titre\">\n"
	    "<h2 id=\"rapporteur-titre\">Le rapporteur</h2>\n<p>Le rapporteur "
	    "enregistre le vote du conseil et publie l'avis adopté.</p>\n");
	form_begin(w, ui_council_work(w, c->id, "rapporteur"),
	    "Désigner le rapporteur");
	form_select(&c->f, "rapporteur", "Membre désigné", opts, n,
	    web_null(w, CQ_REF, 0, CR_RAPPORTEUR) ? NULL :
	    web_text(w, CQ_REF, 0, CR_RAPPORTEUR), NULL, 1);
	form_end(w, "Désigner");
	html_raw(H, "</section>\n");
}

int
council_work_page(struct web_req *w, struct council_work *c, int status)
{
	static const struct ui_crumb	up[] = {
		{ UI_COUNCIL, "Conseil numérique" } };
	int				open;

	open = web_null(w, CQ_REF, 0, CR_OP_HTML);
	page_begin(w, web_printf(w, "Saisine n°%lld : travail du conseil",
	    c->id));
	ui_crumbs(w, up, 1, web_printf(w, "Saisine n°%lld", c->id));
	html_raw(H, "<h1>");
	html_text(H, web_printf(w, "Saisine n°%lld : travail du conseil",
	    c->id));
	html_raw(H, "</h1>\n");
	form_summary(&c->f);
	council_write_referral(w, CQ_REF);
	html_raw(H, "<p>");
	ui_link(w, ui_council_opinion(w, c->id, NULL), "La page publique de "
	    "cette saisine");
	html_raw(H, "</p>\n");
	council_write_opinion(w, CQ_REF);
	write_drafts(w, c, open);
	write_comments(w, c);
	if (open) {
		write_rapporteur(w, c);
		council_adoption_form(w, c);
	}
	page_end(w);
	return (web_send(w, status));
}

int
council_work_load(struct web_req *w, struct council_work *c)
{
	if (!text_parse_id(w->args[0], &c->id))
		return (web_error(w, 404, NULL));
	web_query(w, CQ_DRAFTS, &sql_council_drafts, DB_INT(c->id));
	web_query(w, CQ_COMMENTS, &sql_council_comments, DB_INT(c->id));
	web_query(w, CQ_MEMBERS, &sql_council_members);
	return (web_query(w, CQ_REF, &sql_council_referral, DB_INT(c->id)));
}

/* After the load: 1 when the referral exists (else the 404 is sent). */
int
council_work_found(struct web_req *w, struct council_work *c)
{
	form_init(&c->f, w);
	if (web_rows(w, CQ_REF) == 1)
		return (1);
	web_error(w, 404, NULL);
	return (0);
}

/* A write's end: refused by the database (409), or back to the page. */
int
council_work_done(struct web_req *w, struct council_work *c,
    const char *flash)
{
	const char	*r = web_text(w, CQ_WRITE, 0, CW_RESULT);

	if (web_null(w, CQ_WRITE, 0, CW_RESULT) || strcmp(r, "0") == 0)
		return (web_error(w, 409, "L'avis de cette saisine est déjà "
		    "publié, ou ce membre n'est plus au conseil : rien n'a été "
		    "enregistré."));
	web_flash(w, flash);
	return (web_redirect(w, ui_council_work(w, c->id, NULL)));
}

/* GET /conseil/saisines/:id (members). */
int
council_work(struct web_req *w)
{
	struct council_work	*c = web_state(w, sizeof(*c));

	if (w->step == 0)
		return (council_work_load(w, c));
	if (!council_work_found(w, c))
		return (WEB_DONE);
	return (council_work_page(w, c, 200));
}

/* After council_draft_add(): a citation refused (its line), or done. */
static int
draft_done(struct web_req *w, struct council_work *c)
{
	const char	*r = web_null(w, CQ_WRITE, 0, CA_RESULT) ? "" :
			    web_text(w, CQ_WRITE, 0, CA_RESULT);

	if (strcmp(r, "synthese") == 0)
		form_error(&c->f, "texte", "Ligne %lld" NBSP ": la synthèse "
		    "citée n'est pas publiée ou ne porte pas sur un thème de "
		    "la saisine. Rien n'a été enregistré.",
		    web_int(w, CQ_WRITE, 0, CA_LINE));
	else if (strcmp(r, "citation") == 0)
		form_error(&c->f, "texte", "Ligne %lld" NBSP ": la contribution "
		    "n°%lld n'existe pas ou n'appartient pas aux thèmes de la "
		    "saisine. Rien n'a été enregistré.",
		    web_int(w, CQ_WRITE, 0, CA_LINE), web_int(w, CQ_WRITE, 0,
		    CA_ID));
	else
		return (council_work_done(w, c, "council_draft"));
	return (council_work_page(w, c, 422));
}

/*
 * POST /conseil/saisines/:id/version (members): a new version. Its
 * citations' titles are read first (step 1) for the links of its HTML;
 * council_draft_add() refuses a citation outside the referral's themes.
 */
int
council_draft_post(struct web_req *w)
{
	struct council_work	*c = web_state(w, sizeof(*c));

	if (w->step == 0)
		return (council_work_load(w, c));
	if (w->step == 3)
		return (draft_done(w, c));
	if (w->step == 2)
		return (web_query(w, CQ_WRITE, &sql_council_draft_add,
		    DB_INT(c->id), DB_ID(w->sess.user_id), DB_TEXT(c->text),
		    DB_TEXT(council_text_render(w, c->text, CQ_CITES)),
		    DB_TEXT(app.base_url),
		    DB_TEXT(mail_text_subject(MT_COUNCIL_DRAFT)),
		    DB_TEXT(mail_text_body(MT_COUNCIL_DRAFT)),
		    DB_TEXT(c->cites.lines), DB_TEXT(c->cites.ids)));
	if (!council_work_found(w, c))
		return (WEB_DONE);
	if (!council_text_check(&c->f, "texte", COUNCIL_TEXT_LABEL,
	    &c->text, &c->cites))
		return (council_work_page(w, c, 422));
	return (web_query(w, CQ_CITES, &sql_council_refs, DB_INT(c->id),
	    DB_TEXT(c->cites.ids), DB_TEXT(c->cites.slugs)));
}

/* POST /conseil/saisines/:id/commentaire (members). */
int
council_comment_post(struct web_req *w)
{
	struct council_work	*c = web_state(w, sizeof(*c));

	if (w->step == 0)
		return (council_work_load(w, c));
	if (w->step == 2)
		return (council_work_done(w, c, "council_comment"));
	if (!council_work_found(w, c))
		return (WEB_DONE);
	if (!form_text(&c->f, "commentaire", "Votre commentaire", 1,
	    COUNCIL_COMMENT_MAX, 1, &c->comment))
		return (council_work_page(w, c, 422));
	return (web_query(w, CQ_WRITE, &sql_council_comment_add,
	    DB_INT(c->id), DB_ID(w->sess.user_id), DB_TEXT(c->comment)));
}

/* POST /conseil/saisines/:id/rapporteur (members): designates one. */
int
council_rapporteur_post(struct web_req *w)
{
	struct council_work	*c = web_state(w, sizeof(*c));
	const char		*arg = web_arg(w, "rapporteur");
	long long		 who;
	int			 i;

	if (w->step == 0)
		return (council_work_load(w, c));
	if (w->step == 2)
		return (council_work_done(w, c, "council_rapporteur"));
	if (!council_work_found(w, c))
		return (WEB_DONE);
	if (arg == NULL || !text_parse_id(arg, &who))
		who = 0;
	for (i = 0; i < web_rows(w, CQ_MEMBERS); i++)
		if (web_int(w, CQ_MEMBERS, i, CM_ID) == who)
			break;
	if (i == web_rows(w, CQ_MEMBERS)) {
		form_error(&c->f, "rapporteur", "Choisissez le rapporteur "
		    "parmi les membres du conseil.");
		return (council_work_page(w, c, 422));
	}
	return (web_query(w, CQ_WRITE, &sql_council_rapporteur_set,
	    DB_INT(c->id), DB_ID(who), DB_ID(w->sess.user_id)));
}
