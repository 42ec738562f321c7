/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The state changes on a proposal page: vote, argument, comment, "utile".
 * Each is CSRF-checked, then one SQL function call that checks the
 * consultation dates and the proposal's status itself and writes in one
 * statement (nothing half written), then a redirect with a flash message.
 */

#include <stdlib.h>
#include <string.h>

#include "../../core/markdown.h"
#include "../../core/text.h"
#include "../../db/participation.h"
#include "../kernel/session.h"
#include "participation.h"

int	vote_post(struct web_req *);
int	argument_post(struct web_req *);
int	comment_post(struct web_req *);
int	useful_post(struct web_req *);

static int
csrf_refuse(struct web_req *w)
{
	return (web_error(w, 403, "Le formulaire a expiré ou ne vient pas de "
	    "ce site. Rechargez la page et recommencez : rien n'a été "
	    "enregistré."));
}

/* POST /propositions/:id/vote, choix = agree|mixed|disagree|none. */
int
vote_post(struct web_req *w)
{
	static const char *const choices[] =
	    { "agree", "mixed", "disagree", "none" };
	const char	*choice, *code;
	long long	 id;
	char		 uid[24], path[64];
	size_t		 i;

	if (w->step == 0) {
		if (!csrf_valid(w))
			return (csrf_refuse(w));
		if (!text_parse_id(w->args[0], &id))
			return (web_error(w, 404, NULL));
		if ((choice = web_arg(w, "choix")) == NULL)
			choice = "";
		for (i = 0; i < 4; i++)
			if (strcmp(choice, choices[i]) == 0)
				break;
		if (i == 4)
			return (web_error(w, 400, "Avis inconnu : choisissez "
			    "« d'accord », « mitigé » ou « pas d'accord ». "
			    "Rien n'a été enregistré."));
		return (web_sql(w, sql_part_vote, 3,
		    part_itoa(w->sess.user_id, uid), w->args[0], choice));
	}
	code = web_value(w, 0, 0, 0);
	if (strcmp(code, "ok") != 0)
		return (part_refuse(w, code));
	choice = web_arg(w, "choix");
	web_flash(w, strcmp(choice, "none") == 0 ? "vote_removed" :
	    "vote_saved");
	snprintf(path, sizeof(path), "/propositions/%s#votes", w->args[0]);
	return (web_redirect(w, path));
}

/* The page a refused argument or comment is shown again on (422). */
static int
reply_again(struct web_req *w, struct form *f, const char *label,
    const char *value, const char *hname, const char *hvalue, int max)
{
	char	path[80], hint[96];

	page_begin(w, "Votre contribution n'a pas été publiée");
	html_raw(H, "<h1>Votre contribution n'a pas été publiée</h1>\n");
	form_summary(f);
	snprintf(path, sizeof(path), "/propositions/%s/%s", w->args[0],
	    strcmp(hname, "position") == 0 ? "arguments" : "commentaires");
	form_begin(w, path, NULL);
	if (hvalue != NULL) {
		html_raw(H, "<input type=\"hidden\" name=\"");
		html_text(H, hname);
		html_raw(H, "\" value=\"");
		html_text(H, hvalue);
		html_raw(H, "\">\n");
	}
	snprintf(hint, sizeof(hint), "%d caractères au plus. Markdown accepté.",
	    max);
	form_textarea(f, "texte", label, value, hint, 1, 6);
	form_end(w, "Publier");
	html_raw(H, "<p><a href=\"/propositions/");
	html_text(H, w->args[0]);
	html_raw(H, "\">Revenir à la proposition</a></p>\n");
	page_end(w);
	return (web_send(w, 422));
}

/* Shared by argument_post and comment_post once the row is written. */
static int
reply_done(struct web_req *w, const char *kind)
{
	const char	*code = web_value(w, 0, 0, 0);
	char		 path[96];

	if (strcmp(code, "ok") == 0)
		web_flash(w, kind);
	else if (strcmp(code, "pending") == 0)
		web_flash(w, "contribution_pending");
	else
		return (part_refuse(w, code));
	snprintf(path, sizeof(path), "/propositions/%s#c%s", w->args[0],
	    web_value(w, 0, 0, 1));
	return (web_redirect(w, path));
}

