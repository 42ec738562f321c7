/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * A proposal's debate: the arguments pour and contre, alternating, by
 * date or most "utile" first (?tri=), with their "utile" marks, and the
 * threaded comments, each with its reply form while the visitor may take
 * part; one page of each list (thread_pages.c), as a tree (thread_tree.c).
 */

#include "../../core/vocab.h"
#include "../../db/threads.h"
#include "../kernel/form.h"
#include "../shared/ui.h"
#include "proposal.h"

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
	pos = thread_row_position(w, r);
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

/*
 * Its author's way to take back row r: a folded form (no script), what
 * happens said before the button.
 */
static void
write_withdraw(struct web_req *w, int r, const char *ctx)
{
	html_raw(H, "<details class=\"withdraw\"><summary>Retirer");
	write_context(w, ctx);
	html_raw(H, "</summary>\n");
	form_begin(w, ui_contribution_part(w, web_int(w, Q_THREAD, r, TR_ID),
	    "retirer"), NULL);
	html_raw(H, "<p>Le texte disparaîtra des pages publiques et des "
	    "données ouvertes ; les réponses qui lui ont été faites restent "
	    "publiées et la page indiquera « retiré par son auteur ». La "
	    "modération en garde une copie.</p>\n<p><button type=\"submit\">"
	    "Retirer définitivement");
	write_context(w, ctx);
	html_raw(H, "</button></p>\n</form>\n</details>\n");
}

/*
 * Its author's way to edit row r, while the edit window lasts and the
 * proposal takes contributions (participation_edit_reply says the same).
 */
static void
write_edit_link(struct web_req *w, struct proposal_view *v, int r,
    const char *ctx)
{
	if (!v->can_act || !web_bool(w, Q_THREAD, r, TR_EDITABLE) ||
	    (v->status_of[r] != ST_PUBLISHED && v->status_of[r] != ST_PENDING))
		return;
	html_raw(H, "<p class=\"edit\"><a href=\"");
	html_text(H, ui_contribution_part(w, web_int(w, Q_THREAD, r, TR_ID),
	    "modifier"));
	html_raw(H, "\">Modifier");
	write_context(w, ctx);
	html_rawf(H, "</a> (possible pendant %d minutes après la "
	    "publication)</p>\n", v->lim.edit_window);
}

/*
 * What is left of a row its author withdrew: its place and the date; the
 * replies others wrote under it stay (contribution_thread_open).
 */
static void
write_withdrawn(struct web_req *w, struct proposal_view *v, int r)
{
	html_raw(H, "<p class=\"meta withdrawn\">");
	html_raw(H, v->kind[r] == KIND_COMMENT ? "Commentaire" : "Argument");
	html_raw(H, " retiré par son auteur le ");
	html_text(H, web_text(w, Q_THREAD, r, TR_WITHDRAWN_DATE));
	html_raw(H, ".</p>\n");
}

/*
 * What moderation did to the viewer's own unpublished argument or comment
 * (issue 13, item 5): waiting, or hidden or refused under its rule.
 */
static void
write_own_status(struct web_req *w, int st, const char *rule)
{
	if (st != ST_HIDDEN && st != ST_REJECTED) {
		html_raw(H, " — <strong>en attente de modération, visible "
		    "par vous seulement</strong>");
		return;
	}
	html_raw(H, st == ST_HIDDEN ? " — <strong>masqué par la modération" :
	    " — <strong>refusé par la modération");
	if (*rule != '\0') {
		html_raw(H, " (règle <a href=\"" UI_CHARTER "#regles\">");
		html_text(H, rule);
		html_raw(H, "</a>)");
	}
	html_raw(H, ", visible par vous seulement</strong>");
}

/*
 * The appeal of the decision that hid or refused the viewer's own row
 * (moderation/appeal.c, issue 13, item 5), named with its date.
 */
static void
write_appeal_link(struct web_req *w, struct proposal_view *v, int r)
{
	if (!web_bool(w, Q_THREAD, r, TR_MINE) ||
	    (v->status_of[r] != ST_HIDDEN && v->status_of[r] != ST_REJECTED))
		return;
	html_raw(H, " — <a href=\"");
	html_text(H, ui_contribution_part(w, web_int(w, Q_THREAD, r, TR_ID),
	    "reexamen"));
	html_raw(H, v->kind[r] == KIND_COMMENT ? "\">Demander un réexamen<span "
	    "class=\"visually-hidden\"> de la décision sur votre commentaire "
	    "du " : "\">Demander un réexamen<span class=\"visually-hidden\"> de "
	    "la décision sur votre argument du ");
	html_text(H, web_text(w, Q_THREAD, r, TR_DATE));
	html_raw(H, "</span></a>");
}

