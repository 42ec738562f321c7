/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * /themes/<slug>/formulaire: a theme's paper form (issue 12, item 5), to
 * print on A4 so that an EPN, a town hall or a school can collect
 * proposals where there is no connection. Each sheet has the theme's
 * text, the instructions, blank lines, the consent wording and its own
 * reference: drawn here (app/core/sheet.h, RAND_bytes) and recorded by
 * paper_sheets_issue() at each load of the page, so two loads never
 * print the same reference; ?exemplaires=N prints N sheets at once, each
 * with its own. A mediator types the sheets in at /mediation/saisie-
 * papier. Anyone may print the form; it needs no JavaScript (the print
 * style sheet is in assets/agora.css).
 */

#include <string.h>

#include "../../core/sheet.h"
#include "../../core/text.h"
#include "../../db/paper.h"
#include "../../db/participation.h"
#include "../people/account.h"
#include "../shared/ui.h"

int	paper_form_show(struct web_req *);

enum { Q_THEME, Q_ISSUED, Q_CONSENT, Q_TERR, Q_RATE, Q__MAX };

#define SHEETS_MAX	20

/* ?exemplaires=N: 1 to SHEETS_MAX, 1 when absent or wrong. */
static int
sheets_asked(struct web_req *w)
{
	const char	*s = web_arg(w, "exemplaires");
	long long	 n;

	if (s == NULL || !text_parse_id(s, &n) || n > SHEETS_MAX)
		return (1);
	return ((int)n);
}

/* Step 0: n fresh references, as a PostgreSQL array "{A,B}". */
static int
paper_ask(struct web_req *w)
{
	char		 code[SHEET_CODE_LEN + 1];
	char		*list;
	int		 i, n = sheets_asked(w);
	size_t		 off = 0, len = (size_t)n * (SHEET_CODE_LEN + 1) + 2;

	list = web_alloc(w, len + 1);
	list[off++] = '{';
	for (i = 0; i < n; i++) {
		if (sheet_code_new(code) == -1)
			return (web_error(w, 503, "Le formulaire n'a pas pu "
			    "être préparé. Rechargez la page dans un instant."));
		if (i > 0)
			list[off++] = ',';
		memcpy(list + off, code, SHEET_CODE_LEN);
		off += SHEET_CODE_LEN;
	}
	list[off++] = '}';
	web_query(w, Q_THEME, &sql_part_theme, DB_NULL, DB_TEXT(w->args[0]));
	web_query(w, Q_CONSENT, &sql_consent_current);
	web_query(w, Q_TERR, &sql_part_territories);
	return (web_query(w, Q_ISSUED, &sql_paper_sheets_issue,
	    DB_TEXT(w->args[0]), DB_TEXT(list)));
}

/* Blank lines to write on, n of them. */
static void
lines(struct web_req *w, const char *label, int n)
{
	int	i;

	html_raw(H, "<p class=\"paper-label\">");
	html_text(H, label);
	html_raw(H, "</p>\n<div class=\"paper-lines\">");
	for (i = 0; i < n; i++)
		html_raw(H, "<span></span>");
	html_raw(H, "</div>\n");
}

/* The instructions and the blank lines. */
static void
sheet_fields(struct web_req *w)
{
	int	i;

	html_raw(H, "<h3>Comment remplir cette feuille</h3>\n<ol>\n<li>Lisez "
	    "le texte de l'enjeu ci-dessus.</li>\n<li>Écrivez lisiblement "
	    "votre proposition : un titre court, puis votre texte. N'écrivez "
	    "pas votre nom : il ne serait ni saisi ni publié.</li>\n<li>Cochez "
	    "la case d'accord en bas de la feuille : sans elle, la feuille ne "
	    "peut pas être saisie.</li>\n<li>Rendez la feuille à la structure "
	    "qui vous l'a remise (EPN, mairie, école) : une personne chargée "
	    "de la médiation la saisira sur Agora.</li>\n</ol>\n");
	lines(w, "Titre de votre proposition (quelques mots)", 2);
	lines(w, "Votre texte", 10);
	html_raw(H, "<p class=\"paper-label\">Le département que votre "
	    "proposition concerne (cochez une case)</p>\n<ul "
	    "class=\"paper-boxes\">\n");
	for (i = 0; i < web_rows(w, Q_TERR); i++) {
		html_raw(H, "<li><span class=\"paper-box\" aria-hidden=\"true\">"
		    "</span>");
		html_text(H, web_text(w, Q_TERR, i, TERR_NAME));
		html_raw(H, "</li>\n");
	}
	html_raw(H, "</ul>\n");
	lines(w, "Contact (facultatif) : une adresse électronique ou postale "
	    "pour recevoir la réponse de la Région. Jamais publié ; "
	    "effacé après la clôture de la consultation.", 2);
}

