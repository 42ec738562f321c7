/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * A proposal's debate: the arguments pour and contre in two columns with
 * their "utile" marks, and the threaded comments, each with its reply
 * form while the visitor may take part. The thread's rows (Q_THREAD,
 * oldest first) become a tree once, in O(n log n).
 */

#include <stdlib.h>

#include "../../core/vocab.h"
#include "../../db/participation.h"
#include "../kernel/form.h"
#include "../shared/ui.h"
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

/*
 * Links every row of the thread to its parent, keeping the rows'
 * (chronological) order among siblings. Rows whose parent is not shown (a
 * reply under a hidden comment) are left out.
 */
void
thread_build(struct web_req *w, struct proposal_view *v)
{
	struct idrow	*ids, key, *hit;
	int		 r, parent;

	v->n = web_rows(w, Q_THREAD);
	if (v->n > THREAD_MAX)
		v->n = THREAD_MAX;
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
		if (key.id == v->id)
			parent = v->n;
		else if ((hit = bsearch(&key, ids, v->n, sizeof(*ids),
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
}

/* Published comments under node, at any depth (the proposal's section). */
static int
count_comments(struct proposal_view *v, int node)
{
	int	r, n = 0;

	for (r = v->first[node]; r != -1; r = v->next[r])
		if (v->status_of[r] == ST_PUBLISHED)
			n += 1 + count_comments(v, r);
	return (n);
}

/* Counts the published arguments and comments of the thread. */
static void
thread_count(struct web_req *w, struct proposal_view *v)
{
	int	r;

	for (r = v->first[v->n]; r != -1; r = v->next[r]) {
		if (v->status_of[r] != ST_PUBLISHED)
			continue;
		if (v->kind[r] == KIND_COMMENT)
			v->ncomments += 1 + count_comments(v, r);
		else if (vocab_find(vocab_position, POS__MAX, web_text(w,
		    Q_THREAD, r, TR_POSITION)) == POS_POUR)
			v->npour++;
		else
			v->ncontre++;
	}
}

/* " : <what>", heard but not seen: the context of a short control. */
static void
write_context(struct web_req *w, const char *what)
{
	html_raw(H, "<span class=\"visually-hidden\"> : ");
	html_text(H, what);
	html_raw(H, "</span>");
}

/*
 * The link to flag contribution id; what (visually hidden) names it for
 * assistive technology, which lists dozens of "Signaler" otherwise.
 */
void
proposal_flag_link(struct web_req *w, long long id, int own,
    const char *what)
{
	if (w->sess.user_id == 0 || !w->sess.verified || own)
		return;
	html_raw(H, " · <a class=\"flag\" href=\"");
	html_text(H, ui_contribution_part(w, id, "signaler"));
	html_raw(H, "\">Signaler");
	write_context(w, what);
	html_raw(H, "</a>");
}

/*
 * What row r is, for the names of its controls, numbered in the order
 * written so that no two are alike: "argument n° 2 (Pour) de X, le …",
 * "commentaire n° 3 de X, le …". Called once per row written.
 */
static const char *
row_context(struct web_req *w, struct proposal_view *v, int r)
{
	int	pos;

	if (v->kind[r] == KIND_COMMENT)
		return (web_printf(w, "commentaire n° %d de %s, le %s",
		    ++v->shown[POS__MAX], web_text(w, Q_THREAD, r, TR_AUTHOR),
		    web_text(w, Q_THREAD, r, TR_DATE)));
	if ((pos = vocab_find(vocab_position, POS__MAX, web_text(w, Q_THREAD,
	    r, TR_POSITION))) == -1)
		pos = POS_POUR;
	return (web_printf(w, "argument n° %d (%s) de %s, le %s",
	    ++v->shown[pos], vocab_position[pos].label, web_text(w, Q_THREAD,
	    r, TR_AUTHOR), web_text(w, Q_THREAD, r, TR_DATE)));
}

static void
write_textarea(struct web_req *w, const char *id, const char *label,
    int max)
{
	html_raw(H, "<div class=\"field\">\n<label for=\"");
	html_text(H, id);
	html_raw(H, "\">");
	html_text(H, label);
	html_raw(H, "</label>\n<span class=\"hint\" id=\"h-");
	html_text(H, id);
	html_rawf(H, "\">%d caractères au plus. Markdown accepté.</span>\n"
	    "<textarea id=\"", max);
	html_text(H, id);
	html_raw(H, "\" name=\"texte\" rows=\"4\" required aria-describedby=\"h-");
	html_text(H, id);
	html_rawf(H, "\" maxlength=\"%d\"></textarea>\n</div>\n", max);
}

/*
 * A reply form under the proposal (parent 0), or under an argument or a
 * comment (ctx: what it is, for the name of its "Répondre").
 */
static void
write_comment_form(struct web_req *w, struct proposal_view *v,
    long long parent, const char *ctx)
{
	int	folded = parent != 0;

	if (folded) {
		html_raw(H, "<details class=\"reply\"><summary>Répondre");
		write_context(w, ctx);
		html_raw(H, "</summary>\n");
	}
	form_begin(w, ui_proposal_part(w, v->id, "commentaires"), NULL);
	if (folded)
		html_rawf(H, "<input type=\"hidden\" name=\"parent\" "
		    "value=\"%lld\">\n", parent);
	write_textarea(w, web_printf(w, "texte-c%lld", parent),
	    folded ? "Votre réponse" : "Votre commentaire",
	    v->lim.comment_max);
	html_raw(H, "<p><button type=\"submit\">");
	html_raw(H, folded ? "Publier la réponse" : "Publier le commentaire");
	html_raw(H, "</button></p>\n</form>\n");
	if (folded)
		html_raw(H, "</details>\n");
}

static void
write_byline(struct web_req *w, struct proposal_view *v, int r,
    const char *ctx)
{
	html_raw(H, "<p class=\"meta\">");
	html_text(H, web_text(w, Q_THREAD, r, TR_AUTHOR));
	html_raw(H, ", le ");
	html_text(H, web_text(w, Q_THREAD, r, TR_DATE));
	if (v->status_of[r] != ST_PUBLISHED)
		html_raw(H, " — <strong>en attente de modération, visible "
		    "par vous seulement</strong>");
	else
		proposal_flag_link(w, web_int(w, Q_THREAD, r, TR_ID),
		    web_bool(w, Q_THREAD, r, TR_MINE), ctx);
	html_raw(H, "</p>\n");
}

/* Comments under node (a row, or v->n: the proposal), oldest first. */
static void
write_comments(struct web_req *w, struct proposal_view *v, int node)
{
	const char	*ctx;
	int		 r, any = 0;

	for (r = v->first[node]; r != -1; r = v->next[r]) {
		if (v->kind[r] != KIND_COMMENT)
			continue;
		ctx = row_context(w, v, r);
		if (!any)
			html_raw(H, "<ul class=\"comments\">\n");
		any = 1;
		html_rawf(H, "<li id=\"c%lld\" class=\"comment\">\n",
		    web_int(w, Q_THREAD, r, TR_ID));
		write_byline(w, v, r, ctx);
		if (v->archived)
			archive_comment_alignment(w, r);
		html_raw(H, "<div class=\"prose\">");
		/* cmark's output, safe mode */
		html_raw(H, web_text(w, Q_THREAD, r, TR_BODY_HTML));
		html_raw(H, "</div>\n");
		if (v->can_act && web_int(w, Q_THREAD, r, TR_DEPTH) <
		    v->lim.max_depth && v->status_of[r] == ST_PUBLISHED)
			write_comment_form(w, v, web_int(w, Q_THREAD, r,
			    TR_ID), ctx);
		write_comments(w, v, r);
		html_raw(H, "</li>\n");
	}
	if (any)
		html_raw(H, "</ul>\n");
}

/* "Utile" count and button, or an archive's source votes. */
static void
write_useful(struct web_req *w, struct proposal_view *v, int r,
    const char *ctx)
{
	int	marked = web_bool(w, Q_THREAD, r, TR_MARKED);

	if (v->archived) {
		archive_argument_votes(w, r);
		return;
	}
	html_raw(H, "<p class=\"useful\">Utile : ");
	ui_number(w, web_int(w, Q_THREAD, r, TR_USEFUL));
	if (marked)
		html_raw(H, " (dont vous)");
	html_raw(H, "</p>\n");
	if (!v->can_act || v->status_of[r] != ST_PUBLISHED)
		return;
	form_begin(w, ui_argument_part(w, web_int(w, Q_THREAD, r, TR_ID),
	    "utile"), NULL);
	html_raw(H, marked ? "<p><button type=\"submit\" "
	    "aria-pressed=\"true\" class=\"mine\">Utile ✓ (retirer)" :
	    "<p><button type=\"submit\" aria-pressed=\"false\">Utile");
	write_context(w, ctx);
	html_raw(H, "</button></p>\n</form>\n");
	write_comment_form(w, v, web_int(w, Q_THREAD, r, TR_ID), ctx);
}

static void
write_argument(struct web_req *w, struct proposal_view *v, int r)
{
	const char	*ctx = row_context(w, v, r);

	html_rawf(H, "<li id=\"c%lld\" class=\"argument\">\n",
	    web_int(w, Q_THREAD, r, TR_ID));
	write_byline(w, v, r, ctx);
	html_raw(H, "<div class=\"prose\">");
	html_raw(H, web_text(w, Q_THREAD, r, TR_BODY_HTML));	/* cmark */
	html_raw(H, "</div>\n");
	write_useful(w, v, r, ctx);
	write_comments(w, v, r);
	html_raw(H, "</li>\n");
}

/* The form that adds an argument on side pos. */
static void
write_argument_form(struct web_req *w, struct proposal_view *v, int pos)
{
	form_begin(w, ui_proposal_part(w, v->id, "arguments"), NULL);
	html_raw(H, "<input type=\"hidden\" name=\"position\" value=\"");
	html_raw(H, vocab_position[pos].code);
	html_raw(H, "\">\n");
	write_textarea(w, web_printf(w, "texte-%s", vocab_position[pos].code),
	    pos == POS_POUR ? "Ajouter un argument pour" :
	    "Ajouter un argument contre", v->lim.argument_max);
	html_raw(H, "<p><button type=\"submit\">Publier l'argument"
	    "</button></p>\n</form>\n");
}

static void
write_column(struct web_req *w, struct proposal_view *v, int pos, int n)
{
	const char	*code = vocab_position[pos].code;
	int		 r, any;

	html_raw(H, "<div class=\"column column-");
	html_raw(H, code);
	html_raw(H, "\">\n<h3 id=\"arguments-");
	html_raw(H, code);
	html_raw(H, "\">");
	html_raw(H, vocab_position[pos].label);
	html_rawf(H, " (%d)</h3>\n", n);
	/* Published ones, and the visitor's own awaiting moderation. */
	for (any = 0, r = v->first[v->n]; r != -1; r = v->next[r]) {
		if (v->kind[r] != KIND_ARGUMENT || vocab_find(vocab_position,
		    POS__MAX, web_text(w, Q_THREAD, r, TR_POSITION)) != pos)
			continue;
		if (!any++)
			html_raw(H, "<ul class=\"arguments\">\n");
		write_argument(w, v, r);
	}
	html_raw(H, any ? "</ul>\n" : v->archived ? "<p>Aucun argument.</p>\n" :
	    "<p>Aucun argument pour l'instant.</p>\n");
	if (v->can_act)
		write_argument_form(w, v, pos);
	html_raw(H, "</div>\n");
}

/* The debate: arguments in two columns, then the comments. */
void
thread_write(struct web_req *w, struct proposal_view *v)
{
	thread_count(w, v);
	if (web_rows(w, Q_THREAD) > THREAD_MAX)
		html_rawf(H, "<p class=\"notice\">Ce débat est très fourni : "
		    "seules ses %d premières contributions sont affichées."
		    "</p>\n", THREAD_MAX);
	html_raw(H, "<section id=\"arguments\" aria-labelledby=\"arguments-"
	    "titre\">\n<h2 id=\"arguments-titre\">Arguments</h2>\n"
	    "<div class=\"columns\">\n");
	write_column(w, v, POS_POUR, v->npour);
	write_column(w, v, POS_CONTRE, v->ncontre);
	html_raw(H, "</div>\n</section>\n");
	html_raw(H, "<section id=\"commentaires\" aria-labelledby=\""
	    "commentaires-titre\">\n<h2 id=\"commentaires-titre\">");
	html_rawf(H, "Commentaires (%d)</h2>\n", v->ncomments);
	write_comments(w, v, v->n);
	if (v->can_act)
		write_comment_form(w, v, 0, NULL);
	html_raw(H, "</section>\n");
}
