/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * FranceConnect in the web module (issue 17, second part). The network
 * calls of app/core/oidc.h run in kore tasks (fc_task.c): a job is
 * malloc'd by the handler, filled by the task thread, and read and freed
 * by the handler's next step. README, "FranceConnect (OpenID Connect)".
 */

#ifndef AGORA_WEB_FC_H
#define AGORA_WEB_FC_H

#include "../../core/identity.h"
#include "../../core/oidc.h"
#include "../kernel/web.h"

#define FC_STATE_COOKIE		"agora_fc_state"  /* binds state to browser */
#define FC_SIGNUP_COOKIE	"agora_fc_signup" /* first-time form's token */
#define FC_IDT_COOKIE		"agora_fc_idt"	  /* id_token_hint, sign-out */
#define FC_REQUEST_MINUTES	10	/* an authorization request's life */
#define FC_SIGNUP_MINUTES	30	/* the first-time form's */

enum fc_job_kind { FC_JOB_START, FC_JOB_CALLBACK, FC_JOB_LOGOUT };

struct fc_job {
	enum fc_job_kind	 kind;
	/* In. */
	struct oidc_request	 req;		/* START: the new request */
	char			 code[512];	/* CALLBACK */
	char			 verifier[OIDC_TOKEN_LEN + 1];
	char			 nonce[OIDC_TOKEN_LEN + 1];
	char			*id_token_in;	/* LOGOUT: malloc'd */
	/* Out. */
	enum oidc_err		 err;
	enum identity_err	 ierr;		/* CALLBACK: pivot invalid */
	char			 issuer[512];
	char			 sub[OIDC_CLAIM_MAX];
	char			 acr[64];
	char			 hash[IDENTITY_HASH_LEN + 1];
	char			*id_token;	/* CALLBACK: malloc'd */
	char			*url;		/* START, LOGOUT: malloc'd */
};

/* 1 when the oidc_* settings name a provider. */
int		 fc_enabled(void);
/*
 * Runs job in a task: WEB_TASK. The handler's next step finds w->task_out
 * "1" and reads the job, then frees it with fc_job_free().
 */
int		 fc_job_run(struct web_req *, struct fc_job *);
void		 fc_job_free(struct fc_job *);

/* A refusal: the French page, a log line without any token. */
int		 fc_refuse(struct web_req *, enum oidc_err, const char *where);
/* 303 to the provider (an absolute URL of its own). */
int		 fc_redirect_out(struct web_req *, const char *);
/* Cookies of this flow (Path=/ unless path). */
void		 fc_cookie(struct web_req *, const char *, const char *,
		    const char *path, long long max_age);
const char	*fc_cookie_get(struct web_req *, const char *);

/* The button, as FranceConnect's guidelines draw it (sign-in, sign-up). */
void		 fc_button(struct web_req *, const char *action,
		    int linking);

/* The FranceConnect section of /compte/ (rows of sql_fc_status in q). */
void		 fc_account_section(struct web_req *, int q);

/* Sign-out: 1 when a task was started for the end-session URL. */
int		 fc_signout_start(struct web_req *);
/* After it: the provider's end-session URL, or "/". */
int		 fc_signout_redirect(struct web_req *);

#endif
