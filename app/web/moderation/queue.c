/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The moderators' queue (/moderation/): what waits for a decision, oldest
 * first, filtered by theme, reason and status through a GET form that
 * works without JavaScript. A filter value that is not one of the list's
 * means "all", as the form's first option does.
 */

#include "../../core/text.h"
#include "../../core/vocab.h"
#include "../../db/moderation.h"
#include "../shared/ui.h"
#include "moderation.h"

int	moderation_queue(struct web_req *);

#define QUEUE_PAGE	20
#define QUEUE_PAGE_MAX	100000

enum { Q_THEMES, Q_COUNT, Q_PAGE };

/* What was asked (web_state): "" for a filter that is not set. */
struct queue_view {
	const char	*theme;		/* a slug */
	const char	*reason;	/* vocab_reason's code */
	const char	*status;	/* vocab_status' code, not rejected */
	long long	 page;
};

/* The statuses a queued contribution can have, for the filter. */
static const int	queue_statuses[] = { ST_PENDING, ST_PUBLISHED,
			    ST_HIDDEN };
#define NSTATUSES	(sizeof(queue_statuses) / sizeof(queue_statuses[0]))

/* Reads theme=, motif=, statut= and page=. */
static void
queue_parse(struct web_req *w, struct queue_view *v)
{
	const char	*s;
	size_t		 i;
	int		 k;

	v->theme = web_arg(w, "theme");
	if (v->theme == NULL || !text_slug_valid(v->theme))
		v->theme = "";
	k = vocab_find(vocab_reason, REASON__MAX, web_arg(w, "motif"));
	v->reason = k == -1 ? "" : vocab_reason[k].code;
	k = vocab_find(vocab_status, ST__MAX, web_arg(w, "statut"));
	v->status = "";
	for (i = 0; i < NSTATUSES; i++)
		if (k == queue_statuses[i])
			v->status = vocab_status[k].code;
	v->page = 1;
	if ((s = web_arg(w, "page")) != NULL && !text_parse_id(s, &v->page))
		v->page = 1;
	if (v->page > QUEUE_PAGE_MAX)
		v->page = QUEUE_PAGE_MAX;
}

static struct db_arg
or_null(const char *s)
{
	return (DB_TEXT(*s != '\0' ? s : NULL));
}

/* Step 0: the themes of the filter, the count and the page, together. */
static int
queue_ask(struct web_req *w, struct queue_view *v)
{
	queue_parse(w, v);
	web_query(w, Q_THEMES, &sql_queue_themes);
	web_query(w, Q_COUNT, &sql_queue_count, or_null(v->theme),
	    or_null(v->reason), or_null(v->status));
	return (web_query(w, Q_PAGE, &sql_queue, or_null(v->theme),
	    or_null(v->reason), or_null(v->status),
	    DB_INT((v->page - 1) * QUEUE_PAGE), DB_INT(QUEUE_PAGE),
	    DB_INT(w->sess.user_id)));
}

/* The three selects, each with "all" first. */
static void
write_filters(struct web_req *w, struct queue_view *v)
{
	struct form		 f;
	struct form_option	*opts;
	size_t			 i, n = (size_t)web_rows(w, Q_THEMES);

	form_init(&f, w);
	html_raw(H, "<form method=\"get\" action=\"" UI_MODERATION "\" "
	    "class=\"filters\" aria-label=\"Filtrer la file\">\n");
	opts = web_alloc(w, (n + REASON__MAX + 1) * sizeof(*opts));
	opts[0].value = "";
	opts[0].label = "Tous les thèmes";
	for (i = 0; i < n; i++) {
		opts[i + 1].value = web_text(w, Q_THEMES, (int)i, QT_SLUG);
		opts[i + 1].label = web_text(w, Q_THEMES, (int)i, QT_TITLE);
	}
	form_select(&f, "theme", "Thème", opts, n + 1, v->theme, NULL, 0);
	opts[0].label = "Tous les motifs";
	for (i = 0; i < REASON__MAX; i++) {
		opts[i + 1].value = vocab_reason[i].code;
		opts[i + 1].label = vocab_reason[i].label;
	}
	form_select(&f, "motif", "Motif", opts, REASON__MAX + 1, v->reason,
	    NULL, 0);
	opts[0].label = "Tous les statuts";
	for (i = 0; i < NSTATUSES; i++) {
		opts[i + 1].value = vocab_status[queue_statuses[i]].code;
		opts[i + 1].label = vocab_status[queue_statuses[i]].label;
	}
	form_select(&f, "statut", "Statut", opts, NSTATUSES + 1, v->status,
	    NULL, 0);
	html_raw(H, "<p><button type=\"submit\">Filtrer</button></p>\n"
	    "</form>\n");
}

