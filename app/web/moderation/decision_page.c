/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The page of one item of the moderation queue: its text and earlier
 * versions, the author's similar texts, its flags, the author's history,
 * its log, then the decision form, with the decisions its status allows.
 */

#include "../../core/vocab.h"
#include "../../db/moderation.h"
#include "../shared/ui.h"
#include "decision.h"
#include "moderation.h"

const char *const decision_labels[DEC__MAX] = {
	[DEC_PUBLISH] = "Publier (ou maintenir la publication)",
	[DEC_HIDE] = "Masquer (reste visible par son auteur, avec le motif)",
	[DEC_REJECT] = "Refuser",
	[DEC_RESTORE] = "Rétablir",
};

static const char *
status_label(const char *code)
{
	return (vocab_label(vocab_status, ST__MAX, code));
}

static void
write_heading(struct web_req *w)
{
	static const struct ui_crumb	 queue[] = {
		{ UI_MODERATION, "File de modération" } };
	long long			 id = web_int(w, Q_ITEM, 0, MI_ID);
	const char			*title;

	title = web_text(w, Q_ITEM, 0, MI_TITLE);
	ui_crumbs(w, queue, 1, web_printf(w, "Contribution n° %lld", id));
	html_raw(H, "<h1>");
	html_text(H, vocab_label(vocab_kind, KIND__MAX,
	    web_text(w, Q_ITEM, 0, MI_KIND)));
	html_raw(H, " n° ");
	ui_number(w, id);
	if (*title != '\0') {
		html_raw(H, " : ");
		html_text(H, title);
	}
	html_raw(H, "</h1>\n");
}

static void
write_meta(struct web_req *w)
{
	html_raw(H, "<dl class=\"meta\">\n<dt>Statut</dt><dd>");
	html_text(H, status_label(web_text(w, Q_ITEM, 0, MI_STATUS)));
	if (decision_appeal_pending(w))
		html_raw(H, " — réexamen demandé par l'auteur");
	else if (web_bool(w, Q_ITEM, 0, MI_UNDER_REVIEW))
		html_raw(H, " — signalée au-delà du seuil, en cours d'examen");
	if (!web_null(w, Q_ITEM, 0, MI_QUEUE_REASON) &&
	    !decision_appeal_pending(w)) {
		html_raw(H, " — ");
		html_text(H, web_text(w, Q_ITEM, 0, MI_QUEUE_REASON));
	}
	html_raw(H, "</dd>\n<dt>Thème</dt><dd>");
	html_text(H, web_text(w, Q_ITEM, 0, MI_THEME));
	html_raw(H, " — <a href=\"");
	/* The page of the thread that holds it (thread_pages.c). */
	html_text(H, ui_contribution(w, web_int(w, Q_ITEM, 0, MI_PROPOSAL),
	    web_int(w, Q_ITEM, 0, MI_ID)));
	html_raw(H, "\">voir le fil de discussion</a>");
	html_raw(H, "</dd>\n<dt>Déposée le</dt><dd>");
	html_text(H, web_text(w, Q_ITEM, 0, MI_DATE));
	html_raw(H, "</dd>\n<dt>Auteur</dt><dd>");
	html_text(H, web_null(w, Q_ITEM, 0, MI_AUTHOR) ?
	    "Contribution importée" : web_text(w, Q_ITEM, 0, MI_AUTHOR));
	html_raw(H, "</dd>\n");
	if (!web_null(w, Q_ITEM, 0, MI_RULE)) {
		html_raw(H, "<dt>Dernière règle citée</dt><dd>");
		html_text(H, web_text(w, Q_ITEM, 0, MI_RULE));
		html_raw(H, "</dd>\n");
	}
	html_raw(H, "</dl>\n");
}

/* Page n of the earlier versions of the item arg (a decision_view). */
static const char *
versions_href(struct web_req *w, void *arg, long long n)
{
	struct decision_view	*v = arg;

	return (web_printf(w, "%s?page=%lld#versions",
	    ui_moderation_item(w, v->id), n));
}

/*
 * The text, then the earlier ones as the author wrote them, a page of
 * VERSIONS_PAGE at a time.
 */
