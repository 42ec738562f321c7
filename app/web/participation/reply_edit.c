/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Citizens take back what they wrote (issue 13, item 11): the author of an
 * argument or a comment edits it within the edit window
 * (/contributions/:id/modifier), as a proposal's author does
 * (proposal_form.c). One SQL function call, participation_edit_reply
 * (migrations/functions/edits.sql), keeps the earlier text in the
 * versions, applies the brakes and caps, and in an a priori consultation
 * sends the text back to the queue. Someone else's text, or one withdrawn,
 * hidden or refused, is not found (404): it is not revealed.
 */

#include <stdlib.h>
#include <string.h>

#include "../../core/markdown.h"
#include "../../core/text.h"
#include "../../core/vocab.h"
#include "../../db/participation.h"
#include "../shared/ui.h"
#include "participation.h"

int	reply_edit(struct web_req *);

enum { Q_REPLY, Q_SAVE };

struct redit {
	struct form		 f;
	struct part_limits	 lim;
	long long		 id, proposal;
	int			 comment;	/* else an argument */
	const char		*body;
	int			 preview;	/* "Prévisualiser" */
};

static const char *
redit_what(struct redit *e)
{
	return (e->comment ? "mon commentaire" : "mon argument");
}

static int
redit_render(struct web_req *w, struct redit *e, int status)
{
	const struct ui_crumb	proposal[] = { { ui_contribution(w,
				    e->proposal, e->id), "Proposition" } };
	const char		*title = web_printf(w, "Modifier %s",
				    redit_what(e));

	page_begin(w, title);
	ui_crumbs(w, proposal, 1, "Modifier");
	html_raw(H, "<h1>");
	html_text(H, title);
	html_rawf(H, "</h1>\n<p class=\"lead\">Vous pouvez modifier votre "
	    "texte pendant les %d minutes qui suivent sa publication. Le "
	    "texte précédent est conservé pour la modération et la page "
	    "indiquera « modifié », avec la date et l'heure.</p>\n",
	    e->lim.edit_window);
	if (e->preview) {
		html_raw(H, "<section class=\"preview\" aria-labelledby="
		    "\"apercu\">\n<h2 id=\"apercu\">Aperçu (non publié)</h2>\n"
		    "<div class=\"prose\">\n");
		web_markdown(w, e->body, 3);
		html_raw(H, "</div>\n</section>\n");
	}
	form_summary(&e->f);
	form_begin(w, ui_contribution_part(w, e->id, "modifier"), NULL);
	form_textarea(&e->f, "texte", "Texte", e->body, web_printf(w,
	    "%d caractères au plus. Mise en forme Markdown : *italique*, "
	    "**gras**, listes avec « - », liens.", e->comment ?
	    e->lim.comment_max : e->lim.argument_max), 1, 8);
	html_raw(H, "<p class=\"buttons\"><button type=\"submit\" "
	    "name=\"action\" value=\"preview\" class=\"secondary\">"
	    "Prévisualiser</button>\n<button type=\"submit\" name=\"action\" "
	    "value=\"publish\">Enregistrer la modification</button></p>\n"
	    "</form>\n<p>");
	ui_link(w, ui_contribution(w, e->proposal, e->id),
	    "Revenir à la proposition sans rien changer");
	html_raw(H, "</p>\n");
	page_end(w);
	return (web_send(w, status));
}

/* Saves the checked text (participation_edit_reply). */
static int
redit_save(struct web_req *w, struct redit *e)
{
	char	*html;
	int	 q;

	if ((html = markdown_render(e->body, strlen(e->body), 3)) == NULL)
		fatal("markdown_render: out of memory");
	q = web_query(w, Q_SAVE, &sql_part_edit_reply, DB_ID(w->sess.user_id),
	    DB_INT(e->id), DB_TEXT(e->body), DB_TEXT(html),
	    DB_INT(e->lim.edit_window));
	free(html);
	return (q);
}

/* Step 1: may its author edit it now? Then the form, or the save. */
static int
redit_form(struct web_req *w, struct redit *e)
{
	const char	*action = web_arg(w, "action");

	if (web_rows(w, Q_REPLY) != 1)
		return (web_error(w, 404, NULL));
	e->proposal = web_int(w, Q_REPLY, 0, RG_PROPOSAL);
	e->comment = vocab_find(vocab_kind, KIND__MAX, web_text(w, Q_REPLY, 0,
	    RG_KIND)) == KIND_COMMENT;
	if (!web_null(w, Q_REPLY, 0, RG_REFUSAL))
		return (part_refuse(w, web_text(w, Q_REPLY, 0, RG_REFUSAL)));
	if (!web_bool(w, Q_REPLY, 0, RG_EDITABLE))
		return (part_refuse(w, "edit_too_late"));
	e->body = web_text(w, Q_REPLY, 0, RG_BODY);
	if (w->req->method != HTTP_METHOD_POST)
		return (redit_render(w, e, 200));
	e->preview = action != NULL && strcmp(action, "preview") == 0;
	if (!form_text(&e->f, "texte", "Texte", 1, e->comment ?
	    e->lim.comment_max : e->lim.argument_max, 1, &e->body) ||
	    e->preview)
		return (redit_render(w, e, e->f.nerrors ? 422 : 200));
	return (redit_save(w, e));
}

/* GET and POST /contributions/:id/modifier: its author, in the window. */
int
reply_edit(struct web_req *w)
{
	struct redit	*e = web_state(w, sizeof(*e));
	const char	*code;

	switch (w->step) {
	case 0:
		if (!text_parse_id(w->args[0], &e->id))
			return (web_error(w, 404, NULL));
		form_init(&e->f, w);
		part_limits(&e->lim);
		return (web_query(w, Q_REPLY, &sql_part_reply_get,
		    DB_INT(e->id), DB_ID(w->sess.user_id),
		    DB_INT(e->lim.edit_window)));
	case 1:
		return (redit_form(w, e));
	}
	code = web_text(w, Q_SAVE, 0, CODE);
	if (strcmp(code, "pending") == 0)	/* back in the queue */
		web_flash(w, "reply_edit_pending");
	else if (strcmp(code, "ok") == 0)
		web_flash(w, "reply_edited");
	else
		return (part_refuse(w, code));
	return (web_redirect(w, ui_contribution(w, e->proposal, e->id)));
}
