/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * One proposal: its text, the votes (true counts) and the visitor's own,
 * the place of the Region's answer, then the debate (proposal_thread.c).
 * Forms are shown only while the consultation is open and to verified
 * accounts; a sentence says why otherwise. Each form works without
 * JavaScript.
 *
 * A proposal of an archive (a consultation imported from another platform)
 * is read-only: no form, no vote here, no answer of the Region; it shows
 * the source platform's tallies instead (proposal_archive.c).
 */

#include <string.h>

#include "../../core/text.h"
#include "../../core/vocab.h"
#include "../../db/answers.h"
#include "../../db/archives.h"
#include "../../db/participation.h"
#include "../../db/syntheses.h"
#include "../kernel/assets.h"
#include "../kernel/form.h"
#include "../shared/ui.h"
#include "follow.h"
#include "proposal.h"

int	proposal_show(struct web_req *);

/* The answer the Region published on this proposal, or that it has none. */
static void
write_answer(struct web_req *w, struct proposal_view *v)
{
	int	answered = web_rows(w, Q_ANSWER) == 1;

	html_raw(H, "<section id=\"reponse\" aria-labelledby=\"reponse-titre\">"
	    "\n<h2 id=\"reponse-titre\">Réponse de la Région</h2>\n");
	if (!answered) {
		html_raw(H, "<p>La Région n'a pas encore répondu.</p>\n");
	} else {
		html_raw(H, "<p class=\"answer-status answer-");
		html_text(H, web_text(w, Q_ANSWER, 0, OA_STATUS));
		html_raw(H, "\"><strong>");
		html_text(H, web_text(w, Q_ANSWER, 0, OA_LABEL));
		html_raw(H, "</strong> — réponse publiée le ");
		html_text(H, web_text(w, Q_ANSWER, 0, OA_DATE));
		html_raw(H, " par ");
		html_text(H, web_text(w, Q_ANSWER, 0, OA_OFFICIAL));
		html_raw(H, ".</p>\n<div class=\"prose\">");
		/* cmark's output, safe mode */
		html_raw(H, web_text(w, Q_ANSWER, 0, OA_BODY_HTML));
		html_raw(H, "</div>\n");
	}
	if (w->sess.roles & ROLE_OFFICIAL) {
		html_raw(H, "<p>");
		ui_link(w, ui_proposal_part(w, v->id, "reponse"), answered ?
		    "Modifier la réponse officielle" :
		    "Rédiger la réponse officielle");
		html_raw(H, "</p>\n");
	}
	html_raw(H, "</section>\n");
}

/* The tally, the visitor's own vote and the vote buttons. */
static void
write_votes(struct web_req *w, struct proposal_view *v)
{
	static const int	cols[CHOICE__MAX] = {
		[CHOICE_AGREE] = PP_AGREE, [CHOICE_MIXED] = PP_MIXED,
		[CHOICE_DISAGREE] = PP_DISAGREE };
	int			mine, i;
	long long		total = 0;

	mine = vocab_find(vocab_choice, CHOICE__MAX, web_text(w, Q_PROPOSAL,
	    0, PP_CHOICE));
	html_raw(H, "<section id=\"votes\" aria-labelledby=\"votes-titre\">\n"
	    "<h2 id=\"votes-titre\">Avis</h2>\n<ul class=\"tally\">\n");
	for (i = 0; i < CHOICE__MAX; i++) {
		total += web_int(w, Q_PROPOSAL, 0, cols[i]);
		html_raw(H, i == mine ? "<li class=\"mine\">" : "<li>");
		html_text(H, vocab_choice[i].label);
		html_raw(H, " : <strong>");
		ui_number(w, web_int(w, Q_PROPOSAL, 0, cols[i]));
		html_raw(H, "</strong>");
		if (i == mine)
			html_raw(H, " (dont votre avis)");
		html_raw(H, "</li>\n");
	}
	html_rawf(H, "</ul>\n<p>%lld avis au total.</p>\n", total);
	if (mine != -1) {
		html_raw(H, "<p class=\"my-vote\">Votre avis : <strong>");
		html_text(H, vocab_choice[mine].label);
		html_raw(H, "</strong>.</p>\n");
	}
	if (v->can_act) {
		form_begin(w, ui_proposal_part(w, v->id, "vote"),
		    "Donner mon avis");
		html_raw(H, "<fieldset class=\"vote\"><legend>Donner mon avis"
		    "</legend>\n");
		for (i = 0; i < CHOICE__MAX; i++) {
			html_raw(H, "<button type=\"submit\" name=\"choix\" "
			    "value=\"");
			html_raw(H, vocab_choice[i].code);
			html_raw(H, i == mine ? "\" class=\"mine\" "
			    "aria-pressed=\"true\">" : "\" aria-pressed=\"false\">");
			html_text(H, vocab_choice[i].label);
			html_raw(H, "</button>\n");
		}
		if (mine != -1)
			html_raw(H, "<button type=\"submit\" name=\"choix\" "
			    "value=\"none\" class=\"secondary\">Retirer mon "
			    "vote</button>\n");
		html_raw(H, "</fieldset>\n</form>\n");
	}
	html_raw(H, "</section>\n");
}