static void
write_texts(struct web_req *w, struct decision_view *v)
{
	long long	total = 0;
	int		i;

	html_raw(H, "<h2>Texte</h2>\n<div class=\"prose submitted\">\n");
	web_markdown(w, web_text(w, Q_ITEM, 0, MI_BODY), 2);
	html_raw(H, "</div>\n");
	for (i = 0; i < web_rows(w, Q_VERSIONS); i++) {
		if (i == 0) {
			total = web_int(w, Q_VERSIONS, 0, IV_TOTAL);
			html_raw(H, "<h2 id=\"versions\">Versions précédentes "
			    "(");
			ui_number(w, total);
			html_raw(H, ")</h2>\n");
		}
		html_raw(H, "<details>\n<summary>Version ");
		ui_number(w, web_int(w, Q_VERSIONS, i, IV_VERSION));
		html_raw(H, ", remplacée le ");
		html_text(H, web_text(w, Q_VERSIONS, i, IV_REPLACED));
		html_raw(H, "</summary>\n");
		if (!web_null(w, Q_VERSIONS, i, IV_TITLE)) {
			html_raw(H, "<p><strong>");
			html_text(H, web_text(w, Q_VERSIONS, i, IV_TITLE));
			html_raw(H, "</strong></p>\n");
		}
		html_raw(H, "<div class=\"prose submitted\">\n");
		web_markdown(w, web_text(w, Q_VERSIONS, i, IV_BODY), 2);
		html_raw(H, "</div>\n</details>\n");
	}
	ui_pager(w, "Pages des versions précédentes", v->vpage,
	    (total + VERSIONS_PAGE - 1) / VERSIONS_PAGE, versions_href, v);
}

/* A probable duplicate's look-alikes by the same author. */
static void
write_similar(struct web_req *w)
{
	int	i;

	if (web_rows(w, Q_SIMILAR) == 0)
		return;
	html_raw(H, "<h2>Textes semblables du même auteur</h2>\n<ul>\n");
	for (i = 0; i < web_rows(w, Q_SIMILAR); i++) {
		html_raw(H, "<li><a href=\"");
		html_text(H, ui_moderation_item(w, web_int(w, Q_SIMILAR, i,
		    SIM_ID)));
		html_raw(H, "\">n° ");
		ui_number(w, web_int(w, Q_SIMILAR, i, SIM_ID));
		html_raw(H, " : ");
		html_text(H, web_text(w, Q_SIMILAR, i, SIM_TITLE));
		html_raw(H, "</a> (");
		html_text(H, status_label(web_text(w, Q_SIMILAR, i,
		    SIM_STATUS)));
		html_raw(H, ", ");
		ui_number(w, web_int(w, Q_SIMILAR, i, SIM_PERCENT));
		html_raw(H, " % de ressemblance)</li>\n");
	}
	html_raw(H, "</ul>\n");
}

static void
write_flags(struct web_req *w)
{
	int	i;

	html_raw(H, "<h2>Signalements</h2>\n");
	if (web_rows(w, Q_FLAGS) == 0) {
		html_raw(H, "<p>Aucun signalement.</p>\n");
		return;
	}
	html_raw(H, "<ul class=\"flags\">\n");
	for (i = 0; i < web_rows(w, Q_FLAGS); i++) {
		html_raw(H, "<li>");
		html_text(H, web_text(w, Q_FLAGS, i, IF_DATE));
		html_raw(H, " — <strong>");
		html_text(H, web_text(w, Q_FLAGS, i, IF_RULE));
		html_raw(H, " ");
		html_text(H, web_text(w, Q_FLAGS, i, IF_RULE_TITLE));
		html_raw(H, "</strong>");
		if (!web_null(w, Q_FLAGS, i, IF_NOTE)) {
			html_raw(H, " : ");
			html_text(H, web_text(w, Q_FLAGS, i, IF_NOTE));
		}
		html_raw(H, "</li>\n");
	}
	html_raw(H, "</ul>\n");
}

static void
write_history(struct web_req *w)
{
	html_raw(H, "<h2>Historique de l'auteur</h2>\n");
	if (web_null(w, Q_ITEM, 0, MI_AUTHOR_ID)) {
		html_raw(H, "<p>Contribution importée : pas d'auteur sur "
		    "Agora.</p>\n");
		return;
	}
	html_raw(H, "<p>Décisions antérieures sur ses autres "
	    "contributions : ");
	ui_count(w, web_int(w, Q_HISTORY, 0, IH_PUBLISHED), "publiée",
	    "publiées");
	html_raw(H, ", ");
	ui_count(w, web_int(w, Q_HISTORY, 0, IH_HIDDEN), "masquée", "masquées");
	html_raw(H, ", ");
	ui_count(w, web_int(w, Q_HISTORY, 0, IH_REJECTED), "refusée",
	    "refusées");
	html_raw(H, ".</p>\n");
}

