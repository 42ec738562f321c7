/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <ctype.h>
#include <stdarg.h>
#include <string.h>

#include "../../core/text.h"
#include "../../core/textcheck.h"
#include "form.h"
#include "session.h"

void
form_init(struct form *f, struct web_req *w)
{
	memset(f, 0, sizeof(*f));
	f->w = w;
}

void
form_error(struct form *f, const char *field, const char *fmt, ...)
{
	va_list	ap;

	/* The page's <title> will begin with "Erreur" (page_begin). */
	f->w->refused_form = 1;
	if (f->nerrors == FORM_MAX_ERRORS || form_error_for(f, field) != NULL)
		return;
	snprintf(f->errors[f->nerrors].field,
	    sizeof(f->errors[f->nerrors].field), "%s", field);
	va_start(ap, fmt);
	vsnprintf(f->errors[f->nerrors].msg, sizeof(f->errors[f->nerrors].msg),
	    fmt, ap);
	va_end(ap);
	f->nerrors++;
}

const char *
form_error_for(struct form *f, const char *field)
{
	int	i;

	for (i = 0; i < f->nerrors; i++)
		if (strcmp(f->errors[i].field, field) == 0)
			return (f->errors[i].msg);
	return (NULL);
}

int
form_text(struct form *f, const char *name, const char *label, size_t min,
    size_t max, int multiline, const char **out)
{
	char	*v;
	size_t	 n;

	*out = "";
	if (!http_argument_get_string(f->w->req, name, &v)) {
		if (min == 0)
			return (1);
		form_error(f, name, "« %s » est obligatoire.", label);
		return (0);
	}
	switch (textcheck_field(&v, min, max, multiline, &n)) {
	case TC_OK:
		*out = v;
		return (1);
	case TC_NOT_UTF8:
		form_error(f, name, "« %s » contient des caractères invalides "
		    "(encodage non UTF-8).", label);
		return (0);
	case TC_EMPTY:
		*out = v;
		form_error(f, name, "« %s » est obligatoire.", label);
		return (0);
	case TC_CONTROL:
		*out = v;
		form_error(f, name, "« %s » contient des caractères "
		    "de contrôle non autorisés.", label);
		return (0);
	case TC_TOO_LONG:
		*out = v;
		form_error(f, name, "« %s » ne doit pas dépasser %zu caractères "
		    "(vous en avez saisi %zu).", label, max, n);
		return (0);
	case TC_TOO_SHORT:
		*out = v;
		form_error(f, name, "« %s » doit contenir au moins %zu "
		    "caractères (vous en avez saisi %zu).", label, min, n);
		return (0);
	}
	return (0);
}

int
form_choice(struct form *f, const char *name, const char *label,
    const struct form_option *opts, size_t nopts, int required,
    const char **out)
{
	const char	*v;
	size_t		 i;

	*out = "";
	if ((v = web_arg(f->w, name)) == NULL || *v == '\0') {
		if (!required)
			return (1);
		form_error(f, name, "Choisissez une valeur pour « %s ».", label);
		return (0);
	}
	for (i = 0; i < nopts; i++) {
		if (strcmp(opts[i].value, v) == 0) {
			*out = opts[i].value;
			return (1);
		}
	}
	form_error(f, name, "La valeur choisie pour « %s » n'est pas dans la "
	    "liste.", label);
	return (0);
}

void
form_begin(struct web_req *w, const char *action, const char *label)
{
	html_raw(H, "<form method=\"post\" action=\"");
	html_text(H, action);
	html_raw(H, "\" enctype=\"multipart/form-data\" accept-charset=\"utf-8\"");
	if (label != NULL) {
		html_raw(H, " aria-label=\"");
		html_text(H, label);
		html_raw(H, "\"");
	}
	html_raw(H, " novalidate>\n");
	csrf_field(w);
	html_raw(H, "\n");
}

