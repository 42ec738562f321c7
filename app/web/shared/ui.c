/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include "../../core/route.h"
#include "../../core/vocab.h"
#include "ui.h"

const char *
ui_url_part(struct web_req *w, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;
	char			*out, *o;

	o = out = web_alloc(w, strlen(s) * 3 + 1);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' ||
		    *p == '_' || *p == '~') {
			*o++ = (char)*p;
			continue;
		}
		*o++ = '%';
		*o++ = hex[*p >> 4];
		*o++ = hex[*p & 0x0f];
	}
	*o = '\0';
	return (out);
}

/* path?retour=<back>, or path alone when back is not one of ours. */
static const char *
ui_with_return(struct web_req *w, const char *path, const char *back)
{
	if ((back = route_local_path(back)) == NULL)
		return (path);
	return (web_printf(w, "%s?retour=%s", path, ui_url_part(w, back)));
}

const char *
ui_signin(struct web_req *w, const char *back)
{
	return (ui_with_return(w, UI_SIGNIN, back));
}

const char *
ui_signup(struct web_req *w, const char *back)
{
	return (ui_with_return(w, UI_SIGNUP, back));
}

const char *
ui_proposal(struct web_req *w, long long id)
{
	return (web_printf(w, "/propositions/%lld", id));
}

const char *
ui_proposal_part(struct web_req *w, long long id, const char *part)
{
	return (web_printf(w, "/propositions/%lld/%s", id, ui_url_part(w, part)));
}

const char *
ui_proposal_arguments(struct web_req *w, long long id, const char *sort)
{
	return (web_printf(w, "/propositions/%lld?tri=%s#arguments", id,
	    ui_url_part(w, sort)));
}

const char *
ui_contribution(struct web_req *w, long long proposal, long long id)
{
	if (id == proposal)
		return (ui_proposal(w, proposal));
	return (web_printf(w, "/propositions/%lld?voir=%lld#c%lld", proposal,
	    id, id));
}

const char *
ui_contribution_part(struct web_req *w, long long id, const char *part)
{
	return (web_printf(w, "/contributions/%lld/%s", id, ui_url_part(w, part)));
}

const char *
ui_argument_part(struct web_req *w, long long id, const char *part)
{
	return (web_printf(w, "/arguments/%lld/%s", id, ui_url_part(w, part)));
}

const char *
ui_theme(struct web_req *w, const char *consultation, const char *theme)
{
	if (consultation == NULL)
		return (web_printf(w, "/themes/%s", ui_url_part(w, theme)));
	return (web_printf(w, "/consultations/%s/themes/%s",
	    ui_url_part(w, consultation), ui_url_part(w, theme)));
}

const char *
ui_theme_propose(struct web_req *w, const char *theme)
{
	return (web_printf(w, "/themes/%s/proposer", ui_url_part(w, theme)));
}

const char *
ui_theme_paper(struct web_req *w, const char *theme)
{
	return (web_printf(w, "/themes/%s/formulaire", ui_url_part(w, theme)));
}

const char *
ui_mediation_paper_after(struct web_req *w, const char *code)
{
	return (web_printf(w, UI_MEDIATION_PAPER "?derniere=%s",
	    ui_url_part(w, code)));
}

const char *
ui_report(struct web_req *w, const char *consultation, const char *theme)
{
	if (consultation == NULL)
		return (web_printf(w, "/rapports/%s", ui_url_part(w, theme)));
	return (web_printf(w, "/consultations/%s/rapports/%s",
	    ui_url_part(w, consultation), ui_url_part(w, theme)));
}

const char *
ui_council_work(struct web_req *w, long long id, const char *part)
{
	return (web_printf(w, "/conseil/saisines/%lld%s%s", id,
	    part ? "/" : "", part ? part : ""));
}

const char *
ui_council_opinion(struct web_req *w, long long id, const char *part)
{
	return (web_printf(w, "/conseil/avis/%lld%s%s", id,
	    part ? "/" : "", part ? part : ""));
}

const char *
ui_synthesis(struct web_req *w, const char *theme, const char *part)
{
	if (part == NULL)
		return (web_printf(w, "/syntheses/%s", ui_url_part(w, theme)));
	return (web_printf(w, "/syntheses/%s/%s", ui_url_part(w, theme),
	    ui_url_part(w, part)));
}

const char *
ui_theme_search(struct web_req *w, const char *consultation, const char *theme,
    const char *q)
{
	return (web_printf(w, "%s?q=%s", ui_theme(w, consultation, theme),
	    ui_url_part(w, q)));
}

const char *
ui_search(struct web_req *w, const char *q, const char *sort, long long n)
{
	const char	*s = web_printf(w, UI_SEARCH "?q=%s", ui_url_part(w, q));

	if (sort != NULL && strcmp(sort, "pertinence") != 0)
		s = web_printf(w, "%s&tri=%s", s, ui_url_part(w, sort));
	if (n > 1)
		s = web_printf(w, "%s&page=%lld", s, n);
	return (s);
}

const char *
ui_export_theme(struct web_req *w, const char *theme, const char *ext)
{
	return (web_printf(w, "/export/themes/%s.%s", ui_url_part(w, theme),
	    ui_url_part(w, ext)));
}

