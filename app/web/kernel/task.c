/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * CPU-heavy work in kore tasks, so that a sign-in under load never stalls the
 * other requests of a worker. The task thread reads its input from the
 * channel and writes one answer; the dispatcher hands it to the handler.
 */

#include <string.h>

#include <openssl/crypto.h>

#include "../../core/password.h"
#include "../../core/settings.h"
#include "web.h"

#define TASK_IN_MAX	1024

static int	hash_task(struct kore_task *);
static int	verify_task(struct kore_task *);

int
web_task_start(struct web_req *w, int (*fn)(struct kore_task *),
    const void *in, size_t len)
{
	if (w->task_live || len > TASK_IN_MAX)
		fatal("web_task_start: busy or input too large");
	kore_task_create(&w->task, fn);
	kore_task_bind_request(&w->task, w->req);
	w->task_live = 1;
	kore_task_run(&w->task);
	kore_task_channel_write(&w->task, (void *)in, (u_int32_t)len);
	return (WEB_TASK);
}

int
web_password_hash(struct web_req *w, const char *pw)
{
	size_t	len = strlen(pw);
	int	r;

	if (len >= TASK_IN_MAX)
		len = TASK_IN_MAX - 1;
	w->task_in = kore_malloc(len + 1);
	memcpy(w->task_in, pw, len);
	w->task_in[len] = '\0';
	w->task_in_len = len + 1;
	r = web_task_start(w, hash_task, w->task_in, w->task_in_len);
	return (r);
}

/* stored may be "" (unknown account): the work is done all the same. */
int
web_password_verify(struct web_req *w, const char *pw, const char *stored)
{
	size_t	lp = strlen(pw), ls = strlen(stored);

	if (lp + ls + 2 > TASK_IN_MAX)
		lp = ls = 0;
	w->task_in = kore_malloc(lp + ls + 2);
	memcpy(w->task_in, pw, lp);
	w->task_in[lp] = '\0';
	memcpy(w->task_in + lp + 1, stored, ls);
	w->task_in[lp + 1 + ls] = '\0';
	w->task_in_len = lp + ls + 2;
	return (web_task_start(w, verify_task, w->task_in, w->task_in_len));
}

static int
cost(void)
{
	return ((int)settings_int(SET_PASSWORD_SCRYPT_LN));
}

static int
hash_task(struct kore_task *t)
{
	char		in[TASK_IN_MAX + 1], out[PASSWORD_HASH_MAX];
	u_int32_t	len;

	len = kore_task_channel_read(t, in, TASK_IN_MAX);
	in[len < TASK_IN_MAX ? len : TASK_IN_MAX] = '\0';
	if (password_hash(in, cost(), out) == -1)
		out[0] = '\0';
	OPENSSL_cleanse(in, sizeof(in));
	kore_task_channel_write(t, out, strlen(out) + 1);
	return (KORE_RESULT_OK);
}

/*
 * A dummy hash keeps an unknown account as slow as a known one, so timing
 * does not tell which e-mail addresses have an account.
 */
static const char dummy[] =
    "$scrypt$ln=15,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

static int
verify_task(struct kore_task *t)
{
	char		 in[TASK_IN_MAX + 1];
	const char	*pw, *stored;
	u_int32_t	 len;
	int		 ok;

	len = kore_task_channel_read(t, in, TASK_IN_MAX);
	in[len < TASK_IN_MAX ? len : TASK_IN_MAX] = '\0';
	pw = in;
	stored = in + strlen(in) + 1;
	if ((size_t)(stored - in) >= len || *stored == '\0') {
		(void)password_verify(pw, dummy);
		ok = 0;
	} else
		ok = password_verify(pw, stored);
	OPENSSL_cleanse(in, sizeof(in));
	kore_task_channel_write(t, ok ? "1" : "0", 2);
	return (KORE_RESULT_OK);
}