void
proposal_body(struct web_req *w)
{
	const char	*link = web_text(w, Q_PROPOSAL, 0, PP_LINK);

	html_raw(H, "<div class=\"prose\">\n");
	/* cmark's output, safe mode */
	html_raw(H, web_text(w, Q_PROPOSAL, 0, PP_BODY_HTML));
	html_raw(H, "</div>\n");
	if (*link != '\0' && text_link_valid(link)) {
		html_raw(H, "<p class=\"link\">Lien proposé : <a href=\"");
		html_text(H, link);
		html_raw(H, "\" rel=\"nofollow ugc noopener\">");
		html_text(H, link);
		html_raw(H, "</a></p>\n");
	}
	html_raw(H, "</article>\n");
}

/* Why the forms are missing for this visitor (when the phase allows). */
static void
write_who_notice(struct web_req *w)
{
	if (w->sess.user_id == 0) {
		/* Both bring the person back here (issue 13, item 2). */
		html_raw(H, "<p class=\"notice\"><a href=\"");
		html_text(H, ui_signin(w, w->req->path));
		html_raw(H, "\">Connectez-vous</a> ou <a href=\"");
		html_text(H, ui_signup(w, w->req->path));
		html_raw(H, "\">créez un compte</a> pour voter, argumenter, "
		    "commenter et signaler.</p>\n");
	} else if (!w->sess.verified)
		html_raw(H, "<p class=\"notice\">Confirmez votre adresse "
		    "électronique (le lien vous a été envoyé par courriel) "
		    "pour voter, argumenter et commenter.</p>\n");
}

/* What moderation did to the visitor's own proposal, or a review. */
static void
write_moderation_notice(struct web_req *w, struct proposal_view *v)
{
	const char	*rule = web_text(w, Q_PROPOSAL, 0, PP_RULE);
	const char	*note = web_text(w, Q_PROPOSAL, 0, PP_NOTE);

	if (v->status == ST_PENDING) {
		html_raw(H, "<p class=\"notice\" role=\"status\">Votre "
		    "proposition est en attente de modération : elle n'est "
		    "visible que par vous jusqu'à sa publication.</p>\n");
		return;
	}
	if (v->withdrawn) {
		html_raw(H, "<p class=\"notice\" role=\"status\">Proposition "
		    "retirée par son auteur le ");
		html_text(H, web_text(w, Q_PROPOSAL, 0, PP_WITHDRAWN_DATE));
		html_raw(H, ". Les avis déjà donnés restent comptés ; elle ne "
		    "reçoit plus d'avis, d'arguments ni de commentaires.</p>\n");
	}
	if (v->status == ST_PUBLISHED) {
		if (web_bool(w, Q_PROPOSAL, 0, PP_UNDER_REVIEW))
			html_raw(H, "<p class=\"notice\" role=\"status\">Cette "
			    "proposition a été signalée par plusieurs "
			    "participants : elle est en cours d'examen par la "
			    "modération.</p>\n");
		return;
	}
	html_raw(H, "<div class=\"alert\" role=\"status\"><p>Votre "
	    "proposition a été ");
	html_raw(H, v->status == ST_REJECTED ? "rejetée" : "masquée");
	html_raw(H, " par la modération : elle n'est visible que par vous.");
	if (*rule != '\0') {
		html_raw(H, " Règle de la <a href=\"" UI_CHARTER "\">charte</a> : ");
		html_text(H, rule);
		html_raw(H, " — ");
		html_text(H, web_text(w, Q_PROPOSAL, 0, PP_RULE_TITLE));
		html_raw(H, ".");
	}
	html_raw(H, "</p>\n");
	if (*note != '\0') {
		html_raw(H, "<p>Note de la modération : ");
		html_text(H, note);
		html_raw(H, "</p>\n");
	}
	/* Its appeal (moderation/appeal.c, issue 13, item 5). */
	html_raw(H, "<p><a href=\"");
	html_text(H, ui_contribution_part(w, v->id, "reexamen"));
	html_raw(H, "\">Demander un réexamen</a> si vous pensez que cette "
	    "décision ne respecte pas la charte.</p>\n");
	html_raw(H, "</div>\n");
}

/*
 * Its author closes the proposal (participation_withdraw): folded, what
 * happens said before the button.
 */
