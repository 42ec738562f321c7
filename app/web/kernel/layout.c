/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The page layout shared by every page, the security headers sent with every
 * response, and the French error pages.
 */

#include <stdlib.h>
#include <string.h>

#include "../../core/addresses.h"
#include "../../core/fields.h"
#include "../../core/markdown.h"
#include "../../core/route.h"
#include "../../core/settings.h"
#include "../../core/text.h"

#include "assets.h"
#include "session.h"
#include "web.h"

/*
 * No inline script or style anywhere: the policy only lets our own files in.
 * frame-ancestors replaces X-Frame-Options; form-action keeps forms home —
 * and, with an OpenID provider configured, lets them be redirected to its
 * origin (browsers apply form-action to a form's redirects: the
 * FranceConnect button, the linking form and the sign-out, which Agora
 * answers with a 303 to the provider's authorization or end-session
 * endpoint, are refused without it; found by test/browser/fc_journey.js).
 */
#define CSP_HEAD "default-src 'none'; style-src 'self'; img-src 'self'; " \
    "script-src 'self'; connect-src 'self'; form-action 'self'"
#define CSP_TAIL "; base-uri 'none'; frame-ancestors 'none'"

/* The provider's origin (scheme://host[:port]) into buf, or "". */
static void
provider_origin(char *buf, size_t size)
{
	const char	*iss = settings_text(SET_OIDC_ISSUER);
	const char	*host;
	size_t		 n;

	buf[0] = '\0';
	if (iss == NULL || (strncmp(iss, "https://", 8) != 0 &&
	    strncmp(iss, "http://", 7) != 0))
		return;
	host = strstr(iss, "://") + 3;
	n = strspn(host, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]");
	if (n == 0 || (host[n] != '\0' && host[n] != '/') ||
	    (size_t)(host - iss) + n >= size)
		return;
	memcpy(buf, iss, (size_t)(host - iss) + n);
	buf[(size_t)(host - iss) + n] = '\0';
}

/* The policy, made once per worker (the settings do not change). */
static const char *
csp(void)
{
	static char	policy[sizeof(CSP_HEAD CSP_TAIL) + 520];
	char		origin[512];

	if (policy[0] == '\0') {
		provider_origin(origin, sizeof(origin));
		snprintf(policy, sizeof(policy), CSP_HEAD "%s%s" CSP_TAIL,
		    origin[0] != '\0' ? " " : "", origin);
	}
	return (policy);
}

void
web_headers(struct http_request *req, const char *ctype)
{
	http_response_header(req, "content-type", ctype);
	http_response_header(req, "content-security-policy", csp());
	http_response_header(req, "x-content-type-options", "nosniff");
	http_response_header(req, "referrer-policy", "same-origin");
	http_response_header(req, "x-frame-options", "DENY");
	http_response_header(req, "cross-origin-opener-policy", "same-origin");
	http_response_header(req, "permissions-policy",
	    "camera=(), microphone=(), geolocation=(), interest-cohort=()");
}

/*
 * The header's link to one's notifications, with the unread count the
 * session's query brought (no query of its own): shown as a number, said
 * in words to screen readers ("3 notifications non lues").
 */
static void
write_unread(struct web_req *w)
{
	char	n[16];

	html_raw(H, "<li><a href=\"" UI_ACCOUNT_NOTIFICATIONS "\">"
	    "Notifications");
	if (w->sess.unread > 0) {
		if (w->sess.unread > 99)
			snprintf(n, sizeof(n), "99+");
		else
			snprintf(n, sizeof(n), "%d", w->sess.unread);
		html_raw(H, " <span class=\"badge\" aria-hidden=\"true\">");
		html_text(H, n);
		html_raw(H, "</span><span class=\"visually-hidden\"> : ");
		html_text(H, n);
		html_raw(H, w->sess.unread > 1 ? " notifications non lues" :
		    " notification non lue");
		html_raw(H, "</span>");
	}
	html_raw(H, "</a></li>\n");
}

static const char	*return_path(struct web_req *);

/*
 * <a href="path?retour=back">label</a>, ?retour left out when back is
 * NULL: the sign-in and sign-up links bring the person back to the page
 * they were on (issue 13, item 2). back is a local path.
 */
static void
account_link(struct web_req *w, const char *path, const char *back,
    const char *label)
{
	html_raw(H, "<a href=\"");
	html_text(H, path);
	if (back != NULL && strcmp(back, "/") != 0) {
		html_raw(H, "?retour=");
		html_url_arg(H, back);
	}
	html_raw(H, "\">");
	html_text(H, label);
	html_raw(H, "</a>");
}

/*
 * Where the header's sign-in link brings back: this page, or on the
 * account pages themselves the return they already carry (never
 * themselves, which would loop).
 */