static int
reply_write(struct web_req *w, const char *parent, const char *position,
    const char *body)
{
	struct part_limits	 l;
	char			*html, uid[24], depth[24];
	int			 r;

	part_limits(&l);
	if ((html = markdown_render(body, strlen(body), 3)) == NULL)
		fatal("markdown_render: out of memory");
	r = web_sql(w, sql_part_reply, 8, part_itoa(w->sess.user_id, uid),
	    w->args[0], parent, position,
	    w->sess.territory[0] ? w->sess.territory : NULL, body, html,
	    part_itoa(l.max_depth, depth));
	free(html);
	return (r);
}

/* POST /propositions/:id/arguments, position = pour|contre, texte. */
int
argument_post(struct web_req *w)
{
	struct form		 f;
	struct part_limits	 l;
	const char		*pos, *body;
	long long		 id;

	if (w->step > 0)
		return (reply_done(w, "argument_published"));
	if (!csrf_valid(w))
		return (csrf_refuse(w));
	if (!text_parse_id(w->args[0], &id))
		return (web_error(w, 404, NULL));
	if ((pos = web_arg(w, "position")) == NULL ||
	    (strcmp(pos, "pour") != 0 && strcmp(pos, "contre") != 0))
		return (web_error(w, 400, "Précisez si votre argument est "
		    "« pour » ou « contre ». Rien n'a été enregistré."));
	part_limits(&l);
	form_init(&f, w);
	if (!form_text(&f, "texte", "Votre argument", 1, l.argument_max, 1,
	    &body))
		return (reply_again(w, &f, "Votre argument", body, "position",
		    pos, l.argument_max));
	return (reply_write(w, NULL, pos, body));
}

/* POST /propositions/:id/commentaires, texte, parent (optional id). */
int
comment_post(struct web_req *w)
{
	struct form		 f;
	struct part_limits	 l;
	const char		*parent, *body;
	long long		 id, pid;

	if (w->step > 0)
		return (reply_done(w, "comment_published"));
	if (!csrf_valid(w))
		return (csrf_refuse(w));
	if (!text_parse_id(w->args[0], &id))
		return (web_error(w, 404, NULL));
	if ((parent = web_arg(w, "parent")) != NULL && *parent == '\0')
		parent = NULL;
	if (parent != NULL && !text_parse_id(parent, &pid))
		return (part_refuse(w, "no_parent"));
	part_limits(&l);
	form_init(&f, w);
	if (!form_text(&f, "texte", "Votre commentaire", 1, l.comment_max, 1,
	    &body))
		return (reply_again(w, &f, "Votre commentaire", body, "parent",
		    parent, l.comment_max));
	return (reply_write(w, parent, NULL, body));
}

/* POST /arguments/:id/utile: marks the argument useful, or unmarks it. */
int
useful_post(struct web_req *w)
{
	const char	*code;
	long long	 id;
	char		 uid[24], path[96];

	if (w->step == 0) {
		if (!csrf_valid(w))
			return (csrf_refuse(w));
		if (!text_parse_id(w->args[0], &id))
			return (web_error(w, 404, NULL));
		return (web_sql(w, sql_part_useful, 2,
		    part_itoa(w->sess.user_id, uid), w->args[0]));
	}
	code = web_value(w, 0, 0, 0);
	if (strcmp(code, "on") != 0 && strcmp(code, "off") != 0)
		return (part_refuse(w, code));
	web_flash(w, strcmp(code, "on") == 0 ? "useful_on" : "useful_off");
	snprintf(path, sizeof(path), "/propositions/%s#c%s",
	    web_value(w, 0, 0, 1), w->args[0]);
	return (web_redirect(w, path));
}
