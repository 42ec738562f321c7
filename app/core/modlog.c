/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include "modlog.h"

/* Seconds from 1970-01-01 to 2000-01-01, PostgreSQL's epoch. */
#define PG_EPOCH	946684800LL

static const char	hexdigits[] = "0123456789abcdef";

static void
hex(const unsigned char *b, size_t n, char *out)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		out[2 * i] = hexdigits[b[i] >> 4];
		out[2 * i + 1] = hexdigits[b[i] & 0x0f];
	}
	out[2 * n] = '\0';
}

void
modlog_time(long long t, char out[MODLOG_TIME_MAX])
{
	long long	secs, us;
	time_t		unix_secs;
	struct tm	tm;

	secs = t / 1000000;
	us = t % 1000000;
	if (us < 0) {
		us += 1000000;
		secs--;
	}
	unix_secs = (time_t)(secs + PG_EPOCH);
	gmtime_r(&unix_secs, &tm);
	snprintf(out, MODLOG_TIME_MAX, "%04d-%02d-%02dT%02d:%02d:%02d.%06lldZ",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, us);
}

int
modlog_time_parse(const char *s, long long *t)
{
	struct tm	tm, out;
	char		back[21];
	time_t		u;

	memset(&tm, 0, sizeof(tm));
	if (strlen(s) != 20 || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ",
	    &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
	    &tm.tm_sec) != 6)
		return (-1);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	if ((u = timegm(&tm)) == (time_t)-1)
		return (-1);
	/* Only the one spelling (no 25:61, no missing zero). */
	if (gmtime_r(&u, &out) == NULL ||
	    strftime(back, sizeof(back), "%Y-%m-%dT%H:%M:%SZ", &out) == 0)
		return (-1);
	if (strcmp(back, s) != 0)
		return (-1);
	*t = ((long long)u - PG_EPOCH) * 1000000;
	return (0);
}

/* A growing string. On out of memory, s becomes NULL and stays so. */
struct sbuf {
	char	*s;
	size_t	 len, cap;
};

