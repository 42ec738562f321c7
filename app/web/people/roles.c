/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * /admin/roles: administrators find accounts (by e-mail or name) and grant
 * or revoke roles. Every change is one call to user_role_set (migration
 * 0020), which records it in role_changes and refuses that administrators
 * remove their own admin role.
 */

#include <stdlib.h>
#include <string.h>

#include "../../core/roles.h"
#include "../../core/text.h"
#include "../../db/people.h"
#include "../kernel/session.h"
#include "../kernel/web.h"

#define PAGE_SIZE	50
#define SEARCH_MAX	100	/* characters */
#define PAGE_MAX	100000

int	admin_roles(struct web_req *);

static void
buf_write(void *arg, const void *p, size_t len)
{
	kore_buf_append(arg, p, len);
}

/* The search text: valid UTF-8 without control bytes, or "". */
static const char *
search_arg(struct web_req *w)
{
	const char	*q = web_arg(w, "q"), *p;

	if (q == NULL || !text_utf8_valid(q, strlen(q)) ||
	    text_utf8_chars(q) > SEARCH_MAX || text_blank(q))
		return ("");
	for (p = q; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return ("");
	return (q);
}

static long long
page_arg(struct web_req *w)
{
	const char	*s = web_arg(w, "page");
	long long	 n;

	if (s == NULL || !text_parse_id(s, &n) || n > PAGE_MAX)
		return (1);
	return (n);
}

/*
 * Writes the URL of a page of the list, /admin/roles?q=...&page=n, for an
 * attribute (amp: "&amp;") or a Location header ("&").
 */
static void
write_list_url(struct html_out *out, const char *q, long long page, int amp)
{
	html_raw(out, "/admin/roles");
	if (*q != '\0') {
		html_raw(out, "?q=");
		html_url_arg(out, q);
	}
	if (page > 1)
		html_rawf(out, "%spage=%lld", *q == '\0' ? "?" :
		    amp ? "&amp;" : "&", page);
}

static void
write_role_form(struct web_req *w, const char *id, const char *name,
    const char *q, long long page)
{
	size_t	i;

	html_raw(H, "<form method=\"post\" action=\"/admin/roles\" "
	    "enctype=\"multipart/form-data\" accept-charset=\"utf-8\" "
	    "class=\"role-form\">");
	csrf_field(w);
	html_raw(H, "<input type=\"hidden\" name=\"utilisateur\" value=\"");
	html_text(H, id);
	html_raw(H, "\"><input type=\"hidden\" name=\"q\" value=\"");
	html_text(H, q);
	html_rawf(H, "\"><input type=\"hidden\" name=\"page\" value=\"%lld\">",
	    page);
	html_raw(H, "<label class=\"visually-hidden\" for=\"role-");
	html_text(H, id);
	html_raw(H, "\">Rôle de ");
	html_text(H, name);
	html_raw(H, "</label><select name=\"role\" id=\"role-");
	html_text(H, id);
	html_raw(H, "\">");
	for (i = 0; i < ROLES_COUNT; i++) {
		html_raw(H, "<option value=\"");
		html_text(H, role_name(role_at(i)));
		html_raw(H, "\">");
		html_text(H, role_label_fr(role_at(i)));
		html_raw(H, "</option>");
	}
	html_raw(H, "</select> <button type=\"submit\" name=\"action\" "
	    "value=\"accorder\">Accorder<span class=\"visually-hidden\"> à ");
	html_text(H, name);
	html_raw(H, "</span></button> <button type=\"submit\" name=\"action\" "
	    "value=\"retirer\" class=\"secondary\">Retirer<span "
	    "class=\"visually-hidden\"> à ");
	html_text(H, name);
	html_raw(H, "</span></button></form>");
}

static void
write_roles_cell(struct web_req *w, const char *csv)
{
	unsigned int	bits = roles_parse(csv);
	size_t		i;
	int		n = 0;

	for (i = 0; i < ROLES_COUNT; i++) {
		if (!(bits & role_at(i)))
			continue;
		if (n++ > 0)
			html_raw(H, ", ");
		html_text(H, role_label_fr(role_at(i)));
	}
	if (n == 0)
		html_raw(H, "aucun");
}

static int
list_show(struct web_req *w)
{
	const char	*q = search_arg(w);
	long long	 page = page_arg(w), total, pages;
	char		 off[32], lim[16];
	int		 i, n;

	if (w->step == 0) {
		snprintf(off, sizeof(off), "%lld", (page - 1) * PAGE_SIZE);
		snprintf(lim, sizeof(lim), "%d", PAGE_SIZE);
		return (web_sql(w, sql_admin_accounts, 3, q, off, lim));
	}
	n = web_nrows(w, 0);
	total = n > 0 ? strtoll(web_value(w, 0, 0, 6), NULL, 10) : 0;
	pages = total > 0 ? (total + PAGE_SIZE - 1) / PAGE_SIZE : 1;

	page_begin(w, "Rôles des comptes");
	html_raw(H, "<h1>Rôles des comptes</h1>\n"
	    "<p>Accordez ou retirez les rôles de citoyen·ne, médiateur·rice, "
	    "modérateur·rice, élu·e et administrateur·rice. Chaque changement "
	    "est enregistré avec son auteur et sa date. Vous ne pouvez pas "
	    "retirer votre propre rôle d'administrateur·rice.</p>\n"
	    "<form method=\"get\" action=\"/admin/roles\" role=\"search\">\n"
	    "<div class=\"field\"><label for=\"f-q\">Rechercher un compte"
	    "</label><span class=\"hint\" id=\"h-q\">Une partie de l'adresse "
	    "électronique ou du nom affiché.</span>"
	    "<input type=\"search\" id=\"f-q\" name=\"q\" "
	    "aria-describedby=\"h-q\" value=\"");
	html_text(H, q);
	html_raw(H, "\"></div>\n<p><button type=\"submit\">Rechercher"
	    "</button></p>\n</form>\n");
	if (n == 0) {
		html_raw(H, "<p role=\"status\">Aucun compte ne correspond");
		if (*q != '\0') {
			html_raw(H, " à « ");
			html_text(H, q);
			html_raw(H, " »");
		}
		html_raw(H, ".</p>\n");
		page_end(w);
		return (web_send(w, 200));
	}
	html_raw(H, "<table class=\"accounts\">\n<caption>");
	html_rawf(H, "%lld compte%s", total, total > 1 ? "s" : "");
	if (*q != '\0') {
		html_raw(H, " correspondant à « ");
		html_text(H, q);
		html_raw(H, " »");
	}
	html_rawf(H, ", page %lld sur %lld", page, pages);
	html_raw(H, "</caption>\n<thead><tr><th scope=\"col\">Nom affiché</th>"
	    "<th scope=\"col\">Adresse électronique</th>"
	    "<th scope=\"col\">Rôles</th>"
	    "<th scope=\"col\">Adresse confirmée</th>"
	    "<th scope=\"col\">Créé le</th>"
	    "<th scope=\"col\">Modifier un rôle</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < n; i++) {
		html_raw(H, "<tr id=\"compte-");
		html_text(H, web_value(w, 0, i, 0));
		html_raw(H, "\"><th scope=\"row\">");
		html_text(H, web_value(w, 0, i, 2));
		html_raw(H, "</th><td>");
		html_text(H, web_value(w, 0, i, 1));
		html_raw(H, "</td><td>");
		write_roles_cell(w, web_value(w, 0, i, 3));
		html_raw(H, "</td><td>");
		html_raw(H, web_value(w, 0, i, 4)[0] == 't' ? "oui" : "non");
		html_raw(H, "</td><td>");
		html_text(H, web_value(w, 0, i, 5));
		html_raw(H, "</td><td>");
		write_role_form(w, web_value(w, 0, i, 0),
		    web_value(w, 0, i, 2), q, page);
		html_raw(H, "</td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n");
	if (pages > 1) {
		html_raw(H, "<nav aria-label=\"Pages\" class=\"pages\"><ul>");
		if (page > 1) {
			html_raw(H, "<li><a rel=\"prev\" href=\"");
			write_list_url(H, q, page - 1, 1);
			html_raw(H, "\">Page précédente</a></li>");
		}
		if (page < pages) {
			html_raw(H, "<li><a rel=\"next\" href=\"");
			write_list_url(H, q, page + 1, 1);
			html_raw(H, "\">Page suivante</a></li>");
		}
		html_raw(H, "</ul></nav>\n");
	}
	page_end(w);
	return (web_send(w, 200));
}

static int
role_change(struct web_req *w)
{
	struct kore_buf		*url;
	struct html_out		 out;
	const char		*id, *role, *action, *st;
	char			 me[32];
	long long		 uid;
	int			 r;

	if (w->step == 0) {
		if (!csrf_valid(w))
			return (web_error(w, 403, "Le formulaire a expiré ou ne "
			    "vient pas de ce site : rechargez la page et "
			    "recommencez. Aucun rôle n'a changé."));
		id = web_arg(w, "utilisateur");
		role = web_arg(w, "role");
		action = web_arg(w, "action");
		if (id == NULL || !text_parse_id(id, &uid) || role == NULL ||
		    role_bit(role) == 0 || action == NULL ||
		    (strcmp(action, "accorder") != 0 &&
		    strcmp(action, "retirer") != 0))
			return (web_error(w, 400, "Choisissez un compte, un rôle "
			    "et l'action « Accorder » ou « Retirer »."));
		snprintf(me, sizeof(me), "%lld", w->sess.user_id);
		return (web_sql(w, sql_role_set, 4, id, role,
		    strcmp(action, "accorder") == 0 ? "t" : "f", me));
	}
	st = web_value(w, 0, 0, 0);
	if (strcmp(st, "self") == 0)
		return (web_error(w, 409, "Vous ne pouvez pas retirer votre "
		    "propre rôle d'administrateur·rice : demandez-le à un autre "
		    "administrateur·rice. Rien n'a changé."));
	if (strcmp(st, "no_user") == 0)
		return (web_error(w, 404, "Ce compte n'existe pas ou a été "
		    "supprimé."));
	web_flash(w, strcmp(st, "granted") == 0 ? "role_granted" :
	    strcmp(st, "revoked") == 0 ? "role_revoked" : "role_unchanged");
	url = kore_buf_alloc(256);
	out.write = buf_write;
	out.arg = url;
	write_list_url(&out, search_arg(w), page_arg(w), 0);
	html_raw(&out, "#compte-");
	html_url_arg(&out, web_arg(w, "utilisateur"));
	kore_buf_append(url, "", 1);
	r = web_redirect(w, (const char *)url->data);
	kore_buf_free(url);
	return (r);
}

/*
 * GET /admin/roles: the accounts, 50 a page, searchable (q, page).
 * POST /admin/roles: grants or revokes one role (utilisateur, role, action).
 * Raises 403 for anyone but administrators (routes table) or on a bad CSRF
 * token, 400 on a malformed form, 404 for an unknown account, 409 when an
 * administrator would remove their own admin role.
 */
int
admin_roles(struct web_req *w)
{
	if (w->req->method == HTTP_METHOD_POST)
		return (role_change(w));
	return (list_show(w));
}
