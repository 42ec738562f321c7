/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The pages of a proposal's thread (issue 18, item 2), without script:
 * each list (arguments pour, contre, the comments) shows THREAD_PAGE
 * top-level rows from its cursor, ?pour=de-<id> (the page starting at that
 * row) or ?pour=avant-<id> (the page before it); its links keep the other
 * lists where they are and the order. ?voir=<id> opens the page holding
 * that argument or comment, or the row its reply is under, with all that
 * row's replies (the permalinks of notifications, mails and the
 * moderation log); ?reponses=<id> shows every reply of one row.
 */

#include <string.h>

#include "../../core/text.h"
#include "../../core/vocab.h"
#include "../../db/threads.h"
#include "../shared/ui.h"
#include "proposal.h"

const char	*const thread_cursor_code[CUR__MAX] = {
	[CUR_FIRST] = "", [CUR_FROM] = "de", [CUR_BEFORE] = "avant",
	[CUR_SEE] = "voir" };

/* Each list's field, its rows' names and its links' words. */
static const struct {
	const char	*field;
	const char	*one, *many;	/* "argument pour", "arguments pour" */
	const char	*prev, *next;
	const char	*frag;
} lists[LIST__MAX] = {
	[LIST_POUR] = { "pour", "argument pour", "arguments pour",
	    "Arguments pour précédents", "Arguments pour suivants",
	    "arguments" },
	[LIST_CONTRE] = { "contre", "argument contre", "arguments contre",
	    "Arguments contre précédents", "Arguments contre suivants",
	    "arguments" },
	[LIST_COMMENTS] = { "commentaires", "commentaire sur la proposition",
	    "commentaires sur la proposition", "Commentaires précédents",
	    "Commentaires suivants", "commentaires" },
};

/* "de-<id>" or "avant-<id>" into l; 0, or -1 when malformed. */
static int
parse_cursor(const char *s, struct thread_list *l)
{
	const char	*dash;
	int		 m;

	if (s == NULL || *s == '\0')
		return (0);
	if ((dash = strchr(s, '-')) == NULL)
		return (-1);
	for (m = CUR_FROM; m <= CUR_BEFORE; m++)
		if (strlen(thread_cursor_code[m]) == (size_t)(dash - s) &&
		    strncmp(s, thread_cursor_code[m], dash - s) == 0)
			break;
	if (m > CUR_BEFORE || !text_parse_id(dash + 1, &l->cur))
		return (-1);
	l->mode = m;
	return (0);
}

/* An optional id field: 0 absent, -1 malformed. */
static int
parse_id(struct web_req *w, const char *field, long long *out)
{
	const char	*s = web_arg(w, field);

	*out = 0;
	if (s == NULL || *s == '\0')
		return (0);
	return (text_parse_id(s, out) ? 0 : -1);
}

int
thread_pages_parse(struct web_req *w, struct proposal_view *v)
{
	int	i;

	for (i = 0; i < LIST__MAX; i++)
		if (parse_cursor(web_arg(w, lists[i].field), &v->list[i]) == -1)
			return (-1);
	if (parse_id(w, "voir", &v->see) == -1 ||
	    parse_id(w, "reponses", &v->expand) == -1)
		return (-1);
	if (v->see != 0)
		for (i = 0; i < LIST__MAX; i++) {
			v->list[i].mode = CUR_SEE;
			v->list[i].cur = v->see;
		}
	return (0);
}

int
thread_pages_ask(struct web_req *w, struct proposal_view *v)
{
	struct thread_list	*l = v->list;

	web_query(w, Q_COUNTS, &sql_thread_counts, DB_INT(v->id));
	return (web_query(w, Q_THREAD, &sql_thread_page, DB_INT(v->id), DB_ID(w->sess.user_id),
	    DB_INT(THREAD_PAGE),
	    DB_TEXT(thread_cursor_code[l[LIST_POUR].mode]),
	    DB_ID(l[LIST_POUR].cur),
	    DB_TEXT(thread_cursor_code[l[LIST_CONTRE].mode]),
	    DB_ID(l[LIST_CONTRE].cur),
	    DB_TEXT(thread_cursor_code[l[LIST_COMMENTS].mode]),
	    DB_ID(l[LIST_COMMENTS].cur), DB_INT(THREAD_REPLIES),
	    DB_ID(v->expand), DB_INT(THREAD_MAX),
	    DB_INT(v->lim.edit_window),
	    DB_BOOL(!v->archived && v->sort == THREAD_SORT_USEFUL)));
}

