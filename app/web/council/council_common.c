/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * What the council's pages share: the opinion's text (checked and
 * rendered here only), dates and counts typed in its forms, the labels of
 * states and kinds, and the referral and opinion blocks of its pages.
 */

#include <stdlib.h>
#include <string.h>

#include "../../core/markdown.h"
#include "../../core/synthesis.h"
#include "../../db/council.h"
#include "../../db/syntheses.h"
#include "../shared/ui.h"
#include "council.h"

/* "{a,b,c}": the lines (lines != 0) or the ids of n citations. */
static const char *
cites_literal(struct web_req *w, const struct citation *c, size_t n,
    int lines)
{
	struct kore_buf	*b = kore_buf_alloc(16 * n + 3);
	const char	*s;
	size_t		 i, len;

	kore_buf_append(b, "{", 1);
	for (i = 0; i < n; i++)
		kore_buf_appendf(b, "%s%lld", i ? "," : "",
		    lines ? (long long)c[i].line : c[i].id);
	kore_buf_append(b, "}", 1);
	s = web_strdup(w, kore_buf_stringify(b, &len));
	kore_buf_free(b);
	return (s);
}

/*
 * The syntheses the text cites ("[synthese:SLUG]"), as a text[] literal
 * (slugs are [a-z0-9-]: nothing to quote); council_draft_add() checks
 * that each is published and of the referral's themes.
 */
static int
synthesis_cites_check(struct form *f, const char *name, const char *text,
    struct council_cites *cc)
{
	struct synthesis_cite	*s;
	struct kore_buf		*b;
	size_t			 i, n, len;

	s = web_alloc(f->w, sizeof(*s) * COUNCIL_CITATIONS_MAX);
	if ((n = synthesis_cites_parse(text, s, COUNCIL_CITATIONS_MAX)) >
	    COUNCIL_CITATIONS_MAX) {
		form_error(f, name, "Un avis cite au plus %d synthèses"
		    NBSP ": celui-ci en cite %zu.", COUNCIL_CITATIONS_MAX, n);
		return (0);
	}
	b = kore_buf_alloc(64);
	kore_buf_append(b, "{", 1);
	for (i = 0; i < n; i++)
		kore_buf_appendf(b, "%s%s", i ? "," : "", s[i].slug);
	kore_buf_append(b, "}", 1);
	cc->slugs = web_strdup(f->w, kore_buf_stringify(b, &len));
	kore_buf_free(b);
	return (1);
}

int
council_text_check(struct form *f, const char *name, const char *label,
    const char **out, struct council_cites *cc)
{
	struct citation	*c;
	size_t		 n;

	if (!form_text(f, name, label, 1, COUNCIL_TEXT_MAX, 1, out))
		return (0);
	c = web_alloc(f->w, sizeof(*c) * COUNCIL_CITATIONS_MAX);
	if ((n = citations_parse(*out, c, COUNCIL_CITATIONS_MAX)) >
	    COUNCIL_CITATIONS_MAX) {
		form_error(f, name, "Un avis cite au plus %d contributions"
		    NBSP ": celui-ci en cite %zu.", COUNCIL_CITATIONS_MAX, n);
		return (0);
	}
	cc->lines = cites_literal(f->w, c, n, 1);
	cc->ids = cites_literal(f->w, c, n, 0);
	return (synthesis_cites_check(f, name, *out, cc));
}

static void
buf_write(void *arg, const void *p, size_t len)
{
	kore_buf_append(arg, p, len);
}

const char *
council_text_render(struct web_req *w, const char *md, int refs_slot)
{
	struct citation_ref	*refs;
	struct kore_buf		*b = kore_buf_alloc(4096);
	struct html_out		 out = { buf_write, b };
	char			*html;
	const char		*copy;
	size_t			 len;
	int			 i, n = web_rows(w, refs_slot);

	refs = web_alloc(w, sizeof(*refs) * (size_t)(n > 0 ? n : 1));
	for (i = 0; i < n; i++) {
		refs[i].id = web_int(w, refs_slot, i, SR_ID);
		refs[i].title = web_text(w, refs_slot, i, SR_TITLE);
		refs[i].href = web_text(w, refs_slot, i, SR_HREF);
		refs[i].slug = web_null(w, refs_slot, i, SR_SLUG) ? NULL :
		    web_text(w, refs_slot, i, SR_SLUG);
	}
	if ((html = markdown_render(md, strlen(md), 2)) == NULL)
		fatal("markdown_render: out of memory");
	citations_html(&out, html, refs, (size_t)n);
	free(html);
	copy = web_strdup(w, kore_buf_stringify(b, &len));
	kore_buf_free(b);
	return (copy);
}