static void
write_row(struct web_req *w, int i)
{
	html_raw(H, "<tr><td>");
	html_text(H, web_text(w, Q_PAGE, i, QU_QUEUED));
	html_raw(H, "</td><th scope=\"row\"><a href=\"");
	html_text(H, ui_moderation_item(w, web_int(w, Q_PAGE, i, QU_ID)));
	html_raw(H, "\">");
	html_text(H, vocab_label(vocab_kind, KIND__MAX,
	    web_text(w, Q_PAGE, i, QU_KIND)));
	html_raw(H, " n° ");
	ui_number(w, web_int(w, Q_PAGE, i, QU_ID));
	html_raw(H, " : ");
	html_text(H, web_text(w, Q_PAGE, i, QU_TITLE));
	html_raw(H, "</a></th><td>");
	html_text(H, web_text(w, Q_PAGE, i, QU_THEME));
	html_raw(H, "</td><td>");
	html_text(H, vocab_label(vocab_reason, REASON__MAX,
	    web_text(w, Q_PAGE, i, QU_REASON)));
	if (web_bool(w, Q_PAGE, i, QU_APPEAL_OWN))
		html_raw(H, " — <strong>vous avez pris la décision initiale"
		    "</strong>, à laisser à un autre membre de l'équipe");
	html_raw(H, "</td><td>");
	html_text(H, vocab_label(vocab_status, ST__MAX,
	    web_text(w, Q_PAGE, i, QU_STATUS)));
	html_raw(H, "</td><td>");
	ui_number(w, web_int(w, Q_PAGE, i, QU_FLAGS));
	html_raw(H, "</td></tr>\n");
}

static void
write_table(struct web_req *w, long long total)
{
	int	i;

	if (web_rows(w, Q_PAGE) == 0) {
		if (total > 0)
			html_raw(H, "<p>Aucune contribution sur cette page."
			    "</p>\n");
		return;
	}
	html_raw(H, "<table tabindex=\"0\" class=\"queue\">\n"
	    "<caption>Contributions à "
	    "modérer, la plus ancienne en premier</caption>\n<thead><tr>"
	    "<th scope=\"col\">Dans la file depuis</th>"
	    "<th scope=\"col\">Contribution</th>"
	    "<th scope=\"col\">Thème</th>"
	    "<th scope=\"col\">Motif</th>"
	    "<th scope=\"col\">Statut</th>"
	    "<th scope=\"col\">Signalements</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < web_rows(w, Q_PAGE); i++)
		write_row(w, i);
	html_raw(H, "</tbody>\n</table>\n");
}

/* The address of the queue's page n, with its filters (ui_pager). */
static const char *
queue_href(struct web_req *w, void *arg, long long n)
{
	struct queue_view	*v = arg;

	return (ui_moderation_queue(w, v->theme, v->reason, v->status, n));
}

static int
queue_render(struct web_req *w, struct queue_view *v)
{
	long long	total = web_int(w, Q_COUNT, 0, QC_N);

	page_begin(w, "File de modération");
	html_raw(H, "<h1>File de modération</h1>\n<p>Les contributions en "
	    "attente, signalées au-delà du seuil, ou retenues comme doublons "
	    "probables, de la plus ancienne à la plus récente. Chaque décision "
	    "cite une règle de la <a href=\"" UI_CHARTER "\">charte</a> et est "
	    "inscrite au journal de modération (voir la "
	    "<a href=\"" UI_TRANSPARENCY "\">page de transparence</a>)."
	    "</p>\n<p><a href=\"" UI_MODERATION_MESSAGES "\">Messages "
	    "envoyés à la modération</a></p>\n");
	write_filters(w, v);
	html_raw(H, "<p role=\"status\">");
	if (total == 0)
		html_raw(H, "Aucune contribution à modérer.");
	else {
		ui_count(w, total, "contribution", "contributions");
		html_raw(H, " à modérer.");
	}
	html_raw(H, "</p>\n");
	write_table(w, total);
	ui_pager(w, "Pagination", v->page, (total + QUEUE_PAGE - 1) /
	    QUEUE_PAGE, queue_href, v);
	page_end(w);
	return (web_send(w, 200));
}

/* GET /moderation/ (moderators, admins): the queue, oldest first. */
int
moderation_queue(struct web_req *w)
{
	struct queue_view	*v = web_state(w, sizeof(*v));

	if (w->step == 0)
		return (queue_ask(w, v));
	return (queue_render(w, v));
}