static void
write_byline(struct web_req *w, struct proposal_view *v, int r,
    const char *ctx)
{
	html_raw(H, "<p class=\"meta\">");
	html_text(H, web_text(w, Q_THREAD, r, TR_AUTHOR));
	html_raw(H, ", le ");
	html_text(H, web_text(w, Q_THREAD, r, TR_DATE));
	if (*web_text(w, Q_THREAD, r, TR_EDITED_DATE) != '\0') {
		html_raw(H, " · <span class=\"edited\">modifié le ");
		html_text(H, web_text(w, Q_THREAD, r, TR_EDITED_DATE));
		html_raw(H, "</span>");
	}
	if (v->status_of[r] != ST_PUBLISHED)
		write_own_status(w, v->status_of[r],
		    web_text(w, Q_THREAD, r, TR_RULE));
	else
		proposal_flag_link(w, web_int(w, Q_THREAD, r, TR_ID),
		    web_bool(w, Q_THREAD, r, TR_MINE), ctx);
	write_appeal_link(w, v, r);
	html_raw(H, "</p>\n");
	proposal_cited_write(w, web_int(w, Q_THREAD, r, TR_ID), "Contribution");
	if (web_bool(w, Q_THREAD, r, TR_MINE) && !v->archived) {
		write_edit_link(w, v, r, ctx);
		write_withdraw(w, r, ctx);
	}
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
		if (web_bool(w, Q_THREAD, r, TR_WITHDRAWN)) {
			write_withdrawn(w, v, r);
			write_comments(w, v, r);
			html_raw(H, "</li>\n");
			continue;
		}
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
		if (node == v->n)
			thread_replies_link(w, v, r);
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
	/* No "utile" on one's own argument (participation_useful: 'own'). */
	if (web_bool(w, Q_THREAD, r, TR_MINE)) {
		write_comment_form(w, v, web_int(w, Q_THREAD, r, TR_ID), ctx);
		return;
	}
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
	int		 pos = thread_row_position(w, r);

	html_rawf(H, "<li id=\"c%lld\" class=\"argument argument-%s\">\n"
	    "<p class=\"side\">%s</p>\n", web_int(w, Q_THREAD, r, TR_ID),
	    vocab_position[pos].code, vocab_position[pos].label);
	if (web_bool(w, Q_THREAD, r, TR_WITHDRAWN))
		write_withdrawn(w, v, r);
	else {
		write_byline(w, v, r, ctx);
		html_raw(H, "<div class=\"prose\">");
		/* cmark's output, safe mode */
		html_raw(H, web_text(w, Q_THREAD, r, TR_BODY_HTML));
		html_raw(H, "</div>\n");
		write_useful(w, v, r, ctx);
	}
	write_comments(w, v, r);
	thread_replies_link(w, v, r);
	html_raw(H, "</li>\n");
}

/* The form that adds an argument on side pos, in its column. */
static void
write_argument_form(struct web_req *w, struct proposal_view *v, int pos)
{
	html_raw(H, "<div class=\"column column-");
	html_raw(H, vocab_position[pos].code);
	html_raw(H, "\">\n");
	form_begin(w, ui_proposal_part(w, v->id, "arguments"), NULL);
	html_raw(H, "<input type=\"hidden\" name=\"position\" value=\"");
	html_raw(H, vocab_position[pos].code);
	html_raw(H, "\">\n");
	write_textarea(w, web_printf(w, "texte-%s", vocab_position[pos].code),
	    pos == POS_POUR ? "Ajouter un argument pour" :
	    "Ajouter un argument contre", v->lim.argument_max);
	html_raw(H, "<p><button type=\"submit\">Publier l'argument"
	    "</button></p>\n</form>\n</div>\n");
}

/*
 * The arguments of side pos on this page (published, and the visitor's
 * own), in the order the visitor chose (the rows' order) into out. Their
 * number.
 */