int
council_date_valid(const char *s)
{
	static const int	days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30,
				    31, 30, 31 };
	int			y, m, d, i, leap;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return (0);
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return (0);
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 2000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return (0);
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return (!(m == 2 && d == 29 && !leap));
}

long long
council_count_parse(const char *s)
{
	size_t	i, n;

	if (s == NULL || (n = strlen(s)) == 0 || n > 6)
		return (-1);
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return (-1);
	return (atoll(s));
}

const char *
council_state_label(const char *code)
{
	if (strcmp(code, "ouverte") == 0)
		return ("Ouverte");
	if (strcmp(code, "en_cours") == 0)
		return ("En cours");
	if (strcmp(code, "avis_rendu") == 0)
		return ("Avis rendu");
	return ("Réponse de la Région");
}

const char *
council_kind_label(const char *kind)
{
	return (strcmp(kind, "saisine") == 0 ? "Saisine par la Région" :
	    "Auto-saisine du conseil");
}

void
council_write_referral(struct web_req *w, int q)
{
	html_raw(H, "<dl class=\"facts\">\n<dt>Question posée</dt><dd>");
	html_text(H, web_text(w, q, 0, CR_QUESTION));
	html_raw(H, "</dd>\n<dt>Origine</dt><dd>");
	html_text(H, council_kind_label(web_text(w, q, 0, CR_KIND)));
	html_raw(H, ", ouverte le ");
	html_text(H, web_text(w, q, 0, CR_OPENED));
	html_raw(H, " par ");
	html_text(H, web_text(w, q, 0, CR_OPENER));
	html_raw(H, "</dd>\n<dt>Thèmes concernés</dt><dd>");
	html_text(H, web_text(w, q, 0, CR_THEMES));
	html_raw(H, "</dd>\n<dt>Avis attendu pour le</dt><dd>");
	html_text(H, web_text(w, q, 0, CR_DUE));
	html_raw(H, "</dd>\n<dt>État</dt><dd><strong>");
	html_text(H, council_state_label(web_text(w, q, 0, CR_STATE)));
	html_raw(H, "</strong></dd>\n<dt>Rapporteur</dt><dd>");
	html_text(H, web_null(w, q, 0, CR_RAPPORTEUR) ? "pas encore désigné" :
	    web_text(w, q, 0, CR_RAPPORTEUR_NAME));
	html_raw(H, "</dd>\n</dl>\n");
}

/* "Pour : 7, contre : 2, abstentions : 1", with the council's size. */
static void
write_tally(struct web_req *w, int q)
{
	html_raw(H, "<p class=\"tally\">Adopté le ");
	html_text(H, web_text(w, q, 0, CR_OP_ADOPTED));
	html_raw(H, " : pour ");
	ui_number(w, web_int(w, q, 0, CR_OP_FOR));
	html_raw(H, ", contre ");
	ui_number(w, web_int(w, q, 0, CR_OP_AGAINST));
	html_raw(H, ", abstentions ");
	ui_number(w, web_int(w, q, 0, CR_OP_ABSTAIN));
	html_raw(H, " (le conseil compte ");
	ui_count(w, web_int(w, q, 0, CR_SIZE), "membre", "membres");
	html_raw(H, "). Publié le ");
	html_text(H, web_text(w, q, 0, CR_OP_PUBLISHED));
	html_raw(H, " par ");
	html_text(H, web_text(w, q, 0, CR_RAPPORTEUR_NAME));
	html_raw(H, ", rapporteur.");
	if (!web_null(w, q, 0, CR_OP_LOG))
		ui_log_line(w, web_int(w, q, 0, CR_OP_LOG));
	html_raw(H, "</p>\n");
}

void
council_write_opinion(struct web_req *w, int q)
{
	if (web_null(w, q, 0, CR_OP_HTML))
		return;
	html_raw(H, "<section aria-labelledby=\"avis\">\n"
	    "<h2 id=\"avis\">Avis du conseil</h2>\n");
	write_tally(w, q);
	html_raw(H, "<div class=\"prose\">");
	html_raw(H, web_text(w, q, 0, CR_OP_HTML));	/* cmark */
	html_raw(H, "</div>\n</section>\n");
	if (web_null(w, q, 0, CR_RE_HTML))
		return;
	html_raw(H, "<section aria-labelledby=\"reponse-region\">\n"
	    "<h2 id=\"reponse-region\">Réponse de la Région</h2>\n"
	    "<p>Publiée le ");
	html_text(H, web_text(w, q, 0, CR_RE_DATE));
	html_raw(H, ".");
	if (!web_null(w, q, 0, CR_RE_LOG))
		ui_log_line(w, web_int(w, q, 0, CR_RE_LOG));
	html_raw(H, "</p>\n<div class=\"prose\">");
	html_raw(H, web_text(w, q, 0, CR_RE_HTML));	/* cmark */
	html_raw(H, "</div>\n</section>\n");
}
