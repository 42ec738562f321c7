/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * One proposal: its text, the votes (true counts) and the visitor's own,
 * the arguments pour and contre in two columns with their "utile" marks,
 * the threaded comments, and the place of the Region's answer. Forms are
 * shown only while the consultation is open and to verified accounts; a
 * sentence says why otherwise. Each form works without JavaScript.
 *
 * A proposal of an archive (a consultation imported from another platform)
 * is read-only: no form, no vote here, no answer of the Region; it shows
 * the source platform's tallies, labelled as such, and links to its page
 * on the source platform.
 */

#include <stdlib.h>
#include <string.h>

#include "../../core/text.h"
#include "../../db/answers.h"
#include "../../db/archives.h"
#include "../../db/participation.h"
#include "../kernel/assets.h"
#include "../kernel/session.h"
#include "archives.h"
#include "participation.h"

int	proposal_show(struct web_req *);

#define S_P	0	/* the proposal */
#define S_T	1	/* its thread */
#define S_A	2	/* the Region's official answer, if any */
#define S_X	2	/* an archive's: the archive and the source's tallies */
#define S_XT	3	/* an archive's: the thread's source tallies */
#define THREAD_MAX	2000	/* rows of a thread shown on one page */

/* What the page may offer this visitor, and the thread as a tree. */
struct view {
	int			can_act;	/* open, published, verified */
	int			archived;	/* imported: source tallies */
	int			npour, ncontre, ncomments;
	struct part_limits	lim;
	int			n;		/* rows of the thread */
	int			*first;		/* [n + 1]: first child; n = root */
	int			*last;		/* [n + 1]: last child */
	int			*next;		/* [n]: next sibling */
};

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

/*
 * Links every row of the thread to its parent in O(n log n), keeping the
 * rows' (chronological) order among siblings. Rows whose parent is not
 * shown (a reply under a hidden comment) are left out.
 */
