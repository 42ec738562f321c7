/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora codes: the answers of the SQL functions as the C side knows them,
 * one line per code: table, code, HTTP status (or "-" for a vocabulary
 * entry), French message or label (tab-separated). The refusal tables of
 * app/core/refusal.c, then the people's answers of app/core/vocab.h
 * (account_link_use, user_delete and user_purge, user_role_set: every
 * answer, successes included). test_refusal_codes.py compares them with
 * the codes the files of migrations/functions/ can return.
 */

#include <stdio.h>

#include "../core/refusal.h"
#include "../core/vocab.h"
#include "cli.h"

static void
print_vocab(const char *name, const struct vocab *t, int n)
{
	int	i;

	for (i = 0; i < n; i++)
		printf("%s\t%s\t-\t%s\n", name, t[i].code, t[i].label);
}

int
cmd_codes(int argc, char **argv)
{
	const struct refusal	*r;
	size_t			 i, j;

	if (argc > 1) {
		fprintf(stderr, "usage: agora codes\n");
		return (2);
	}
	for (i = 0; i < refusal_ntables; i++) {
		for (j = 0; j < *refusal_tables[i].n; j++) {
			r = &refusal_tables[i].rows[j];
			printf("%s\t%s\t%d\t%s\n", refusal_tables[i].name,
			    r->code, r->status, r->msg ? r->msg : "");
		}
	}
	print_vocab("link", vocab_link, LINK__MAX);
	print_vocab("erasure", vocab_erasure, ERASE__MAX);
	print_vocab("role_change", vocab_role_change, RC__MAX);
	print_vocab("mediator_set", vocab_mediator_set, MS__MAX);
	return (0);
}
