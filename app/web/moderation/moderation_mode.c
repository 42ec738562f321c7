/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The administrators' choice of each consultation's moderation mode
 * (/admin/consultation): a priori, every contribution waits in the queue;
 * a posteriori, it is published at once and may be flagged. Every change
 * is written to the moderation log (consultation_set_mode()).
 */

#include <string.h>

#include "../../core/addresses.h"
#include "../../core/modlog.h"
#include "../../core/refusal.h"
#include "../../core/text.h"
#include "../../core/vocab.h"
#include "../../db/moderation.h"
#include "../kernel/app.h"
#include "../kernel/form.h"
#include "../kernel/web.h"

int	admin_consultation(struct web_req *);
void	consultation_vote_section(struct web_req *, long long, const char *);

enum { Q_MODES, Q_SET };

/* What the steps share (web_state). */
struct mode_view {
	struct form	f;
	int		set;		/* Q_SET was sent */
};

/* One consultation: its mode, and a button to switch to the other. */
static void
write_consultation(struct web_req *w, int i)
{
	long long	 id = web_int(w, Q_MODES, i, CM_ID);
	int		 mode, other;

	mode = vocab_find(vocab_mode, MODE__MAX, web_text(w, Q_MODES, i,
	    CM_MODE)) == MODE_APRIORI ? MODE_APRIORI : MODE_APOSTERIORI;
	other = mode == MODE_APRIORI ? MODE_APOSTERIORI : MODE_APRIORI;
	html_raw(H, "<section>\n<h2>");
	html_text(H, web_text(w, Q_MODES, i, CM_TITLE));
	html_raw(H, "</h2>\n<p>Mode actuel : <strong>");
	html_text(H, vocab_mode[mode].label);
	html_raw(H, "</strong>.</p>\n");
	form_begin(w, UI_ADMIN_CONSULTATION, web_printf(w,
	    "Mode de la consultation %lld", id));
	html_rawf(H, "<input type=\"hidden\" name=\"consultation\" "
	    "value=\"%lld\">\n", id);
	/* One button per consultation: ids stay unique on the page. */
	html_raw(H, "<input type=\"hidden\" name=\"mode\" value=\"");
	html_text(H, vocab_mode[other].code);
	html_raw(H, "\">\n");
	form_end(w, web_printf(w, "Passer en modération %s",
	    vocab_mode[other].label));
	consultation_vote_section(w, id, web_text(w, Q_MODES, i, CM_VOTE_FC));
	html_raw(H, "</section>\n");
}

/* Writes one form per consultation. */
static int
mode_page(struct web_req *w, struct mode_view *v, int status)
{
	int	i;

	page_begin(w, "Mode de modération");
	html_raw(H, "<h1>Mode de modération des consultations</h1>\n");
	form_summary(&v->f);
	html_raw(H, "<p>En mode a priori, les nouvelles contributions "
	    "attendent dans la <a href=\"" UI_MODERATION "\">file de modération"
	    "</a> ; en mode a posteriori elles sont publiées tout de suite et "
	    "les participants peuvent les signaler. Chaque changement est "
	    "inscrit au journal de modération.</p>\n");
	for (i = 0; i < web_rows(w, Q_MODES); i++)
		write_consultation(w, i);
	page_end(w);
	return (web_send(w, status));
}

/*
 * Step 0: a change asked for is checked and sent; otherwise (a GET, or a
 * mode that is not one) the consultations, to write the page.
 */
static int
mode_ask(struct web_req *w, struct mode_view *v)
{
	struct form_option	 opts[MODE__MAX];
	const char		*which, *mode;
	char			 ref[13];
	long long		 id;
	int			 m;

	form_init(&v->f, w);
	if (w->req->method != HTTP_METHOD_POST)
		return (web_query(w, Q_MODES, &sql_consultation_modes));
	which = web_arg(w, "consultation");
	if (which == NULL || !text_parse_id(which, &id))
		return (web_error(w, 404, "Cette consultation n'existe pas."));
	for (m = 0; m < MODE__MAX; m++) {
		opts[m].value = vocab_mode[m].code;
		opts[m].label = vocab_mode[m].label;
	}
	if (!form_choice(&v->f, "mode", "Mode de modération", opts,
	    MODE__MAX, 1, &mode))
		return (web_query(w, Q_MODES, &sql_consultation_modes));
	modlog_pseudonym(app.secret, app.secret_len, w->sess.user_id, ref);
	v->set = 1;
	return (web_query(w, Q_SET, &sql_consultation_set_mode, DB_INT(id),
	    DB_INT(w->sess.user_id), DB_TEXT(ref), DB_TEXT(mode)));
}

/* Step 1: the page, or what consultation_set_mode() said. */
static int
mode_done(struct web_req *w, struct mode_view *v)
{
	const struct refusal	*no;
	const char		*r;

	if (!v->set)
		return (mode_page(w, v, v->f.nerrors > 0 ? 422 : 200));
	r = web_text(w, Q_SET, 0, SETMODE_RESULT);
	if ((no = refusal_find(refusal_mode, refusal_mode_n, r)) != NULL)
		return (web_error(w, no->status, no->msg));
	web_flash(w, strcmp(r, "ok") == 0 ? "mode_changed" : "mode_unchanged");
	return (web_redirect(w, UI_ADMIN_CONSULTATION));
}

/*
 * GET and POST /admin/consultation (administrators). Raises 404 for an
 * unknown consultation, 422 for an unknown mode.
 */
int
admin_consultation(struct web_req *w)
{
	struct mode_view	*v = web_state(w, sizeof(*v));

	if (w->step == 0)
		return (mode_ask(w, v));
	return (mode_done(w, v));
}