static int
side_rows(struct web_req *w, struct proposal_view *v, int pos, int *out)
{
	int	r, n = 0;

	for (r = v->first[v->n]; r != -1; r = v->next[r])
		if (v->kind[r] == KIND_ARGUMENT &&
		    thread_row_position(w, r) == pos)
			out[n++] = r;
	return (n);
}

/* The two orders, as links (no script needed); the current one marked. */
static void
write_sort(struct web_req *w, struct proposal_view *v)
{
	static const char	*label[THREAD_SORT__MAX] = {
		[THREAD_SORT_DATE] = "par date",
		[THREAD_SORT_USEFUL] = "les plus utiles d'abord" };
	int			 s;

	html_raw(H, "<nav class=\"sort\" aria-label=\"Ordre des arguments\">"
	    "<p>Ordre des arguments : ");
	for (s = 0; s < THREAD_SORT__MAX; s++) {
		html_raw(H, s ? " · <a href=\"" : "<a href=\"");
		html_text(H, ui_proposal_arguments(w, v->id,
		    thread_sort_code[s]));
		html_raw(H, s == v->sort ? "\" aria-current=\"true\">" : "\">");
		html_raw(H, label[s]);
		html_raw(H, "</a>");
	}
	html_raw(H, "</p></nav>\n");
}

/*
 * Both sides in one list, alternating (pour, contre, pour, ...), so that a
 * phone, which shows one column, never lists every "pour" before the first
 * "contre"; on a wide screen the style sheet puts each side in its column,
 * face to face. The counts are the published arguments.
 */
static void
write_arguments(struct web_req *w, struct proposal_view *v)
{
	int	*pour, *contre;
	int	 np, nc, i;

	html_rawf(H, "<p class=\"sides\"><span class=\"side-pour\" "
	    "id=\"arguments-pour\">Pour (%d)</span> <span class=\"side-"
	    "contre\" id=\"arguments-contre\">Contre (%d)</span></p>\n",
	    v->npour, v->ncontre);
	pour = web_alloc(w, (v->n + 1) * sizeof(*pour));
	contre = web_alloc(w, (v->n + 1) * sizeof(*contre));
	np = side_rows(w, v, POS_POUR, pour);
	nc = side_rows(w, v, POS_CONTRE, contre);
	if (!v->archived && v->list[LIST_POUR].total +
	    v->list[LIST_CONTRE].total > 1)
		write_sort(w, v);
	if (np + nc == 0)
		html_raw(H, v->archived ? "<p>Aucun argument.</p>\n" :
		    "<p>Aucun argument pour l'instant.</p>\n");
	else
		html_raw(H, "<ul class=\"arguments debate\">\n");
	for (i = 0; i < np || i < nc; i++) {
		if (i < np)
			write_argument(w, v, pour[i]);
		if (i < nc)
			write_argument(w, v, contre[i]);
	}
	if (np + nc > 0)
		html_raw(H, "</ul>\n");
	thread_pages_nav(w, v, LIST_POUR);
	thread_pages_nav(w, v, LIST_CONTRE);
	if (v->can_act) {
		html_raw(H, "<div class=\"columns\">\n");
		write_argument_form(w, v, POS_POUR);
		write_argument_form(w, v, POS_CONTRE);
		html_raw(H, "</div>\n");
	}
}

/* The debate: the arguments of both sides, then the comments. */
void
thread_write(struct web_req *w, struct proposal_view *v)
{
	if (web_rows(w, Q_THREAD) > THREAD_MAX)
		html_rawf(H, "<p class=\"notice\">Ce débat est très fourni : "
		    "seules ses %d premières contributions sont affichées."
		    "</p>\n", THREAD_MAX);
	html_raw(H, "<section id=\"arguments\" aria-labelledby=\"arguments-"
	    "titre\">\n<h2 id=\"arguments-titre\">Arguments</h2>\n");
	write_arguments(w, v);
	html_raw(H, "</section>\n");
	html_raw(H, "<section id=\"commentaires\" aria-labelledby=\""
	    "commentaires-titre\">\n<h2 id=\"commentaires-titre\">");
	html_rawf(H, "Commentaires (%d)</h2>\n", v->ncomments);
	write_comments(w, v, v->n);
	thread_pages_nav(w, v, LIST_COMMENTS);
	if (v->can_act)
		write_comment_form(w, v, 0, NULL);
	html_raw(H, "</section>\n");
}
