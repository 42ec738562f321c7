/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * /conseil/avis/<id>/reponse: an official publishes (or corrects) the
 * Region's response to a published opinion of the council; the public
 * page shows it and the referral's state becomes "réponse de la Région".
 */

#include <stdlib.h>
#include <string.h>

#include "../../core/markdown.h"
#include "../../core/modlog.h"
#include "../../core/text.h"
#include "../../db/council.h"
#include "../kernel/app.h"
#include "../shared/ui.h"
#include "council.h"

int	council_response(struct web_req *);

enum { Q_REF, Q_SAVE };

struct council_response {
	long long	 id;
	struct form	 f;
	const char	*body;
};

static int
response_page(struct web_req *w, struct council_response *r, int status)
{
	const struct ui_crumb	up[] = {
		{ UI_COUNCIL, "Conseil numérique" },
		{ ui_council_opinion(w, r->id, NULL),
		    web_printf(w, "Saisine n°%lld", r->id) } };

	page_begin(w, "Réponse de la Région à un avis du conseil");
	ui_crumbs(w, up, 2, "Réponse de la Région");
	html_raw(H, "<h1>Réponse de la Région à l'avis du conseil</h1>\n");
	form_summary(&r->f);
	council_write_referral(w, Q_REF);
	council_write_opinion(w, Q_REF);
	form_begin(w, ui_council_opinion(w, r->id, "reponse"),
	    "Réponse de la Région");
	form_textarea(&r->f, "reponse", "Texte de la réponse", r->body,
	    "10 000 caractères au plus. Markdown accepté. Publiée sur la page "
	    "de l'avis et dans les données ouvertes.", 1, 12);
	form_end(w, "Publier la réponse");
	page_end(w);
	return (web_send(w, status));
}

static int
response_save(struct web_req *w, struct council_response *r)
{
	char	*html, ref[13];
	int	 q;

	if (!form_text(&r->f, "reponse", "Texte de la réponse", 1,
	    COUNCIL_RESPONSE_MAX, 1, &r->body))
		return (response_page(w, r, 422));
	if ((html = markdown_render(r->body, strlen(r->body), 2)) == NULL)
		fatal("markdown_render: out of memory");
	/* The act goes into the moderation log under a pseudonym. */
	modlog_pseudonym(app.secret, app.secret_len, w->sess.user_id, ref);
	q = web_query(w, Q_SAVE, &sql_council_respond, DB_INT(r->id),
	    DB_ID(w->sess.user_id), DB_TEXT(ref), DB_TEXT(r->body),
	    DB_TEXT(html));
	free(html);
	return (q);
}

/*
 * GET and POST /conseil/avis/:id/reponse (officials). Raises 404 for no
 * referral, 409 before its opinion is published, 422 for an empty text.
 */
int
council_response(struct web_req *w)
{
	struct council_response	*r = web_state(w, sizeof(*r));

	if (w->step == 0) {
		if (!text_parse_id(w->args[0], &r->id))
			return (web_error(w, 404, NULL));
		return (web_query(w, Q_REF, &sql_council_referral,
		    DB_INT(r->id)));
	}
	if (w->step == 1) {
		if (web_rows(w, Q_REF) != 1)
			return (web_error(w, 404, NULL));
		if (web_null(w, Q_REF, 0, CR_OP_HTML))
			return (web_error(w, 409, "Le conseil n'a pas encore "
			    "publié son avis sur cette saisine : la Région y "
			    "répondra ensuite."));
		form_init(&r->f, w);
		if (w->req->method != HTTP_METHOD_POST) {
			if (!web_null(w, Q_REF, 0, CR_RE_BODY))
				r->body = web_text(w, Q_REF, 0, CR_RE_BODY);
			return (response_page(w, r, 200));
		}
		return (response_save(w, r));
	}
	if (strcmp(web_text(w, Q_SAVE, 0, CW_RESULT), "t") != 0)
		return (web_error(w, 409, "La réponse n'a pas pu être publiée. "
		    "Rien n'a été enregistré."));
	web_flash(w, "council_response");
	return (web_redirect(w, ui_council_opinion(w, r->id, NULL)));
}