static void
write_log_row(struct web_req *w, int i)
{
	html_raw(H, "<tr><td>");
	html_text(H, web_text(w, Q_LOG, i, ITEMLOG_WHEN));
	html_raw(H, "</td><td>");
	html_text(H, vocab_label(vocab_log_action, LOG__MAX,
	    web_text(w, Q_LOG, i, ITEMLOG_ACTION)));
	html_raw(H, "</td><td>");
	html_text(H, status_label(web_text(w, Q_LOG, i, ITEMLOG_FROM)));
	html_raw(H, " → ");
	html_text(H, status_label(web_text(w, Q_LOG, i, ITEMLOG_TO)));
	html_raw(H, "</td><td>");
	html_text(H, web_text(w, Q_LOG, i, ITEMLOG_RULE));
	html_raw(H, "</td><td>");
	if (web_bool(w, Q_LOG, i, ITEMLOG_ERASED))
		html_raw(H, "<em>note effacée à la suppression du compte "
		    "de l'auteur</em>");
	else
		html_text(H, web_text(w, Q_LOG, i, ITEMLOG_NOTE));
	html_raw(H, "</td><td>");
	if (!web_null(w, Q_LOG, i, ITEMLOG_MODERATOR))
		html_text(H, web_text(w, Q_LOG, i, ITEMLOG_MODERATOR));
	else if (vocab_find(vocab_log_action, LOG__MAX, web_text(w, Q_LOG, i,
	    ITEMLOG_ACTION)) == LOG_APPEAL)
		html_raw(H, "l'auteur");
	else
		html_raw(H, "automatique");
	html_raw(H, "</td></tr>\n");
}

static void
write_log(struct web_req *w)
{
	int	i;

	html_raw(H, "<h2>Journal de cette contribution</h2>\n");
	if (web_rows(w, Q_LOG) == 0) {
		html_raw(H, "<p>Aucune décision pour l'instant.</p>\n");
		return;
	}
	html_raw(H, "<table tabindex=\"0\">\n"
	    "<caption>Décisions, de la plus ancienne à la "
	    "plus récente</caption>\n<thead><tr><th scope=\"col\">Date</th>"
	    "<th scope=\"col\">Action</th><th scope=\"col\">Statut</th>"
	    "<th scope=\"col\">Règle</th><th scope=\"col\">Note</th>"
	    "<th scope=\"col\">Par</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < web_rows(w, Q_LOG); i++)
		write_log_row(w, i);
	html_raw(H, "</tbody>\n</table>\n");
}

/*
 * The decisions the item's status allows: publish a pending or published
 * one, hide or reject one that is not already so (or that flags sent back
 * to the queue), restore a hidden or rejected one.
 */
static size_t
decision_options(struct web_req *w, struct form_option *opts)
{
	int	st = vocab_find(vocab_status, ST__MAX, web_text(w, Q_ITEM, 0,
		    MI_STATUS));
	int	review = web_bool(w, Q_ITEM, 0, MI_UNDER_REVIEW);
	int	allowed[DEC__MAX], d;
	size_t	n = 0;

	allowed[DEC_PUBLISH] = st == ST_PENDING || st == ST_PUBLISHED;
	allowed[DEC_HIDE] = st != ST_HIDDEN || review;
	allowed[DEC_REJECT] = st != ST_REJECTED || review;
	allowed[DEC_RESTORE] = st == ST_HIDDEN || st == ST_REJECTED;
	for (d = 0; d < DEC__MAX; d++) {
		if (!allowed[d])
			continue;
		opts[n].value = vocab_decision[d].code;
		opts[n++].label = decision_labels[d];
	}
	return (n);
}

static void
write_form(struct web_req *w, struct decision_view *v)
{
	struct form_option	 dopts[DEC__MAX], *ropts;
	size_t			 nd, nr;

	nd = decision_options(w, dopts);
	ropts = mod_rule_options(w, Q_RULES, "Aucune règle citée", &nr);
	html_raw(H, "<h2>Décision</h2>\n");
	form_begin(w, ui_moderation_item(w, web_int(w, Q_ITEM, 0, MI_ID)),
	    "Décision de modération");
	html_raw(H, "<input type=\"hidden\" name=\"statut_vu\" value=\"");
	html_text(H, web_text(w, Q_ITEM, 0, MI_STATUS));
	html_raw(H, "\">\n<input type=\"hidden\" name=\"version\" value=\"");
	ui_number(w, web_int(w, Q_ITEM, 0, MI_VERSION));
	html_raw(H, "\">\n");
	form_select(&v->f, "decision", "Décision", dopts, nd, v->decision,
	    NULL, 1);
	form_select(&v->f, "regle", "Règle de la charte", ropts, nr, v->rule,
	    "Obligatoire pour masquer ou refuser ; facultative pour publier "
	    "ou rétablir.", 0);
	form_textarea(&v->f, "note", "Note à l'auteur", v->note,
	    "1000 caractères au plus. Elle est envoyée à l'auteur et inscrite "
	    "au journal.", 0, 4);
	form_end(w, "Enregistrer la décision");
}

int
decision_page(struct web_req *w, struct decision_view *v, int status)
{
	page_begin(w, "Modérer une contribution");
	write_heading(w);
	form_summary(&v->f);
	write_meta(w);
	write_texts(w, v);
	write_similar(w);
	write_flags(w);
	write_history(w);
	write_log(w);
	decision_appeal_write(w);
	if (!decision_appeal_own(w))
		write_form(w, v);
	page_end(w);
	return (web_send(w, status));
}
