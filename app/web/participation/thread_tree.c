/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The page of a proposal's thread (Q_THREAD, thread_pages.c: each list's
 * top-level rows in its order, then their replies oldest first) becomes a
 * tree once, in O(n log n), and each list learns what its page holds.
 */

#include <stdlib.h>

#include "../../core/vocab.h"
#include "../../db/threads.h"
#include "proposal.h"

struct idrow {
	long long	id;
	int		row;
};

static int
idrow_cmp(const void *a, const void *b)
{
	const struct idrow	*x = a, *y = b;

	return (x->id < y->id ? -1 : x->id > y->id);
}

/* Every row's kind and status, read once. */
static void
thread_read(struct web_req *w, struct proposal_view *v, struct idrow *ids)
{
	int	r;

	for (r = 0; r < v->n; r++) {
		v->kind[r] = vocab_find(vocab_kind, KIND__MAX,
		    web_text(w, Q_THREAD, r, TR_KIND));
		v->status_of[r] = vocab_find(vocab_status, ST__MAX,
		    web_text(w, Q_THREAD, r, TR_STATUS));
		ids[r].id = web_int(w, Q_THREAD, r, TR_ID);
		ids[r].row = r;
		v->first[r] = v->last[r] = v->next[r] = -1;
	}
	v->first[v->n] = v->last[v->n] = v->next[v->n] = -1;
}

/* Row r's side (POS_*), POS_POUR when it has none it knows. */
int
thread_row_position(struct web_req *w, int r)
{
	int	pos = vocab_find(vocab_position, POS__MAX, web_text(w, Q_THREAD,
	    r, TR_POSITION));

	return (pos == -1 ? POS_POUR : pos);
}

/*
 * Top-level row r in its list: the first THREAD_PAGE of a list are its
 * page, the one after says where the next page starts.
 */
static void
thread_list_add(struct web_req *w, struct proposal_view *v, int r)
{
	struct thread_list	*l;

	if (v->kind[r] == KIND_COMMENT)
		l = &v->list[LIST_COMMENTS];
	else
		l = &v->list[thread_row_position(w, r) == POS_CONTRE ?
		    LIST_CONTRE : LIST_POUR];
	if (l->shown == 0 && l->next_id == 0) {
		l->first_id = web_int(w, Q_THREAD, r, TR_ID);
		l->first = web_int(w, Q_THREAD, r, TP_FIRST);
		l->total = web_int(w, Q_THREAD, r, TP_TOTAL);
	}
	if (l->shown < THREAD_PAGE)
		l->shown++;
	else if (l->next_id == 0)
		l->next_id = web_int(w, Q_THREAD, r, TR_ID);
}

/*
 * Links every row of the page to its parent, keeping the rows' order
 * among siblings; a list's row past its page is left out. Rows whose
 * parent is not shown (a reply under a hidden comment) are left out.
 */
void
thread_build(struct web_req *w, struct proposal_view *v)
{
	struct idrow	*ids, key, *hit;
	int		 r, parent;

	v->n = web_rows(w, Q_THREAD);
	v->kind = web_alloc(w, (v->n + 1) * sizeof(int));
	v->status_of = web_alloc(w, (v->n + 1) * sizeof(int));
	v->first = web_alloc(w, (v->n + 1) * sizeof(int));
	v->last = web_alloc(w, (v->n + 1) * sizeof(int));
	v->next = web_alloc(w, (v->n + 1) * sizeof(int));
	ids = web_alloc(w, (v->n + 1) * sizeof(*ids));
	thread_read(w, v, ids);
	qsort(ids, v->n, sizeof(*ids), idrow_cmp);
	for (r = 0; r < v->n; r++) {
		key.id = web_int(w, Q_THREAD, r, TR_PARENT);
		if (key.id == v->id) {
			thread_list_add(w, v, r);
			parent = v->n;
			if (web_int(w, Q_THREAD, r, TR_ID) ==
			    v->list[v->kind[r] == KIND_COMMENT ? LIST_COMMENTS :
			    thread_row_position(w, r) == POS_CONTRE ?
			    LIST_CONTRE : LIST_POUR].next_id)
				continue;
		} else if ((hit = bsearch(&key, ids, v->n, sizeof(*ids),
		    idrow_cmp)) != NULL)
			parent = hit->row;
		else
			continue;
		if (v->last[parent] == -1)
			v->first[parent] = r;
		else
			v->next[v->last[parent]] = r;
		v->last[parent] = r;
	}
	if (web_rows(w, Q_COUNTS) == 1) {
		v->npour = web_int(w, Q_COUNTS, 0, TC_POUR);
		v->ncontre = web_int(w, Q_COUNTS, 0, TC_CONTRE);
		v->ncomments = web_int(w, Q_COUNTS, 0, TC_COMMENTS);
	}
}