/* One sheet: its reference, the theme, the fields, the consent. */
static void
sheet_write(struct web_req *w, const char *code, int i)
{
	char	shown[SHEET_SHOWN_LEN + 1];

	sheet_code_show(code, shown);
	html_rawf(H, "<article class=\"paper-sheet\" aria-labelledby="
	    "\"feuille-%d\">\n<header class=\"paper-head\">\n", i);
	html_rawf(H, "<h2 id=\"feuille-%d\">", i);
	html_text(H, web_text(w, Q_THEME, 0, TH_CONSULTATION_TITLE));
	html_raw(H, " : ");
	html_text(H, web_text(w, Q_THEME, 0, TH_TITLE));
	html_raw(H, "</h2>\n<p class=\"paper-ref\">Référence de la feuille "
	    "<strong class=\"paper-code\">");
	html_text(H, shown);
	html_raw(H, "</strong></p>\n</header>\n<p class=\"paper-dates\">"
	    "Consultation ouverte du ");
	html_text(H, web_text(w, Q_THEME, 0, TH_OPENS));
	html_raw(H, " au ");
	html_text(H, web_text(w, Q_THEME, 0, TH_CLOSES));
	html_raw(H, ".</p>\n<p class=\"lead\">");
	html_text(H, web_text(w, Q_THEME, 0, TH_SUMMARY));
	html_raw(H, "</p>\n<div class=\"paper-theme\">\n");
	web_markdown(w, web_text(w, Q_THEME, 0, TH_BODY), 2);
	html_raw(H, "</div>\n");
	sheet_fields(w);
	html_raw(H, "<h3>Votre accord</h3>\n<p>Cochez la case si vous êtes "
	    "d'accord avec ce texte ; il sera enregistré avec votre "
	    "proposition.</p>\n<p class=\"paper-consent\"><span "
	    "class=\"paper-box\" aria-hidden=\"true\"></span>");
	html_text(H, web_text(w, Q_CONSENT, 0, AC_WORDING));
	html_raw(H, "</p>\n<p class=\"paper-office\"><strong>Réservé à la "
	    "structure qui recueille la feuille.</strong> Recueillie le : "
	    "<span class=\"paper-blank\"></span> à : <span "
	    "class=\"paper-blank\"></span> ; saisie le : <span "
	    "class=\"paper-blank\"></span> (référence ");
	html_text(H, shown);
	html_raw(H, ").</p>\n</article>\n");
}

/* What the screen shows above the sheets (never printed: no-print). */
static void
paper_intro(struct web_req *w, int n)
{
	html_raw(H, "<div class=\"no-print\">\n<p>Imprimez cette page pour "
	    "recueillir des propositions sans connexion, par exemple lors "
	    "d'une étape de l'EPN mobile. Chaque feuille porte sa propre "
	    "référence : pour d'autres feuilles, rechargez la page ou "
	    "demandez-en plusieurs d'un coup, plutôt que de photocopier une "
	    "feuille (une référence ne se saisit qu'une fois).</p>\n"
	    "<form method=\"get\" action=\"");
	html_text(H, ui_theme_paper(w, w->args[0]));
	html_rawf(H, "\" class=\"inline\">\n<div class=\"field\"><label "
	    "for=\"f-exemplaires\">Nombre de feuilles</label>\n<span "
	    "class=\"hint\" id=\"h-exemplaires\">De 1 à %d, chacune avec sa "
	    "référence.</span>\n<input id=\"f-exemplaires\" "
	    "name=\"exemplaires\" type=\"number\" min=\"1\" max=\"%d\" "
	    "value=\"%d\" aria-describedby=\"h-exemplaires\"></div>\n<p "
	    "class=\"buttons\"><button type=\"submit\">Préparer</button></p>\n"
	    "</form>\n</div>\n", SHEETS_MAX, SHEETS_MAX, n);
}

static int
paper_render(struct web_req *w)
{
	const char		*title = web_text(w, Q_THEME, 0, TH_TITLE);
	const struct ui_crumb	 up[] = { { ui_theme(w, NULL, w->args[0]),
				    title } };
	int			 i, n = web_rows(w, Q_ISSUED);

	page_begin(w, web_printf(w, "Formulaire papier : %s", title));
	ui_crumbs(w, up, 1, "Formulaire papier");
	html_raw(H, "<h1 class=\"no-print\">Formulaire papier : ");
	html_text(H, title);
	html_raw(H, "</h1>\n");
	paper_intro(w, n);
	for (i = 0; i < n; i++)
		sheet_write(w, web_text(w, Q_ISSUED, i, PI_CODE), i + 1);
	page_end(w);
	if (w->sess.user_id == 0)
		http_response_header(w->req, "cache-control", "no-store");
	return (web_send(w, 200));
}

/* GET: the theme's sheets, each with a reference just issued. */
int
paper_form_show(struct web_req *w)
{
	char	*addr;

	/*
	 * Each load writes up to SHEETS_MAX references: counted per network
	 * first, atomically, so no one can fill the table from one address.
	 */
	switch (w->step) {
	case 0:
		addr = web_alloc(w, ADDR_LEN);
		account_client_addr(w, addr);
		return (account_rate_take(w, Q_RATE, RATE_PAPER_IP, addr,
		    RATE_PAPER_IP, addr));
	case 1:
		if (account_rate_wait(w, Q_RATE) > 0)
			return (account_rate_refuse(w,
			    account_rate_wait(w, Q_RATE)));
		return (paper_ask(w));
	}
	if (web_rows(w, Q_THEME) != 1 || !web_bool(w, Q_THEME, 0,
	    TH_PRIMARY))
		return (web_error(w, 404, "Ce thème n'existe pas."));
	if (web_rows(w, Q_ISSUED) == 0)
		return (web_error(w, 503, "Le formulaire n'a pas pu être "
		    "préparé. Rechargez la page dans un instant."));
	return (paper_render(w));
}
