/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <string.h>

#include "../../core/token.h"
#include "../../db/idem.h"
#include "idem.h"
#include "query.h"

#define IDEM_FIELD	"envoi"

void
idem_field(struct web_req *w)
{
	char	key[TOKEN_LEN + 1];

	if (token_random(key) == -1)
		fatal("idem_field: no randomness");
	html_raw(H, "<input type=\"hidden\" name=\"" IDEM_FIELD "\" value=\"");
	html_text(H, key);
	html_raw(H, "\">");
}

/*
 * The hash covers the key, the path and every field in the order kore
 * read them, each as name, length and value (no value can be mistaken
 * for another), but not the CSRF token: a form's key sent again with
 * other values (another choice in a vote form kept on the page by
 * agora.js) is another submission.
 */
int
idem_begin(struct web_req *w)
{
	struct kore_buf	 b;
	struct http_arg	*a;
	const char	*key;

	w->idem[0] = '\0';
	if (w->req->method != HTTP_METHOD_POST ||
	    (key = web_arg(w, IDEM_FIELD)) == NULL || !token_well_formed(key))
		return (0);
	kore_buf_init(&b, 512);
	kore_buf_appendf(&b, "%s\n%s\n", key, w->req->path);
	TAILQ_FOREACH(a, &w->req->arguments, list) {
		if (a->s_value == NULL || strcmp(a->name, "csrf") == 0 ||
		    strcmp(a->name, IDEM_FIELD) == 0)
			continue;
		kore_buf_appendf(&b, "%s=%zu:", a->name, strlen(a->s_value));
		kore_buf_append(&b, a->s_value, strlen(a->s_value));
		kore_buf_append(&b, "\n", 1);
	}
	token_hash_hex(kore_buf_stringify(&b, NULL), w->idem);
	kore_buf_cleanup(&b);
	queries_idem_lookup(w);
	return (1);
}

int
idem_replay(struct web_req *w)
{
	struct db_rows	*r = queries_idem_rows(w);

	if (w->idem[0] == '\0' || db_nrows(r) != 1)
		return (0);
	kore_log(LOG_NOTICE, "POST %.200s: sent again, answered as the first "
	    "time", w->req->path);
	w->tx = 0;
	web_redirect(w, db_text(r, 0, IDEM_LOCATION));
	return (1);
}
