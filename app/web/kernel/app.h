/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Settings the module reads once, in the parent, before workers fork. */

#ifndef AGORA_WEB_APP_H
#define AGORA_WEB_APP_H

#include <stddef.h>

struct app_config {
	unsigned char	secret[64];	/* HMAC key: CSRF, pseudonyms */
	size_t		secret_len;
	int		cookie_secure;	/* add Secure: served over HTTPS */
	char		idle_minutes[16];	/* session idle expiry */
	char		absolute_minutes[16];	/* session absolute expiry */
	char		base_url[256];	/* e.g. https://consultation... */
};

extern struct app_config	app;

#endif
