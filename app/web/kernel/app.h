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
	/*
	 * The public half of the key that signs the moderation log's heads
	 * (setting log_signing_key), published at
	 * /export/journal-moderation/cle-publique.pem. The private half is
	 * never kept: agora sign-log signs, kore only publishes.
	 */
	char		log_key_pem[512];	/* PEM */
	char		log_key_fpr[65];	/* SHA-256 of its DER, hex */
};

extern struct app_config	app;

#endif
