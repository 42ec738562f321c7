/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <ctype.h>
#include <string.h>

#include "account.h"
#include "account_rules.h"
#include "text.h"


static const char msg_email[] = "Saisissez une adresse électronique valide, "
    "par exemple prenom.nom@exemple.fr.";

static int
is_ascii_control(unsigned char c)
{
	return (c < 0x20 || c == 0x7f);
}

/* Local part: printable, no specials that need quoting, no edge dots. */
static int
local_valid(const char *s, size_t len)
{
	size_t		i;
	unsigned char	c;

	if (len == 0 || len > 64 || s[0] == '.' || s[len - 1] == '.')
		return (0);
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		/* ASCII only: relays without SMTPUTF8 refuse the rest. */
		if (is_ascii_control(c) || c == ' ' || c >= 0x80 ||
		    strchr("\"(),:;<>[\\]", c) != NULL)
			return (0);
		if (c == '.' && s[i + 1] == '.')
			return (0);
	}
	return (1);
}

/* Domain: labels of 1..63 [A-Za-z0-9-], at least two. */
static int
domain_valid(const char *s, size_t len)
{
	size_t		i, label = 0, labels = 1, last = 0;
	unsigned char	c;

	if (len == 0 || len > 253)
		return (0);
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c == '.') {
			if (label == 0 || s[i - 1] == '-')
				return (0);
			labels++;
			label = 0;
			last = i + 1;
			continue;
		}
		if (!(isalnum(c) || c == '-'))
			return (0);
		if (c == '-' && label == 0)
			return (0);
		if (++label > 63)
			return (0);
	}
	if (label == 0 || s[len - 1] == '-' || labels < 2)
		return (0);
	/* The top-level domain: two letters at least, no digits only. */
	if (len - last < 2)
		return (0);
	for (i = last; i < len; i++)
		if (!isdigit((unsigned char)s[i]))
			return (1);
	return (0);
}

const char *
account_email_check(const char *email)
{
	const char	*at;
	size_t		 len;

	if (email == NULL || *email == '\0')
		return ("L'adresse électronique est obligatoire.");
	len = strlen(email);
	if (len > ACCOUNT_EMAIL_MAX)
		return ("L'adresse électronique est trop longue.");
	if (!text_utf8_valid(email, len))
		return (msg_email);
	if ((at = strchr(email, '@')) == NULL || strchr(at + 1, '@') != NULL)
		return (msg_email);
	if (!local_valid(email, (size_t)(at - email)) ||
	    !domain_valid(at + 1, strlen(at + 1)))
		return (msg_email);
	return (NULL);
}

const char *
account_name_check(const char *name)
{
	const char	*p;
	size_t		 n;

	if (name == NULL || text_blank(name))
		return ("Le nom affiché est obligatoire.");
	if (!text_utf8_valid(name, strlen(name)))
		return ("Le nom affiché contient des caractères invalides "
		    "(encodage non UTF-8).");
	for (p = name; *p != '\0'; p++)
		if (is_ascii_control((unsigned char)*p))
			return ("Le nom affiché contient des caractères de "
			    "contrôle non autorisés.");
	n = text_utf8_chars(name);
	if (n < ACCOUNT_NAME_MIN)
		return ("Le nom affiché doit contenir au moins 2 caractères.");
	if (n > ACCOUNT_NAME_MAX)
		return ("Le nom affiché ne doit pas dépasser 60 caractères.");
	if (strncmp(name, ACCOUNT_PSEUDONYM, strlen(ACCOUNT_PSEUDONYM)) == 0)
		return ("Ce nom est réservé aux comptes supprimés : choisissez-en "
		    "un autre.");
	return (NULL);
}

/* The French sentence for the one password rule (account.c). */
const char *
account_password_message(const char *pw, const char *name, const char *email)
{
	if (pw == NULL || *pw == '\0')
		return ("Le mot de passe est obligatoire.");
	switch (account_password_check(pw, name, email)) {
	case ACCOUNT_PW_OK:
		return (NULL);
	case ACCOUNT_PW_ENCODING:
		return ("Le mot de passe contient des caractères invalides "
		    "(encodage non UTF-8 ou caractère de contrôle).");
	case ACCOUNT_PW_SHORT:
		return ("Le mot de passe doit contenir au moins 12 caractères.");
	case ACCOUNT_PW_LONG:
		return ("Le mot de passe ne doit pas dépasser 256 caractères.");
	case ACCOUNT_PW_NAME:
		return ("Le mot de passe ne doit pas contenir votre nom.");
	case ACCOUNT_PW_EMAIL:
		return ("Le mot de passe ne doit pas contenir votre adresse "
		    "électronique.");
	}
	return ("Mot de passe refusé.");
}
