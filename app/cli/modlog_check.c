/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/signkey.h"
#include "../db/moderation.h"
#include "../db/modlog_read.h"
#include "cli.h"
#include "modlog_check.h"

/* The state of one run. */
struct run {
	struct modlog_check		*c;
	struct modlog_check_head	*heads;
	size_t				 nheads, next; /* next: not yet passed */
	long long			 signed_max;	/* latest passed head */
	char				 prev[65];
	long long			 prev_id;
	long long			 file_last;	/* -1: no file head */
};

static void __attribute__((format(printf, 2, 3)))
broken(struct modlog_check *c, const char *fmt, ...)
{
	va_list	ap;

	if (c->broken[0] != '\0')
		return;
	va_start(ap, fmt);
	vsnprintf(c->broken, sizeof(c->broken), fmt, ap);
	va_end(ap);
}

static int
by_last_id(const void *a, const void *b)
{
	const struct modlog_check_head	*x = a, *y = b;

	return (x->h.last_id < y->h.last_id ? -1 :
	    x->h.last_id > y->h.last_id);
}

static void
add_head(struct run *r, const struct modlog_head *h, const char *label)
{
	struct modlog_check_head	*x;

	if ((r->heads = realloc(r->heads, (r->nheads + 1) *
	    sizeof(*r->heads))) == NULL) {
		fprintf(stderr, "agora: out of memory\n");
		exit(1);
	}
	x = &r->heads[r->nheads++];
	memset(x, 0, sizeof(*x));
	x->h = *h;
	modlog_time_parse(h->signed_at, &x->signed_us);
	snprintf(x->label, sizeof(x->label), "%s (signed %s, %lld rows up to "
	    "row %lld)", label, h->signed_at, h->rows, h->last_id);
}

/* The heads stored in the database, each checked by its signature. */
static void
stored_heads(PGconn *db, struct run *r)
{
	struct modlog_check	*c = r->c;
	struct modlog_head	 h;
	struct db_rows		 res;
	char			 label[64];
	const char		*text;
	int			 i;

	res = cli_query(db, &sql_log_heads);
	for (i = 0; i < db_nrows(&res); i++) {
		text = db_text(&res, i, HEADROW_TEXT);
		snprintf(label, sizeof(label), "signed head n°%lld stored in "
		    "the database", db_int(&res, i, HEADROW_ID));
		if (modlog_head_parse(text, &h) == -1) {
			broken(c, "%s: its signed text is not a head", label);
			continue;
		}
		if (strcmp(h.key, c->key_fpr) != 0) {
			c->stored_other++;
			continue;
		}
		if (!signkey_verify(c->key, text, strlen(text),
		    db_text(&res, i, HEADROW_SIGNATURE))) {
			broken(c, "%s: its signature does not verify (altered, "
			    "or not signed by key %s)", label, c->key_fpr);
			continue;
		}
		c->stored++;
		add_head(r, &h, label);
	}
	PQclear(res.res);
}

/* A head the log has gone past (or the end of the log): is it whole? */
static void
head_passed(struct run *r, struct modlog_check_head *x, int at_end)
{
	struct modlog_check	*c = r->c;

	x->count = c->rows;
	if (x->signed_us > r->signed_max)
		r->signed_max = x->signed_us;
	if (x->h.rows == 0)
		return;
	if (at_end && c->rows < x->h.rows)
		broken(c, "%s: the log has %lld rows, fewer than the %lld it "
		    "had (rows deleted)", x->label, c->rows, x->h.rows);
	else if (x->hash_at[0] == '\0')
		broken(c, "%s: row %lld is missing (rows deleted)", x->label,
		    x->h.last_id);
	else if (strcmp(x->hash_at, x->h.last_hash) != 0)
		broken(c, "%s: row %lld no longer has the signed hash (the log "
		    "was rewritten)", x->label, x->h.last_id);
	else if (x->count != x->h.rows)
		broken(c, "%s: the log now has %lld rows up to row %lld, not "
		    "%lld (rows deleted or inserted before it)", x->label,
		    x->count, x->h.last_id, x->h.rows);
}

/* With the server's secret: the pseudonym and the note of a form-2 row. */
static void
check_secrets(struct modlog_check *c, const struct modlog_row *w)
{
	char	ref[13], mac[65];

	if ((w->moderator_id == 0) != (w->moderator_ref == NULL))
		broken(c, "moderation_log row %lld: its moderator and its "
		    "pseudonym do not go together", w->id);
	else if (w->moderator_ref != NULL) {
		modlog_pseudonym(c->secret, c->secretlen, w->moderator_id, ref);
		if (strcmp(ref, w->moderator_ref) != 0)
			broken(c, "moderation_log row %lld: its moderator "
			    "pseudonym does not match its moderator (written "
			    "without the server's secret)", w->id);
		c->pseudonyms++;
	}
	if (w->kept_note != NULL && w->note_mac == NULL)
		broken(c, "moderation_log row %lld: a note without a commitment "
		    "in the chain", w->id);
	else if (w->kept_note != NULL) {
		modlog_note_mac(c->secret, c->secretlen, w->kept_note, mac);
		if (strcmp(mac, w->note_mac) != 0)
			broken(c, "moderation_log row %lld: its note does not "
			    "match the commitment in the chain (altered)", w->id);
		c->notes++;
	} else if (w->note_mac != NULL)
		c->notes_erased++;
}

