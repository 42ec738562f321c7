/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * /mediation/saisie-papier: paper sheets typed in one after another
 * (issue 12, item 5). The sheets come from /themes/<slug>/formulaire;
 * each carries its reference, which the server issued and takes once.
 * Made for a fast typist: the batch's fields (EPN, theme, collection
 * day), set once, come first and are kept from one sheet to the next;
 * after a sheet is saved the page comes back (303, ?derniere=<code>:
 * what it keeps is read back from that sheet in the database, never
 * from the address) with the focus on the next sheet's reference and
 * "Feuille ... enregistrée" in its live region. One call of
 * paper_enter(); a refusal writes the form again with what was typed and
 * the French sentence at its field.
 */

#include <stdio.h>
#include <string.h>

#include "../../core/epn.h"
#include "../../core/settings.h"
#include "../../core/sheet.h"
#include "../../core/text.h"
#include "../../db/paper.h"
#include "../../db/participation.h"
#include "../participation/participation.h"
#include "../shared/ui.h"
#include "mediation.h"

int	mediation_paper(struct web_req *);

/*
 * A day typed JJ/MM/AAAA (or with dots, dashes, or no separator) or
 * AAAA-MM-JJ: "AAAA-MM-JJ" in the arena, or NULL when it is no date.
 */
static const char *
day_read(struct web_req *w, const char *s)
{
	char	 digits[9], iso[11];
	size_t	 n = 0;
	int	 y, m, d;

	if (epn_date_parse(s, &y, &m, &d) == 0)
		return (web_strdup(w, s));
	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9') {
			if (n == 8)
				return (NULL);
			digits[n++] = *s;
		} else if (strchr("/.- ", *s) == NULL)
			return (NULL);
	}
	if (n != 8)
		return (NULL);
	snprintf(iso, sizeof(iso), "%.4s-%.2s-%.2s", digits + 4, digits + 2,
	    digits);
	if (epn_date_parse(iso, &y, &m, &d) != 0)
		return (NULL);
	return (web_strdup(w, iso));
}

/* "AAAA-MM-JJ" as the form shows it, "JJ/MM/AAAA". */
static const char *
day_show(struct web_req *w, const char *iso)
{
	if (strlen(iso) != 10)
		return (iso);
	return (web_printf(w, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso));
}

/* 1 when value is in column col of slot q ("" is in no list). */
static int
listed(struct web_req *w, int q, int col, const char *value)
{
	int	i;

	for (i = 0; i < web_rows(w, q); i++)
		if (strcmp(web_text(w, q, i, col), value) == 0)
			return (1);
	return (0);
}

/* The sheet's reference: as typed in m->sheet, as stored in m->code. */
static void
sheet_read(struct web_req *w, struct form *f, struct mediation *m)
{
	char		 code[SHEET_CODE_LEN + 1];
	const char	*typed;

	if (!form_text(f, "feuille", "Référence de la feuille", 0, 40, 0,
	    &typed))
		return;
	m->sheet = typed;
	switch (sheet_code_read(typed, code)) {
	case SHEET_OK:
		m->code = web_strdup(w, code);
		return;
	case SHEET_EMPTY:
		form_error(f, "feuille", "Recopiez la référence de la feuille : "
		    "8 caractères, en haut à droite.");
		return;
	case SHEET_SHAPE:
		form_error(f, "feuille", "Une référence a 8 caractères, "
		    "chiffres et lettres (sans I, L, O ni U), par exemple "
		    "7K3M-Q9XA.");
		return;
	case SHEET_CHECK:
		form_error(f, "feuille", "Cette référence n'existe pas : un "
		    "caractère est sans doute mal recopié. Relisez-la sur la "
		    "feuille.");
		return;
	}
}

/* The batch's fields: EPN, theme, collection day. */
static void
batch_read(struct web_req *w, struct form *f, struct mediation *m)
{
	if (form_text(f, "epn", "EPN", 1, 20, 0, &m->epn_s) &&
	    !text_parse_id(m->epn_s, &m->epn))
		form_error(f, "epn", "Choisissez un EPN de la liste.");
	if (form_text(f, "enjeu", "Enjeu", 0, 200, 0, &m->theme) &&
	    !listed(w, Q_THEMES, ATH_SLUG, m->theme))
		form_error(f, "enjeu", "Choisissez l'enjeu imprimé en haut de "
		    "la feuille : une feuille sans enjeu ne peut pas être "
		    "saisie.");
	if (!form_text(f, "recueil", "Date de recueil", 0, 20, 0, &m->day))
		return;
	if (*m->day == '\0')
		form_error(f, "recueil", "Saisissez la date de recueil de la "
		    "feuille, par exemple 08/12/2026.");
	else if ((m->day_iso = day_read(w, m->day)) == NULL)
		form_error(f, "recueil", "Saisissez la date sous la forme "
		    "JJ/MM/AAAA, par exemple 08/12/2026.");
}

