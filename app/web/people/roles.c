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

#include <string.h>

#include "../../core/roles.h"
#include "../../core/text.h"
#include "../../core/vocab.h"
#include "../../db/people.h"
#include "../kernel/session.h"
#include "../kernel/web.h"
#include "../shared/ui.h"
#include "account.h"

#define PAGE_SIZE	50
#define SEARCH_MAX	100	/* characters */
#define PAGE_MAX	100000

int	admin_roles(struct web_req *);

enum { Q_ACCOUNTS, Q_ROLE_SET, Q__MAX };

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

static void
write_role_form(struct web_req *w, long long id, const char *name,
    const char *q, long long page)
{
	size_t	i;

	html_raw(H, "<form method=\"post\" action=\"" UI_ADMIN_ROLES "\" "
	    "enctype=\"multipart/form-data\" accept-charset=\"utf-8\" "
	    "class=\"role-form\">");
	csrf_field(w);
	html_rawf(H, "<input type=\"hidden\" name=\"utilisateur\" "
	    "value=\"%lld\"><input type=\"hidden\" name=\"q\" value=\"", id);
	html_text(H, q);
	html_rawf(H, "\"><input type=\"hidden\" name=\"page\" value=\"%lld\">",
	    page);
	html_rawf(H, "<label class=\"visually-hidden\" for=\"role-%lld\">"
	    "Rôle de ", id);
	html_text(H, name);
	html_rawf(H, "</label><select name=\"role\" id=\"role-%lld\">", id);
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

/* The search form, q in it. */
static void
write_search(struct web_req *w, const char *q)
{
	html_raw(H, "<h1>Rôles des comptes</h1>\n"
	    "<p>Accordez ou retirez les rôles (participation, médiation, "
	    "modération, réponse officielle, administration, secrétariat). "
	    "Chaque changement "
	    "est enregistré avec son auteur et sa date. Vous ne pouvez pas "
	    "retirer votre propre rôle d'administration.</p>\n"
	    "<form method=\"get\" action=\"" UI_ADMIN_ROLES "\" role=\"search\">\n"
	    "<div class=\"field\"><label for=\"f-q\">Rechercher un compte"
	    "</label><span class=\"hint\" id=\"h-q\">Une partie de l'adresse "
	    "électronique ou du nom affiché.</span>"
	    "<input type=\"search\" id=\"f-q\" name=\"q\" "
	    "aria-describedby=\"h-q\" value=\"");
	html_text(H, q);
	html_raw(H, "\"></div>\n<p><button type=\"submit\">Rechercher"
	    "</button></p>\n</form>\n");
}

/* " à « q »" after a count, when there is a search. */
static void
write_query(struct web_req *w, const char *before, const char *q)
{
	if (*q == '\0')
		return;
	html_text(H, before);
	html_raw(H, " « ");
	html_text(H, q);
	html_raw(H, " »");
}

/* One account: its roles and the form that changes them. */
static void
write_account(struct web_req *w, int i, const char *q, long long page)
{
	long long	id = web_int(w, Q_ACCOUNTS, i, PAA_ID);
	const char	*name = web_text(w, Q_ACCOUNTS, i, PAA_NAME);

	html_rawf(H, "<tr id=\"compte-%lld\"><th scope=\"row\">", id);
	html_text(H, name);
	html_raw(H, "</th><td>");
	html_text(H, web_text(w, Q_ACCOUNTS, i, PAA_EMAIL));
	html_raw(H, "</td><td>");
	account_roles_write(w, web_text(w, Q_ACCOUNTS, i, PAA_ROLES));
	html_raw(H, "</td><td>");
	html_raw(H, web_bool(w, Q_ACCOUNTS, i, PAA_VERIFIED) ? "oui" : "non");
	html_raw(H, "</td><td>");
	html_text(H, web_text(w, Q_ACCOUNTS, i, PAA_CREATED));
	html_raw(H, "</td><td>");
	write_role_form(w, id, name, q, page);
	html_raw(H, "</td></tr>\n");
}

static void
write_table(struct web_req *w, const char *q, long long page,
    long long total, long long pages)
{
	int	i;

	html_raw(H, "<table tabindex=\"0\" class=\"accounts\">\n<caption>");
	html_rawf(H, "%lld compte%s", total, total > 1 ? "s" : "");
	write_query(w, " correspondant à", q);
	html_rawf(H, ", page %lld sur %lld", page, pages);
	html_raw(H, "</caption>\n<thead><tr><th scope=\"col\">Nom affiché</th>"
	    "<th scope=\"col\">Adresse électronique</th>"
	    "<th scope=\"col\">Rôles</th>"
	    "<th scope=\"col\">Adresse confirmée</th>"
	    "<th scope=\"col\">Créé le</th>"
	    "<th scope=\"col\">Modifier un rôle</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < web_rows(w, Q_ACCOUNTS); i++)
		write_account(w, i, q, page);
	html_raw(H, "</tbody>\n</table>\n");
}

/* Previous and next pages of the list, q kept. */
static void
write_pages(struct web_req *w, const char *q, long long page, long long pages)
{
	if (pages <= 1)
		return;
	html_raw(H, "<nav aria-label=\"Pages\" class=\"pages\"><ul>");
	if (page > 1) {
		html_raw(H, "<li><a rel=\"prev\" href=\"");
		html_text(H, ui_admin_roles(w, q, page - 1));
		html_raw(H, "\">Page précédente</a></li>");
	}
	if (page < pages) {
		html_raw(H, "<li><a rel=\"next\" href=\"");
		html_text(H, ui_admin_roles(w, q, page + 1));
		html_raw(H, "\">Page suivante</a></li>");
	}
	html_raw(H, "</ul></nav>\n");
}

static int
list_show(struct web_req *w)
{
	const char	*q = search_arg(w);
	long long	 page = page_arg(w), total = 0, pages;

	if (w->step == 0)
		return (web_query(w, Q_ACCOUNTS, &sql_admin_accounts,
		    DB_TEXT(q), DB_INT((page - 1) * PAGE_SIZE),
		    DB_INT(PAGE_SIZE)));
	if (web_rows(w, Q_ACCOUNTS) > 0)
		total = web_int(w, Q_ACCOUNTS, 0, PAA_TOTAL);
	pages = total > 0 ? (total + PAGE_SIZE - 1) / PAGE_SIZE : 1;

	page_begin(w, "Rôles des comptes");
	write_search(w, q);
	if (web_rows(w, Q_ACCOUNTS) == 0) {
		html_raw(H, "<p role=\"status\">Aucun compte ne correspond");
		write_query(w, " à", q);
		html_raw(H, ".</p>\n");
	} else {
		write_table(w, q, page, total, pages);
		write_pages(w, q, page, pages);
	}
	page_end(w);
	return (web_send(w, 200));
}

/* The flash that says what a change did. */
static const char *const change_flash[RC__MAX] = {
	[RC_GRANTED] = "role_granted",
	[RC_REVOKED] = "role_revoked",
	[RC_UNCHANGED] = "role_unchanged",
};

static int
role_change(struct web_req *w)
{
	const char	*role = web_arg(w, "role"), *action = web_arg(w, "action");
	long long	 uid;
	int		 st;

	if (w->step == 0) {
		if (!text_parse_id(web_arg(w, "utilisateur"), &uid) ||
		    role == NULL || role_bit(role) == 0 || action == NULL ||
		    (strcmp(action, "accorder") != 0 &&
		    strcmp(action, "retirer") != 0))
			return (web_error(w, 400, "Choisissez un compte, un rôle "
			    "et l'action « Accorder » ou « Retirer »."));
		return (web_query(w, Q_ROLE_SET, &sql_role_set, DB_INT(uid),
		    DB_TEXT(role), DB_BOOL(strcmp(action, "accorder") == 0),
		    DB_ID(w->sess.user_id)));
	}
	st = vocab_find(vocab_role_change, RC__MAX,
	    web_text(w, Q_ROLE_SET, 0, PRS_STATUS));
	if (st == RC_SELF)
		return (web_error(w, 409, "Vous ne pouvez pas retirer votre "
		    "propre rôle d'administration : demandez-le à une autre "
		    "personne qui a ce rôle. Rien n'a changé."));
	if (st == RC_NO_USER)
		return (web_error(w, 404, "Ce compte n'existe pas ou a été "
		    "supprimé."));
	if (st == RC_UNVERIFIED)
		return (web_error(w, 409, "Ce compte n'a pas encore confirmé son "
		    "adresse électronique : un rôle ne peut lui être accordé "
		    "qu'une fois l'adresse confirmée (le lien reçu par "
		    "courriel). Rien n'a changé."));
	web_flash(w, st != -1 && change_flash[st] != NULL ? change_flash[st] :
	    "role_unchanged");
	text_parse_id(web_arg(w, "utilisateur"), &uid);
	return (web_redirect(w, web_printf(w, "%s#compte-%lld",
	    ui_admin_roles(w, search_arg(w), page_arg(w)), uid)));
}

/*
 * GET /admin/roles: the accounts, 50 a page, searchable (q, page).
 * POST /admin/roles: grants or revokes one role (utilisateur, role, action).
 * Raises 403 for anyone but administrators (routes table), 400 on a
 * malformed form, 404 for an unknown account, 409 when an administrator
 * would remove their own admin role.
 */
int
admin_roles(struct web_req *w)
{
	if (w->req->method == HTTP_METHOD_POST)
		return (role_change(w));
	return (list_show(w));
}