static const char *
header_return_path(struct web_req *w)
{
	static const char *const	 own[] = { UI_SIGNIN, UI_SIGNUP,
	    UI_FORGOT, UI_RESET, UI_VERIFY };
	size_t				 i;

	for (i = 0; i < sizeof(own) / sizeof(own[0]); i++)
		if (strncmp(w->req->path, own[i], strlen(own[i])) == 0)
			return (route_local_path(web_arg(w, "retour")));
	/* Any page, even one no route matched (404, 405): no w->route. */
	if (w->req->method != HTTP_METHOD_POST || w->route == NULL)
		return (route_local_path(w->req->path));
	return (return_path(w));
}

void
page_begin(struct web_req *w, const char *title)
{
	const char	*back;

	html_raw(H, "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>");
	/*
	 * A form shown again with its errors says so first (WCAG 3.3.1),
	 * unless its handler's title already does.
	 */
	if (w->refused_form && strncmp(title, "Erreur", 6) != 0)
		html_raw(H, "Erreur : ");
	html_text(H, title);
	html_raw(H, " — Agora, consultation citoyenne</title>\n"
	    "<link rel=\"stylesheet\" href=\"");
	html_text(H, assets_url("agora.css"));
	html_raw(H, "\">\n</head>\n<body>\n"
	    "<a class=\"skip\" href=\"#contenu\">Aller au contenu</a>\n"
	    "<header class=\"site\">\n<div class=\"wrap\">\n"
	    "<p class=\"brand\"><a href=\"/\">Agora</a> "
	    "<span>Région Centre-Val de Loire · consultation citoyenne"
	    "</span></p>\n"
	    "<nav aria-label=\"Navigation principale\">\n<ul>\n"
	    "<li><a href=\"/\">Accueil</a></li>\n"
	    "<li><a href=\"" UI_REPORTS "\">Rapports</a></li>\n"
	    "<li><a href=\"" UI_CHARTER "\">Charte</a></li>\n");
	if (w->sess.user_id != 0) {
		html_raw(H, "<li><a href=\"" UI_ACCOUNT "\">Mon compte (");
		html_text(H, w->sess.name);
		html_raw(H, ")</a></li>\n");
		write_unread(w);
		html_raw(H, "<li><form method=\"post\" "
		    "action=\"" UI_SIGNOUT "\" enctype=\"multipart/form-data\" "
		    "class=\"inline\">");
		csrf_field(w);
		html_raw(H, "<button type=\"submit\" class=\"link\">"
		    "Se déconnecter</button></form></li>\n");
	} else {
		back = header_return_path(w);
		html_raw(H, "<li>");
		account_link(w, UI_SIGNIN, back, "Se connecter");
		html_raw(H, "</li>\n<li>");
		account_link(w, UI_SIGNUP, back, "Créer un compte");
		html_raw(H, "</li>\n");
	}
	html_raw(H, "</ul>\n</nav>\n</div>\n</header>\n"
	    "<main id=\"contenu\" class=\"wrap\" tabindex=\"-1\">\n");
	flash_write(w);
	/* Accounts: an unverified account can read but not contribute. */
	if (w->sess.user_id != 0 && !w->sess.verified) {
		html_raw(H, "<div class=\"notice\" role=\"status\"><p>Votre "
		    "adresse électronique n'est pas encore confirmée : ouvrez le "
		    "lien reçu par courriel pour pouvoir contribuer.</p>\n"
		    "<form method=\"post\" action=\"" UI_VERIFY_RESEND "\" "
		    "enctype=\"multipart/form-data\" class=\"inline\">");
		csrf_field(w);
		html_raw(H, "<button type=\"submit\" class=\"link\">Recevoir "
		    "un nouveau lien</button></form></div>\n");
	}
}

void
page_end(struct web_req *w)
{
	html_raw(H, "</main>\n<footer class=\"site\">\n<div class=\"wrap\">\n"
	    "<nav aria-label=\"Informations\">\n<ul>\n"
	    "<li><a href=\"" UI_CHARTER "\">Charte de modération</a></li>\n"
	    "<li><a href=\"" UI_PRIVACY "\">Données personnelles</a></li>\n"
	    "<li><a href=\"" UI_CONTACT_MODERATION "\">Écrire à la modération"
	    "</a></li>\n"
	    "<li><a href=\"" UI_ACCESSIBILITY "\">Accessibilité : non conforme "
	    "(audit à venir)</a></li>\n"
	    "<li><a href=\"" UI_REPORTS "\">Rapports</a></li>\n"
	    "<li><a href=\"" UI_CONSULTATIONS "\">Consultations</a></li>\n"
	    "<li><a href=\"" UI_COUNCIL "\">Conseil numérique</a></li>\n"
	    "<li><a href=\"" UI_EXPORT "\">Données ouvertes</a></li>\n"
	    "</ul>\n</nav>\n<p>Agora est un logiciel libre (AGPL-3.0). "
	    "Les contributions publiées sont diffusées en données ouvertes "
	    "sous Licence Ouverte 2.0.</p>\n</div>\n</footer>\n"
	    "</body>\n</html>\n");
}

