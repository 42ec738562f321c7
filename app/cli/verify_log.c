/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora verify-log [--head FILE] [--key PUBLIC.pem]: checks the moderation
 * log (modlog_check.c): every row's hash recomputed in C from its raw
 * columns, the chain, the signed heads stored in the database, and with
 * --head a head saved at any earlier time from
 * /export/journal-moderation/tete.json: its signature, then that the log
 * still contains it. The public key: --key (the file published at
 * /export/journal-moderation/cle-publique.pem), else the one of the
 * server's signing key (setting log_signing_key). Prints "OK: N rows, hash
 * chain intact" and what was checked, exit 0; or "BROKEN: " and the first
 * row or head that no longer matches, exit 1; exit 2 when it cannot check.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/settings.h"
#include "../core/signkey.h"
#include "cli.h"
#include "modlog_check.h"

#define HEAD_FILE_MAX	65536

/* The key to check signatures with, or NULL (then says why on stderr). */
static EVP_PKEY *
public_key(const char *path, int needed)
{
	EVP_PKEY	*k, *pub;
	char		 err[512];

	if (path != NULL) {
		if ((k = signkey_load(path, 0, err, sizeof(err))) == NULL)
			fprintf(stderr, "agora verify-log: %s\n", err);
		return (k);
	}
	if ((k = signkey_load(settings_text(SET_LOG_SIGNING_KEY), 1, err,
	    sizeof(err))) == NULL) {
		if (needed)
			fprintf(stderr, "agora verify-log: %s (give the public "
			    "key with --key)\n", err);
		return (NULL);
	}
	pub = signkey_public(k);
	EVP_PKEY_free(k);
	return (pub);
}

/*
 * The readable copies of a head's values in tete.json, when present, say
 * what its signed text says (only the signed text is trusted).
 */
static int
fields_match(const char *json, const struct modlog_head *h)
{
	static const char	*keys[] = { "derniere_empreinte", "signe_le",
				    "cle_empreinte_sha256" };
	const char		*want[3];
	char			*v;
	int			 i, ok = 1;

	want[0] = h->last_hash;
	want[1] = h->signed_at;
	want[2] = h->key;
	for (i = 0; i < 3; i++) {
		if ((v = modlog_json_string(json, keys[i])) != NULL &&
		    strcmp(v, want[i]) != 0)
			ok = 0;
		free(v);
	}
	return (ok);
}

/*
 * Reads a saved head: 0, 1 when it does not hold (message printed), 2 when
 * the file is unreadable or not a head.
 */
static int
read_head(const char *path, EVP_PKEY *key, const char *fpr,
    struct modlog_head *h)
{
	FILE	*f;
	char	*buf, *text = NULL, *sig = NULL;
	size_t	 n;
	int	 rc = 2;

	if ((f = fopen(path, "r")) == NULL) {
		perror(path);
		return (2);
	}
	if ((buf = malloc(HEAD_FILE_MAX + 1)) == NULL)
		exit(1);
	n = fread(buf, 1, HEAD_FILE_MAX + 1, f);
	fclose(f);
	buf[n > HEAD_FILE_MAX ? HEAD_FILE_MAX : n] = '\0';
	if (n > HEAD_FILE_MAX ||
	    (text = modlog_json_string(buf, "texte_signe")) == NULL ||
	    (sig = modlog_json_string(buf, "signature_ed25519")) == NULL)
		fprintf(stderr, "agora verify-log: %s is not a signed head "
		    "(tete.json)\n", path);
	else if (modlog_head_parse(text, h) == -1) {
		printf("BROKEN: head %s: its signed text is not a head\n", path);
		rc = 1;
	} else if (!fields_match(buf, h)) {
		printf("BROKEN: head %s: its fields say another head than its "
		    "signed text\n", path);
		rc = 1;
	} else if (strcmp(h->key, fpr) != 0) {
		printf("BROKEN: head %s: signed by the key %s, not by this key "
		    "(%s)\n", path, h->key, fpr);
		rc = 1;
	} else if (!signkey_verify(key, text, strlen(text), sig)) {
		printf("BROKEN: head %s: its signature does not verify (altered, "
		    "or not signed by the key %s)\n", path, fpr);
		rc = 1;
	} else
		rc = 0;
	free(text);
	free(sig);
	free(buf);
	return (rc);
}

static void
report(const struct modlog_check *c, const char *head)
{
	printf("OK: %lld rows, hash chain intact\n", c->rows);
	printf("recomputed in C: %lld row(s) of form 1, %lld of form 2, "
	    "%lld of form 3 (public acts)\n", c->form1, c->form2, c->form3);
	if (c->v1_erased > 0)
		printf("%lld form-1 row(s) with an erased note: checked by their "
		    "links only\n", c->v1_erased);
	if (c->secret != NULL)
		printf("checked with the server's secret: %lld moderator "
		    "pseudonym(s), %lld note(s) against their commitment, "
		    "%lld erased\n", c->pseudonyms, c->notes, c->notes_erased);
	else
		printf("moderator pseudonyms and notes not checked (no server "
		    "secret)\n");
	if (c->key != NULL)
		printf("%lld signed head(s) stored in the database, all in the "
		    "log%s\n", c->stored, c->stored_other > 0 ?
		    " (others, signed by another key, not checked)" : "");
	else
		printf("signed heads not checked (no public key: --key FILE, "
		    "or the setting log_signing_key)\n");
	if (head == NULL)
		return;
	printf("OK: contains the head signed %s (%lld rows up to row %lld)\n",
	    c->file_head->signed_at, c->file_head->rows,
	    c->file_head->last_id);
	if (c->after > 0)
		printf("%lld row(s) after that head, not covered by it: rows "
		    "%lld to %lld\n", c->after, c->after_first, c->after_last);
}

int
cmd_verify_log(int argc, char **argv)
{
	struct modlog_check	 c;
	struct modlog_head	 h;
	PGconn			*db;
	EVP_PKEY		*key;
	unsigned char		 secret[64];
	const char		*head = NULL, *keyfile = NULL;
	char			 fpr[65], label[600];
	ssize_t			 n;
	int			 i, rc;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--head") == 0 && i + 1 < argc)
			head = argv[++i];
		else if (strcmp(argv[i], "--key") == 0 && i + 1 < argc)
			keyfile = argv[++i];
		else {
			fprintf(stderr, "usage: agora verify-log [--head FILE] "
			    "[--key PUBLIC.pem]\n");
			return (2);
		}
	}
	memset(&c, 0, sizeof(c));
	if ((key = public_key(keyfile, head != NULL)) == NULL &&
	    (head != NULL || keyfile != NULL))
		return (2);
	if (key != NULL && signkey_fingerprint(key, fpr) == 0) {
		c.key = key;
		c.key_fpr = fpr;
	}
	if (head != NULL) {
		if ((rc = read_head(head, key, fpr, &h)) != 0) {
			EVP_PKEY_free(key);
			return (rc);
		}
		snprintf(label, sizeof(label), "head %s", head);
		c.file_head = &h;
		c.file_label = label;
	}
	if ((n = cli_secret(secret, sizeof(secret))) > 0) {
		c.secret = secret;
		c.secretlen = (size_t)n;
	}
	db = cli_connect();
	rc = modlog_check_run(db, &c);
	PQfinish(db);
	if (rc != 0)
		printf("BROKEN: %s\n", c.broken);
	else
		report(&c, head);
	OPENSSL_cleanse(secret, sizeof(secret));
	EVP_PKEY_free(key);
	return (rc != 0);
}