/* Every field of a POST; 1 when all are valid. */
static int
paper_read(struct web_req *w, struct mediation *m)
{
	struct form		*f = &m->f;
	struct part_limits	 lim;
	const char		*tick = web_arg(w, "consentement");

	part_limits(&lim);
	batch_read(w, f, m);
	sheet_read(w, f, m);
	form_text(f, "titre", "Titre", lim.title_min, lim.title_max, 0,
	    &m->title);
	form_text(f, "texte", "Texte de la proposition", lim.body_min,
	    lim.body_max, 1, &m->body);
	if (form_text(f, "territoire", "Département", 0, 3, 0,
	    &m->territory) && *m->territory != '\0' &&
	    !listed(w, Q_TERR, TERR_CODE, m->territory))
		form_error(f, "territoire", "Le département choisi n'est pas "
		    "dans la liste.");
	form_text(f, "contact", "Contact", 0, 300, 1, &m->contact);
	form_text(f, "version_consentement", "Version du consentement", 0, 16,
	    0, &m->version);
	m->consent = tick != NULL && strcmp(tick, "1") == 0 ? "1" : "";
	if (*m->consent == '\0')
		form_error(f, "consentement", "La case d'accord n'est pas "
		    "cochée sur la feuille : sans l'accord de la personne, la "
		    "feuille ne peut pas être saisie. Mettez-la de côté.");
	return (f->nerrors == 0);
}

/* The batch's fields, kept from one sheet to the next. */
static void
write_batch(struct web_req *w, struct mediation *m)
{
	struct form_option	*o;
	size_t			 n;

	html_raw(H, "<fieldset>\n<legend>Le lot de feuilles (gardé d'une "
	    "feuille à l'autre)</legend>\n");
	mediation_epn_write(w, &m->f, m);
	o = mediation_options(w, Q_THEMES, ATH_SLUG, ATH_TITLE,
	    "Choisissez l'enjeu", &n);
	form_select(&m->f, "enjeu", "Enjeu", o, n, m->theme, "Celui qui est "
	    "imprimé en haut de la feuille.", 1);
	form_input(&m->f, "recueil", "Date de recueil", "text", m->day,
	    "Le jour où la feuille a été remplie, JJ/MM/AAAA.", "off", 1);
	html_raw(H, "</fieldset>\n");
}

/* One sheet's fields, in the order of the printed form. */
static void
write_sheet(struct web_req *w, struct mediation *m)
{
	struct form_option	*o;
	size_t			 n;

	html_raw(H, "<fieldset>\n<legend>La feuille</legend>\n");
	form_input(&m->f, "feuille", "Référence de la feuille", "text",
	    m->sheet, "8 caractères, en haut à droite de la feuille, par "
	    "exemple 7K3M-Q9XA.", "off", 1);
	form_input(&m->f, "titre", "Titre", "text", m->title, NULL, "off", 1);
	form_textarea(&m->f, "texte", "Texte de la proposition", m->body,
	    "Tel qu'il est écrit sur la feuille.", 1, 8);
	o = mediation_options(w, Q_TERR, TERR_CODE, TERR_NAME,
	    "Aucun coché", &n);
	form_select(&m->f, "territoire", "Département coché", o, n,
	    m->territory, NULL, 0);
	form_textarea(&m->f, "contact", "Contact (facultatif)", m->contact,
	    "S'il est écrit sur la feuille. Jamais publié ; effacé après la "
	    "clôture de la consultation.", 0, 2);
	html_raw(H, "<input type=\"hidden\" name=\"version_consentement\" "
	    "value=\"");
	html_text(H, web_text(w, Q_CONSENT, 0, AC_VERSION));
	html_raw(H, "\">\n");
	form_checkbox(&m->f, "consentement", "La case d'accord est cochée "
	    "sur la feuille", m->consent != NULL && *m->consent != '\0',
	    "Sans elle, la feuille ne peut pas être saisie.");
	html_raw(H, "</fieldset>\n");
}

/* The live region: the sheet just saved, or empty. */
static void
write_saved(struct web_req *w)
{
	char	shown[SHEET_SHOWN_LEN + 1];

	html_raw(H, "<div id=\"saisie-annonce\" role=\"status\">");
	if (web_rows(w, Q_LAST) == 1) {
		sheet_code_show(web_text(w, Q_LAST, 0, PL_CODE), shown);
		html_raw(H, "<p class=\"notice\">Feuille ");
		html_text(H, shown);
		html_raw(H, web_bool(w, Q_LAST, 0, PL_PENDING) ?
		    " enregistrée ; elle sera publiée après relecture par la "
		    "modération.</p>" : " enregistrée et publiée.</p>");
	}
	html_raw(H, "</div>\n");
}

