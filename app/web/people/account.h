/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * What the people pages share (sign-up, recovery, my account, deletion,
 * roles): the client's address, abuse limits, the links sent by e-mail,
 * the password field's message, the local path to return to, roles in
 * French.
 */

#ifndef AGORA_WEB_PEOPLE_ACCOUNT_H
#define AGORA_WEB_PEOPLE_ACCOUNT_H

#include "../../core/account.h"
#include "../../core/token.h"
#include "../kernel/form.h"
#include "../kernel/web.h"

#define ADDR_LEN	64	/* an IPv6 address in text, with room */
/* A link sent by e-mail that is malformed or unknown. */
#define LINK_BAD_MSG	"Ce lien n'est pas valide. Vérifiez que vous avez " \
			"copié l'adresse en entier depuis le courriel."

/* The limits, from settings (limit_<name>_max / limit_<name>_minutes). */
enum rate_kind {
	RATE_SIGNIN_ACCOUNT,	/* failed sign-ins per e-mail and network */
	RATE_SIGNIN_IP,		/* failed sign-ins per address */
	RATE_SIGNUP_IP,		/* accounts created per address */
	RATE_RESET_IP,		/* reset requests per address */
	RATE_RESET_EMAIL,	/* reset requests per e-mail and network */
	RATE_VERIFY_RESEND,	/* new verification links per account */
	RATE_EMAIL_CHANGE,	/* change-of-address mails per account */
	RATE_CONTACT_IP,	/* messages to the moderation team per address */
	RATE_PAPER_IP,		/* paper forms printed (references issued) */
	RATE__MAX
};

/*
 * The client's network, as the abuse limits count it (netaddr_bucket: an
 * IPv4 address, an IPv6 /64), from the peer of the connection, or the
 * last X-Forwarded-For entry when the setting trust_proxy = 1 (nginx in
 * front).
 */
void		 account_client_addr(struct web_req *, char out[ADDR_LEN]);
/*
 * The rate_events.key of raw (an e-mail address, a network address or an
 * account id; case is ignored) for kind: a keyed hash, never raw itself.
 */
void		 account_rate_key(enum rate_kind, const char *,
		    char out[TOKEN_LEN + 1]);
/*
 * The keyed hash of an address once normalised (departed_accounts,
 * account_tokens.email_key); NULL when it cannot be computed, else out.
 */
const char	*account_email_key(const char *, char out[TOKEN_LEN + 1]);
/*
 * Queues sql_rate_wait for slot q: two limits (a and b may be the same
 * kind), raw values akey and bkey (hashed here). Returns WEB_QUERY.
 */
int		 account_rate_query(struct web_req *, int, enum rate_kind,
		    const char *, enum rate_kind, const char *);
/*
 * Queues sql_rate_take for slot q, as account_rate_query: the events are
 * counted before the work they limit, atomically (issue 14, item 5).
 */
int		 account_rate_take(struct web_req *, int, enum rate_kind,
		    const char *, enum rate_kind, const char *);
/* Queues sql_rate_give: what account_rate_take took at "at", given back. */
int		 account_rate_give(struct web_req *, int, enum rate_kind,
		    const char *, enum rate_kind, const char *, const char *);
/*
 * The raw key of an account seen from one network (the arena's
 * "email|network"): the limits on an account count each network apart,
 * so strangers elsewhere never lock its owner out (issue 14, item 4).
 */
const char	*account_net_key(struct web_req *, const char *, const char *);
/* The seconds to wait that the rate query of slot q found (0: go on). */
long long	 account_rate_wait(struct web_req *, int);
/* Queues sql_rate_hit for slot q: one event for each limit, as above. */
int		 account_rate_hit(struct web_req *, int, enum rate_kind,
		    const char *, enum rate_kind, const char *);
/* The same for one limit. */
int		 account_rate_hit_one(struct web_req *, int, enum rate_kind,
		    const char *);
/* Raises 429 with "Réessayez dans N minutes" and Retry-After. */
int		 account_rate_refuse(struct web_req *, long long);
/*
 * Records the French message for a password rule (app/core/account.h)
 * under field, or 1 if the password is acceptable.
 */
int		 account_password_field(struct form *, const char *,
		    const char *, const char *, const char *);
/*
 * A fresh token and its hash for a link sent by e-mail; returns the full
 * URL base_url + path + "?jeton=" + token, in the arena (the caller
 * cleanses it once queued).
 */
char		*account_link(struct web_req *, const char *, char tok_hash[65]);
/* A local path for retour (never another site), or NULL. */
const char	*account_local_path(const char *);
/* Writes the French labels of roles ("citizen,admin"), or "aucun". */
void		 account_roles_write(struct web_req *, const char *);
/* Wipes a secret string of the arena once it has been queued. */
void		 account_forget(char *);

#endif
