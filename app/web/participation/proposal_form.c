/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Writing a proposal: the form on a theme (/themes/:slug/proposer) and the
 * author's edit within the edit window (/propositions/:id/modifier). Both
 * offer "Prévisualiser" (the rendered Markdown above the form, nothing
 * saved) and "Publier". Each change is one SQL function call, so nothing
 * is ever half written.
 */

#include <stdlib.h>
#include <string.h>

#include "../../core/markdown.h"
#include "../../core/text.h"
#include "../../core/vocab.h"
#include "../../db/participation.h"
#include "../shared/ui.h"
#include "participation.h"

int	proposal_create(struct web_req *);
int	proposal_edit(struct web_req *);

enum { Q_THEME, Q_PROPOSAL, Q_TERR, Q_SAVE };

/* What the form holds: what was typed, or the proposal as it stands. */
struct pform {
	struct form		 f;
	struct part_limits	 lim;
	long long		 id;		/* the edited proposal */
	const char		*title, *body, *territory, *link;
	int			 preview;	/* "Prévisualiser" */
};

/* Reads and checks the fields. 1 when valid. */
static int
pform_read(struct web_req *w, struct pform *p)
{
	struct form	*f = &p->f;
	const char	*action = web_arg(w, "action");
	int		 i, found = 0;

	p->preview = action != NULL && strcmp(action, "preview") == 0;
	form_text(f, "titre", "Titre", p->lim.title_min, p->lim.title_max, 0,
	    &p->title);
	form_text(f, "texte", "Texte de la proposition", p->lim.body_min,
	    p->lim.body_max, 1, &p->body);
	form_text(f, "territoire", "Département", 1, 3, 0, &p->territory);
	if (*p->territory != '\0') {
		for (i = 0; i < web_rows(w, Q_TERR); i++)
			if (strcmp(web_text(w, Q_TERR, i, TERR_CODE),
			    p->territory) == 0)
				found = 1;
		if (!found)
			form_error(f, "territoire", "Le département choisi "
			    "n'est pas dans la liste.");
	}
	if (form_text(f, "lien", "Lien", 0, 500, 0, &p->link) &&
	    *p->link != '\0' && !text_link_valid(p->link))
		form_error(f, "lien", "« Lien » doit être une adresse web "
		    "complète commençant par http:// ou https://.");
	return (f->nerrors == 0);
}

static void
pform_preview(struct web_req *w, struct pform *p)
{
	html_raw(H, "<section class=\"preview\" aria-labelledby=\"apercu\">\n"
	    "<h2 id=\"apercu\">Aperçu (non publié)</h2>\n<h3>");
	html_text(H, p->title);
	html_raw(H, "</h3>\n<div class=\"prose\">\n");
	web_markdown(w, p->body, 3);
	html_raw(H, "</div>\n</section>\n");
}

static void
pform_write(struct web_req *w, struct pform *p, const char *action)
{
	struct form		*f = &p->f;
	struct form_option	 opts[32];
	size_t			 n = 0;
	int			 i;

	if (p->preview)
		pform_preview(w, p);
	form_summary(f);
	form_begin(w, action, NULL);
	form_input(f, "titre", "Titre", "text", p->title, web_printf(w,
	    "De %d à %d caractères.", p->lim.title_min, p->lim.title_max),
	    "off", 1);
	form_textarea(f, "texte", "Texte de la proposition", p->body,
	    web_printf(w, "De %d à %d caractères. Mise en forme Markdown : "
	    "*italique*, **gras**, listes avec « - », liens.",
	    p->lim.body_min, p->lim.body_max), 1, 12);
	opts[n].value = "";
	opts[n++].label = "Choisissez un département";
	for (i = 0; i < web_rows(w, Q_TERR) && n < 32; i++, n++) {
		opts[n].value = web_text(w, Q_TERR, i, TERR_CODE);
		opts[n].label = web_text(w, Q_TERR, i, TERR_NAME);
	}
	form_select(f, "territoire", "Département", opts, n, p->territory,
	    "Le département que votre proposition concerne.", 1);
	form_input(f, "lien", "Lien", "url", p->link, "Une page web qui "
	    "éclaire votre proposition, commençant par https:// ou http://.",
	    "off", 0);
	html_raw(H, "<p class=\"buttons\"><button type=\"submit\" "
	    "name=\"action\" value=\"preview\" class=\"secondary\">"
	    "Prévisualiser</button>\n<button type=\"submit\" name=\"action\" "
	    "value=\"publish\">Publier</button></p>\n</form>\n");
}

