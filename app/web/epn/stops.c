/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "../../db/epn.h"
#include "../shared/ui.h"
#include "stops.h"

void
stops_table_begin(struct web_req *w, int n, const char *last)
{
	html_raw(H, "<table class=\"epn-stops\" tabindex=\"0\">\n<caption>");
	ui_count(w, n, "étape à venir", "étapes à venir");
	html_raw(H, "</caption>\n<thead><tr><th scope=\"col\">Date</th>"
	    "<th scope=\"col\">Horaires</th>"
	    "<th scope=\"col\">Commune</th><th scope=\"col\">Lieu</th>"
	    "<th scope=\"col\">");
	html_text(H, last);
	html_raw(H, "</th></tr></thead>\n<tbody>\n");
}

void
stops_row_begin(struct web_req *w, int q, int i)
{
	html_raw(H, "<tr><th scope=\"row\">");
	html_text(H, web_text(w, q, i, ES_DAY_FR));
	html_raw(H, "</th><td>");
	html_text(H, web_text(w, q, i, ES_STARTS));
	html_raw(H, " – ");
	html_text(H, web_text(w, q, i, ES_ENDS));
	html_raw(H, "</td><td>");
	html_text(H, web_text(w, q, i, ES_COMMUNE));
	html_raw(H, "</td><td>");
	html_text(H, web_text(w, q, i, ES_PLACE));
	html_raw(H, "</td><td>");
}

void
stops_table_end(struct web_req *w)
{
	html_raw(H, "</tbody>\n</table>\n");
}
