/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * POST /conseil/saisines/<id>/publication: the rapporteur records the
 * adoption of the last version (the day of the vote, the members for,
 * against and abstaining: together at most the council's size) and
 * publishes it. The followers of the referral's themes are told by e-mail
 * in the same statement (council_publish, functions/council.sql).
 */

#include <string.h>

#include "../../core/mail_texts.h"
#include "../../core/modlog.h"
#include "../../db/council.h"
#include "../kernel/app.h"
#include "../shared/ui.h"
#include "council_work.h"

int	council_publish_post(struct web_req *);

static const char *const vote_fields[] = { "pour", "contre", "abstentions" };
static const char *const vote_labels[] = { "Pour", "Contre", "Abstentions" };

void
council_text_form(struct council_work *c, const char *text)
{
	form_textarea(&c->f, "texte", COUNCIL_TEXT_LABEL, text, "Markdown "
	    "accepté (titres, listes, liens). Citez une contribution publiée "
	    "des thèmes de la saisine par son numéro entre crochets" NBSP ": "
	    "[#1234]. Chaque enregistrement garde une nouvelle version"
	    NNBSP "; les précédentes restent lisibles.", 1, 16);
}

/* The adoption's form, to the rapporteur once a version exists. */
void
council_adoption_form(struct web_req *w, struct council_work *c)
{
	int	i;

	if (web_null(w, CQ_REF, 0, CR_RAPPORTEUR) ||
	    web_int(w, CQ_REF, 0, CR_RAPPORTEUR) != w->sess.user_id ||
	    web_rows(w, CQ_DRAFTS) == 0)
		return;
	html_raw(H, "<section aria-labelledby=\"adoption\">\n"
	    "<h2 id=\"adoption\">Adoption et publication</h2>\n<p>Vous êtes "
	    "le rapporteur. Une fois la dernière version adoptée par le "
	    "conseil, enregistrez le vote et publiez-la. Le conseil compte ");
	ui_count(w, web_int(w, CQ_REF, 0, CR_SIZE), "membre", "membres");
	html_raw(H, ".</p>\n");
	form_begin(w, ui_council_work(w, c->id, "publication"),
	    "Adoption et publication");
	form_input(&c->f, "adopte_le", "Date de l'adoption", "date",
	    c->adopted, "Au format AAAA-MM-JJ, pas dans le futur.", NULL, 1);
	for (i = 0; i < 3; i++)
		form_input(&c->f, vote_fields[i], vote_labels[i], "number",
		    c->votes[i], "Nombre de membres.", NULL, 1);
	form_end(w, "Publier l'avis adopté");
	html_raw(H, "</section>\n");
}

/* The adoption's fields; 1 when all are valid. */
static int
adoption_check(struct web_req *w, struct council_work *c)
{
	const char	*today = web_text(w, CQ_REF, 0, CR_TODAY);
	long long	 n, sum = 0, size = web_int(w, CQ_REF, 0, CR_SIZE);
	int		 i;

	c->adopted = web_arg(w, "adopte_le");
	if (!council_date_valid(c->adopted))
		form_error(&c->f, "adopte_le", "Indiquez la date de l'adoption "
		    "au format AAAA-MM-JJ (par exemple 2027-03-31).");
	else if (strcmp(c->adopted, today) > 0)
		form_error(&c->f, "adopte_le", "La date de l'adoption ne peut "
		    "pas être dans le futur.");
	for (i = 0; i < 3; i++) {
		c->votes[i] = web_arg(w, vote_fields[i]);
		if ((n = council_count_parse(c->votes[i])) < 0)
			form_error(&c->f, vote_fields[i], "« %s » : indiquez un "
			    "nombre de membres (0 ou plus).", vote_labels[i]);
		else
			sum += n;
	}
	if (c->f.nerrors > 0)
		return (0);
	if (sum == 0)
		form_error(&c->f, "pour", "Le vote compte au moins une voix.");
	else if (sum > size)
		form_error(&c->f, "pour", "Le total des voix (%s) dépasse le "
		    "nombre de membres du conseil (%s) : vérifiez le décompte.",
		    ui_number_text(w, sum), ui_number_text(w, size));
	return (c->f.nerrors == 0);
}

/* Refusals before the fields: not the rapporteur, nothing to adopt. */
static int
publish_refused(struct web_req *w)
{
	if (web_null(w, CQ_REF, 0, CR_RAPPORTEUR) ||
	    web_int(w, CQ_REF, 0, CR_RAPPORTEUR) != w->sess.user_id)
		return (web_error(w, 403, "Seul le rapporteur désigné par le "
		    "conseil publie son avis. Rien n'a été publié."));
	if (!web_null(w, CQ_REF, 0, CR_OP_HTML))
		return (web_error(w, 409, "L'avis de cette saisine est déjà "
		    "publié."));
	if (web_rows(w, CQ_DRAFTS) == 0)
		return (web_error(w, 409, "Aucune version de l'avis n'est "
		    "écrite : il n'y a rien à publier."));
	return (0);
}

/* POST /conseil/saisines/:id/publication (the rapporteur). */
int
council_publish_post(struct web_req *w)
{
	struct council_work	*c = web_state(w, sizeof(*c));
	const char		*r;
	char			 ref[13];

	if (w->step == 0)
		return (council_work_load(w, c));
	if (w->step == 1) {
		if (!council_work_found(w, c) || publish_refused(w))
			return (WEB_DONE);
		if (!adoption_check(w, c))
			return (council_work_page(w, c, 422));
		/* The act goes into the moderation log under a pseudonym. */
		modlog_pseudonym(app.secret, app.secret_len, w->sess.user_id,
		    ref);
		return (web_query(w, CQ_WRITE, &sql_council_publish,
		    DB_INT(c->id), DB_ID(w->sess.user_id), DB_TEXT(ref),
		    DB_TEXT(c->adopted),
		    DB_TEXT(c->votes[0]), DB_TEXT(c->votes[1]),
		    DB_TEXT(c->votes[2]), DB_TEXT(app.base_url),
		    DB_TEXT(mail_text_subject(MT_COUNCIL_OPINION)),
		    DB_TEXT(mail_text_body(MT_COUNCIL_OPINION)),
		    DB_TEXT(mail_text_subject(MT_COUNCIL_CITED)),
		    DB_TEXT(mail_text_body(MT_COUNCIL_CITED))));
	}
	r = web_text(w, CQ_WRITE, 0, CW_RESULT);
	if (strcmp(r, "ok") != 0)
		return (web_error(w, 409, "L'avis n'a pas pu être publié (il "
		    "l'est déjà, ou le décompte a changé) : rien n'a été "
		    "enregistré."));
	web_flash(w, "council_published");
	return (web_redirect(w, ui_council_opinion(w, c->id, NULL)));
}