/* The Markdown of the body as safe HTML, in the arena. */
static const char *
pform_html(struct web_req *w, struct pform *p)
{
	char		*html;
	const char	*s;

	if ((html = markdown_render(p->body, strlen(p->body), 2)) == NULL)
		fatal("markdown_render: out of memory");
	s = web_strdup(w, html);
	free(html);
	return (s);
}

static int
create_render(struct web_req *w, struct pform *p, int status)
{
	const char	*slug = web_text(w, Q_THEME, 0, TH_SLUG);
	const struct ui_crumb theme[] = { { ui_theme(w, NULL, slug),
		web_printf(w, "Enjeu %lld", web_int(w, Q_THEME, 0,
		    TH_POSITION)) } };

	page_begin(w, "Déposer une proposition");
	ui_crumbs(w, theme, 1, "Proposer");
	html_raw(H, "<h1>Déposer une proposition</h1>\n<p class=\"lead\">"
	    "Enjeu : ");
	html_text(H, web_text(w, Q_THEME, 0, TH_TITLE));
	html_raw(H, "</p>\n");
	if (!part_phase_notice(w, web_text(w, Q_THEME, 0, TH_PHASE),
	    web_text(w, Q_THEME, 0, TH_OPENS), web_text(w, Q_THEME, 0,
	    TH_CLOSES))) {
		if (strcmp(web_text(w, Q_THEME, 0, TH_MODE), "a_priori") == 0)
			html_raw(H, "<p class=\"notice\">Les contributions "
			    "sont relues avant publication : la vôtre sera "
			    "en attente de modération.</p>\n");
		pform_write(w, p, ui_theme_propose(w, slug));
	}
	page_end(w);
	return (web_send(w, status));
}

/* Step 1 of a proposal: the form, its errors, or the proposal saved. */
static int
create_form(struct web_req *w, struct pform *p)
{
	const char	*phase;

	if (web_rows(w, Q_THEME) != 1)
		return (web_error(w, 404, NULL));
	phase = web_text(w, Q_THEME, 0, TH_PHASE);
	p->territory = w->sess.territory;
	if (w->req->method != HTTP_METHOD_POST)
		return (create_render(w, p, 200));
	if (vocab_find(vocab_phase, PHASE__MAX, phase) != PHASE_OPEN)
		return (part_refuse(w, phase));
	if (!pform_read(w, p) || p->preview)
		return (create_render(w, p, p->f.nerrors ? 422 : 200));
	return (web_query(w, Q_SAVE, &sql_part_propose,
	    DB_ID(w->sess.user_id), DB_TEXT(w->args[0]), DB_TEXT(p->title),
	    DB_TEXT(p->body), DB_TEXT(pform_html(w, p)),
	    DB_TEXT(*p->link ? p->link : NULL), DB_TEXT(p->territory)));
}

/* GET and POST /themes/:slug/proposer. 404: unknown theme. */
int
proposal_create(struct web_req *w)
{
	struct pform	*p = web_state(w, sizeof(*p));
	const char	*code;

	switch (w->step) {
	case 0:
		if (!text_slug_valid(w->args[0]))
			return (web_error(w, 404, NULL));
		form_init(&p->f, w);
		part_limits(&p->lim);
		web_query(w, Q_TERR, &sql_part_territories);
		return (web_query(w, Q_THEME, &sql_part_theme, DB_NULL,
		    DB_TEXT(w->args[0])));
	case 1:
		return (create_form(w, p));
	}
	code = web_text(w, Q_SAVE, 0, NEW_CODE);
	if (strcmp(code, "ok") == 0)
		web_flash(w, "proposal_published");
	else if (strcmp(code, "pending") == 0)
		web_flash(w, "proposal_pending");
	else
		return (part_refuse(w, code));
	return (web_redirect(w, ui_proposal(w, web_int(w, Q_SAVE, 0,
	    NEW_ID))));
}

