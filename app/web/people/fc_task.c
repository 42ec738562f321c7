/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The network side of FranceConnect, in kore tasks (off the event loop):
 * the provider of this worker (settings, discovery once, its JWKS cache
 * shared by the task threads), then one job: the authorization URL of a
 * new request, the callback's code exchange + ID token + userinfo + pivot
 * hash, or the end-session URL. app/core/oidc*.c does the protocol.
 */

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>

#include "../../core/settings.h"
#include "../kernel/app.h"
#include "fc.h"

static pthread_mutex_t		prov_lock = PTHREAD_MUTEX_INITIALIZER;
static struct oidc_provider	prov;
static struct oidc_config	prov_cfg;
static int			prov_ready;

int
fc_enabled(void)
{
	const char	*iss = settings_text(SET_OIDC_ISSUER);
	const char	*id = settings_text(SET_OIDC_CLIENT_ID);

	return (iss != NULL && *iss != '\0' && id != NULL && *id != '\0');
}

/* The discovered provider, once per worker (retried after a failure). */
static enum oidc_err
provider(struct oidc_provider **out)
{
	enum oidc_err	e = OIDC_OK;

	pthread_mutex_lock(&prov_lock);
	if (!prov_ready) {
		if ((e = oidc_config_from_settings(&prov_cfg)) == OIDC_OK &&
		    oidc_provider_init(&prov, &prov_cfg) == -1)
			e = OIDC_ERR_CONFIG;
		else if (e == OIDC_OK &&
		    (e = oidc_discover(&prov)) != OIDC_OK)
			oidc_provider_cleanup(&prov);
		prov_ready = e == OIDC_OK;
	}
	pthread_mutex_unlock(&prov_lock);
	*out = &prov;
	return (e);
}

/* Code, tokens, identity, pivot hash: what the callback needs. */
static void
callback(struct oidc_provider *p, struct fc_job *j)
{
	struct oidc_tokens	t = { NULL, NULL };
	struct oidc_identity	id;
	struct identity_pivot	pivot;
	unsigned char		key[IDENTITY_KEY_LEN];
	time_t			now = time(NULL);

	memset(&id, 0, sizeof(id));
	if ((j->err = oidc_exchange_code(p, j->code, j->verifier, now,
	    &t)) != OIDC_OK)
		goto done;
	if ((j->err = oidc_id_token_verify(p, t.id_token, j->nonce, now,
	    &id)) != OIDC_OK)
		goto done;
	if ((j->err = oidc_userinfo(p, t.access_token, now, &id)) != OIDC_OK)
		goto done;
	pivot = (struct identity_pivot){ id.given_name, id.family_name,
	    id.birthdate, id.birthplace, id.birthcountry, id.gender };
	identity_key(app.secret, app.secret_len, key);
	j->ierr = identity_pivot_hash(key, sizeof(key), &pivot, j->hash);
	OPENSSL_cleanse(key, sizeof(key));
	if (j->ierr != IDENTITY_OK) {
		j->err = OIDC_ERR_CLAIM;
		goto done;
	}
	snprintf(j->issuer, sizeof(j->issuer), "%s", p->cfg.issuer);
	snprintf(j->sub, sizeof(j->sub), "%s", id.sub);
	snprintf(j->acr, sizeof(j->acr), "%s", id.acr);
	j->id_token = t.id_token;
	t.id_token = NULL;
done:
	OPENSSL_cleanse(&id, sizeof(id));
	oidc_tokens_cleanup(&t);
}

static int
job_task(struct kore_task *t)
{
	struct fc_job		*j = NULL;
	struct oidc_provider	*p;

	if (kore_task_channel_read(t, &j, sizeof(j)) != sizeof(j) || j == NULL)
		return (KORE_RESULT_ERROR);
	if ((j->err = provider(&p)) == OIDC_OK) {
		switch (j->kind) {
		case FC_JOB_START:
			if ((j->url = oidc_authorization_url(p, &j->req)) ==
			    NULL)
				j->err = OIDC_ERR_CONFIG;
			break;
		case FC_JOB_CALLBACK:
			callback(p, j);
			break;
		case FC_JOB_LOGOUT:
			j->url = oidc_end_session_url(p, j->id_token_in,
			    j->req.state);
			break;
		}
	}
	kore_task_channel_write(t, "1", 2);
	return (KORE_RESULT_OK);
}

int
fc_job_run(struct web_req *w, struct fc_job *j)
{
	return (web_task_start(w, job_task, &j, sizeof(j)));
}

void
fc_job_free(struct fc_job *j)
{
	if (j == NULL)
		return;
	if (j->id_token != NULL) {
		OPENSSL_cleanse(j->id_token, strlen(j->id_token));
		free(j->id_token);
	}
	free(j->id_token_in);
	free(j->url);
	OPENSSL_cleanse(j, sizeof(*j));
	free(j);
}
