/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * What a proposal of an archive (a consultation imported from another
 * platform) shows instead of votes and forms: its place in the archive,
 * its page on the source platform, and the source's tallies, labelled so
 * they are never taken for opinions given here.
 */

#include "../../core/text.h"
#include "../../core/vocab.h"
#include "../../db/archives.h"
#include "../../db/participation.h"
#include "../shared/ui.h"
#include "archives.h"
#include "proposal.h"

/* The row of Q_ARCHIVE_THREAD (ids in order) for thread row r, or -1. */
static int
thread_tally(struct web_req *w, int r)
{
	long long	 id = web_int(w, Q_THREAD, r, TR_ID), x;
	int		 lo = 0, hi = web_rows(w, Q_ARCHIVE_THREAD) - 1, mid;

	while (lo <= hi) {
		mid = lo + (hi - lo) / 2;
		x = web_int(w, Q_ARCHIVE_THREAD, mid, ATT_ID);
		if (x == id)
			return (mid);
		if (x < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return (-1);
}

void
archive_comment_alignment(struct web_req *w, int r)
{
	int	t = thread_tally(w, r), a;

	if (t == -1 || web_null(w, Q_ARCHIVE_THREAD, t, ATT_ALIGNMENT))
		return;
	a = vocab_find(vocab_alignment, ALIGN__MAX, web_text(w,
	    Q_ARCHIVE_THREAD, t, ATT_ALIGNMENT));
	html_raw(H, "<p class=\"meta\">Position sur la plateforme d'origine : "
	    "<span class=\"alignment\">");
	html_raw(H, a == ALIGN_POUR ? "pour" : a == ALIGN_CONTRE ? "contre" :
	    "neutre");
	html_raw(H, "</span></p>\n");
}

void
archive_argument_votes(struct web_req *w, int r)
{
	int	t = thread_tally(w, r);

	if (t == -1 || web_null(w, Q_ARCHIVE_THREAD, t, ATT_VOTES))
		return;
	html_raw(H, "<p class=\"useful\">Votes sur la plateforme d'origine : ");
	ui_number(w, web_int(w, Q_ARCHIVE_THREAD, t, ATT_VOTES));
	html_raw(H, "</p>\n");
}

/* Its place in the archive, its text, its page on the source. */
void
archive_proposal_head(struct web_req *w)
{
	const char	*cons = web_text(w, Q_ARCHIVE, 0, ARP_CONSULTATION);
	const char	*source = web_text(w, Q_ARCHIVE, 0, ARP_SOURCE_NAME);
	const char	*url = web_text(w, Q_ARCHIVE, 0, ARP_URL);

	const struct ui_crumb	 theme[] = { { ui_theme(w, cons, web_text(w,
				    Q_PROPOSAL, 0, PP_THEME)), web_text(w,
				    Q_PROPOSAL, 0, PP_THEME_TITLE) } };

	archive_crumbs(w, cons, web_text(w, Q_ARCHIVE, 0,
	    ARP_CONSULTATION_TITLE), theme, 1, "Proposition");
	if (web_bool(w, Q_PROPOSAL, 0, PP_UNDER_REVIEW))
		html_raw(H, "<p class=\"notice\" role=\"status\">Cette "
		    "proposition a été signalée par plusieurs participants : "
		    "elle est en cours d'examen par la modération.</p>\n");
	html_raw(H, "<article class=\"proposal-full\">\n<h1>");
	html_text(H, web_text(w, Q_PROPOSAL, 0, PP_TITLE));
	html_raw(H, "</h1>\n<p class=\"meta\">Déposée");
	if (*source != '\0') {
		html_raw(H, " sur ");
		html_text(H, source);
	}
	html_raw(H, " le ");
	html_text(H, web_text(w, Q_PROPOSAL, 0, PP_DATE));
	proposal_flag_link(w, web_int(w, Q_PROPOSAL, 0, PP_ID), 0,
	    "cette proposition");
	html_raw(H, "</p>\n");
	if (text_link_valid(url)) {
		html_raw(H, "<p class=\"link\">Page d'origine : <a href=\"");
		html_text(H, url);
		html_raw(H, "\" rel=\"noopener\">");
		html_text(H, url);
		html_raw(H, "</a></p>\n");
	}
	proposal_body(w);
	archive_notice(w, source);
}

/* "N label" in a list of counts the source declared. */
static void
declared(struct web_req *w, int col, const char *one, const char *many,
    int *any)
{
	if (web_null(w, Q_ARCHIVE, 0, col))
		return;
	html_raw(H, *any ? ", " : "<p>La plateforme d'origine comptait ");
	ui_count(w, web_int(w, Q_ARCHIVE, 0, col), one, many);
	*any = 1;
}

/* The split d'accord / mitigé / pas d'accord, or the supports. */
static void
write_split(struct web_req *w)
{
	static const int	cols[CHOICE__MAX] = {
		[CHOICE_AGREE] = ARP_AGREE, [CHOICE_MIXED] = ARP_MIXED,
		[CHOICE_DISAGREE] = ARP_DISAGREE };
	int			i;

	if (!web_null(w, Q_ARCHIVE, 0, ARP_AGREE)) {
		html_raw(H, "<ul class=\"tally\">\n");
		for (i = 0; i < CHOICE__MAX; i++) {
			html_raw(H, "<li>");
			html_text(H, vocab_choice[i].label);
			html_raw(H, " : <strong>");
			ui_number(w, web_int(w, Q_ARCHIVE, 0, cols[i]));
			html_raw(H, "</strong></li>\n");
		}
		html_raw(H, "</ul>\n<p>");
		ui_count(w, web_int(w, Q_ARCHIVE, 0, ARP_VOTES), "vote",
		    "votes");
		html_raw(H, " au total.</p>\n");
	} else if (!web_null(w, Q_ARCHIVE, 0, ARP_VOTES)) {
		html_raw(H, "<p><strong>");
		ui_number(w, web_int(w, Q_ARCHIVE, 0, ARP_VOTES));
		html_raw(H, web_int(w, Q_ARCHIVE, 0, ARP_VOTES) <= 1 ?
		    "</strong> soutien.</p>\n" : "</strong> soutiens.</p>\n");
	} else
		html_raw(H, "<p>La plateforme d'origine ne comptait pas de "
		    "votes sur cette contribution.</p>\n");
}

/* The source platform's tallies, never mixed up with votes cast here. */
void
archive_proposal_tallies(struct web_req *w)
{
	int	any = 0;

	html_raw(H, "<section id=\"votes\" aria-labelledby=\"votes-titre\">\n"
	    "<h2 id=\"votes-titre\">Votes sur la plateforme d'origine</h2>\n"
	    "<div class=\"source-tally\">\n<p><strong>Décomptes de la "
	    "plateforme d'origine, pas des avis exprimés ici.</strong></p>\n");
	write_split(w);
	declared(w, ARP_ARGS_YES, "argument pour", "arguments pour", &any);
	declared(w, ARP_ARGS_NO, "argument contre", "arguments contre", &any);
	declared(w, ARP_COMMENTS, "commentaire", "commentaires", &any);
	if (any)
		html_raw(H, ".</p>\n");
	html_raw(H, "</div>\n</section>\n");
}