static void
write_withdraw_form(struct web_req *w, struct proposal_view *v)
{
	html_raw(H, "<details class=\"withdraw\"><summary>Retirer ma "
	    "proposition</summary>\n");
	form_begin(w, ui_contribution_part(w, v->id, "retirer"), NULL);
	html_raw(H, "<p>Elle restera lisible avec les avis déjà donnés, qui "
	    "restent comptés, mais ne recevra plus d'avis, d'arguments ni de "
	    "commentaires, et ne pourra plus être modifiée.</p>\n<p><button "
	    "type=\"submit\">Retirer ma proposition définitivement</button>"
	    "</p>\n</form>\n</details>\n");
}

/* Who proposed it, when, and the author's own edit and withdraw. */
static void
write_meta(struct web_req *w, struct proposal_view *v)
{
	const char	*territory = web_text(w, Q_PROPOSAL, 0, PP_TERRITORY);

	html_raw(H, "<p class=\"meta\">Proposée par ");
	html_text(H, web_text(w, Q_PROPOSAL, 0, PP_AUTHOR));
	if (*territory != '\0') {
		html_raw(H, " (");
		html_text(H, territory);
		html_raw(H, ")");
	}
	html_raw(H, ", le ");
	html_text(H, web_text(w, Q_PROPOSAL, 0, PP_DATE));
	if (web_bool(w, Q_PROPOSAL, 0, PP_EDITED))
		html_raw(H, " <span class=\"edited\">(modifiée)</span>");
	if (v->status == ST_PUBLISHED)
		proposal_flag_link(w, v->id, v->mine, "cette proposition");
	html_raw(H, "</p>\n");
	if (v->mine && !v->withdrawn && web_bool(w, Q_PROPOSAL, 0,
	    PP_EDITABLE) &&
	    vocab_find(vocab_phase, PHASE__MAX, web_text(w, Q_PROPOSAL, 0,
	    PP_PHASE)) == PHASE_OPEN &&
	    (v->status == ST_PUBLISHED || v->status == ST_PENDING)) {
		html_raw(H, "<p>");
		ui_link(w, ui_proposal_part(w, v->id, "modifier"),
		    "Modifier ma proposition");
		html_rawf(H, " (possible pendant %d minutes après la "
		    "publication)</p>\n", v->lim.edit_window);
	}
	if (v->mine && !v->withdrawn)
		write_withdraw_form(w, v);
}

/*
 * "<what> citée dans la synthèse du thème « T »" when the published
 * synthesis cites contribution id, and "<what> citée dans l'avis du
 * conseil numérique (saisine n°N)" for each published opinion that cites
 * it (Q_CITED: its thread's citations).
 */
void
proposal_cited_write(struct web_req *w, long long id, const char *what)
{
	int		i, n = web_rows(w, Q_CITED);
	long long	referral;

	for (i = 0; i < n; i++) {
		if (web_int(w, Q_CITED, i, SC_ID) != id)
			continue;
		html_raw(H, "<p class=\"cited\">");
		html_text(H, what);
		if ((referral = web_int(w, Q_CITED, i, SC_REFERRAL)) != 0) {
			html_rawf(H, " citée dans <a href=\"" UI_COUNCIL
			    "avis/%lld\">"
			    "l'avis du conseil numérique (saisine n°%lld)</a>."
			    "</p>\n", referral, referral);
			continue;
		}
		html_raw(H, " citée dans la synthèse <a href=\"");
		html_text(H, ui_synthesis(w, web_text(w, Q_CITED, i, SC_SLUG),
		    NULL));
		html_raw(H, "\">du thème «" NBSP);
		html_text(H, web_text(w, Q_CITED, i, SC_TITLE));
		html_raw(H, NBSP "»</a>.</p>\n");
	}
}

/* Crumbs, moderation notices, the text and the Region's answer. */
static void
write_head(struct web_req *w, struct proposal_view *v)
{
	const struct ui_crumb	theme[] = { {
		ui_theme(w, NULL, web_text(w, Q_PROPOSAL, 0, PP_THEME)),
		web_printf(w, "Enjeu %lld : %s", web_int(w, Q_PROPOSAL, 0,
		    PP_THEME_POSITION), web_text(w, Q_PROPOSAL, 0,
		    PP_THEME_TITLE)) } };

	ui_crumbs(w, theme, 1, "Proposition");
	write_moderation_notice(w, v);
	html_raw(H, "<article class=\"proposal-full\">\n<h1>");
	html_text(H, web_text(w, Q_PROPOSAL, 0, PP_TITLE));
	html_raw(H, "</h1>\n");
	write_meta(w, v);
	proposal_cited_write(w, v->id, "Proposition");
	proposal_body(w);
	/* What the Region decided matters most: right under the proposal. */
	write_answer(w, v);
}