static void
sb_add(struct sbuf *b, const char *p, size_t n)
{
	char	*q;

	if (b->s == NULL)
		return;
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		if ((q = realloc(b->s, b->cap)) == NULL) {
			free(b->s);
			b->s = NULL;
			return;
		}
		b->s = q;
	}
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
sb_str(struct sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

static void
sb_id(struct sbuf *b, long long v)
{
	char	num[24];

	snprintf(num, sizeof(num), "%lld", v);
	sb_str(b, num);
}

/*
 * PostgreSQL's quote_nullable(text): NULL, or the text between single
 * quotes with each quote doubled; with a backslash in it, each backslash
 * doubled too and an E before the opening quote (quote_literal()).
 */
static void
sb_quote_nullable(struct sbuf *b, const char *s)
{
	const char	*p;

	if (s == NULL) {
		sb_str(b, "NULL");
		return;
	}
	if (strchr(s, '\\') != NULL)
		sb_str(b, "E");
	sb_str(b, "'");
	for (p = s; *p != '\0'; p++) {
		if (*p == '\'' || *p == '\\')
			sb_add(b, p, 1);
		sb_add(b, p, 1);
	}
	sb_str(b, "'");
}

static void
sb_quote_id(struct sbuf *b, long long v)
{
	char	num[24];

	if (v == 0) {
		sb_str(b, "NULL");
		return;
	}
	snprintf(num, sizeof(num), "%lld", v);
	sb_quote_nullable(b, num);
}

static void
canonical_v1(struct sbuf *b, const struct modlog_row *r)
{
	char	t[MODLOG_TIME_MAX];

	sb_id(b, r->id);
	modlog_time(r->at, t);
	sb_str(b, "|");
	sb_str(b, t);
	sb_str(b, "|");
	sb_quote_id(b, r->moderator_id);
	sb_str(b, "|");
	sb_quote_id(b, r->contribution_id);
	sb_str(b, "|");
	sb_quote_id(b, r->consultation_id);
	sb_str(b, "|");
	sb_quote_nullable(b, r->action);
	sb_str(b, "|");
	sb_quote_nullable(b, r->from_status);
	sb_str(b, "|");
	sb_quote_nullable(b, r->to_status);
	sb_str(b, "|");
	sb_quote_nullable(b, r->rule_code);
	sb_str(b, "|");
	sb_quote_nullable(b, r->note);
	sb_str(b, "|");
	if (r->queued) {
		modlog_time(r->queued_at, t);
		sb_quote_nullable(b, t);
	} else
		sb_str(b, "NULL");
	sb_str(b, "|");
	sb_str(b, r->prev_hash);
}

/* "|" then v, or "|" alone for a missing value. */
static void
field(struct sbuf *b, const char *v)
{
	sb_str(b, "|");
	if (v != NULL)
		sb_str(b, v);
}

static void
field_id(struct sbuf *b, long long v)
{
	sb_str(b, "|");
	if (v != 0)
		sb_id(b, v);
}

/* Forms 2 and 3 (which adds the subject and the text's hash). */
static void
canonical_v2(struct sbuf *b, const struct modlog_row *r)
{
	char	t[MODLOG_TIME_MAX];

	sb_str(b, r->form == 3 ? "3" : "2");
	field_id(b, r->id);
	modlog_time(r->at, t);
	field(b, t);
	field(b, r->moderator_ref);
	field_id(b, r->contribution_id);
	field_id(b, r->consultation_id);
	field(b, r->action);
	field(b, r->from_status);
	field(b, r->to_status);
	field(b, r->rule_code);
	field(b, r->note_mac);
	if (r->queued)
		modlog_time(r->queued_at, t);
	field(b, r->queued ? t : NULL);
	if (r->form == 3) {
		field(b, r->subject);
		field(b, r->text_hash);
	}
	field(b, r->prev_hash);
}

char *
modlog_canonical(const struct modlog_row *r)
{
	struct sbuf	b;

	if ((b.s = malloc(256)) == NULL)
		return (NULL);
	b.s[0] = '\0';
	b.len = 0;
	b.cap = 256;
	if (r->form == 1)
		canonical_v1(&b, r);
	else
		canonical_v2(&b, r);
	return (b.s);
}

void
modlog_sha256_hex(const void *p, size_t n, char out[65])
{
	unsigned char	md[SHA256_DIGEST_LENGTH];

	SHA256(p, n, md);
	hex(md, sizeof(md), out);
}

/* HMAC-SHA256(key, prefix || msg); len 0 when out of memory. */
static void
hmac_hex(const unsigned char *key, size_t keylen, const char *prefix,
    const char *msg, unsigned char mac[EVP_MAX_MD_SIZE], unsigned int *len)
{
	size_t	 pl = strlen(prefix), ml = strlen(msg);
	char	*buf;

	*len = 0;
	memset(mac, 0, EVP_MAX_MD_SIZE);
	if ((buf = malloc(pl + ml + 1)) == NULL)
		return;
	memcpy(buf, prefix, pl);
	memcpy(buf + pl, msg, ml);
	HMAC(EVP_sha256(), key, (int)keylen, (const unsigned char *)buf,
	    pl + ml, mac, len);
	free(buf);
}

void
modlog_pseudonym(const unsigned char *key, size_t keylen, long long id,
    char out[13])
{
	unsigned char	mac[EVP_MAX_MD_SIZE];
	unsigned int	len;
	char		num[24];

	snprintf(num, sizeof(num), "%lld", id);
	hmac_hex(key, keylen, "moderator:", num, mac, &len);
	hex(mac, 6, out);
}

void
modlog_note_mac(const unsigned char *key, size_t keylen, const char *note,
    char out[65])
{
	unsigned char	mac[EVP_MAX_MD_SIZE];
	unsigned int	len;

	hmac_hex(key, keylen, "moderation-note:", note, mac, &len);
	hex(mac, 32, out);
}

int
modlog_head_text(const struct modlog_head *h, char *out, size_t cap)
{
	int	n;

	n = snprintf(out, cap, "%s\nlignes=%lld\ndernier_id=%lld\n"
	    "derniere_empreinte=%s\nsigne_le=%s\ncle=%s\n", MODLOG_HEAD_FORMAT,
	    h->rows, h->last_id, h->last_hash, h->signed_at, h->key);
	return (n < 0 || (size_t)n >= cap ? -1 : n);
}

static int
is_hex64(const char *s)
{
	size_t	i;

	for (i = 0; i < 64; i++)
		if (strchr(hexdigits, s[i]) == NULL || s[i] == '\0')
			return (0);
	return (s[64] == '\0');
}

int
modlog_head_parse(const char *text, struct modlog_head *h)
{
	char		 back[512];
	long long	 t;

	memset(h, 0, sizeof(*h));
	if (strlen(text) >= sizeof(back) || sscanf(text,
	    MODLOG_HEAD_FORMAT "\nlignes=%lld\ndernier_id=%lld\n"
	    "derniere_empreinte=%64[0-9a-f]\nsigne_le=%20[0-9TZ:-]\n"
	    "cle=%64[0-9a-f]\n", &h->rows, &h->last_id, h->last_hash,
	    h->signed_at, h->key) != 5)
		return (-1);
	if (h->rows < 0 || h->last_id < 0 || !is_hex64(h->last_hash) ||
	    !is_hex64(h->key) || modlog_time_parse(h->signed_at, &t) == -1)
		return (-1);
	/* Exactly the text this head gives, nothing more or less. */
	if (modlog_head_text(h, back, sizeof(back)) == -1 ||
	    strcmp(back, text) != 0)
		return (-1);
	return (0);
}

static void
json_field(struct html_out *o, const char *name, const char *value,
    int last)
{
	html_raw(o, "  ");
	html_json_string(o, name);
	html_raw(o, ": ");
	html_json_string(o, value);
	html_raw(o, last ? "\n" : ",\n");
}

void
modlog_head_json(struct html_out *o, const struct modlog_head *h,
    const char *text, const char *signature)
{
	html_raw(o, "{\n");
	json_field(o, "format", MODLOG_HEAD_FORMAT, 0);
	html_rawf(o, "  \"lignes\": %lld,\n  \"dernier_id\": %lld,\n",
	    h->rows, h->last_id);
	json_field(o, "derniere_empreinte", h->last_hash, 0);
	json_field(o, "signe_le", h->signed_at, 0);
	json_field(o, "cle_empreinte_sha256", h->key, 0);
	json_field(o, "cle_url", "/export/journal-moderation/cle-publique.pem",
	    0);
	json_field(o, "journal_url", "/export/journal-moderation.json", 0);
	json_field(o, "texte_signe", text, 0);
	json_field(o, "signature_ed25519", signature, 1);
	html_raw(o, "}\n");
}

/* JSON reading: just enough for a head saved by anyone. */
static const char *
ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return (p);
}

