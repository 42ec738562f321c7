/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The state changes on a proposal page: vote, argument, comment, "utile",
 * an author's withdrawal of an argument or a comment.
 * Each is one SQL function call (the dispatcher has checked the form's
 * CSRF token) that checks the consultation dates and the proposal's
 * status itself and writes in one statement, so nothing is half written;
 * then a redirect with a flash message.
 */

#include <stdlib.h>
#include <string.h>

#include "../../core/markdown.h"
#include "../../core/settings.h"
#include "../../core/text.h"
#include "../../core/vocab.h"
#include "../../db/participation.h"
#include "../shared/ui.h"
#include "participation.h"

int	vote_post(struct web_req *);
int	argument_post(struct web_req *);
int	comment_post(struct web_req *);
int	useful_post(struct web_req *);
int	withdraw_post(struct web_req *);

enum { Q_RESULT };

/* POST /propositions/:id/vote, choix = agree|mixed|disagree|none. */
int
vote_post(struct web_req *w)
{
	long long	*id = web_state(w, sizeof(*id));
	const char	*choice = web_arg(w, "choix"), *code;

	if (choice == NULL)
		choice = "";
	if (w->step == 0) {
		if (!text_parse_id(w->args[0], id))
			return (web_error(w, 404, NULL));
		if (vocab_find(vocab_choice, CHOICE__MAX, choice) == -1 &&
		    strcmp(choice, "none") != 0)
			return (web_error(w, 400, "Avis inconnu : choisissez "
			    "« d'accord », « mitigé » ou « pas d'accord ». "
			    "Rien n'a été enregistré."));
		return (web_query(w, Q_RESULT, &sql_part_vote,
		    DB_ID(w->sess.user_id), DB_INT(*id), DB_TEXT(choice),
		    DB_BOOL(settings_int(SET_VOTE_REQUIRES_FRANCECONNECT))));
	}
	code = web_text(w, Q_RESULT, 0, CODE);
	if (strcmp(code, "ok") != 0)
		return (part_refuse(w, code));
	web_flash(w, strcmp(choice, "none") == 0 ? "vote_removed" :
	    "vote_saved");
	return (web_redirect(w, web_printf(w, "%s#votes", ui_proposal(w,
	    *id))));
}

/* What an argument or a comment carries, shared by their handlers. */
struct reply {
	long long	 proposal;
	struct form	 f;
	const char	*label;		/* "Votre argument", ... */
	const char	*hname;		/* the hidden field: position, parent */
	const char	*hvalue;	/* its value, or NULL */
	const char	*body;
	int		 max;		/* most characters */
};

/* The page a refused argument or comment is shown again on (422). */
static int
reply_again(struct web_req *w, struct reply *r)
{
	page_begin(w, "Votre contribution n'a pas été publiée");
	html_raw(H, "<h1>Votre contribution n'a pas été publiée</h1>\n");
	form_summary(&r->f);
	form_begin(w, ui_proposal_part(w, r->proposal,
	    strcmp(r->hname, "position") == 0 ? "arguments" :
	    "commentaires"), NULL);
	if (r->hvalue != NULL) {
		html_raw(H, "<input type=\"hidden\" name=\"");
		html_text(H, r->hname);
		html_raw(H, "\" value=\"");
		html_text(H, r->hvalue);
		html_raw(H, "\">\n");
	}
	form_textarea(&r->f, "texte", r->label, r->body, web_printf(w,
	    "%d caractères au plus. Markdown accepté.", r->max), 1, 6);
	form_end(w, "Publier");
	html_raw(H, "<p>");
	ui_link(w, ui_proposal(w, r->proposal), "Revenir à la proposition");
	html_raw(H, "</p>\n");
	page_end(w);
	return (web_send(w, 422));
}

/* Shared by argument_post and comment_post once the row is written. */
static int
reply_done(struct web_req *w, struct reply *r, const char *flash)
{
	const char	*code = web_text(w, Q_RESULT, 0, NEW_CODE);

	if (strcmp(code, "ok") == 0)
		web_flash(w, flash);
	else if (strcmp(code, "pending") == 0)
		web_flash(w, "contribution_pending");
	else
		return (part_refuse(w, code));
	return (web_redirect(w, ui_contribution(w, r->proposal,
	    web_int(w, Q_RESULT, 0, NEW_ID))));
}