static void
view_tree(struct web_req *w, struct view *v)
{
	struct idrow	*ids, key, *hit;
	long long	 root = strtoll(web_value(w, S_P, 0, 0), NULL, 10);
	int		 r, parent;

	v->n = web_nrows(w, S_T);
	if (v->n > THREAD_MAX)
		v->n = THREAD_MAX;
	v->first = kore_calloc(v->n + 1, sizeof(int));
	v->last = kore_calloc(v->n + 1, sizeof(int));
	v->next = kore_calloc(v->n + 1, sizeof(int));
	ids = kore_calloc(v->n + 1, sizeof(*ids));
	for (r = 0; r <= v->n; r++)
		v->first[r] = v->last[r] = v->next[r] = -1;
	for (r = 0; r < v->n; r++) {
		ids[r].id = strtoll(web_value(w, S_T, r, 0), NULL, 10);
		ids[r].row = r;
	}
	qsort(ids, v->n, sizeof(*ids), idrow_cmp);
	for (r = 0; r < v->n; r++) {
		key.id = strtoll(web_value(w, S_T, r, 3), NULL, 10);
		if (key.id == root)
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
	kore_free(ids);
}

/* The row of S_XT (ids in order) for thread row r, or -1. */
static int
thread_tally(struct web_req *w, int r)
{
	long long	 id = strtoll(web_value(w, S_T, r, 0), NULL, 10), x;
	int		 lo = 0, hi = web_nrows(w, S_XT) - 1, mid;

	while (lo <= hi) {
		mid = lo + (hi - lo) / 2;
		x = strtoll(web_value(w, S_XT, mid, ATT_ID), NULL, 10);
		if (x == id)
			return (mid);
		if (x < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return (-1);
}

/* Published comments under node, at any depth (the proposal's section). */
static int
count_comments(struct web_req *w, struct view *v, int node)
{
	int	r, n = 0;

	for (r = v->first[node]; r != -1; r = v->next[r])
		if (strcmp(web_value(w, S_T, r, 10), "published") == 0)
			n += 1 + count_comments(w, v, r);
	return (n);
}

static void
view_free(struct view *v)
{
	kore_free(v->first);
	kore_free(v->last);
	kore_free(v->next);
}

static void
write_textarea(struct web_req *w, const char *id, const char *label,
    int max, const char *hint)
{
	html_raw(H, "<div class=\"field\">\n<label for=\"");
	html_text(H, id);
	html_raw(H, "\">");
	html_text(H, label);
	html_raw(H, "</label>\n<span class=\"hint\" id=\"h-");
	html_text(H, id);
	html_raw(H, "\">");
	html_text(H, hint);
	html_raw(H, "</span>\n<textarea id=\"");
	html_text(H, id);
	html_raw(H, "\" name=\"texte\" rows=\"4\" required aria-describedby=\"h-");
	html_text(H, id);
	html_rawf(H, "\" maxlength=\"%d\"></textarea>\n</div>\n", max);
}

/* A reply form under a proposal, an argument or a comment. */
static void
write_comment_form(struct web_req *w, struct view *v, const char *parent,
    int folded)
{
	char	path[64], id[48], hint[96];

	snprintf(path, sizeof(path), "/propositions/%s/commentaires",
	    web_value(w, S_P, 0, 0));
	snprintf(id, sizeof(id), "texte-c%s", parent ? parent : "0");
	snprintf(hint, sizeof(hint), "%d caractères au plus. Markdown "
	    "accepté.", v->lim.comment_max);
	if (folded)
		html_raw(H, "<details class=\"reply\"><summary>Répondre"
		    "</summary>\n");
	form_begin(w, path, NULL);
	if (parent != NULL) {
		html_raw(H, "<input type=\"hidden\" name=\"parent\" value=\"");
		html_text(H, parent);
		html_raw(H, "\">\n");
	}
	write_textarea(w, id, folded ? "Votre réponse" : "Votre commentaire",
	    v->lim.comment_max, hint);
	html_raw(H, "<p><button type=\"submit\">");
	html_raw(H, folded ? "Publier la réponse" : "Publier le commentaire");
	html_raw(H, "</button></p>\n</form>\n");
	if (folded)
		html_raw(H, "</details>\n");
}

/* "Signaler" (charter, /contributions/<id>/signaler) for others' texts. */
static void
write_flag_link(struct web_req *w, const char *id, int own)
{
	if (w->sess.user_id == 0 || !w->sess.verified || own)
		return;
	html_raw(H, " · <a class=\"flag\" href=\"/contributions/");
	html_text(H, id);
	html_raw(H, "/signaler\">Signaler</a>");
}

/* The answer the Region published on this proposal, or that it has none. */
static void
write_answer(struct web_req *w)
{
	html_raw(H, "<section id=\"reponse\" aria-labelledby=\"reponse-titre\">"
	    "\n<h2 id=\"reponse-titre\">Réponse de la Région</h2>\n");
	if (web_nrows(w, S_A) != 1) {
		html_raw(H, "<p>La Région n'a pas encore répondu.</p>\n");
	} else {
		html_raw(H, "<p class=\"answer-status answer-");
		html_text(H, web_value(w, S_A, 0, 0));
		html_raw(H, "\"><strong>");
		html_text(H, web_value(w, S_A, 0, 1));
		html_raw(H, "</strong> — réponse publiée le ");
		html_text(H, web_value(w, S_A, 0, 3));
		html_raw(H, " par ");
		html_text(H, web_value(w, S_A, 0, 4));
		html_raw(H, ".</p>\n<div class=\"prose\">");
		html_raw(H, web_value(w, S_A, 0, 2));	/* cmark, safe mode */
		html_raw(H, "</div>\n");
	}
	if (w->sess.roles & ROLE_OFFICIAL) {
		html_raw(H, "<p><a href=\"/propositions/");
		html_text(H, web_value(w, S_P, 0, 0));
		html_raw(H, web_nrows(w, S_A) == 1 ? "/reponse\">Modifier la "
		    "réponse officielle</a></p>\n" : "/reponse\">Rédiger la "
		    "réponse officielle</a></p>\n");
	}
	html_raw(H, "</section>\n");
}

static void
write_byline(struct web_req *w, int r)
{
	html_raw(H, "<p class=\"meta\">");
	html_text(H, web_value(w, S_T, r, 6));
	html_raw(H, ", le ");
	html_text(H, web_value(w, S_T, r, 7));
	if (strcmp(web_value(w, S_T, r, 10), "published") != 0)
		html_raw(H, " — <strong>en attente de modération, visible "
		    "par vous seul·e</strong>");
	else
		write_flag_link(w, web_value(w, S_T, r, 0),
		    strcmp(web_value(w, S_T, r, 11), "t") == 0);
	html_raw(H, "</p>\n");
}

/* An imported comment's position on its source platform (Decidim). */
static void
write_alignment(struct web_req *w, int r)
{
	int		 t = thread_tally(w, r);
	const char	*a;

	if (t == -1 || web_isnull(w, S_XT, t, ATT_ALIGNMENT))
		return;
	a = web_value(w, S_XT, t, ATT_ALIGNMENT);
	html_raw(H, "<p class=\"meta\">Position sur la plateforme d'origine : "
	    "<span class=\"alignment\">");
	html_raw(H, strcmp(a, "1") == 0 ? "pour" : strcmp(a, "-1") == 0 ?
	    "contre" : "neutre");
	html_raw(H, "</span></p>\n");
}

/* Comments under node (a row, or v->n: the proposal), oldest first. */
static void
write_comments(struct web_req *w, struct view *v, int node)
{
	int	r, any = 0, depth;

	for (r = v->first[node]; r != -1; r = v->next[r]) {
		if (strcmp(web_value(w, S_T, r, 1), "comment") != 0)
			continue;
		if (!any)
			html_raw(H, "<ul class=\"comments\">\n");
		any = 1;
		html_raw(H, "<li id=\"c");
		html_text(H, web_value(w, S_T, r, 0));
		html_raw(H, "\" class=\"comment\">\n");
		write_byline(w, r);
		if (v->archived)
			write_alignment(w, r);
		html_raw(H, "<div class=\"prose\">");
		html_raw(H, web_value(w, S_T, r, 5));	/* cmark, safe mode */
		html_raw(H, "</div>\n");
		depth = atoi(web_value(w, S_T, r, 4));
		if (v->can_act && depth < v->lim.max_depth &&
		    strcmp(web_value(w, S_T, r, 10), "published") == 0)
			write_comment_form(w, v, web_value(w, S_T, r, 0), 1);
		write_comments(w, v, r);
		html_raw(H, "</li>\n");
	}
	if (any)
		html_raw(H, "</ul>\n");
}

/* An imported argument's votes on its source platform. */
static void
write_argument_votes(struct web_req *w, int r)
{
	int	t = thread_tally(w, r);

	if (t == -1 || web_isnull(w, S_XT, t, ATT_VOTES))
		return;
	html_raw(H, "<p class=\"useful\">Votes sur la plateforme d'origine : ");
	html_text(H, web_value(w, S_XT, t, ATT_VOTES));
	html_raw(H, "</p>\n");
}

static void
write_argument(struct web_req *w, struct view *v, int r)
{
	const char	*id = web_value(w, S_T, r, 0);
	int		 mine = strcmp(web_value(w, S_T, r, 9), "t") == 0;

	html_raw(H, "<li id=\"c");
	html_text(H, id);
	html_raw(H, "\" class=\"argument\">\n");
	write_byline(w, r);
	html_raw(H, "<div class=\"prose\">");
	html_raw(H, web_value(w, S_T, r, 5));	/* cmark, safe mode */
	html_raw(H, "</div>\n");
	if (v->archived)
		write_argument_votes(w, r);
	else {
		html_raw(H, "<p class=\"useful\">Utile : ");
		html_text(H, web_value(w, S_T, r, 8));
		if (mine)
			html_raw(H, " (dont vous)");
		html_raw(H, "</p>\n");
	}
	if (v->can_act && strcmp(web_value(w, S_T, r, 10), "published") == 0) {
		char	path[64];

		snprintf(path, sizeof(path), "/arguments/%s/utile", id);
		form_begin(w, path, NULL);
		html_raw(H, mine ? "<p><button type=\"submit\" "
		    "aria-pressed=\"true\" class=\"mine\">Utile ✓ (retirer)"
		    "</button></p>\n</form>\n" : "<p><button type=\"submit\" "
		    "aria-pressed=\"false\">Utile</button></p>\n</form>\n");
		write_comment_form(w, v, id, 1);
	}
	write_comments(w, v, r);
	html_raw(H, "</li>\n");
}

static void
write_column(struct web_req *w, struct view *v, const char *pos,
    const char *label, int n)
{
	char	path[64], id[32], hint[96];
	int	r, any;

	html_raw(H, "<div class=\"column column-");
	html_raw(H, pos);
	html_raw(H, "\">\n<h3 id=\"arguments-");
	html_raw(H, pos);
	html_raw(H, "\">");
	html_raw(H, label);
	html_rawf(H, " (%d)</h3>\n", n);
	/* Published ones, and the visitor's own awaiting moderation. */
	for (any = 0, r = v->first[v->n]; r != -1; r = v->next[r]) {
		if (strcmp(web_value(w, S_T, r, 1), "argument") != 0 ||
		    strcmp(web_value(w, S_T, r, 2), pos) != 0)
			continue;
		if (!any++)
			html_raw(H, "<ul class=\"arguments\">\n");
		write_argument(w, v, r);
	}
	html_raw(H, any ? "</ul>\n" : v->archived ? "<p>Aucun argument.</p>\n" :
	    "<p>Aucun argument pour l'instant.</p>\n");
	if (v->can_act) {
		snprintf(path, sizeof(path), "/propositions/%s/arguments",
		    web_value(w, S_P, 0, 0));
		snprintf(id, sizeof(id), "texte-%s", pos);
		snprintf(hint, sizeof(hint), "%d caractères au plus. Markdown "
		    "accepté.", v->lim.argument_max);
		form_begin(w, path, NULL);
		html_raw(H, "<input type=\"hidden\" name=\"position\" value=\"");
		html_raw(H, pos);
		html_raw(H, "\">\n");
		write_textarea(w, id, strcmp(pos, "pour") == 0 ?
		    "Ajouter un argument pour" : "Ajouter un argument contre",
		    v->lim.argument_max, hint);
		html_raw(H, "<p><button type=\"submit\">Publier l'argument"
		    "</button></p>\n</form>\n");
	}
	html_raw(H, "</div>\n");
}

static void
write_votes(struct web_req *w, struct view *v)
{
	static const struct {
		const char	*value, *label;
		int		 col;
	} choices[] = {
		{ "agree",	"D'accord",	9 },
		{ "mixed",	"Mitigé",	10 },
		{ "disagree",	"Pas d'accord",	11 },
	};
	const char	*mine = web_isnull(w, S_P, 0, 12) ? "" :
			    web_value(w, S_P, 0, 12);
	char		 path[64];
	long long	 total = 0;
	size_t		 i;

	for (i = 0; i < 3; i++)
		total += strtoll(web_value(w, S_P, 0, choices[i].col), NULL, 10);
	html_raw(H, "<section id=\"votes\" aria-labelledby=\"votes-titre\">\n"
	    "<h2 id=\"votes-titre\">Avis</h2>\n<ul class=\"tally\">\n");
	for (i = 0; i < 3; i++) {
		html_raw(H, strcmp(mine, choices[i].value) == 0 ?
		    "<li class=\"mine\">" : "<li>");
		html_text(H, choices[i].label);
		html_raw(H, " : <strong>");
		html_text(H, web_value(w, S_P, 0, choices[i].col));
		html_raw(H, "</strong>");
		if (strcmp(mine, choices[i].value) == 0)
			html_raw(H, " (dont votre avis)");
		html_raw(H, "</li>\n");
	}
	html_rawf(H, "</ul>\n<p>%lld avis au total.</p>\n", total);
	if (*mine != '\0') {
		html_raw(H, "<p class=\"my-vote\">Votre avis : <strong>");
		for (i = 0; i < 3; i++)
			if (strcmp(mine, choices[i].value) == 0)
				html_text(H, choices[i].label);
		html_raw(H, "</strong>.</p>\n");
	}
	if (v->can_act) {
		snprintf(path, sizeof(path), "/propositions/%s/vote",
		    web_value(w, S_P, 0, 0));
		form_begin(w, path, "Donner mon avis");
		html_raw(H, "<fieldset class=\"vote\"><legend>Donner mon avis"
		    "</legend>\n");
		for (i = 0; i < 3; i++) {
			html_raw(H, "<button type=\"submit\" name=\"choix\" "
			    "value=\"");
			html_raw(H, choices[i].value);
			html_raw(H, strcmp(mine, choices[i].value) == 0 ?
			    "\" class=\"mine\" aria-pressed=\"true\">" :
			    "\" aria-pressed=\"false\">");
			html_text(H, choices[i].label);
			html_raw(H, "</button>\n");
		}
		if (*mine != '\0')
			html_raw(H, "<button type=\"submit\" name=\"choix\" "
			    "value=\"none\" class=\"secondary\">Retirer mon "
			    "vote</button>\n");
		html_raw(H, "</fieldset>\n</form>\n");
	}
	html_raw(H, "</section>\n");
}

static void
write_review_notice(struct web_req *w)
{
	html_raw(H, "<p class=\"notice\" role=\"status\">Cette proposition a "
	    "été signalée par plusieurs participants : elle est en cours "
	    "d'examen par la modération.</p>\n");
}

/* The proposal's text and its link, closing the article. */
static void
write_body(struct web_req *w)
{
	html_raw(H, "<div class=\"prose\">\n");
	html_raw(H, web_value(w, S_P, 0, 2));	/* cmark output, safe mode */
	html_raw(H, "</div>\n");
	if (!web_isnull(w, S_P, 0, 3) && *web_value(w, S_P, 0, 3) != '\0' &&
	    part_link_valid(web_value(w, S_P, 0, 3))) {
		html_raw(H, "<p class=\"link\">Lien proposé : <a href=\"");
		html_text(H, web_value(w, S_P, 0, 3));
		html_raw(H, "\" rel=\"nofollow ugc noopener\">");
		html_text(H, web_value(w, S_P, 0, 3));
		html_raw(H, "</a></p>\n");
	}
	html_raw(H, "</article>\n");
}

/* Why the forms are missing for this visitor (when the phase allows). */
static void
write_who_notice(struct web_req *w)
{
	if (w->sess.user_id == 0)
		html_raw(H, "<p class=\"notice\"><a href=\"/connexion\">"
		    "Connectez-vous</a> ou <a href=\"/inscription\">créez un "
		    "compte</a> pour voter, argumenter et commenter.</p>\n");
	else if (!w->sess.verified)
		html_raw(H, "<p class=\"notice\">Confirmez votre adresse "
		    "électronique (le lien vous a été envoyé par courriel) "
		    "pour voter, argumenter et commenter.</p>\n");
}

/* Crumbs, moderation notices, the text and the Region's answer. */
static void
write_head(struct web_req *w, const char *status, int mine)
{
	html_raw(H, "<nav aria-label=\"Fil d'Ariane\" class=\"crumbs\"><ol>"
	    "<li><a href=\"/\">Accueil</a></li><li><a href=\"/themes/");
	html_url_arg(H, web_value(w, S_P, 0, 14));
	html_raw(H, "\">Enjeu ");
	html_text(H, web_value(w, S_P, 0, 22));
	html_raw(H, " : ");
	html_text(H, web_value(w, S_P, 0, 15));
	html_raw(H, "</a></li><li aria-current=\"page\">Proposition</li></ol>"
	    "</nav>\n");
	if (strcmp(status, "pending") == 0)
		html_raw(H, "<p class=\"notice\" role=\"status\">Votre "
		    "proposition est en attente de modération : elle n'est "
		    "visible que par vous jusqu'à sa publication.</p>\n");
	else if (strcmp(status, "published") != 0) {
		html_raw(H, "<div class=\"alert\" role=\"status\"><p>Votre "
		    "proposition a été ");
		html_raw(H, strcmp(status, "rejected") == 0 ? "rejetée" :
		    "masquée");
		html_raw(H, " par la modération : elle n'est visible que par "
		    "vous.");
		if (*web_value(w, S_P, 0, 25) != '\0') {
			html_raw(H, " Règle de la <a href=\"/charte\">charte"
			    "</a> : ");
			html_text(H, web_value(w, S_P, 0, 25));
			html_raw(H, " — ");
			html_text(H, web_value(w, S_P, 0, 27));
			html_raw(H, ".");
		}
		html_raw(H, "</p>\n");
		if (*web_value(w, S_P, 0, 26) != '\0') {
			html_raw(H, "<p>Note de la modération : ");
			html_text(H, web_value(w, S_P, 0, 26));
			html_raw(H, "</p>\n");
		}
		html_raw(H, "</div>\n");
	} else if (strcmp(web_value(w, S_P, 0, 24), "t") == 0)
		write_review_notice(w);
	html_raw(H, "<article class=\"proposal-full\">\n<h1>");
	html_text(H, web_value(w, S_P, 0, 1));
	html_raw(H, "</h1>\n<p class=\"meta\">Proposée par ");
	html_text(H, web_value(w, S_P, 0, 6));
	if (*web_value(w, S_P, 0, 7) != '\0') {
		html_raw(H, " (");
		html_text(H, web_value(w, S_P, 0, 7));
		html_raw(H, ")");
	}
	html_raw(H, ", le ");
	html_text(H, web_value(w, S_P, 0, 8));
	if (strcmp(web_value(w, S_P, 0, 13), "t") == 0)
		html_raw(H, " <span class=\"edited\">(modifiée)</span>");
	if (strcmp(status, "published") == 0)
		write_flag_link(w, web_value(w, S_P, 0, 0), mine);
	html_raw(H, "</p>\n");
	if (mine && strcmp(web_value(w, S_P, 0, 19), "t") == 0 &&
	    strcmp(web_value(w, S_P, 0, 16), "open") == 0 &&
	    (strcmp(status, "published") == 0 ||
	    strcmp(status, "pending") == 0)) {
		html_raw(H, "<p><a href=\"/propositions/");
		html_text(H, web_value(w, S_P, 0, 0));
		html_raw(H, "/modifier\">Modifier ma proposition</a> "
		    "(possible pendant ");
		html_text(H, part_window_text());
		html_raw(H, " minutes après la publication)</p>\n");
	}
	write_body(w);
	/* What the Region decided matters most: right under the proposal. */
	write_answer(w);
}

/* An archive's proposal: its place in the archive, text, source page. */
static void
write_archive_head(struct web_req *w)
{
	const char	*url = web_value(w, S_X, 0, ARP_URL);

	archive_crumbs(w, web_value(w, S_X, 0, ARP_CONSULTATION),
	    web_value(w, S_X, 0, ARP_CONSULTATION_TITLE), 1);
	html_raw(H, "<li><a href=\"");
	archive_href(w, web_value(w, S_X, 0, ARP_CONSULTATION));
	html_raw(H, "/themes/");
	html_url_arg(H, web_value(w, S_P, 0, 14));
	html_raw(H, "\">");
	html_text(H, web_value(w, S_P, 0, 15));
	html_raw(H, "</a></li><li aria-current=\"page\">Proposition</li></ol>"
	    "</nav>\n");
	if (strcmp(web_value(w, S_P, 0, 24), "t") == 0)
		write_review_notice(w);
	html_raw(H, "<article class=\"proposal-full\">\n<h1>");
	html_text(H, web_value(w, S_P, 0, 1));
	html_raw(H, "</h1>\n<p class=\"meta\">Déposée");
	if (*web_value(w, S_X, 0, ARP_SOURCE_NAME) != '\0') {
		html_raw(H, " sur ");
		html_text(H, web_value(w, S_X, 0, ARP_SOURCE_NAME));
	}
	html_raw(H, " le ");
	html_text(H, web_value(w, S_P, 0, 8));
	write_flag_link(w, web_value(w, S_P, 0, 0), 0);
	html_raw(H, "</p>\n");
	if (part_link_valid(url)) {
		html_raw(H, "<p class=\"link\">Page d'origine : <a href=\"");
		html_text(H, url);
		html_raw(H, "\" rel=\"noopener\">");
		html_text(H, url);
		html_raw(H, "</a></p>\n");
	}
	write_body(w);
	archive_notice(w, web_value(w, S_X, 0, ARP_SOURCE_NAME));
}

/* "N label" in a list of counts the source declared. */
static void
declared(struct web_req *w, int col, const char *one, const char *many,
    int *any)
{
	if (web_isnull(w, S_X, 0, col))
		return;
	html_raw(H, *any ? ", " : "<p>La plateforme d'origine comptait ");
	archive_count(w, web_value(w, S_X, 0, col), one, many);
	*any = 1;
}

/* The source platform's tallies, never mixed up with votes cast here. */
static void
write_source_tallies(struct web_req *w)
{
	static const struct {
		int		 col;
		const char	*label;
	} split[] = {
		{ ARP_AGREE,	"D'accord" },
		{ ARP_MIXED,	"Mitigé" },
		{ ARP_DISAGREE,	"Pas d'accord" },
	};
	size_t	i;
	int	any = 0;

	html_raw(H, "<section id=\"votes\" aria-labelledby=\"votes-titre\">\n"
	    "<h2 id=\"votes-titre\">Votes sur la plateforme d'origine</h2>\n"
	    "<div class=\"source-tally\">\n<p><strong>Décomptes de la "
	    "plateforme d'origine, pas des avis exprimés ici.</strong></p>\n");
	if (!web_isnull(w, S_X, 0, ARP_AGREE)) {
		html_raw(H, "<ul class=\"tally\">\n");
		for (i = 0; i < 3; i++) {
			html_raw(H, "<li>");
			html_text(H, split[i].label);
			html_raw(H, " : <strong>");
			html_text(H, web_value(w, S_X, 0, split[i].col));
			html_raw(H, "</strong></li>\n");
		}
		html_raw(H, "</ul>\n<p>");
		archive_count(w, web_value(w, S_X, 0, ARP_VOTES), "vote",
		    "votes");
		html_raw(H, " au total.</p>\n");
	} else if (!web_isnull(w, S_X, 0, ARP_VOTES)) {
		html_raw(H, "<p><strong>");
		html_text(H, web_value(w, S_X, 0, ARP_VOTES));
		html_raw(H, strcmp(web_value(w, S_X, 0, ARP_VOTES), "0") == 0 ||
		    strcmp(web_value(w, S_X, 0, ARP_VOTES), "1") == 0 ?
		    "</strong> soutien.</p>\n" : "</strong> soutiens.</p>\n");
	} else
		html_raw(H, "<p>La plateforme d'origine ne comptait pas de "
		    "votes sur cette contribution.</p>\n");
	declared(w, ARP_ARGS_YES, "argument pour", "arguments pour", &any);
	declared(w, ARP_ARGS_NO, "argument contre", "arguments contre", &any);
	declared(w, ARP_COMMENTS, "commentaire", "commentaires", &any);
	if (any)
		html_raw(H, ".</p>\n");
	html_raw(H, "</div>\n</section>\n");
}

/* Counts the published arguments and comments of the thread. */
static void
view_count(struct web_req *w, struct view *v)
{
	int	r;

	for (r = v->first[v->n]; r != -1; r = v->next[r]) {
		if (strcmp(web_value(w, S_T, r, 10), "published") != 0)
			continue;
		if (strcmp(web_value(w, S_T, r, 1), "comment") == 0)
			v->ncomments += 1 + count_comments(w, v, r);
		else if (strcmp(web_value(w, S_T, r, 2), "pour") == 0)
			v->npour++;
		else
			v->ncontre++;
	}
}

/* GET /propositions/:id. 404 for a malformed id or one not visible. */
int
proposal_show(struct web_req *w)
{
	struct view	 v;
	long long	 id;
	char		 uid[24], uid2[24];
	const char	*status, *viewer;
	int		 mine, archived;

	viewer = w->sess.user_id ? part_itoa(w->sess.user_id, uid) : NULL;
	archived = w->step > S_P && web_nrows(w, S_P) == 1 &&
	    strcmp(web_value(w, S_P, 0, PART_PROPOSAL_ARCHIVED), "t") == 0;
	switch (w->step) {
	case 0:
		if (!text_parse_id(w->args[0], &id))
			return (web_error(w, 404, NULL));
		return (web_sql(w, sql_part_proposal, 3, w->args[0], viewer,
		    part_window_text()));
	case 1:
		if (web_nrows(w, S_P) != 1)
			return (web_error(w, 404, NULL));
		mine = w->sess.user_id != 0 &&
		    strtoll(web_value(w, S_P, 0, 5), NULL, 10) ==
		    w->sess.user_id;
		if (strcmp(web_value(w, S_P, 0, 4), "published") != 0 && !mine)
			return (web_error(w, 404, NULL));
		return (web_sql(w, sql_part_thread, 3, w->args[0], viewer,
		    part_itoa(THREAD_MAX + 1, uid2)));
	case 2:
		if (archived)
			return (web_sql(w, sql_archive_proposal, 1,
			    w->args[0]));
		return (web_sql(w, sql_answer_for_proposal, 1, w->args[0]));
	case 3:
		if (archived)
			return (web_sql(w, sql_archive_thread_tallies, 1,
			    w->args[0]));
		break;
	}

	memset(&v, 0, sizeof(v));
	part_limits(&v.lim);
	view_tree(w, &v);
	v.archived = archived;
	status = web_value(w, S_P, 0, 4);
	mine = w->sess.user_id != 0 &&
	    strtoll(web_value(w, S_P, 0, 5), NULL, 10) == w->sess.user_id;
	v.can_act = !archived && w->sess.user_id != 0 && w->sess.verified &&
	    strcmp(status, "published") == 0 &&
	    strcmp(web_value(w, S_P, 0, 16), "open") == 0;
	view_count(w, &v);

	page_begin(w, web_value(w, S_P, 0, 1));
	if (archived) {
		write_archive_head(w);
		write_source_tallies(w);
	} else {
		write_head(w, status, mine);
		if (!part_phase_notice(w, web_value(w, S_P, 0, 16),
		    web_value(w, S_P, 0, 17), web_value(w, S_P, 0, 18)) &&
		    strcmp(status, "published") == 0)
			write_who_notice(w);
		write_votes(w, &v);
	}
	if (web_nrows(w, S_T) > THREAD_MAX)
		html_rawf(H, "<p class=\"notice\">Ce débat est très fourni : "
		    "seules ses %d premières contributions sont affichées."
		    "</p>\n",
		    THREAD_MAX);

	html_raw(H, "<section id=\"arguments\" aria-labelledby=\"arguments-"
	    "titre\">\n<h2 id=\"arguments-titre\">Arguments</h2>\n"
	    "<div class=\"columns\">\n");
	write_column(w, &v, "pour", "Pour", v.npour);
	write_column(w, &v, "contre", "Contre", v.ncontre);
	html_raw(H, "</div>\n</section>\n");

	html_raw(H, "<section id=\"commentaires\" aria-labelledby=\""
	    "commentaires-titre\">\n<h2 id=\"commentaires-titre\">");
	html_rawf(H, "Commentaires (%d)</h2>\n", v.ncomments);
	write_comments(w, &v, v.n);
	if (v.can_act)
		write_comment_form(w, &v, NULL, 0);
	html_raw(H, "</section>\n");

	if (v.can_act) {	/* optional: votes without reloading */
		html_raw(H, "<script src=\"");
		html_text(H, assets_url("agora.js"));
		html_raw(H, "\" defer></script>\n");
	}
	page_end(w);
	view_free(&v);
	return (web_send(w, 200));
}
