/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The fields of the EPN directory's admin pages: read and checked with the
 * rules of app/core/epn.h (the command line's too), each refusal in French
 * at its field, and the EPN form written again with what was typed.
 */

#include <string.h>

#include "../../core/epn.h"
#include "../../core/vocab.h"
#include "../../db/accounts.h"
#include "../../db/epn.h"
#include "../shared/ui.h"
#include "admin.h"

/* A checkbox is on when sent with its value. */
static int
checked(struct web_req *w, const char *name)
{
	const char	*v = web_arg(w, name);

	return (v != NULL && strcmp(v, "1") == 0);
}

int
epn_fields_read(struct form *f, struct epn_fields *e)
{
	int	ok = 1;

	ok &= form_text(f, "nom", "Nom de l'EPN", 1, EPN_NAME_MAX, 0,
	    &e->name);
	ok &= form_text(f, "commune", "Commune", 1, EPN_COMMUNE_MAX, 0,
	    &e->commune);
	ok &= form_text(f, "departement", "Département", 1, 8, 0,
	    &e->territory);
	ok &= form_text(f, "adresse", "Adresse", 0, EPN_ADDRESS_MAX, 0,
	    &e->address);
	ok &= form_text(f, "horaires", "Horaires d'ouverture", 0,
	    EPN_HOURS_MAX, 1, &e->hours);
	e->mobile = checked(f->w, "mobile");
	e->active = checked(f->w, "actif");
	return (ok);
}

int
stop_fields_read(struct form *f, struct stop_fields *s)
{
	int	ok = 1, y, m, d, from = 0, to = 0;

	ok &= form_text(f, "commune_etape", "Commune", 1, EPN_COMMUNE_MAX, 0,
	    &s->commune);
	ok &= form_text(f, "lieu", "Lieu", 1, EPN_PLACE_MAX, 0, &s->place);
	if (form_text(f, "date", "Date", 1, 32, 0, &s->day) &&
	    epn_date_parse(s->day, &y, &m, &d) == -1) {
		form_error(f, "date", "%s", EPN_DATE_BAD);
		ok = 0;
	}
	if (form_text(f, "debut", "Heure de début", 1, 32, 0, &s->starts) &&
	    epn_time_parse(s->starts, &from) == -1) {
		form_error(f, "debut", "%s", EPN_TIME_BAD);
		ok = 0;
	}
	if (form_text(f, "fin", "Heure de fin", 1, 32, 0, &s->ends) &&
	    epn_time_parse(s->ends, &to) == -1) {
		form_error(f, "fin", "%s", EPN_TIME_BAD);
		ok = 0;
	}
	if (ok && to <= from) {
		form_error(f, "fin", "%s", EPN_END_BEFORE);
		ok = 0;
	}
	return (ok);
}

void
epn_fields_stored(struct web_req *w, struct epn_fields *e)
{
	e->name = web_text(w, Q_EPN, 0, EL_NAME);
	e->commune = web_text(w, Q_EPN, 0, EL_COMMUNE);
	e->territory = web_text(w, Q_EPN, 0, EL_TERRITORY);
	e->address = web_text(w, Q_EPN, 0, EL_ADDRESS);
	e->hours = web_text(w, Q_EPN, 0, EL_HOURS);
	e->mobile = vocab_find(vocab_epn_kind, EPN__MAX, web_text(w, Q_EPN, 0,
	    EL_KIND)) == EPN_MOBILE;
	e->active = web_bool(w, Q_EPN, 0, EL_ACTIVE);
}

int
epn_refusal(struct form *f, int status)
{
	static const char *const field[EPR__MAX] = {
		[EPR_NO_TERRITORY] = "departement",
		[EPR_DUPLICATE] = "nom",
		[EPR_HAS_STOPS] = "mobile",
		[EPR_NOT_MOBILE] = "",
		[EPR_OVERLAP] = "debut",
		[EPR_PAST] = "date",
	};

	if (status < 0 || field[status] == NULL)
		return (0);
	form_error(f, field[status], "%s", vocab_epn_result[status].label);
	return (1);
}

/* The region's départements (not "hors région"), from Q_TERRITORIES. */
static struct form_option *
territory_options(struct web_req *w, size_t *n)
{
	struct form_option	*o;
	int			 i, rows = web_rows(w, Q_TERRITORIES);

	o = web_alloc(w, sizeof(*o) * (size_t)(rows + 1));
	*n = 0;
	for (i = 0; i < rows; i++) {
		if (strcmp(web_text(w, Q_TERRITORIES, i, ATE_CODE), "HR") == 0)
			continue;
		o[*n].value = web_text(w, Q_TERRITORIES, i, ATE_CODE);
		o[*n].label = web_printf(w, "%s (%s)",
		    web_text(w, Q_TERRITORIES, i, ATE_NAME), o[*n].value);
		(*n)++;
	}
	return (o);
}

void
epn_form_write(struct web_req *w, struct form *f, const struct epn_fields *e,
    long long id)
{
	struct form_option	*opts;
	size_t			 n;

	opts = territory_options(w, &n);
	form_begin(w, id == 0 ? UI_ADMIN_EPN : ui_admin_epn(w, id),
	    id == 0 ? "Inscrire un EPN" : "Modifier l'EPN");
	form_input(f, "nom", "Nom de l'EPN", "text", e->name, "Tel que le "
	    "public le connaît, par exemple « Médiathèque Jean-Zay ».", NULL,
	    1);
	form_input(f, "commune", "Commune", "text", e->commune, "Pour un EPN "
	    "mobile : la commune où il est basé.", NULL, 1);
	form_select(f, "departement", "Département", opts, n, e->territory,
	    NULL, 1);
	/* Not the administrator's own address: no autocomplete. */
	form_input(f, "adresse", "Adresse", "text", e->address, NULL, NULL, 0);
	form_textarea(f, "horaires", "Horaires d'ouverture", e->hours,
	    "Par exemple « du mardi au samedi, de 10 h à 18 h ».", 0, 3);
	form_checkbox(f, "mobile", "EPN mobile (il se déplace de commune en "
	    "commune et a une tournée)", e->mobile, NULL);
	if (id != 0)	/* a new EPN is active */
		form_checkbox(f, "actif", "Actif (affiché sur la page publique)",
		    e->active, "Décochez pour retirer l'EPN de la page "
		    "publique sans effacer son historique.");
	form_end(w, id == 0 ? "Inscrire l'EPN" : "Enregistrer les "
	    "modifications");
}