static int
edit_render(struct web_req *w, struct pform *p, int status)
{
	const struct ui_crumb	proposal[] = { { ui_proposal(w, p->id),
				    "Proposition" } };

	page_begin(w, "Modifier ma proposition");
	ui_crumbs(w, proposal, 1, "Modifier");
	html_rawf(H, "<h1>Modifier ma proposition</h1>\n<p class=\"lead\">"
	    "Vous pouvez modifier votre proposition pendant les %d minutes "
	    "qui suivent sa publication. Le texte précédent est conservé pour "
	    "la modération et la proposition sera marquée « modifiée ».</p>\n",
	    p->lim.edit_window);
	pform_write(w, p, ui_proposal_part(w, p->id, "modifier"));
	page_end(w);
	return (web_send(w, status));
}

/* Step 1 of an edit: may this person edit it now? Then the form. */
static int
edit_form(struct web_req *w, struct pform *p)
{
	int	st;

	st = web_rows(w, Q_PROPOSAL) != 1 ? -1 : vocab_find(vocab_status,
	    ST__MAX, web_text(w, Q_PROPOSAL, 0, PP_STATUS));
	if (st == -1 || st == ST_HIDDEN || st == ST_REJECTED)
		return (web_error(w, 404, NULL));
	if (web_int(w, Q_PROPOSAL, 0, PP_AUTHOR_ID) != w->sess.user_id)
		return (part_refuse(w, "not_author"));
	if (vocab_find(vocab_phase, PHASE__MAX, web_text(w, Q_PROPOSAL, 0,
	    PP_PHASE)) != PHASE_OPEN)
		return (part_refuse(w, web_text(w, Q_PROPOSAL, 0, PP_PHASE)));
	if (!web_bool(w, Q_PROPOSAL, 0, PP_EDITABLE))
		return (part_refuse(w, "too_late"));
	p->title = web_text(w, Q_PROPOSAL, 0, PP_TITLE);
	p->body = web_text(w, Q_PROPOSAL, 0, PP_BODY);
	p->territory = web_text(w, Q_PROPOSAL, 0, PP_TERRITORY_CODE);
	p->link = web_text(w, Q_PROPOSAL, 0, PP_LINK);
	if (w->req->method != HTTP_METHOD_POST)
		return (edit_render(w, p, 200));
	if (!pform_read(w, p) || p->preview)
		return (edit_render(w, p, p->f.nerrors ? 422 : 200));
	return (web_query(w, Q_SAVE, &sql_part_edit, DB_ID(w->sess.user_id),
	    DB_INT(p->id), DB_TEXT(p->title), DB_TEXT(p->body),
	    DB_TEXT(pform_html(w, p)), DB_TEXT(*p->link ? p->link : NULL),
	    DB_TEXT(p->territory), DB_INT(p->lim.edit_window)));
}

/* GET and POST /propositions/:id/modifier: the author, within the window. */
int
proposal_edit(struct web_req *w)
{
	struct pform	*p = web_state(w, sizeof(*p));
	const char	*code;

	switch (w->step) {
	case 0:
		if (!text_parse_id(w->args[0], &p->id))
			return (web_error(w, 404, NULL));
		form_init(&p->f, w);
		part_limits(&p->lim);
		web_query(w, Q_TERR, &sql_part_territories);
		return (web_query(w, Q_PROPOSAL, &sql_part_proposal,
		    DB_INT(p->id), DB_ID(w->sess.user_id),
		    DB_INT(p->lim.edit_window)));
	case 1:
		return (edit_form(w, p));
	}
	code = web_text(w, Q_SAVE, 0, CODE);
	if (strcmp(code, "pending") == 0)	/* back in the queue */
		web_flash(w, "proposal_edit_pending");
	else if (strcmp(code, "ok") != 0)
		return (part_refuse(w, code));
	else
		web_flash(w, "proposal_edited");
	return (web_redirect(w, ui_proposal(w, p->id)));
}