void
form_summary(struct form *f)
{
	struct web_req	*w = f->w;
	int		 i;

	if (f->nerrors == 0)
		return;
	/* Focus goes to the summary when the page opens, with or without JS. */
	html_raw(H, "<div class=\"alert\" role=\"alert\" id=\"erreurs\" "
	    "tabindex=\"-1\" autofocus>\n<h2>");
	if (f->nerrors == 1)
		html_raw(H, "Le formulaire contient une erreur");
	else
		html_rawf(H, "Le formulaire contient %d erreurs", f->nerrors);
	html_raw(H, "</h2>\n<ul>\n");
	for (i = 0; i < f->nerrors; i++) {
		html_raw(H, "<li>");
		if (f->errors[i].field[0] != '\0') {
			html_raw(H, "<a href=\"#f-");
			html_text(H, f->errors[i].field);
			html_raw(H, "\">");
			html_text(H, f->errors[i].msg);
			html_raw(H, "</a>");
		} else
			html_text(H, f->errors[i].msg);
		html_raw(H, "</li>\n");
	}
	html_raw(H, "</ul>\n</div>\n");
}

/* Opens a field: wrapper, label, hint and error, each tied by id. */
static void
field_open(struct form *f, const char *name, const char *label,
    const char *hint, int required)
{
	struct web_req	*w = f->w;
	const char	*err = form_error_for(f, name);

	html_raw(H, err ? "<div class=\"field invalid\">\n" :
	    "<div class=\"field\">\n");
	html_raw(H, "<label for=\"f-");
	html_text(H, name);
	html_raw(H, "\">");
	html_text(H, label);
	if (!required)
		html_raw(H, " <span class=\"hint-inline\">(facultatif)</span>");
	else if (f->mark_required)
		html_raw(H, " <span class=\"required\">(obligatoire)</span>");
	html_raw(H, "</label>\n");
	if (hint != NULL) {
		html_raw(H, "<span class=\"hint\" id=\"h-");
		html_text(H, name);
		html_raw(H, "\">");
		html_text(H, hint);
		html_raw(H, "</span>\n");
	}
	if (err != NULL) {
		html_raw(H, "<span class=\"error\" id=\"e-");
		html_text(H, name);
		html_raw(H, "\">");
		html_text(H, err);
		html_raw(H, "</span>\n");
	}
}

/* The attributes every control shares: id, name, described-by, invalid. */
static void
field_attrs(struct form *f, const char *name, const char *hint, int required)
{
	struct web_req	*w = f->w;
	const char	*err = form_error_for(f, name);

	html_raw(H, " id=\"f-");
	html_text(H, name);
	html_raw(H, "\" name=\"");
	html_text(H, name);
	html_raw(H, "\"");
	if (hint != NULL || err != NULL) {
		html_raw(H, " aria-describedby=\"");
		if (err != NULL) {
			html_raw(H, "e-");
			html_text(H, name);
		}
		if (hint != NULL) {
			html_raw(H, err ? " h-" : "h-");
			html_text(H, name);
		}
		html_raw(H, "\"");
	}
	if (err != NULL)
		html_raw(H, " aria-invalid=\"true\"");
	if (required)
		html_raw(H, " required");
	if (f->autofocus != NULL && strcmp(f->autofocus, name) == 0)
		html_raw(H, " autofocus");
}

void
form_input(struct form *f, const char *name, const char *label,
    const char *type, const char *value, const char *hint,
    const char *autocomplete, int required)
{
	struct web_req	*w = f->w;

	field_open(f, name, label, hint, required);
	html_raw(H, "<input type=\"");
	html_text(H, type);
	html_raw(H, "\"");
	field_attrs(f, name, hint, required);
	if (autocomplete != NULL) {
		html_raw(H, " autocomplete=\"");
		html_text(H, autocomplete);
		html_raw(H, "\"");
	}
	/* A password is never written back into the page. */
	if (value != NULL && strcmp(type, "password") != 0) {
		html_raw(H, " value=\"");
		html_text(H, value);
		html_raw(H, "\"");
	}
	html_raw(H, ">\n</div>\n");
}

