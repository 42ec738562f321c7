/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Module set-up: settings and secrets are read in the parent (before the
 * workers chroot and drop privileges), the database is registered there, and
 * each worker builds its asset table.
 */

#include <kore/kore.h>
#include <kore/pgsql.h>
#include <kore/seccomp.h>

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "../../core/oidc.h"
#include "../../core/settings.h"
#include "../../core/signkey.h"
#include "../../db/db.h"
#include "app.h"
#include "assets.h"
#include "replica.h"

/* Syscalls glibc 2.36 and libpq need under Debian's kore (see README). */
KORE_SECCOMP_FILTER("agora",
	KORE_SYSCALL_ALLOW(newfstatat),
	KORE_SYSCALL_ALLOW(faccessat2),
	KORE_SYSCALL_DENY(clone3, ENOSYS),
	KORE_SYSCALL_ALLOW(rseq),
	/* The outbox sender (mail.c): files in mail_dir, libcurl SMTP. */
	KORE_SYSCALL_ALLOW(rename),
	KORE_SYSCALL_ALLOW(fsync),
	KORE_SYSCALL_ALLOW(getpeername),	/* libcurl, after connect */
	KORE_SYSCALL_ALLOW(uname),		/* libcurl: EHLO hostname */
	/* realloc() of a large block (a big query result, an export). */
	KORE_SYSCALL_ALLOW(mremap),
	KORE_SYSCALL_ALLOW(madvise),
#if defined(__SANITIZE_ADDRESS__)
	/* make test SANITIZE=1: ASan's runtime, in each new thread (tasks). */
	KORE_SYSCALL_ALLOW(gettid),
	KORE_SYSCALL_ALLOW(sched_getaffinity),
#endif
);

struct app_config	app;

void	kore_parent_configure(int, char **);
void	kore_worker_configure(void);
void	mail_start(void);
int	v_field(struct http_request *, char *);

/* Reads the HMAC key: at least 32 bytes of a file nobody else can read. */
static void
secret_load(const char *path)
{
	int	fd;
	ssize_t	n;

	if ((fd = open(path, O_RDONLY)) == -1)
		fatal("secret_file %s: %s", path, strerror(errno));
	n = read(fd, app.secret, sizeof(app.secret));
	close(fd);
	if (n < 32)
		fatal("secret_file %s: needs at least 32 bytes", path);
	app.secret_len = (size_t)n;
}

/*
 * Reads the log's signing key (before the chroot, like the secret) and
 * keeps only its public half: kore publishes it and never signs, so a
 * worker taken over cannot sign a rewritten log (agora sign-log, which
 * checks the whole chain first, is the only signer).
 */
static void
log_key_load(const char *path)
{
	EVP_PKEY	*k, *pub;
	char		 err[512];

	if ((k = signkey_load(path, 1, err, sizeof(err))) == NULL)
		fatal("log_signing_key %s", err);
	pub = signkey_public(k);
	EVP_PKEY_free(k);
	if (pub == NULL || signkey_public_pem(pub, app.log_key_pem,
	    sizeof(app.log_key_pem)) == -1 ||
	    signkey_fingerprint(pub, app.log_key_fpr) == -1)
		fatal("log_signing_key %s: unusable", path);
	EVP_PKEY_free(pub);
}

/* A setting of the wrong kind, out of range or unknown (settings.def). */
/*
 * FranceConnect's private_key_jwt key, read before the chroot (the task
 * that first needs it runs in a chrooted worker). Unreadable: logged, and
 * the FranceConnect pages say the sign-in is not available.
 */
static void
oidc_key_load(void)
{
	const char	*path = settings_text(SET_OIDC_CLIENT_KEY_FILE);

	if (settings_text(SET_OIDC_ISSUER) == NULL ||
	    strcmp(settings_text(SET_OIDC_AUTH_METHOD), "private_key_jwt") != 0)
		return;
	if (oidc_client_key_load(path) != OIDC_OK)
		kore_log(LOG_ERR, "oidc_client_key_file %s: cannot be read",
		    path ? path : "(not set)");
}

static void
settings_warn_log(const char *msg)
{
	kore_log(LOG_WARNING, "settings: %s", msg);
}

void
kore_parent_configure(int argc, char **argv)
{
	char		 err[512];
	const char	*dsn;

	settings_warn_hook = settings_warn_log;
	if (settings_load(NULL, err, sizeof(err)) == -1)
		fatal("settings: %s", err);
	if ((dsn = settings_text(SET_DATABASE)) == NULL)
		fatal("settings %s: no database", settings_path());
	if (!kore_pgsql_register("db", dsn))
		fatal("cannot register the database");
	replica_configure();
	/*
	 * kore reads this file too: the owner role's password would then be
	 * in every worker's memory, and the workers could alter the schema.
	 */
	if ((dsn = settings_text(SET_OWNER_DATABASE)) != NULL &&
	    strstr(dsn, "password") != NULL)
		fatal("settings %s: owner_database holds a password; the owner "
		    "must sign in without one (peer authentication or "
		    "~/.pgpass: README, \"Running in production\")",
		    settings_path());
	secret_load(settings_text(SET_SECRET_FILE));
	log_key_load(settings_text(SET_LOG_SIGNING_KEY));
	oidc_key_load();
	app.cookie_secure = (int)settings_int(SET_COOKIE_SECURE);
	snprintf(app.idle_minutes, sizeof(app.idle_minutes), "%lld",
	    settings_int(SET_SESSION_IDLE_MINUTES));
	snprintf(app.absolute_minutes, sizeof(app.absolute_minutes), "%lld",
	    settings_int(SET_SESSION_ABSOLUTE_MINUTES));
	snprintf(app.base_url, sizeof(app.base_url), "%s",
	    settings_text(SET_BASE_URL));
	kore_log(LOG_NOTICE, "agora: settings from %s", settings_path());
	/*
	 * On SIGHUP kore reloads the module in the parent whatever the module
	 * says (kore_module_reload(0) asks no one), and this function does
	 * not run again: every worker forked after that (one that died and
	 * was replaced) would run with no settings and an empty secret
	 * (forgeable CSRF tokens, guessable pseudonyms). The parent ignores
	 * SIGHUP: restart kore to change the code or the settings.
	 */
	signal(SIGHUP, SIG_IGN);
	kore_log(LOG_NOTICE, "agora: SIGHUP is ignored (a reload would lose "
	    "the settings and the secret): restart kore instead");
}

/* A read that does not fit its statement's declaration (app/db/db.h). */
static void
db_fault_log(const char *msg)
{
	kore_log(LOG_ERR, "%s", msg);
}

void
kore_worker_configure(void)
{
	db_fault_hook = db_fault_log;
	assets_init();
	mail_start();
	replica_worker_start();
}

/*
 * Kore keeps only declared form fields (conf/routes.conf). Their content is
 * checked by each handler, which can answer in French and keep what was
 * typed, so the kore-level validator accepts everything.
 */
int
v_field(struct http_request *req, char *data)
{
	return (KORE_RESULT_OK);
}