const char *
ui_export_topics(struct web_req *w, const char *consultation,
    const char *theme)
{
	return (web_printf(w, "/export/sujets/%s/%s.csv",
	    ui_url_part(w, consultation), ui_url_part(w, theme)));
}

const char *
ui_consultation(struct web_req *w, const char *slug)
{
	return (web_printf(w, "/consultations/%s", ui_url_part(w, slug)));
}

const char *
ui_moderation_item(struct web_req *w, long long id)
{
	return (web_printf(w, "/moderation/%lld", id));
}

const char *
ui_admin_epn(struct web_req *w, long long id)
{
	return (web_printf(w, UI_ADMIN_EPN "/%lld", id));
}

const char *
ui_admin_epn_stops(struct web_req *w, long long id)
{
	return (web_printf(w, UI_ADMIN_EPN "/%lld/etapes", id));
}

const char *
ui_admin_epn_mediators(struct web_req *w, long long id)
{
	return (web_printf(w, UI_ADMIN_EPN "/%lld/mediateurs", id));
}

const char *
ui_mediation_proposal(struct web_req *w, long long id)
{
	return (web_printf(w, "/mediation/propositions/%lld", id));
}

const char *
ui_admin_roles(struct web_req *w, const char *q, long long page)
{
	const char	*search = *q != '\0' ?
			    web_printf(w, "?q=%s", ui_url_part(w, q)) : "";

	if (page <= 1)
		return (web_printf(w, UI_ADMIN_ROLES "%s", search));
	return (web_printf(w, UI_ADMIN_ROLES "%s%spage=%lld", search,
	    *q != '\0' ? "&" : "?", page));
}

const char *
ui_moderation_queue(struct web_req *w, const char *theme, const char *reason,
    const char *status, long long page)
{
	return (web_printf(w, "/moderation/?theme=%s&motif=%s&statut=%s"
	    "&page=%lld", ui_url_part(w, theme), ui_url_part(w, reason),
	    ui_url_part(w, status), page));
}

void
ui_link(struct web_req *w, const char *path, const char *label)
{
	html_raw(H, "<a href=\"");
	html_text(H, path);
	html_raw(H, "\">");
	html_text(H, label);
	html_raw(H, "</a>");
}

void
ui_crumbs(struct web_req *w, const struct ui_crumb *steps, int n,
    const char *here)
{
	int	i;

	html_raw(H, "<nav aria-label=\"Fil d'Ariane\" class=\"crumbs\"><ol>"
	    "<li><a href=\"/\">Accueil</a></li>");
	for (i = 0; i < n; i++) {
		if (steps[i].path == NULL)
			continue;
		html_raw(H, "<li>");
		ui_link(w, steps[i].path, steps[i].label);
		html_raw(H, "</li>");
	}
	html_raw(H, "<li aria-current=\"page\">");
	html_text(H, here);
	html_raw(H, "</li></ol></nav>\n");
}

void
ui_pager(struct web_req *w, const char *label, long long page, long long last,
    const char *(*href)(struct web_req *, void *, long long), void *arg)
{
	if (last <= 1)
		return;
	html_raw(H, "<nav aria-label=\"");
	html_text(H, label);
	html_raw(H, "\" class=\"pages\"><ul>\n");
	if (page > 1) {
		html_raw(H, "<li><a rel=\"prev\" href=\"");
		html_text(H, href(w, arg, page - 1 > last ? last : page - 1));
		html_raw(H, "\">Page précédente</a></li>\n");
	}
	html_rawf(H, "<li aria-current=\"page\">Page %lld sur %lld</li>\n",
	    page, last);
	if (page < last) {
		html_raw(H, "<li><a rel=\"next\" href=\"");
		html_text(H, href(w, arg, page + 1));
		html_raw(H, "\">Page suivante</a></li>\n");
	}
	html_raw(H, "</ul></nav>\n");
}

const char *
ui_number_text(struct web_req *w, long long n)
{
	char		 digits[24], *out, *o;
	unsigned long long u;
	size_t		 len, i;

	u = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
	len = (size_t)snprintf(digits, sizeof(digits), "%llu", u);
	/* Each group of three after the first: 3 bytes of U+202F. */
	o = out = web_alloc(w, 1 + len + (len / 3) * 3 + 1);
	if (n < 0)
		*o++ = '-';
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0) {
			memcpy(o, NNBSP, 3);
			o += 3;
		}
		*o++ = digits[i];
	}
	*o = '\0';
	return (out);
}

void
ui_number(struct web_req *w, long long n)
{
	html_raw(H, ui_number_text(w, n));
}

void
ui_log_line(struct web_req *w, long long id)
{
	html_raw(H, " Inscrit au <a href=\"" UI_TRANSPARENCY "#journal\">"
	    "journal vérifiable</a> (ligne n°" NBSP);
	ui_number(w, id);
	html_raw(H, ").");
}

void
ui_count(struct web_req *w, long long n, const char *one, const char *many)
{
	ui_number(w, n);
	html_raw(H, NBSP);
	html_raw(H, vocab_plural(n, one, many));	/* literals */
}