/* Links to the printable forms, one per theme. */
static void
write_forms(struct web_req *w)
{
	int	i;

	html_raw(H, "<h2 id=\"imprimer\">Imprimer des formulaires</h2>\n<ul>\n");
	for (i = 0; i < web_rows(w, Q_THEMES); i++) {
		html_raw(H, "<li>");
		ui_link(w, ui_theme_paper(w, web_text(w, Q_THEMES, i,
		    ATH_SLUG)), web_text(w, Q_THEMES, i, ATH_TITLE));
		html_raw(H, "</li>\n");
	}
	html_raw(H, "</ul>\n");
}

static int
paper_render(struct web_req *w, struct mediation *m, int status)
{
	static const struct ui_crumb	up[] = { { UI_MEDIATION,
					    "Saisie assistée" } };

	page_begin(w, "Saisie des formulaires papier");
	ui_crumbs(w, up, 1, "Formulaires papier");
	html_raw(H, "<h1>Saisie des formulaires papier</h1>\n<p "
	    "class=\"lead\">Une feuille après l'autre : recopiez sa référence, "
	    "le titre, le texte, le département coché et le contact s'il y "
	    "en a un. Après l'enregistrement, la page revient prête pour la "
	    "feuille suivante, avec le même EPN, le même enjeu et la même "
	    "date de recueil.</p>\n");
	write_saved(w);
	if (!mediation_no_epn(w)) {
		form_summary(&m->f);
		form_begin(w, UI_MEDIATION_PAPER, NULL);
		write_batch(w, m);
		write_sheet(w, m);
		form_end(w, "Enregistrer la feuille");
		write_forms(w);
	}
	page_end(w);
	return (web_send(w, status));
}

/* A GET: what the sheet just saved keeps, and where the focus goes. */
static int
paper_show(struct web_req *w, struct mediation *m)
{
	if (web_rows(w, Q_LAST) == 1) {
		m->epn_s = web_printf(w, "%lld", web_int(w, Q_LAST, 0, PL_EPN));
		m->theme = web_text(w, Q_LAST, 0, PL_THEME);
		m->day = day_show(w, web_text(w, Q_LAST, 0, PL_DAY));
		m->f.autofocus = "feuille";
	} else if (web_rows(w, Q_EPNS) > 1)
		m->f.autofocus = "epn";
	else
		m->f.autofocus = "enjeu";
	return (paper_render(w, m, 200));
}

/* Step 1 of a POST: the fields, then paper_enter(). */
static int
paper_save(struct web_req *w, struct mediation *m)
{
	if (!paper_read(w, m))
		return (paper_render(w, m, 422));
	m->asked = 1;
	return (web_query(w, Q_SAVE, &sql_paper_enter,
	    DB_ID(w->sess.user_id), DB_INT(m->epn), DB_TEXT(m->code),
	    DB_TEXT(m->theme), DB_TEXT(m->title), DB_TEXT(m->body),
	    DB_TEXT(mediation_html(w, m->body)), *m->territory != '\0' ?
	    DB_TEXT(m->territory) : DB_NULL, DB_TEXT(m->version),
	    DB_TEXT(m->contact), DB_TEXT(m->day_iso),
	    DB_INT(settings_int(SET_PAPER_ENTRY_DAYS))));
}

/* Step 2: what paper_enter() said. */
static int
paper_saved(struct web_req *w, struct mediation *m)
{
	const char	*code = web_text(w, Q_SAVE, 0, ASN_CODE);
	int		 status;

	if (strcmp(code, "ok") == 0 || strcmp(code, "pending") == 0)
		return (web_redirect(w, ui_mediation_paper_after(w, m->code)));
	if (strcmp(code, "missing") == 0) {
		form_error(&m->f, "enjeu", "Choisissez l'enjeu imprimé en haut "
		    "de la feuille.");
		return (paper_render(w, m, 422));
	}
	if ((status = mediation_refusal(&m->f, code)) == 0)
		return (web_error(w, 500, NULL));
	return (paper_render(w, m, status));
}

/*
 * GET: the batch screen (?derniere=<code>: after that sheet was saved).
 * POST: one sheet; 303 back to the screen, or 4xx with what was typed.
 */
int
mediation_paper(struct web_req *w)
{
	struct mediation	*m = web_state(w, sizeof(*m));
	char			 code[SHEET_CODE_LEN + 1];
	const char		*last = web_arg(w, "derniere");

	switch (w->step) {
	case 0:
		form_init(&m->f, w);
		web_query(w, Q_THEMES, &sql_mediation_themes);
		web_query(w, Q_TERR, &sql_part_territories);
		if (w->req->method != HTTP_METHOD_POST && last != NULL &&
		    sheet_code_read(last, code) == SHEET_OK)
			web_query(w, Q_LAST, &sql_paper_last,
			    DB_ID(w->sess.user_id), DB_TEXT(web_strdup(w,
			    code)));
		return (mediation_gather(w));
	case 1:
		if (w->req->method != HTTP_METHOD_POST)
			return (paper_show(w, m));
		return (paper_save(w, m));
	}
	return (paper_saved(w, m));
}
