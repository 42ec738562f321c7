/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The outbox sender. Every worker runs a timer (mail_interval_ms, 2 s by
 * default); each tick starts one kore task, unless the previous one is
 * still running. The task claims due messages with FOR UPDATE SKIP LOCKED
 * and a lease (next_attempt_at moved forward), so two workers or two hosts
 * never send the same message, and a message whose sender died is tried
 * again when the lease ends. It then delivers each one:
 *   - smtp_url set (production): through libcurl's SMTP client;
 *   - else mail_dir set (development, tests): as <dir>/<id>.eml, written
 *     to a temporary name then renamed, so a reader never sees half a file.
 * A failure counts an attempt, keeps the error and retries later with an
 * exponential backoff; nothing is deleted, except with the account: the
 * erasure of an account (user_erase, migration 0152) deletes its messages
 * and lists their ids in outbox_erased, and the task removes their files
 * from mail_dir (and a file written while its message was being erased).
 * The task is blocking code (libpq, libcurl) in a task thread: request
 * handling is never blocked.
 */

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <libpq-fe.h>

#include "../../core/addresses.h"
#include "../../core/mail.h"
#include "../../core/settings.h"
#include "../../core/unsubscribe.h"
#include "../../db/accounts.h"
#include "../../db/notify.h"
#include "../kernel/app.h"
#include "../kernel/web.h"
#include "notify_texts.h"

#define MAIL_BATCH	20	/* messages claimed at once */
#define MAIL_LEASE	900	/* seconds a claimed message is ours: more
				   than MAIL_BATCH x the 30 s SMTP timeout */
#define MAIL_ROUNDS	10	/* batches per task at most */
#define ERASED_BATCH	200	/* erased messages' files removed at once */
#define FANOUT_BATCH	500	/* recipients of one event written at once */
#define FANOUT_ROUNDS	40	/* fan-out batches per task at most */
#define DIGEST_BATCH	200	/* digests written at once */

void	mail_start(void);
int	agora_onload(int);

static struct kore_timer	*mail_timer;
static struct kore_task		 mail_task;
static int			 mail_busy;
static time_t			 mail_busy_since;	/* watchdog */
static PGconn			*mail_db;	/* the task's own connection */
static char			 mail_report[512]; /* task -> worker log */
static int			 curl_ready;

/* Delivery of one message: NULL on success, else a static error text. */
struct upload {
	const char	*p;
	size_t		 left;
};

static size_t
upload_read(char *buf, size_t size, size_t n, void *arg)
{
	struct upload	*u = arg;
	size_t		 len = size * n;

	if (len > u->left)
		len = u->left;
	memcpy(buf, u->p, len);
	u->p += len;
	u->left -= len;
	return (len);
}

static void
deliver_smtp(const char *url, const char *from, const char *to,
    const char *msg, char *err, size_t errlen)
{
	CURL			*c;
	struct curl_slist	*rcpt = NULL;
	struct upload		 u = { msg, strlen(msg) };
	char			 ebuf[CURL_ERROR_SIZE] = "", addr[300];
	char			*fa;
	const char		*user, *pass;
	CURLcode		 rc;

	if ((c = curl_easy_init()) == NULL) {
		snprintf(err, errlen, "curl_easy_init failed");
		return;
	}
	fa = mail_address(from);
	snprintf(addr, sizeof(addr), "<%s>", to);
	rcpt = curl_slist_append(rcpt, addr);
	snprintf(addr, sizeof(addr), "<%s>", fa ? fa : "");
	free(fa);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, addr);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, upload_read);
	curl_easy_setopt(c, CURLOPT_READDATA, &u);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf);
	curl_easy_setopt(c, CURLOPT_USE_SSL,
	    settings_int(SET_SMTP_STARTTLS) ? (long)CURLUSESSL_ALL :
	    (long)CURLUSESSL_NONE);
	if ((user = settings_text(SET_SMTP_USERNAME)) != NULL &&
	    (pass = settings_text(SET_SMTP_PASSWORD)) != NULL) {
		curl_easy_setopt(c, CURLOPT_USERNAME, user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, pass);
	}
	if ((rc = curl_easy_perform(c)) != CURLE_OK)
		snprintf(err, errlen, "smtp: %s", ebuf[0] ? ebuf :
		    curl_easy_strerror(rc));
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
}

