/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "opendata.h"

const char *const opendata_names[OD__MAX] = {
	"id", "consultation", "theme", "type", "parent_id", "position",
	"departement", "statut", "cree_le", "modifie_le", "titre", "texte",
	"votes_d_accord", "votes_mitige", "votes_pas_d_accord", "origine",
	"id_origine", "reponse_statut", "reponse_date", "auteur",
	"votes_origine", "alignement_origine", "canal", "epn",
	"recueilli_le",
};

/* Columns written as JSON numbers (or null). */
static int
is_number(int col)
{
	return (col == OD_ID || col == OD_PARENT || col == OD_AGREE ||
	    col == OD_MIXED || col == OD_DISAGREE || col == OD_ORIGIN_VOTES ||
	    col == OD_EPN);
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

int
opendata_pseudonyms_init(struct opendata_pseudonyms *ps,
    const unsigned char *key, size_t keylen, int cached)
{
	ps->key = key;
	ps->keylen = keylen;
	ps->slot = NULL;
	if (cached && (ps->slot = calloc(OD_PSEUDONYM_SLOTS,
	    sizeof(*ps->slot))) == NULL)
		return (-1);
	return (0);
}

void
opendata_pseudonyms_free(struct opendata_pseudonyms *ps)
{
	free(ps->slot);
	ps->slot = NULL;
}

const char *
opendata_pseudonym_of(struct opendata_pseudonyms *ps, const char *id,
    size_t len)
{
	struct opendata_pseudonym_slot	*s;
	unsigned long long		 n = 0;
	char				 text[24];
	size_t				 i;

	/* A user id as PostgreSQL writes it: the cache key is its value. */
	if (len == 0 || len > 19 || (id[0] == '0' && len > 1))
		return (NULL);
	for (i = 0; i < len; i++) {
		if (id[i] < '0' || id[i] > '9')
			return (NULL);
		n = n * 10 + (unsigned long long)(id[i] - '0');
	}
	/* Direct-mapped on the id: user ids are dense, authors recur. */
	s = ps->slot != NULL ? &ps->slot[n & (OD_PSEUDONYM_SLOTS - 1)] : NULL;
	if (s != NULL && s->id == n && s->text[0] != '\0')
		return (s->text);
	memcpy(text, id, len);
	text[len] = '\0';
	if (s == NULL) {
		opendata_pseudonym(ps->key, ps->keylen, text, ps->one);
		return (ps->one);
	}
	opendata_pseudonym(ps->key, ps->keylen, text, s->text);
	s->id = n;
	return (s->text);
}

int
opendata_csv_copy_row(const struct csv_out *o, const char *row, size_t len,
    struct opendata_pseudonyms *ps)
{
	const char	*comma, *after, *pseudo = NULL;
	size_t		 idlen;
	int		 k;

	if (len == 0 || row[len - 1] != '\n')
		return (-1);
	len--;
	/* The author id is the last cell and holds digits only. */
	for (comma = row + len; comma > row && comma[-1] != ','; comma--)
		;
	if (comma == row)
		return (-1);
	idlen = (size_t)(row + len - comma);
	if (idlen > 0 && (pseudo = opendata_pseudonym_of(ps, comma,
	    idlen)) == NULL)
		return (-1);
	/* Before it, the cells that follow it in the file, never quoted. */
	for (after = comma - 1, k = 0; k < OD_AFTER_AUTHOR; k++) {
		while (after > row && after[-1] != ',' && after[-1] != '"')
			after--;
		if (after == row || after[-1] != ',')
			return (-1);
		after--;
	}
	/* row .. after: the cells before the author's, with their comma. */
	o->write(o->arg, row, (size_t)(after + 1 - row));
	if (pseudo != NULL)
		o->write(o->arg, pseudo, 12);
	if (OD_AFTER_AUTHOR > 0) {
		o->write(o->arg, ",", 1);
		o->write(o->arg, after + 1, (size_t)(comma - 1 - (after + 1)));
	}
	csv_eol(o);
	return (0);
}

void
opendata_json_begin(struct html_out *o)
{
	o->write(o->arg, "[\n", 2);
}

void
opendata_json_row(struct html_out *o, const char *const *v, int first,
    struct opendata_pseudonyms *ps)
{
	const char	*pseudo;
	int		 i;

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
			if ((pseudo = opendata_pseudonym_of(ps, v[i],
			    strlen(v[i]))) == NULL)
				o->write(o->arg, "null", 4);
			else
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