static int
proposal_render(struct web_req *w, struct proposal_view *v)
{
	page_begin(w, web_text(w, Q_PROPOSAL, 0, PP_TITLE));
	thread_build(w, v);
	if (v->archived) {
		archive_proposal_head(w);
		archive_proposal_tallies(w);
	} else {
		write_head(w, v);
		if (!part_phase_notice(w, web_text(w, Q_PROPOSAL, 0, PP_PHASE),
		    web_text(w, Q_PROPOSAL, 0, PP_OPENS), web_text(w,
		    Q_PROPOSAL, 0, PP_CLOSES)) && v->status == ST_PUBLISHED &&
		    !v->withdrawn)
			write_who_notice(w);
		write_votes(w, v);
		if (v->status == ST_PUBLISHED)
			follow_write_proposal(w, Q_FOLLOW, v->id);
	}
	thread_write(w, v);
	if (v->can_act) {	/* optional: votes without reloading */
		html_raw(H, "<script src=\"");
		html_text(H, assets_url("agora.js"));
		html_raw(H, "\" defer></script>\n");
	}
	page_end(w);
	return (web_send(w, 200));
}

/*
 * Step 1: who may see it, then its thread and, together, the Region's
 * answer or an archive's tallies.
 */
static int
proposal_ask_thread(struct web_req *w, struct proposal_view *v)
{
	if (web_rows(w, Q_PROPOSAL) != 1)
		return (web_error(w, 404, NULL));
	v->status = vocab_find(vocab_status, ST__MAX, web_text(w, Q_PROPOSAL,
	    0, PP_STATUS));
	v->mine = w->sess.user_id != 0 && web_int(w, Q_PROPOSAL, 0,
	    PP_AUTHOR_ID) == w->sess.user_id;
	if (v->status != ST_PUBLISHED && !v->mine)
		return (web_error(w, 404, NULL));
	v->archived = web_bool(w, Q_PROPOSAL, 0, PP_ARCHIVED);
	v->withdrawn = web_bool(w, Q_PROPOSAL, 0, PP_WITHDRAWN);
	v->can_act = !v->archived && !v->withdrawn && w->sess.user_id != 0 &&
	    w->sess.verified && v->status == ST_PUBLISHED &&
	    vocab_find(vocab_phase, PHASE__MAX, web_text(w, Q_PROPOSAL, 0,
	    PP_PHASE)) == PHASE_OPEN;
	thread_pages_ask(w, v);
	if (!v->archived)
		return (web_query(w, Q_ANSWER, &sql_answer_for_proposal,
		    DB_INT(v->id)));
	web_query(w, Q_ARCHIVE, &sql_archive_proposal, DB_INT(v->id));
	return (web_query(w, Q_ARCHIVE_THREAD, &sql_archive_thread_tallies,
	    DB_INT(v->id)));
}

const char	*const thread_sort_code[THREAD_SORT__MAX] = {
	[THREAD_SORT_DATE] = "date", [THREAD_SORT_USEFUL] = "utile" };

/* tri= (absent or empty: by date): a THREAD_SORT_*, or -1. */
static int
parse_sort(struct web_req *w)
{
	const char	*t = web_arg(w, "tri");
	int		 s;

	if (t == NULL || *t == '\0')
		return (THREAD_SORT_DATE);
	for (s = 0; s < THREAD_SORT__MAX; s++)
		if (strcmp(t, thread_sort_code[s]) == 0)
			return (s);
	return (-1);
}

/*
 * GET /propositions/:id[?tri=date|utile][&pour=|contre=|commentaires=
 * de-<id>|avant-<id>][&voir=<id>][&reponses=<id>] (thread_pages.c). 404
 * for a malformed id or one not visible, 400 for an unknown order or a
 * malformed page.
 */
int
proposal_show(struct web_req *w)
{
	struct proposal_view	*v = web_state(w, sizeof(*v));

	switch (w->step) {
	case 0:
		if (!text_parse_id(w->args[0], &v->id))
			return (web_error(w, 404, NULL));
		if ((v->sort = parse_sort(w)) == -1)
			return (web_error(w, 400, "L'ordre demandé (paramètre "
			    "« tri ») n'existe pas : choisissez « date » ou "
			    "« utile »."));
		if (thread_pages_parse(w, v) == -1)
			return (web_error(w, 400, "La page demandée du débat "
			    "n'existe pas : suivez les liens « suivants » et "
			    "« précédents » de la page."));
		part_limits(&v->lim);
		follow_ask_proposal(w, Q_FOLLOW, v->id);
		web_query(w, Q_CITED, &sql_synthesis_citing, DB_INT(v->id));
		return (web_query(w, Q_PROPOSAL, &sql_part_proposal,
		    DB_INT(v->id), DB_ID(w->sess.user_id),
		    DB_INT(v->lim.edit_window)));
	case 1:
		return (proposal_ask_thread(w, v));
	}
	return (proposal_render(w, v));
}