/* Checks the text, then writes the reply, or shows the form again. */
static int
reply_write(struct web_req *w, struct reply *r, const char *parent,
    const char *position)
{
	struct part_limits	 l;
	char			*html;
	int			 q;

	form_init(&r->f, w);
	if (!form_text(&r->f, "texte", r->label, 1, r->max, 1, &r->body))
		return (reply_again(w, r));
	part_limits(&l);
	if ((html = markdown_render(r->body, strlen(r->body), 3)) == NULL)
		fatal("markdown_render: out of memory");
	q = web_query(w, Q_RESULT, &sql_part_reply, DB_ID(w->sess.user_id),
	    DB_INT(r->proposal), DB_TEXT(parent), DB_TEXT(position),
	    DB_TEXT(w->sess.territory[0] ? w->sess.territory : NULL),
	    DB_TEXT(r->body), DB_TEXT(html), DB_INT(l.max_depth));
	free(html);
	return (q);
}

/* POST /propositions/:id/arguments, position = pour|contre, texte. */
int
argument_post(struct web_req *w)
{
	struct reply		*r = web_state(w, sizeof(*r));
	struct part_limits	 l;
	const char		*pos = web_arg(w, "position");

	if (w->step > 0)
		return (reply_done(w, r, "argument_published"));
	if (!text_parse_id(w->args[0], &r->proposal))
		return (web_error(w, 404, NULL));
	if (vocab_find(vocab_position, POS__MAX, pos) == -1)
		return (web_error(w, 400, "Précisez si votre argument est "
		    "« pour » ou « contre ». Rien n'a été enregistré."));
	part_limits(&l);
	r->label = "Votre argument";
	r->hname = "position";
	r->hvalue = pos;
	r->max = l.argument_max;
	return (reply_write(w, r, NULL, pos));
}

/* POST /propositions/:id/commentaires, texte, parent (optional id). */
int
comment_post(struct web_req *w)
{
	struct reply		*r = web_state(w, sizeof(*r));
	struct part_limits	 l;
	const char		*parent = web_arg(w, "parent");
	long long		 pid;

	if (w->step > 0)
		return (reply_done(w, r, "comment_published"));
	if (!text_parse_id(w->args[0], &r->proposal))
		return (web_error(w, 404, NULL));
	if (parent != NULL && *parent == '\0')
		parent = NULL;
	if (parent != NULL && !text_parse_id(parent, &pid))
		return (part_refuse(w, "no_parent"));
	part_limits(&l);
	r->label = "Votre commentaire";
	r->hname = "parent";
	r->hvalue = parent;
	r->max = l.comment_max;
	return (reply_write(w, r, parent, NULL));
}

/* POST /arguments/:id/utile: marks the argument useful, or unmarks it. */
int
useful_post(struct web_req *w)
{
	long long	*id = web_state(w, sizeof(*id));
	const char	*code;

	if (w->step == 0) {
		if (!text_parse_id(w->args[0], id))
			return (web_error(w, 404, NULL));
		return (web_query(w, Q_RESULT, &sql_part_useful,
		    DB_ID(w->sess.user_id), DB_INT(*id)));
	}
	code = web_text(w, Q_RESULT, 0, USEFUL_CODE);
	if (strcmp(code, "on") != 0 && strcmp(code, "off") != 0)
		return (part_refuse(w, code));
	web_flash(w, strcmp(code, "on") == 0 ? "useful_on" : "useful_off");
	return (web_redirect(w, ui_contribution(w, web_int(w, Q_RESULT, 0,
	    USEFUL_PROPOSAL), *id)));
}

/*
 * POST /contributions/:id/retirer: its author withdraws an argument or a
 * comment (participation_withdraw: the text kept in the versions, gone
 * from everything public), or closes a proposal (its text and votes stay).
 * 404 for someone else's.
 */
int
withdraw_post(struct web_req *w)
{
	long long	*id = web_state(w, sizeof(*id));
	const char	*code;

	if (w->step == 0) {
		if (!text_parse_id(w->args[0], id))
			return (web_error(w, 404, NULL));
		return (web_query(w, Q_RESULT, &sql_part_withdraw,
		    DB_ID(w->sess.user_id), DB_INT(*id)));
	}
	code = web_text(w, Q_RESULT, 0, WD_CODE);
	if (strcmp(code, "ok") != 0)
		return (part_refuse(w, code));
	web_flash(w, web_int(w, Q_RESULT, 0, WD_THREAD) == *id ?
	    "proposal_withdrawn" : "contribution_withdrawn");
	return (web_redirect(w, ui_contribution(w, web_int(w, Q_RESULT, 0,
	    WD_THREAD), *id)));
}
