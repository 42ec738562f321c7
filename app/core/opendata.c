/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "opendata.h"

const char *const opendata_names[OD__MAX] = {
	"id", "consultation", "theme", "type", "parent_id", "position",
	"departement", "statut", "cree_le", "modifie_le", "titre", "texte",
	"votes_d_accord", "votes_mitige", "votes_pas_d_accord", "origine",
	"id_origine", "reponse_statut", "reponse_date", "auteur",
};

/* Columns written as JSON numbers (or null). */
static int
is_number(int col)
{
	return (col == OD_ID || col == OD_PARENT || col == OD_AGREE ||
	    col == OD_MIXED || col == OD_DISAGREE);
}

void
opendata_pseudonym(const unsigned char *key, size_t keylen, const char *id,
    char out[13])
{
	static const char	 hex[] = "0123456789abcdef";
	unsigned char		 mac[EVP_MAX_MD_SIZE];
	unsigned int		 maclen = 0;
	char			 msg[64];
	int			 i;

	snprintf(msg, sizeof(msg), "author:%s", id);
	HMAC(EVP_sha256(), key, (int)keylen, (const unsigned char *)msg,
	    strlen(msg), mac, &maclen);
	for (i = 0; i < 6; i++) {
		out[2 * i] = hex[mac[i] >> 4];
		out[2 * i + 1] = hex[mac[i] & 0x0f];
	}
	out[12] = '\0';
}

void
opendata_csv_header(const struct csv_out *o)
{
	int	i;

	for (i = 0; i < OD__MAX; i++) {
		if (i > 0)
			csv_sep(o);
		csv_field(o, opendata_names[i]);
	}
	csv_eol(o);
}

void
opendata_csv_row(const struct csv_out *o, const char *const *v,
    const unsigned char *key, size_t keylen)
{
	char	pseudo[13];
	int	i;

	for (i = 0; i < OD__MAX; i++) {
		if (i > 0)
			csv_sep(o);
		if (i == OD_AUTHOR_ID) {
			if (v[i] != NULL) {
				opendata_pseudonym(key, keylen, v[i], pseudo);
				csv_field(o, pseudo);
			}
		} else
			csv_field(o, v[i]);
	}
	csv_eol(o);
}

void
opendata_json_begin(struct html_out *o)
{
	o->write(o->arg, "[\n", 2);
}

void
opendata_json_row(struct html_out *o, const char *const *v, int first,
    const unsigned char *key, size_t keylen)
{
	char	pseudo[13];
	int	i;

	if (!first)
		o->write(o->arg, ",\n", 2);
	o->write(o->arg, "{", 1);
	for (i = 0; i < OD__MAX; i++) {
		if (i > 0)
			o->write(o->arg, ",", 1);
		html_json_string(o, opendata_names[i]);
		o->write(o->arg, ":", 1);
		if (v[i] == NULL)
			o->write(o->arg, "null", 4);
		else if (i == OD_AUTHOR_ID) {
			opendata_pseudonym(key, keylen, v[i], pseudo);
			html_json_string(o, pseudo);
		} else if (is_number(i))
			o->write(o->arg, v[i], strlen(v[i]));
		else
			html_json_string(o, v[i]);
	}
	o->write(o->arg, "}", 1);
}

void
opendata_json_end(struct html_out *o, int any)
{
	if (any)
		o->write(o->arg, "\n]\n", 3);
	else
		o->write(o->arg, "]\n", 2);
}
