/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Forms' idempotency keys (issue 14). Every form gets a random key in its
 * hidden field "envoi" (written with its CSRF token, so no form lacks
 * one). The dispatcher looks the key up with the session; a POST whose
 * key already succeeded is sent where the first one went, without
 * running its handler again; otherwise the handler's queries run in one
 * transaction and a 303 is recorded in it (query.c, migration 0160).
 */

#ifndef AGORA_WEB_IDEM_H
#define AGORA_WEB_IDEM_H

#include "web.h"

/* Writes the hidden field with a fresh key. */
void	idem_field(struct web_req *);
/*
 * For a POST carrying a well-formed key: sets w->idem (the hash of the
 * key, the path and the fields but the CSRF token) and queues the lookup
 * of its earlier outcome. Returns 1 when a lookup was queued.
 */
int	idem_begin(struct web_req *);
/* 1 when the lookup found an earlier outcome; then answers it (303). */
int	idem_replay(struct web_req *);

#endif
