/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Who is asking: the session cookie, its row, CSRF tokens. */

#ifndef AGORA_WEB_SESSION_H
#define AGORA_WEB_SESSION_H

#include "web.h"

#define SESSION_COOKIE	"agora_sid"
#define ANON_COOKIE	"agora_csrf"	/* keys CSRF tokens before sign-in */

int	session_token_valid(const char *);
int	session_query(struct web_req *);
void	session_fill(struct web_req *);
void	session_clear(struct web_session *);
void	session_cookie_clear(struct web_req *);
void	session_cookie_set(struct web_req *, const char *);
int	session_refuse(struct web_req *);
unsigned int session_roles_parse(const char *);

/* Writes the hidden CSRF field of a form (sets the anonymous key if need be). */
void	csrf_field(struct web_req *);
/* 1 when the form's csrf field matches this visitor's token. */
int	csrf_valid(struct web_req *);

#endif