/*
 * Sends the response, or, inside a keyed POST's transaction (w->tx), keeps
 * its status for web_flush(), which the dispatcher calls once the COMMIT
 * succeeded: nobody is told "done" before it is.
 */
static void
respond(struct web_req *w, int status)
{
	if (w->tx) {
		w->deferred = status;
		return;
	}
	http_response(w->req, status, w->body->offset ? w->body->data : NULL,
	    w->body->offset);
}

void
web_flush(struct web_req *w)
{
	int	status = w->deferred;

	w->deferred = 0;
	if (status != 0)
		respond(w, status);
}

/*
 * A page built from a misread row (a column its statement does not
 * declare: query_rows.c) would show empty cells as if they were data: it is
 * answered 500 instead, and the log says which read failed.
 */
int
web_send_type(struct web_req *w, int status, const char *ctype)
{
	if (w->fault && status < 500)
		return (web_error(w, 500, NULL));
	web_headers(w->req, ctype);
	if (strncmp(ctype, "text/html", 9) == 0 && w->sess.user_id != 0)
		http_response_header(w->req, "cache-control", "private, no-store");
	respond(w, status);
	return (WEB_DONE);
}

int
web_send(struct web_req *w, int status)
{
	return (web_send_type(w, status, "text/html; charset=utf-8"));
}

static const struct {
	int		 status;
	const char	*title;
	const char	*text;
} errors[] = {
	{ 400, "Demande non comprise",
	    "L'adresse ou le formulaire reçu n'est pas valide." },
	{ 401, "Connexion nécessaire",
	    "Cette page est réservée aux personnes connectées." },
	{ 403, "Accès refusé",
	    "Vous n'avez pas le droit d'effectuer cette action." },
	{ 404, "Page introuvable",
	    "Cette page n'existe pas ou n'existe plus. Vérifiez l'adresse, ou "
	    "repartez de l'accueil." },
	{ 405, "Action impossible à cette adresse",
	    "Cette adresse ne permet pas ce que votre navigateur a demandé." },
	{ 409, "Action déjà faite ou impossible",
	    "Cette action a déjà été faite ou entre en conflit avec une autre." },
	{ 413, "Envoi trop volumineux",
	    "Ce que vous avez envoyé dépasse la taille permise." },
	{ 414, "Adresse trop longue",
	    "L'adresse demandée est trop longue pour être traitée." },
	{ 415, "Format non pris en charge",
	    "Le formulaire n'a pas été envoyé dans le format attendu : "
	    "rechargez la page, puis envoyez-le de nouveau." },
	{ 429, "Trop de tentatives",
	    "Vous avez fait trop de demandes en peu de temps. Réessayez plus "
	    "tard." },
	{ 500, "Erreur interne",
	    "Une erreur inattendue s'est produite. Elle a été enregistrée ; "
	    "réessayez dans un instant." },
	{ 503, "Service momentanément indisponible",
	    "La base de données ne répond pas. Rien de ce que vous avez saisi "
	    "n'a été enregistré ; réessayez dans quelques minutes." },
};

/* Writes what the refused form held, if it held any text. */
static void
kept_text(struct web_req *w)
{
	const char	*v;
	size_t		 i;
	int		 any = 0;

	/* The free text a form may carry (fields.def); never a password. */
	for (i = 0; i < field_ndefs; i++) {
		if (!(field_defs[i].flags & FIELD_KEEP) ||
		    (v = web_arg(w, field_defs[i].name)) == NULL ||
		    v[strspn(v, " \t\r\n")] == '\0' ||
		    !text_utf8_valid(v, strlen(v)))
			continue;
		if (!any) {
			html_raw(H, "<section aria-labelledby=\"garde\">\n"
			    "<h2 id=\"garde\">Votre texte n'est pas perdu</h2>\n"
			    "<p>Le voici tel que vous l'avez envoyé. Copiez-le "
			    "avant de quitter cette page, puis envoyez le "
			    "formulaire de nouveau.</p>\n");
			any = 1;
		}
		html_rawf(H, "<p><label for=\"garde-%s\">", field_defs[i].name);
		html_text(H, field_defs[i].label);
		/* The parser drops one newline after the tag: not the text's. */
		html_rawf(H, "</label><br>\n<textarea id=\"garde-%s\" readonly "
		    "rows=\"8\" cols=\"60\">\n", field_defs[i].name);
		html_text(H, v);
		html_raw(H, "</textarea></p>\n");
	}
	if (any)
		html_raw(H, "</section>\n");
}

