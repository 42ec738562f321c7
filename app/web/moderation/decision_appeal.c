/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The appeal waiting on an item of the moderation queue (issue 13, item
 * 5): who asked, against which decision, why; and, for the moderator who
 * took that decision, that the re-examination is someone else's. The
 * rule itself is the database's (moderation_appeal_may_decide(), called
 * by sql_item_appeal and again by moderation_decide()).
 */

#include "../../core/vocab.h"
#include "../../db/appeals.h"
#include "../shared/ui.h"
#include "decision.h"

int
decision_appeal_pending(struct web_req *w)
{
	return (web_rows(w, Q_APPEAL) == 1);
}

int
decision_appeal_own(struct web_req *w)
{
	return (web_rows(w, Q_APPEAL) == 1 &&
	    web_bool(w, Q_APPEAL, 0, AI_OWN));
}

void
decision_appeal_write(struct web_req *w)
{
	if (web_rows(w, Q_APPEAL) != 1)
		return;
	html_raw(H, "<section class=\"appeal\" aria-labelledby=\"appeal\">\n"
	    "<h2 id=\"appeal\">Réexamen demandé par l'auteur</h2>\n<p>Le ");
	html_text(H, web_text(w, Q_APPEAL, 0, AI_FILED));
	html_raw(H, ", l'auteur a demandé le réexamen de la décision « ");
	html_text(H, vocab_label(vocab_log_action, LOG__MAX,
	    web_text(w, Q_APPEAL, 0, AI_DECISION)));
	if (!web_null(w, Q_APPEAL, 0, AI_RULE)) {
		html_raw(H, " (règle ");
		html_text(H, web_text(w, Q_APPEAL, 0, AI_RULE));
		html_raw(H, ")");
	}
	html_raw(H, " » prise par ");
	html_text(H, web_null(w, Q_APPEAL, 0, AI_DECIDED_BY) ?
	    "un compte supprimé" : web_text(w, Q_APPEAL, 0, AI_DECIDED_BY));
	html_raw(H, ".</p>\n<p>Son motif" NBSP ":</p>\n<blockquote>");
	if (web_null(w, Q_APPEAL, 0, AI_REASON))
		html_raw(H, "<em>effacé à la suppression du compte de "
		    "l'auteur</em>");
	else
		html_text(H, web_text(w, Q_APPEAL, 0, AI_REASON));
	html_raw(H, "</blockquote>\n");
	if (decision_appeal_own(w)) {
		html_raw(H, "<p class=\"notice\" role=\"status\">"
		    "<strong>Vous avez pris la décision initiale</strong>" NBSP
		    ": le réexamen revient à un autre membre de l'équipe de "
		    "modération. Vous ne pouvez ni le prendre ni le décider."
		    "</p>\n");
	} else {
		html_raw(H, "<p>Pour maintenir la décision, choisissez à "
		    "nouveau « Masquer » ou « Refuser » avec sa règle" NNBSP
		    "; pour l'annuler, choisissez « Rétablir »" NBSP
		    ": la contribution est de nouveau publiée. L'auteur est "
		    "prévenu de l'issue.</p>\n");
	}
	html_raw(H, "</section>\n");
}