static void
deliver_file(const char *dir, const char *id, const char *msg, char *err,
    size_t errlen)
{
	char	tmp[1024], path[1024];
	size_t	len = strlen(msg), off = 0;
	ssize_t	n;
	int	fd;

	snprintf(tmp, sizeof(tmp), "%s/.%s.eml.tmp", dir, id);
	snprintf(path, sizeof(path), "%s/%s.eml", dir, id);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0640)) == -1) {
		snprintf(err, errlen, "open (temporary file): %s",
		    strerror(errno));
		return;
	}
	while (off < len) {
		if ((n = write(fd, msg + off, len - off)) == -1) {
			if (errno == EINTR)
				continue;
			snprintf(err, errlen, "write: %s",
			    strerror(errno));
			close(fd);
			unlink(tmp);
			return;
		}
		off += (size_t)n;
	}
	if (fsync(fd) == -1 || close(fd) == -1) {
		snprintf(err, errlen, "fsync: %s", strerror(errno));
		unlink(tmp);
		return;
	}
	if (rename(tmp, path) == -1) {
		snprintf(err, errlen, "rename: %s", strerror(errno));
		unlink(tmp);
	}
}

/* Removes the file of an erased message, and a temporary copy if any. */
static void
erased_file_remove(const char *dir, const char *id)
{
	char	path[1024];

	snprintf(path, sizeof(path), "%s/%s.eml", dir, id);
	if (unlink(path) == -1 && errno != ENOENT)
		snprintf(mail_report, sizeof(mail_report), "mail: cannot remove "
		    "the file of erased message %s: %s", id, strerror(errno));
	snprintf(path, sizeof(path), "%s/.%s.eml.tmp", dir, id);
	(void)unlink(path);
}

/* The domain part of an address, for Message-IDs. */
static const char *
domain_of(const char *from)
{
	const char	*at = strrchr(from, '@');
	static char	 dom[256];
	size_t		 len;

	if (at == NULL)
		return ("agora.invalid");
	len = strcspn(at + 1, "> \t");
	if (len == 0 || len >= sizeof(dom))
		return ("agora.invalid");
	memcpy(dom, at + 1, len);
	dom[len] = '\0';
	return (dom);
}

static int
db_ok(void)
{
	const char	*dsn;

	if (mail_db != NULL && PQstatus(mail_db) == CONNECTION_OK)
		return (1);
	if (mail_db != NULL)
		PQfinish(mail_db);
	mail_db = NULL;
	if ((dsn = settings_text(SET_DATABASE)) == NULL)
		return (0);
	mail_db = PQconnectdb(dsn);
	if (PQstatus(mail_db) != CONNECTION_OK) {
		snprintf(mail_report, sizeof(mail_report), "mail: database: %s",
		    PQerrorMessage(mail_db));
		PQfinish(mail_db);
		mail_db = NULL;
		return (0);
	}
	PQsetNoticeProcessor(mail_db, NULL, NULL);
	return (1);
}

/*
 * Runs statement st of app/db on the task's connection with typed
 * parameters (db.h) into out (NULL: rows not wanted); 0 when it failed,
 * the reason in mail_report. The caller PQclear()s out->res.
 */
#define mail_query(out, st, ...)					\
	mail_query_argv((out), (st), DB_ARGV(__VA_ARGS__),		\
	    DB_NARGS(__VA_ARGS__))

static int
mail_query_argv(struct db_rows *out, const struct db_stmt *st,
    const struct db_arg *args, int n)
{
	const char	*vals[8];
	char		 bufs[8][24];
	PGresult	*res;
	ExecStatusType	 rc;
	int		 i;

	if (n != st->nparams || n > 8) {
		snprintf(mail_report, sizeof(mail_report), "mail: %s: %d "
		    "parameters given, %d declared", st->name, n, st->nparams);
		return (0);
	}
	for (i = 0; i < n; i++)
		vals[i] = db_arg_text(&args[i], bufs[i]);
	res = PQexecParams(mail_db, st->sql, n, NULL, vals, NULL, NULL, 0);
	rc = PQresultStatus(res);
	if (rc != PGRES_TUPLES_OK && rc != PGRES_COMMAND_OK) {
		snprintf(mail_report, sizeof(mail_report), "mail: %s: %s",
		    st->name, PQresultErrorMessage(res));
		PQclear(res);
		return (0);
	}
	if (out == NULL) {
		PQclear(res);
		return (1);
	}
	out->stmt = st;
	out->res = res;
	out->fault = 0;
	return (1);
}

/*
 * The one-click unsubscribe address of message i (RFC 8058), or NULL for a
 * mail one does not unsubscribe from (an account's own links, a moderation
 * decision) or without an account: base_url/desabonnement/<token>, the
 * token signed with the server secret for this person and this kind
 * (app/core/unsubscribe.h). In a static buffer: the task is alone.
 */