void
form_textarea(struct form *f, const char *name, const char *label,
    const char *value, const char *hint, int required, int rows)
{
	struct web_req	*w = f->w;

	field_open(f, name, label, hint, required);
	html_raw(H, "<textarea");
	field_attrs(f, name, hint, required);
	html_rawf(H, " rows=\"%d\">", rows);
	/* A leading newline would be eaten by the parser: keep it. */
	if (value != NULL && value[0] == '\n')
		html_raw(H, "\n");
	html_text(H, value ? value : "");
	html_raw(H, "</textarea>\n</div>\n");
}

void
form_select(struct form *f, const char *name, const char *label,
    const struct form_option *opts, size_t nopts, const char *selected,
    const char *hint, int required)
{
	struct web_req	*w = f->w;
	size_t		 i;

	field_open(f, name, label, hint, required);
	html_raw(H, "<select");
	/*
	 * HTML wants a required select to start with an empty placeholder;
	 * ours always hold a valid choice, so say it to assistive technology.
	 */
	field_attrs(f, name, hint, 0);
	if (required)
		html_raw(H, " aria-required=\"true\"");
	html_raw(H, ">\n");
	for (i = 0; i < nopts; i++) {
		html_raw(H, "<option value=\"");
		html_text(H, opts[i].value);
		html_raw(H, "\"");
		if (selected != NULL && strcmp(selected, opts[i].value) == 0)
			html_raw(H, " selected");
		html_raw(H, ">");
		html_text(H, opts[i].label);
		html_raw(H, "</option>\n");
	}
	html_raw(H, "</select>\n</div>\n");
}

static void	checkbox(struct form *, const char *, const char *, int,
		    const char *, int);

void
form_checkbox(struct form *f, const char *name, const char *label,
    int checked, const char *hint)
{
	checkbox(f, name, label, checked, hint, 0);
}

void
form_checkbox_required(struct form *f, const char *name, const char *label,
    int checked, const char *hint)
{
	checkbox(f, name, label, checked, hint, 1);
}

/* A box before its label; its error above both, its hint under them. */
static void
checkbox(struct form *f, const char *name, const char *label, int checked,
    const char *hint, int required)
{
	struct web_req	*w = f->w;
	const char	*err = form_error_for(f, name);

	html_raw(H, err ? "<div class=\"field check invalid\">\n" :
	    "<div class=\"field check\">\n");
	if (err != NULL) {
		html_raw(H, "<span class=\"error\" id=\"e-");
		html_text(H, name);
		html_raw(H, "\">");
		html_text(H, err);
		html_raw(H, "</span>\n");
	}
	html_raw(H, "<input type=\"checkbox\" value=\"1\"");
	field_attrs(f, name, hint, required);
	if (required)
		html_raw(H, " aria-required=\"true\"");
	if (checked)
		html_raw(H, " checked");
	html_raw(H, ">\n<label for=\"f-");
	html_text(H, name);
	html_raw(H, "\">");
	html_text(H, label);
	if (required && f->mark_required)
		html_raw(H, " <span class=\"required\">(obligatoire)</span>");
	html_raw(H, "</label>\n");
	if (hint != NULL) {
		html_raw(H, "<span class=\"hint\" id=\"h-");
		html_text(H, name);
		html_raw(H, "\">");
		html_text(H, hint);
		html_raw(H, "</span>\n");
	}
	html_raw(H, "</div>\n");
}

/* A hidden field; both name and value are escaped. */
void
form_hidden(struct web_req *w, const char *name, const char *value)
{
	html_raw(H, "<input type=\"hidden\" name=\"");
	html_text(H, name);
	html_raw(H, "\" value=\"");
	html_text(H, value);
	html_raw(H, "\">\n");
}

void
form_end(struct web_req *w, const char *button)
{
	html_raw(H, "<p><button type=\"submit\">");
	html_text(H, button);
	html_raw(H, "</button></p>\n</form>\n");
}