/*
 * Where to come back after signing in: this page for a GET; for a form
 * sent by POST, the page it came from (the Referer's path, same site
 * only), else this path if it also answers GET. NULL: nowhere known.
 */
static const char *
return_path(struct web_req *w)
{
	const char	*ref, *p;

	if (w->req->method != HTTP_METHOD_POST)
		return (w->req->path);
	if (http_request_header(w->req, "referer", &ref) &&
	    (p = route_referer_path(ref)) != NULL)
		return (p);
	/* No route yet: a request refused before routing (414, 415...). */
	return ((w->route != NULL && (w->route->methods & METHOD_GET)) ?
	    w->req->path : NULL);
}

/*
 * The links out of an error page: back where the person was (the page
 * that sent them here, same site only; for a refused form, the form's
 * page), then the home page.
 */
static void
way_back(struct web_req *w)
{
	const char	*ref, *back = NULL;

	if (w->req->method == HTTP_METHOD_POST)
		back = return_path(w);
	else if (http_request_header(w->req, "referer", &ref))
		back = route_referer_path(ref);
	html_raw(H, "<ul class=\"way-back\">\n");
	if (back != NULL && (w->req->method == HTTP_METHOD_POST ||
	    strcmp(back, w->req->path) != 0)) {
		html_raw(H, "<li><a href=\"");
		html_text(H, back);
		html_raw(H, w->req->method == HTTP_METHOD_POST ?
		    "\">Revenir au formulaire</a></li>\n" :
		    "\">Revenir à la page précédente</a></li>\n");
	}
	html_raw(H, "<li><a href=\"/\">Retour à l'accueil</a></li>\n</ul>\n");
}

static int
error_page(struct web_req *w, int status, const char *msg, int keep)
{
	const char	*title = "Erreur", *text = "", *back;
	size_t		 i;

	for (i = 0; i < sizeof(errors) / sizeof(errors[0]); i++) {
		if (errors[i].status == status) {
			title = errors[i].title;
			text = errors[i].text;
		}
	}
	/* The visitor reads a French page; the log says what happened. */
	if (status == 400 || status == 413 || status == 414 || status == 415 ||
	    status >= 500)
		kore_log(LOG_NOTICE, "%s %.200s: %d %s",
		    http_method_text(w->req->method), w->req->path, status,
		    msg ? msg : title);
	kore_buf_reset(w->body);
	page_begin(w, title);
	html_raw(H, "<h1>");
	html_text(H, title);
	html_raw(H, "</h1>\n<p>");
	html_text(H, msg ? msg : text);
	html_raw(H, "</p>\n");
	if (status == 401) {
		/* Back after signing in (the sign-in page takes local paths). */
		back = return_path(w);
		html_raw(H, "<p>");
		account_link(w, UI_SIGNIN, back, "Se connecter");
		html_raw(H, " ou ");
		account_link(w, UI_SIGNUP, back, "créer un compte");
		html_raw(H, ".</p>\n");
	}
	if (keep)
		kept_text(w);
	way_back(w);
	page_end(w);
	if (status == 503)
		http_response_header(w->req, "retry-after", "60");
	return (web_send(w, status));
}

/*
 * Writes the French error page for status, with msg (a literal or escaped
 * text: it is escaped here) instead of the default explanation. A refused
 * POST also gets the text it carried shown back (never a password), so that
 * nothing a person wrote is lost, whatever refused it.
 */
int
web_error(struct web_req *w, int status, const char *msg)
{
	return (error_page(w, status, msg,
	    w->req->method == HTTP_METHOD_POST));
}

/* Redirects with 303 to a local path (never to what a visitor typed). */
int
web_redirect(struct web_req *w, const char *path)
{
	if (w->fault)
		return (web_error(w, 500, NULL));
	if (path[0] != '/' || path[1] == '/' || path[1] == '\\' ||
	    strpbrk(path, "\r\n") != NULL)
		path = "/";
	web_headers(w->req, "text/html; charset=utf-8");
	http_response_header(w->req, "location", path);
	w->deferred_location = web_strdup(w, path);
	kore_buf_reset(w->body);
	respond(w, 303);
	return (WEB_DONE);
}

/*
 * Writes Markdown as HTML: cmark in safe mode (app/core/markdown.c), so its
 * output needs no further escaping. shift lowers the headings.
 */
void
web_markdown(struct web_req *w, const char *md, int shift)
{
	char	*html;

	if ((html = markdown_render(md, strlen(md), shift)) == NULL)
		fatal("markdown_render: out of memory");
	html_raw(H, html);
	free(html);
}