static const char *
unsubscribe_url(struct db_rows *b, int i)
{
	static char	 url[sizeof(app.base_url) + UNSUB_TOKEN_MAX + 32];
	char		 tok[UNSUB_TOKEN_MAX];
	const char	*kind;

	if (db_null(b, i, MCL_USER) ||
	    (kind = unsub_kind_of(db_text(b, i, MCL_KIND))) == NULL)
		return (NULL);
	if (unsub_token(app.secret, app.secret_len, db_int(b, i, MCL_USER),
	    kind, tok, sizeof(tok)) == -1)
		return (NULL);
	snprintf(url, sizeof(url), "%s" UI_UNSUBSCRIBE "%s", app.base_url,
	    tok);
	return (url);
}

/*
 * Delivers message i of a claimed batch; NULL on success, else err. The
 * Message-ID is the outbox id with a random tail, at the sender's domain.
 */
static const char *
mail_deliver(struct db_rows *b, int i, const char *smtp, const char *dir,
    const char *from, char *err, size_t errlen)
{
	char		 msgid[320], id[24], *msg;
	const char	*to = db_text(b, i, MCL_RECIPIENT);
	const char	*unsub;

	err[0] = '\0';
	snprintf(id, sizeof(id), "%lld", db_int(b, i, MCL_ID));
	snprintf(msgid, sizeof(msgid), "outbox-%s.%08x@%s", id,
	    (unsigned int)random(), domain_of(from));
	unsub = unsubscribe_url(b, i);
	msg = mail_message_unsub(from, to, db_text(b, i, MCL_SUBJECT),
	    db_text(b, i, MCL_BODY), (time_t)db_int(b, i, MCL_CREATED), msgid,
	    unsub);
	if (b->fault)
		snprintf(err, errlen, "a claimed row misread");
	else if (msg == NULL)
		snprintf(err, errlen, "invalid header value");
	else if (smtp != NULL)
		deliver_smtp(smtp, from, to, msg, err, errlen);
	else
		deliver_file(dir, id, msg, err, errlen);
	free(msg);
	return (err[0] == '\0' ? NULL : err);
}

/* One batch. Returns the number of messages claimed, or -1. */
static int
mail_batch(const char *smtp, const char *dir, const char *from)
{
	struct db_rows	 b, sent;
	char		 err[512], id[24];
	long long	 mid;
	int		 i, n;

	if (!mail_query(&b, &sql_mail_claim, DB_INT(MAIL_BATCH),
	    DB_INT(MAIL_LEASE)))
		return (-1);
	n = db_nrows(&b);
	for (i = 0; i < n; i++) {
		mid = db_int(&b, i, MCL_ID);
		snprintf(id, sizeof(id), "%lld", mid);
		if (mail_deliver(&b, i, smtp, dir, from, err,
		    sizeof(err)) == NULL) {
			if (!mail_query(&sent, &sql_mail_sent, DB_INT(mid)))
				break;
			/* Erased with its account while we wrote it. */
			if (db_nrows(&sent) == 0 && smtp == NULL)
				erased_file_remove(dir, id);
			PQclear(sent.res);
		} else {
			snprintf(mail_report, sizeof(mail_report),
			    "mail: message %s not delivered: %s", id, err);
			if (!mail_query(NULL, &sql_mail_failed, DB_INT(mid),
			    DB_TEXT(err)))
				break;
		}
	}
	PQclear(b.res);
	return (n);
}

/*
 * Removes the files of messages erased with their account, then their
 * rows (mail_dir only: with smtp_url nothing was written, and `agora purge`
 * drops the rows after a day). Returns the number of ids handled, or -1.
 */
static int
mail_erased(const char *dir)
{
	struct db_rows	 r;
	char		 ids[ERASED_BATCH * 21 + 3], id[24];
	size_t		 off = 0;
	int		 i, n;

	if (!mail_query(&r, &sql_mail_erased_list, DB_INT(ERASED_BATCH)))
		return (-1);
	n = db_nrows(&r);
	ids[off++] = '{';
	for (i = 0; i < n; i++) {
		snprintf(id, sizeof(id), "%lld", db_int(&r, i, MAIL_ERASED_ID));
		erased_file_remove(dir, id);
		off += (size_t)snprintf(ids + off, sizeof(ids) - off, "%s%s",
		    i > 0 ? "," : "", id);
	}
	ids[off++] = '}';
	ids[off] = '\0';
	PQclear(r.res);
	if (n > 0 && !mail_query(NULL, &sql_mail_erased_done, DB_TEXT(ids)))
		return (-1);
	return (n);
}

/*
 * Notifications (functions/notifications.sql): fans out the events waiting,
 * FANOUT_BATCH recipients at a time (a proposal with 10,000 followers is
 * 20 statements here, never a cost to the vote or comment that made the
 * event), then writes the daily digests due. Their mails go out with the
 * outbox right after. 0 when the database failed.
 */