/*
 * This page's address with list l at (mode, id) and the other lists where
 * they are, the order kept, every reply of expand shown (0: none), at
 * #frag.
 */
static const char *
pages_url(struct web_req *w, struct proposal_view *v, int l, int mode,
    long long id, long long expand, const char *frag)
{
	const char	*u = ui_proposal(w, v->id), *sep = "?";
	int		 i, m;
	long long	 at;

	if (v->sort != THREAD_SORT_DATE) {
		u = web_printf(w, "%s?tri=%s", u, thread_sort_code[v->sort]);
		sep = "&";
	}
	for (i = 0; i < LIST__MAX; i++) {
		m = i == l ? mode : v->list[i].first > 1 ? CUR_FROM : CUR_FIRST;
		at = i == l ? id : v->list[i].first_id;
		if (m == CUR_FIRST)
			continue;
		u = web_printf(w, "%s%s%s=%s-%lld", u, sep, lists[i].field,
		    thread_cursor_code[m], at);
		sep = "&";
	}
	if (expand != 0)
		u = web_printf(w, "%s%sreponses=%lld", u, sep, expand);
	return (web_printf(w, "%s#%s", u, frag));
}

static void
nav_link(struct web_req *w, const char *url, const char *label, int rel)
{
	html_raw(H, "<a href=\"");
	html_text(H, url);
	html_raw(H, rel ? "\" rel=\"next\">" : "\" rel=\"prev\">");
	html_text(H, label);
	html_raw(H, "</a>");
}

/*
 * "196 arguments pour, affichés 1 à 20" (the rows of the list this
 * visitor pages through: the published ones, their own, the places of
 * the withdrawn), then the links to the pages before and after.
 */
void
thread_pages_nav(struct web_req *w, struct proposal_view *v, int i)
{
	const struct thread_list	*l = &v->list[i];

	if (l->total == 0)
		return;
	html_raw(H, "<nav class=\"pages\" aria-label=\"Pages : ");
	html_text(H, lists[i].many);
	html_rawf(H, "\">\n<p>%d ", l->total);
	html_text(H, l->total > 1 ? lists[i].many : lists[i].one);
	if (l->shown == 0)
		html_raw(H, ", aucun sur cette page");
	else if (l->shown == l->total)
		html_raw(H, l->total > 1 ? ", tous affichés" : ", affiché");
	else
		html_rawf(H, ", affichés %d à %d", l->first,
		    l->first + l->shown - 1);
	html_raw(H, ".</p>\n");
	if (l->first > 1 || l->next_id != 0) {
		html_raw(H, "<p>");
		if (l->first > 1)
			nav_link(w, pages_url(w, v, i, CUR_BEFORE, l->first_id ?
			    l->first_id : l->cur, 0, lists[i].frag),
			    lists[i].prev, 0);
		if (l->first > 1 && l->next_id != 0)
			html_raw(H, " · ");
		if (l->next_id != 0)
			nav_link(w, pages_url(w, v, i, CUR_FROM, l->next_id, 0,
			    lists[i].frag), lists[i].next, 1);
		html_raw(H, "</p>\n");
	}
	html_raw(H, "</nav>\n");
}

/* The rows written under node. */
static int
subtree_rows(struct proposal_view *v, int node)
{
	int	r, n = 0;

	for (r = v->first[node]; r != -1; r = v->next[r])
		n += 1 + subtree_rows(v, r);
	return (n);
}

void
thread_replies_link(struct web_req *w, struct proposal_view *v, int r)
{
	long long	id = web_int(w, Q_THREAD, r, TR_ID);
	int		n = web_int(w, Q_THREAD, r, TP_NREPLIES);
	int		i = v->kind[r] == KIND_COMMENT ? LIST_COMMENTS :
			    thread_row_position(w, r) == POS_CONTRE ?
			    LIST_CONTRE : LIST_POUR;

	if (n <= subtree_rows(v, r))
		return;
	html_raw(H, "<p class=\"more-replies\"><a href=\"");
	html_text(H, pages_url(w, v, i, v->list[i].first > 1 ? CUR_FROM :
	    CUR_FIRST, v->list[i].first_id, id, web_printf(w, "c%lld", id)));
	html_rawf(H, "\">Afficher les %d réponses", n);
	html_raw(H, "<span class=\"visually-hidden\"> à ");
	html_text(H, web_text(w, Q_THREAD, r, TR_AUTHOR));
	html_raw(H, ", du ");
	html_text(H, web_text(w, Q_THREAD, r, TR_DATE));
	html_rawf(H, "</span></a> (%d affichées)</p>\n", subtree_rows(v, r));
}
