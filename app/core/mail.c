/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mail.h"

#define WORD_BYTES	39	/* UTF-8 bytes per encoded word: 52 base64 */

struct sbuf {
	char	*p;
	size_t	 len, cap;
	int	 failed;
};

static void
sb_add(struct sbuf *b, const char *s, size_t n)
{
	char	*np;
	size_t	 cap;

	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		cap = (b->cap ? b->cap : 256);
		while (cap < b->len + n + 1)
			cap *= 2;
		if ((np = realloc(b->p, cap)) == NULL) {
			b->failed = 1;
			return;
		}
		b->p = np;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
sb_str(struct sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

static char *
sb_done(struct sbuf *b)
{
	if (b->failed || b->p == NULL) {
		free(b->p);
		return (NULL);
	}
	return (b->p);
}

static void
b64(struct sbuf *b, const unsigned char *in, size_t n)
{
	static const char	tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	char			 q[4];
	unsigned int		 v;
	size_t			 i;

	for (i = 0; i < n; i += 3) {
		v = (unsigned)in[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)in[i + 1] << 8;
		if (i + 2 < n)
			v |= in[i + 2];
		q[0] = tab[(v >> 18) & 63];
		q[1] = tab[(v >> 12) & 63];
		q[2] = i + 1 < n ? tab[(v >> 6) & 63] : '=';
		q[3] = i + 2 < n ? tab[v & 63] : '=';
		sb_add(b, q, 4);
	}
}

static int
has_crlf(const char *s)
{
	return (s == NULL || *s == '\0' || strpbrk(s, "\r\n") != NULL);
}

char *
mail_encode_header(const char *value)
{
	struct sbuf		 b = { NULL, 0, 0, 0 };
	const unsigned char	*s = (const unsigned char *)value;
	size_t			 i, n, len = strlen(value);
	int			 ascii = 1;

	for (i = 0; i < len; i++)
		if (s[i] < 0x20 || s[i] >= 0x7f)
			ascii = 0;
	if (ascii) {
		sb_add(&b, value, len);
		if (len == 0)
			sb_add(&b, "", 0);
		return (sb_done(&b));
	}
	for (i = 0; i < len; i += n) {
		n = len - i < WORD_BYTES ? len - i : WORD_BYTES;
		/* Never cut a UTF-8 sequence between two words. */
		while (n > 0 && i + n < len && (s[i + n] & 0xc0) == 0x80)
			n--;
		if (n == 0)
			n = 1;
		if (i > 0)
			sb_str(&b, "\r\n ");
		sb_str(&b, "=?UTF-8?B?");
		b64(&b, s + i, n);
		sb_str(&b, "?=");
	}
	return (sb_done(&b));
}

char *
mail_address(const char *from)
{
	const char	*lt, *gt;

	if ((lt = strchr(from, '<')) != NULL &&
	    (gt = strchr(lt, '>')) != NULL)
		return (strndup(lt + 1, (size_t)(gt - lt - 1)));
	return (strdup(from));
}

void
mail_date(time_t t, char *out, size_t outlen)
{
	static const char	*days[] = { "Sun", "Mon", "Tue", "Wed", "Thu",
	    "Fri", "Sat" };
	static const char	*months[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm		 tm;

	gmtime_r(&t, &tm);
	snprintf(out, outlen, "%s, %02d %s %04d %02d:%02d:%02d +0000",
	    days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

char *
mail_message(const char *from, const char *to, const char *subject,
    const char *body, time_t date, const char *msgid)
{
	return (mail_message_unsub(from, to, subject, body, date, msgid,
	    NULL));
}

char *
mail_message_unsub(const char *from, const char *to, const char *subject,
    const char *body, time_t date, const char *msgid, const char *unsub)
{
	struct sbuf	 b = { NULL, 0, 0, 0 };
	char		 d[64], *subj;
	const char	*p;

	if (has_crlf(from) || has_crlf(to) || has_crlf(subject) ||
	    has_crlf(msgid) || body == NULL ||
	    (unsub != NULL && (has_crlf(unsub) || strchr(unsub, '>'))))
		return (NULL);
	if ((subj = mail_encode_header(subject)) == NULL)
		return (NULL);
	mail_date(date, d, sizeof(d));
	sb_str(&b, "From: ");
	sb_str(&b, from);
	sb_str(&b, "\r\nTo: ");
	sb_str(&b, to);
	sb_str(&b, "\r\nSubject: ");
	sb_str(&b, subj);
	sb_str(&b, "\r\nDate: ");
	sb_str(&b, d);
	sb_str(&b, "\r\nMessage-ID: <");
	sb_str(&b, msgid);
	sb_str(&b, ">\r\n");
	if (unsub != NULL) {
		/* RFC 8058: one POST of this URL unsubscribes, no session. */
		sb_str(&b, "List-Unsubscribe: <");
		sb_str(&b, unsub);
		sb_str(&b, ">\r\nList-Unsubscribe-Post: "
		    "List-Unsubscribe=One-Click\r\n");
	}
	sb_str(&b, "MIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: 8bit\r\n"
	    "Auto-Submitted: auto-generated\r\n\r\n");
	free(subj);
	/* The body with every line ending, whatever it was, as CRLF. */
	for (p = body; *p != '\0'; p++) {
		if (*p == '\r') {
			if (p[1] == '\n')
				p++;
			sb_str(&b, "\r\n");
		} else if (*p == '\n')
			sb_str(&b, "\r\n");
		else
			sb_add(&b, p, 1);
	}
	if (b.len < 2 || memcmp(b.p + b.len - 2, "\r\n", 2) != 0)
		sb_str(&b, "\r\n");
	return (sb_done(&b));
}