static int
mail_notify(void)
{
	const struct notify_texts	*t;
	struct db_rows			 r;
	long long			 n;
	int				 round;

	if ((t = notify_texts()) == NULL)
		return (1);
	for (round = 0; round < FANOUT_ROUNDS; round++) {
		if (!mail_query(&r, &sql_notify_fanout, DB_INT(FANOUT_BATCH),
		    DB_TEXT(t->kinds), DB_TEXT(t->subjects),
		    DB_TEXT(t->bodies), DB_TEXT(app.base_url)))
			return (0);
		n = db_nrows(&r) == 1 ? db_int(&r, 0, NRU_N) : 0;
		PQclear(r.res);
		if (n == 0)
			break;
	}
	for (round = 0; round < MAIL_ROUNDS; round++) {
		if (!mail_query(&r, &sql_notify_digest, DB_INT(DIGEST_BATCH),
		    DB_INT(settings_int(SET_DIGEST_HOUR)), DB_TEXT(t->kinds),
		    DB_TEXT(t->lines), DB_TEXT(t->digest_subject),
		    DB_TEXT(t->digest_body), DB_TEXT(app.base_url)))
			return (0);
		n = db_nrows(&r) == 1 ? db_int(&r, 0, NRU_N) : 0;
		PQclear(r.res);
		if (n < DIGEST_BATCH)
			break;
	}
	return (1);
}

static int
mail_run(struct kore_task *t)
{
	const char	*smtp, *dir, *from;
	int		 round, n;

	smtp = settings_text(SET_SMTP_URL);
	dir = settings_text(SET_MAIL_DIR);
	from = settings_text(SET_MAIL_FROM);
	if (smtp != NULL && *smtp == '\0')
		smtp = NULL;
	if (smtp == NULL && (dir == NULL || *dir == '\0'))
		return (KORE_RESULT_OK);
	if (!db_ok())
		return (KORE_RESULT_OK);
	for (round = 0; smtp == NULL && round < MAIL_ROUNDS; round++)
		if ((n = mail_erased(dir)) < ERASED_BATCH)
			break;
	if (!mail_notify()) {
		PQfinish(mail_db);
		mail_db = NULL;
		return (KORE_RESULT_OK);
	}
	for (round = 0; round < MAIL_ROUNDS; round++) {
		n = mail_batch(smtp, dir, from);
		if (n == -1) {
			PQfinish(mail_db);
			mail_db = NULL;
			break;
		}
		if (n < MAIL_BATCH)
			break;
	}
	return (KORE_RESULT_OK);
}

static void
mail_done(struct kore_task *t)
{
	if (!kore_task_finished(t))
		return;
	kore_task_destroy(t);
	mail_busy = 0;
	if (mail_report[0] != '\0') {
		kore_log(LOG_WARNING, "%s", mail_report);
		mail_report[0] = '\0';
	}
}

static void
mail_tick(void *arg, u_int64_t now)
{
	time_t	t = time(NULL);

	if (mail_busy) {
		/*
		 * One task sends at most MAIL_ROUNDS batches, each message
		 * bounded by libcurl's timeout; far longer means its thread
		 * is gone (e.g. a syscall the sandbox refused). Say so.
		 */
		if (t - mail_busy_since > 7200) {
			kore_log(LOG_ERR, "mail: the sender of this worker has "
			    "not finished for two hours; restart kore");
			mail_busy_since = t;
		}
		return;
	}
	mail_busy = 1;
	mail_busy_since = t;
	kore_task_create(&mail_task, mail_run);
	kore_task_bind_callback(&mail_task, mail_done);
	kore_task_run(&mail_task);
}

/* Starts the sender in this worker (idempotent). */
void
mail_start(void)
{
	if (worker == NULL || mail_timer != NULL)
		return;
	if (!curl_ready) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
			kore_log(LOG_ERR, "mail: curl_global_init failed");
		curl_ready = 1;
	}
	srandom((unsigned int)(time(NULL) ^ getpid()));
	mail_timer = kore_timer_add(mail_tick,
	    (u_int64_t)settings_int(SET_MAIL_INTERVAL_MS), NULL, 0);
}

/*
 * kore's onload hook (conf: load ./build/agora.so agora_onload). A reload
 * (SIGHUP) would dlopen a fresh copy of the module in which the settings and
 * the secret, read once by the parent before the workers dropped their
 * privileges, are gone, while this timer would still point into the old
 * copy: the module refuses to be unloaded, and kore keeps it ("forced no
 * reloaded"). Restart kore to change the code.
 */
int
agora_onload(int action)
{
	if (action == KORE_MODULE_UNLOAD) {
		kore_log(LOG_NOTICE, "agora: module reload refused (settings "
		    "and secrets are read at start-up): restart kore instead");
		return (KORE_RESULT_ERROR);
	}
	mail_start();
	return (KORE_RESULT_OK);
}
