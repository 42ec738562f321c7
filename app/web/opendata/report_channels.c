/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The report's "Participation par canal et par EPN" (issue 12, item 3):
 * the theme's public contributions collected on the web, at an EPN and on
 * paper, then per EPN its contributions and its assisted votes. The EPN
 * rows come from sql_report_channels (only what mediators entered); the
 * web is the public total (Q_PART, the rollups) less those. The
 * contribution figures recount from the open data (columns canal, epn).
 */

#include "../../core/vocab.h"
#include "../../db/assisted.h"
#include "../../db/reports.h"
#include "../kernel/web.h"
#include "../shared/ui.h"
#include "report.h"

static void
channel_row(struct web_req *w, int ch, long long n, long long votes)
{
	html_raw(H, "<tr><th scope=\"row\">");
	html_text(H, vocab_channel[ch].label);
	html_raw(H, "</th><td class=\"num\">");
	ui_number(w, n);
	html_raw(H, "</td><td class=\"num\">");
	if (votes >= 0)
		ui_number(w, votes);
	else
		html_raw(H, "—");
	html_raw(H, "</td></tr>\n");
}

static void
write_epn_rows(struct web_req *w)
{
	int	i;

	html_raw(H, "<table tabindex=\"0\">\n<caption>Par EPN</caption>\n"
	    "<thead><tr><th scope=\"col\">EPN</th><th scope=\"col\">Commune"
	    "</th><th scope=\"col\" class=\"num\">Saisies en EPN</th>"
	    "<th scope=\"col\" class=\"num\">Formulaires papier</th>"
	    "<th scope=\"col\" class=\"num\">Votes assistés</th></tr></thead>"
	    "\n<tbody>\n");
	for (i = 0; i < web_rows(w, Q_CHANNELS); i++) {
		html_raw(H, "<tr><th scope=\"row\">");
		html_text(H, web_text(w, Q_CHANNELS, i, ACH_NAME));
		html_raw(H, "</th><td>");
		html_text(H, web_text(w, Q_CHANNELS, i, ACH_COMMUNE));
		html_raw(H, "</td><td class=\"num\">");
		ui_number(w, web_int(w, Q_CHANNELS, i, ACH_AT_EPN));
		html_raw(H, "</td><td class=\"num\">");
		ui_number(w, web_int(w, Q_CHANNELS, i, ACH_PAPER));
		html_raw(H, "</td><td class=\"num\">");
		ui_number(w, web_int(w, Q_CHANNELS, i, ACH_VOTES));
		html_raw(H, "</td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n");
}

void
report_channels(struct web_req *w)
{
	long long	at_epn = 0, paper = 0, votes = 0;
	int		i;

	for (i = 0; i < web_rows(w, Q_CHANNELS); i++) {
		at_epn += web_int(w, Q_CHANNELS, i, ACH_AT_EPN);
		paper += web_int(w, Q_CHANNELS, i, ACH_PAPER);
		votes += web_int(w, Q_CHANNELS, i, ACH_VOTES);
	}
	html_raw(H, "<h3 id=\"canaux\">Participation par canal et par EPN</h3>\n"
	    "<table tabindex=\"0\">\n<caption>Contributions publiées et votes, "
	    "par canal</caption>\n<thead><tr><th scope=\"col\">Canal</th>"
	    "<th scope=\"col\" class=\"num\">Contributions</th>"
	    "<th scope=\"col\" class=\"num\">Votes</th></tr></thead>\n"
	    "<tbody>\n");
	channel_row(w, CH_WEB, web_int(w, Q_PART, 0, RP_PUBLIC) - at_epn -
	    paper, web_int(w, Q_PART, 0, RP_VOTES) - votes);
	channel_row(w, CH_EPN, at_epn, votes);
	channel_row(w, CH_PAPER, paper, -1);
	html_raw(H, "</tbody>\n</table>\n");
	if (web_rows(w, Q_CHANNELS) > 0)
		write_epn_rows(w);
	else
		html_raw(H, "<p>Aucune contribution n'a encore été saisie dans "
		    "un EPN pour cet enjeu.</p>\n");
}