static void
check_row(struct run *r, const struct modlog_row *w)
{
	struct modlog_check	*c = r->c;
	char			*text, calc[65], t[MODLOG_TIME_MAX];
	char			 s[MODLOG_TIME_MAX];
	size_t			 k;

	while (r->next < r->nheads && r->heads[r->next].h.last_id < w->id)
		head_passed(r, &r->heads[r->next++], 0);
	for (k = r->next; k < r->nheads && r->heads[k].h.last_id == w->id; k++)
		memcpy(r->heads[k].hash_at, w->hash, strnlen(w->hash, 64));
	if (w->id <= r->prev_id || w->form < 1 || w->form > 3)
		broken(c, "moderation_log row %lld: out of order or of an "
		    "unknown form", w->id);
	if (strcmp(w->prev_hash, r->prev) != 0)
		broken(c, "moderation_log row %lld: prev_hash does not match the "
		    "hash of the row before", w->id);
	if (w->form == 1 && w->note == NULL && w->note_erased)
		c->v1_erased++;		/* its hash covered the erased note */
	else if (w->form >= 2 && w->note != NULL)
		broken(c, "moderation_log row %lld: a note inside a form-%d "
		    "row, outside its hash", w->id, w->form);
	else {
		if ((text = modlog_canonical(w)) == NULL) {
			fprintf(stderr, "agora: out of memory\n");
			exit(1);
		}
		modlog_sha256_hex(text, strlen(text), calc);
		free(text);
		if (strcmp(calc, w->hash) != 0)
			broken(c, "moderation_log row %lld: its content does not "
			    "match its hash (altered)", w->id);
	}
	if (w->form >= 2 && c->secret != NULL)
		check_secrets(c, w);
	if (r->signed_max > 0 && w->at < r->signed_max - MODLOG_HEAD_SLACK_US) {
		modlog_time(w->at, t);
		modlog_time(r->signed_max, s);
		broken(c, "moderation_log row %lld: dated %s, before a head "
		    "signed %s that does not contain it (written afterwards, "
		    "with an earlier date)", w->id, t, s);
	}
	if (w->form == 1)
		c->form1++;
	else if (w->form == 2)
		c->form2++;
	else
		c->form3++;
	if (r->file_last >= 0 && w->id > r->file_last) {
		if (c->after++ == 0)
			c->after_first = w->id;
		c->after_last = w->id;
	}
	c->rows++;
	snprintf(r->prev, sizeof(r->prev), "%s", w->hash);
	r->prev_id = w->id;
}

static void
rows(PGconn *db, struct run *r)
{
	struct modlog_row	 w;
	PGresult		*res;
	int			 i, n;

	PQclear(cli_query(db, &sql_log_rows_open).res);
	do {
		/* The simple protocol, for binary rows (moderation.h). */
		res = PQexec(db, sql_log_rows_fetch);
		if (PQresultStatus(res) != PGRES_TUPLES_OK) {
			fprintf(stderr, "agora: %s", PQresultErrorMessage(res));
			exit(1);
		}
		n = PQntuples(res);
		if (n > 0 && modlog_rows_check(res) == -1) {
			fprintf(stderr, "agora: moderation_log: unexpected "
			    "columns\n");
			exit(1);
		}
		for (i = 0; i < n; i++) {
			if (modlog_row_read(res, i, &w) == -1) {
				broken(r->c, "moderation_log: a row after row "
				    "%lld cannot be read", r->prev_id);
				continue;
			}
			check_row(r, &w);
		}
		PQclear(res);
	} while (n > 0);
	PQclear(cli_query(db, &sql_log_rows_close).res);
}

int
modlog_check_run(PGconn *db, struct modlog_check *c)
{
	struct run	r;

	memset(&r, 0, sizeof(r));
	r.c = c;
	r.file_last = c->file_head != NULL ? c->file_head->last_id : -1;
	c->after = c->after_first = c->after_last = 0;
	memcpy(r.prev, MODLOG_ZERO_HASH, sizeof(r.prev));
	c->broken[0] = '\0';
	PQclear(cli_exec(db, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
	    0, NULL));
	if (c->file_head != NULL)
		add_head(&r, c->file_head, c->file_label);
	if (c->key != NULL)
		stored_heads(db, &r);
	qsort(r.heads, r.nheads, sizeof(*r.heads), by_last_id);
	rows(db, &r);
	PQclear(cli_exec(db, "COMMIT", 0, NULL));
	while (r.next < r.nheads)
		head_passed(&r, &r.heads[r.next++], 1);
	c->last_id = r.prev_id;
	snprintf(c->last_hash, sizeof(c->last_hash), "%s", r.prev);
	free(r.heads);
	return (c->broken[0] != '\0');
}