static int
hexval(const char *p, unsigned int *v)
{
	int	i;

	*v = 0;
	for (i = 0; i < 4; i++) {
		if (p[i] >= '0' && p[i] <= '9')
			*v = *v * 16 + (unsigned int)(p[i] - '0');
		else if (p[i] >= 'a' && p[i] <= 'f')
			*v = *v * 16 + (unsigned int)(p[i] - 'a' + 10);
		else if (p[i] >= 'A' && p[i] <= 'F')
			*v = *v * 16 + (unsigned int)(p[i] - 'A' + 10);
		else
			return (-1);
	}
	return (0);
}

static void
utf8(struct sbuf *b, unsigned int c)
{
	char	u[4];
	size_t	n;

	if (c < 0x80) {
		u[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		u[0] = (char)(0xc0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3f));
		n = 2;
	} else if (c < 0x10000) {
		u[0] = (char)(0xe0 | (c >> 12));
		u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[2] = (char)(0x80 | (c & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | (c >> 18));
		u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[3] = (char)(0x80 | (c & 0x3f));
		n = 4;
	}
	sb_add(b, u, n);
}

/*
 * Reads the string starting at p (its opening quote). Returns what follows
 * it, or NULL; the unescaped text goes to b when b is not NULL.
 */
static const char *
json_str(const char *p, struct sbuf *b)
{
	static const char	 from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char		*e;
	unsigned int		 c, lo;

	if (*p++ != '"')
		return (NULL);
	while (*p != '"') {
		if ((unsigned char)*p < 0x20)
			return (NULL);
		if (*p != '\\') {
			if (b != NULL)
				sb_add(b, p, 1);
			p++;
			continue;
		}
		p++;
		if (*p == 'u') {
			if (hexval(p + 1, &c) == -1)
				return (NULL);
			p += 5;
			if (c >= 0xd800 && c < 0xdc00) {
				if (p[0] != '\\' || p[1] != 'u' ||
				    hexval(p + 2, &lo) == -1 || lo < 0xdc00 ||
				    lo > 0xdfff)
					return (NULL);
				c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
				p += 6;
			} else if (c >= 0xdc00 && c < 0xe000)
				return (NULL);
			if (b != NULL)
				utf8(b, c);
			continue;
		}
		if (*p == '\0' || (e = strchr(from, *p)) == NULL)
			return (NULL);
		if (b != NULL)
			sb_add(b, to + (e - from), 1);
		p++;
	}
	return (p + 1);
}

/* Skips one value (nested up to a small depth). NULL when malformed. */
static const char *
json_skip(const char *p, int depth)
{
	char	close;

	p = ws(p);
	if (*p == '"')
		return (json_str(p, NULL));
	if (*p == '{' || *p == '[') {
		if (depth > 16)
			return (NULL);
		close = *p == '{' ? '}' : ']';
		p = ws(p + 1);
		if (*p == close)
			return (p + 1);
		for (;;) {
			if (close == '}') {
				if ((p = json_str(ws(p), NULL)) == NULL ||
				    *(p = ws(p)) != ':')
					return (NULL);
				p++;
			}
			if ((p = json_skip(p, depth + 1)) == NULL)
				return (NULL);
			p = ws(p);
			if (*p == close)
				return (p + 1);
			if (*p++ != ',')
				return (NULL);
		}
	}
	if (strchr("-0123456789tfn", *p) == NULL || *p == '\0')
		return (NULL);
	while (*p != '\0' && strchr("+-.0123456789eEtruefalsn", *p) != NULL)
		p++;
	return (p);
}

char *
modlog_json_string(const char *json, const char *key)
{
	struct sbuf	 name, value;
	const char	*p = ws(json);
	char		*found = NULL;

	if (*p++ != '{')
		return (NULL);
	p = ws(p);
	if (*p == '}')
		return (NULL);
	for (;;) {
		name.s = calloc(1, 64);
		name.len = 0;
		name.cap = 64;
		if (name.s == NULL || (p = json_str(ws(p), &name)) == NULL ||
		    *(p = ws(p)) != ':') {
			free(name.s);
			break;
		}
		p = ws(p + 1);
		if (found == NULL && strcmp(name.s, key) == 0 && *p == '"') {
			value.s = calloc(1, 256);
			value.len = 0;
			value.cap = 256;
			if (value.s == NULL ||
			    (p = json_str(p, &value)) == NULL) {
				free(value.s);
				free(name.s);
				break;
			}
			found = value.s;
		} else if ((p = json_skip(p, 0)) == NULL) {
			free(name.s);
			break;
		}
		free(name.s);
		p = ws(p);
		if (*p == '}' && *ws(p + 1) == '\0')
			return (found);
		if (*p++ != ',')
			break;
	}
	free(found);
	return (NULL);
}
