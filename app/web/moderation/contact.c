/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Writing to the moderation team (issue 13, item 11): GET and POST
 * /contact-moderation, linked from the charter and the footer. A subject,
 * the message, an optional link to the contribution it is about, and for
 * an anonymous visitor the address to reply to. Limited per network like
 * the other open forms (limit_contact_ip_*); one transaction records the
 * message and mails each moderator (contact_send). The moderators read it
 * at /moderation/messages (messages.c); it is never public.
 */

#include <string.h>

#include "../../core/account.h"
#include "../../core/mail_texts.h"
#include "../../core/text.h"
#include "../../db/contact.h"
#include "../kernel/app.h"
#include "../people/account.h"
#include "../shared/ui.h"
#include "contact.h"

int	contact_form(struct web_req *);

enum { Q_RATE, Q_HIT, Q_SAVE };

#define MESSAGE_MAX	5000

/* The subjects, codes of moderation_messages.subject (migration 0310). */
const struct form_option contact_subjects[CONTACT_SUBJECTS + 1] = {
	{ "", "Choisissez un objet" },
	{ "contenu", "Une contribution qui pose problème" },
	{ "decision", "Une décision de modération" },
	{ "charte", "Une question sur la charte" },
	{ "donnees", "Mes données personnelles" },
	{ "autre", "Autre chose" },
};

const char *
contact_subject_label(const char *code)
{
	size_t	i;

	for (i = 1; i <= CONTACT_SUBJECTS; i++)
		if (strcmp(contact_subjects[i].value, code) == 0)
			return (contact_subjects[i].label);
	return (code);
}

struct contact {
	struct form	 f;
	char		 addr[ADDR_LEN];
	const char	*subject, *body, *link, *reply;
};

static int
contact_render(struct web_req *w, struct contact *c, int status)
{
	struct form	*f = &c->f;

	page_begin(w, "Écrire à l'équipe de modération");
	html_raw(H, "<h1>Écrire à l'équipe de modération</h1>\n<p class=\"lead\">"
	    "Une question sur une décision, une contribution qui pose "
	    "problème, la <a href=\"" UI_CHARTER "\">charte</a>, vos données "
	    "personnelles ? Votre message est lu par les modératrices et "
	    "modérateurs seulement ; il n'est jamais publié. Il est effacé "
	    "après un délai indiqué dans la page <a href=\"" UI_PRIVACY
	    "\">Données personnelles</a>.</p>\n");
	form_summary(f);
	form_begin(w, UI_CONTACT_MODERATION, NULL);
	form_select(f, "sujet", "Objet", contact_subjects, CONTACT_SUBJECTS + 1,
	    c->subject, NULL, 1);
	form_textarea(f, "texte", "Votre message", c->body, web_printf(w,
	    "%d caractères au plus.", MESSAGE_MAX), 1, 8);
	form_input(f, "lien", "Lien vers la contribution concernée", "text",
	    c->link, "Facultatif. L'adresse de la page, par exemple "
	    "/propositions/12, copiée depuis la barre d'adresse.", "off", 0);
	if (w->sess.user_id == 0)
		form_input(f, "courriel", "Adresse électronique pour la réponse",
		    "email", c->reply, "Nous ne l'utilisons que pour vous "
		    "répondre.", "email", 1);
	else
		html_raw(H, "<p>La réponse sera envoyée à l'adresse de votre "
		    "compte.</p>\n");
	form_end(w, "Envoyer le message");
	page_end(w);
	return (web_send(w, status));
}

/* A path of this site ("/propositions/12#c3") or a web address. */
static int
link_valid(const char *s)
{
	if (s[0] == '/')
		return (s[1] != '/' && s[1] != '\\');
	return (text_link_valid(s));
}

/* Reads and checks the fields. 1 when valid. */
static int
contact_read(struct web_req *w, struct contact *c)
{
	struct form	*f = &c->f;

	form_choice(f, "sujet", "Objet", contact_subjects + 1, CONTACT_SUBJECTS,
	    1, &c->subject);
	form_text(f, "texte", "Votre message", 1, MESSAGE_MAX, 1, &c->body);
	if (form_text(f, "lien", "Lien vers la contribution concernée", 0, 500,
	    0, &c->link) && *c->link != '\0' && !link_valid(c->link))
		form_error(f, "lien", "« Lien » doit être une adresse de ce site "
		    "commençant par / ou une adresse web complète commençant "
		    "par http:// ou https://.");
	if (w->sess.user_id == 0 && form_text(f, "courriel", "Adresse "
	    "électronique pour la réponse", 1, ACCOUNT_EMAIL_MAX, 0,
	    &c->reply) && !account_email_valid(c->reply))
		form_error(f, "courriel", ACCOUNT_EMAIL_MSG);
	return (f->nerrors == 0);
}

/* Step 1: within the limit, the message and its mail, and the count. */
static int
contact_save(struct web_req *w, struct contact *c)
{
	long long	wait;

	if ((wait = account_rate_wait(w, Q_RATE)) > 0)
		return (account_rate_refuse(w, wait));
	account_rate_hit_one(w, Q_HIT, RATE_CONTACT_IP, c->addr);
	return (web_query(w, Q_SAVE, &sql_contact_send,
	    DB_ID(w->sess.user_id), DB_TEXT(c->subject),
	    DB_TEXT(contact_subject_label(c->subject)), DB_TEXT(c->body),
	    DB_TEXT(c->link), DB_TEXT(w->sess.user_id ? NULL : c->reply),
	    DB_TEXT(mail_text_subject(MT_CONTACT)),
	    DB_TEXT(mail_text_body(MT_CONTACT)),
	    DB_TEXT(web_printf(w, "%s" UI_MODERATION_MESSAGES, app.base_url))));
}

/* GET and POST /contact-moderation. 422: a field to correct; 429. */
int
contact_form(struct web_req *w)
{
	struct contact	*c = web_state(w, sizeof(*c));

	switch (w->step) {
	case 0:
		form_init(&c->f, w);
		c->subject = c->body = c->link = c->reply = "";
		if (w->req->method != HTTP_METHOD_POST)
			return (contact_render(w, c, 200));
		if (!contact_read(w, c))
			return (contact_render(w, c, 422));
		account_client_addr(w, c->addr);
		return (account_rate_query(w, Q_RATE, RATE_CONTACT_IP, c->addr,
		    RATE_CONTACT_IP, c->addr));
	case 1:
		return (contact_save(w, c));
	}
	web_flash(w, "contact_sent");
	return (web_redirect(w, UI_CONTACT_MODERATION));
}
