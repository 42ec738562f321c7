/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Reads from a streaming replica: which requests, the read-your-writes
 * cookie, and the probe that keeps a lagging or dead replica out of the
 * rotation (replica.h).
 *
 * Why the rule holds: the probe keeps the replica in the rotation only
 * while every transaction committed more than L = replica_max_lag_seconds
 * ago is replayed on it (below), as measured by a probe sent at most
 * P = 1.5 s ago (VERDICT_MS: a probe that hangs does not keep an old
 * verdict). Replay only moves forward, so a read at time t sees every
 * commit older than t - L - P. A person's write committed before the
 * answer that set the cookie, and the cookie sends their reads to the
 * primary for L + 2 s > L + P (the 0.5 s left covers the clocks of the
 * servers, kept by NTP: the lag compares the replica's clock with the
 * primary's commit times): no read of theirs is ever older than their own
 * last write, whatever the replica's lag, and everyone else reads at most
 * L + P behind.
 */

#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../core/settings.h"
#include "app.h"
#include "replica.h"
#include "web.h"

#define PROBE_EVERY_MS	500
#define PROBE_TICK_MS	100
#define PROBE_GIVE_UP_MS 2000
#define VERDICT_MS	1500	/* how long a probe's "in" holds, from its send */
#define WRITE_MARGIN_S	2

/*
 * The replica's lag in milliseconds: 0 when it is a primary (promoted) or
 * has replayed all it received; else the age of the last transaction it
 * replayed (an upper bound: it replayed every commit before that one). A
 * replica with no WAL receiver (nothing streams from a primary) is
 * reported at -1: its WAL may stop anywhere. (Its status, "streaming" or
 * not, is NULL unless the role has pg_read_all_stats; its pid is public.) For the synchronous standby "all it received" is
 * every acknowledged commit (the primary waits for its flush).
 */
static const char probe_sql[] =
    "SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0"
    " WHEN NOT EXISTS (SELECT 1 FROM pg_stat_wal_receiver"
    "  WHERE coalesce(status, 'streaming') = 'streaming') THEN -1"
    " WHEN pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn() THEN 0"
    " ELSE coalesce((extract(epoch FROM now() -"
    "  pg_last_xact_replay_timestamp()) * 1000)::bigint, 1000000000) END";

enum probe_phase { PR_IDLE, PR_CONNECTING, PR_QUERY };

static struct {
	const char	*dsn;		/* NULL: no replica */
	long long	 max_lag_ms;
	PGconn		*conn;
	enum probe_phase phase;
	PostgresPollingStatusType poll;	/* while connecting */
	u_int64_t	 started;	/* this phase, kore_time_ms() */
	u_int64_t	 next;		/* the next probe */
	u_int64_t	 valid_until;	/* in_rotation holds until then */
	int		 in_rotation;
	char		 why[160];	/* why it is out, for the log */
} rp;

/* The routes that may read from the replica (GET and HEAD only). */
static const char *const replica_routes[] = {
	"/", "/themes/:slug", "/propositions/:id",
	"/export/", "/export/contributions.csv", "/export/contributions.json",
	"/export/themes/:file", "/export/sujets/:consultation/:file",
	"/export/syntheses.json", "/syntheses/:slug",
	"/conseil/", "/conseil/avis/:id", "/export/conseil.json",
	"/rapports/", "/rapports/:slug",
	"/api/v1/themes", "/api/v1/contributions", "/api/v1/rapports/:slug",
	"/consultations/", "/consultations/:consultation",
	"/consultations/:consultation/themes/:theme",
	"/consultations/:consultation/rapports/",
	"/consultations/:consultation/rapports/:theme",
	"/recherche", "/moderation/transparence",
	"/participer-pres-de-chez-vous",
	"/participer-pres-de-chez-vous/tournee.ics",
};

void
replica_configure(void)
{
	const char	*dsn = settings_text(SET_REPLICA_DATABASE);

	if (dsn == NULL || *dsn == '\0')
		return;
	if (!kore_pgsql_register(REPLICA_DB, dsn))
		fatal("cannot register the replica's database");
	rp.dsn = dsn;
	rp.max_lag_ms = settings_int(SET_REPLICA_MAX_LAG_SECONDS) * 1000;
	kore_log(LOG_NOTICE, "agora: public reads from the replica while it "
	    "is less than %lld s behind", rp.max_lag_ms / 1000);
}

static void
rotation(int in, const char *why, long long lag)
{
	if (in && !rp.in_rotation)
		kore_log(LOG_NOTICE, "replica back in the read rotation "
		    "(%lld ms behind)", lag);
	else if (!in && (rp.in_rotation || strcmp(rp.why, why) != 0))
		kore_log(LOG_WARNING, "replica out of the read rotation: %s; "
		    "public reads go to the primary", why);
	rp.in_rotation = in;
	snprintf(rp.why, sizeof(rp.why), "%s", in ? "" : why);
}

static void
probe_fail(const char *what, u_int64_t now)
{
	char	why[160];

	snprintf(why, sizeof(why), "%s%s%.100s", what,
	    rp.conn != NULL ? ": " : "",
	    rp.conn != NULL ? PQerrorMessage(rp.conn) : "");
	why[strcspn(why, "\n")] = '\0';
	if (rp.conn != NULL)
		PQfinish(rp.conn);
	rp.conn = NULL;
	rp.phase = PR_IDLE;
	rp.next = now + PROBE_EVERY_MS;
	rotation(0, why, 0);
}

static void
probe_send(u_int64_t now)
{
	if (!PQsendQuery(rp.conn, probe_sql)) {
		probe_fail("probe not sent", now);
		return;
	}
	rp.phase = PR_QUERY;
	rp.started = now;
}

/* 1 when the socket is ready for what PQconnectPoll waits for. */
static int
probe_ready(short events)
{
	struct pollfd	pfd;

	pfd.fd = PQsocket(rp.conn);
	pfd.events = events;
	pfd.revents = 0;
	return (pfd.fd >= 0 && poll(&pfd, 1, 0) > 0);
}

static void
probe_connect(u_int64_t now)
{
	if (rp.poll == PGRES_POLLING_READING && !probe_ready(POLLIN))
		return;
	if (rp.poll == PGRES_POLLING_WRITING && !probe_ready(POLLOUT))
		return;
	rp.poll = PQconnectPoll(rp.conn);
	if (rp.poll == PGRES_POLLING_FAILED)
		probe_fail("unreachable", now);
	else if (rp.poll == PGRES_POLLING_OK)
		probe_send(now);
}

static void
probe_read(u_int64_t now)
{
	PGresult	*res;
	long long	 lag = -2;
	char		 why[96];

	if (!PQconsumeInput(rp.conn)) {
		probe_fail("connection lost", now);
		return;
	}
	if (PQisBusy(rp.conn))
		return;
	while ((res = PQgetResult(rp.conn)) != NULL) {
		if (PQresultStatus(res) == PGRES_TUPLES_OK &&
		    PQntuples(res) == 1)
			lag = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		PQclear(res);
	}
	rp.phase = PR_IDLE;
	rp.next = now + PROBE_EVERY_MS;
	if (lag == -2)
		probe_fail("the probe failed", now);
	else if (lag == -1)
		rotation(0, "not streaming from a primary", lag);
	else if (lag > rp.max_lag_ms) {
		snprintf(why, sizeof(why), "%lld ms behind (at most %lld)",
		    lag, rp.max_lag_ms);
		rotation(0, why, lag);
	} else {
		rotation(1, "", lag);
		rp.valid_until = rp.started + VERDICT_MS;
	}
}

static void
probe_tick(void *arg, u_int64_t now)
{
	(void)arg;
	now = kore_time_ms();
	if (rp.phase != PR_IDLE && now - rp.started > PROBE_GIVE_UP_MS) {
		probe_fail(rp.phase == PR_QUERY ? "no answer in 2 s" :
		    "no connection in 2 s", now);
		return;
	}
	switch (rp.phase) {
	case PR_IDLE:
		if (now < rp.next)
			return;
		if (rp.conn != NULL && PQstatus(rp.conn) == CONNECTION_OK) {
			probe_send(now);
			return;
		}
		if (rp.conn != NULL)
			PQfinish(rp.conn);
		rp.conn = PQconnectStart(rp.dsn);
		rp.started = now;
		rp.phase = PR_CONNECTING;
		rp.poll = PGRES_POLLING_WRITING;
		if (rp.conn == NULL || PQstatus(rp.conn) == CONNECTION_BAD)
			probe_fail("unreachable", now);
		break;
	case PR_CONNECTING:
		probe_connect(now);
		break;
	case PR_QUERY:
		probe_read(now);
		break;
	}
}

void
replica_worker_start(void)
{
	if (rp.dsn == NULL)
		return;
	/* Out until the first probe says otherwise. */
	snprintf(rp.why, sizeof(rp.why), "not probed yet");
	kore_timer_add(probe_tick, PROBE_TICK_MS, NULL, 0);
}

static int
replica_route(const struct web_req *w)
{
	size_t	i;

	if (!(w->req->method & METHOD_GET))
		return (0);
	for (i = 0; i < sizeof(replica_routes) / sizeof(replica_routes[0]);
	    i++)
		if (strcmp(w->route->pattern, replica_routes[i]) == 0)
			return (1);
	return (0);
}

/* 1 while the person's last POST is recent (the cookie's time). */
static int
wrote_recently(struct web_req *w)
{
	char		*v, *end;
	long long	 t, now = (long long)time(NULL);

	if (!http_request_cookie(w->req, WRITE_COOKIE, &v))
		return (0);
	t = strtoll(v, &end, 10);
	if (end == v || *end != '\0')
		return (0);
	return (t <= now + 60 &&
	    now - t < rp.max_lag_ms / 1000 + WRITE_MARGIN_S);
}

void
replica_choose(struct web_req *w)
{
	const char	*read;

	w->replica = 0;
	if (rp.dsn == NULL || !replica_route(w))
		return;
	if (wrote_recently(w))
		read = "primary (own write)";
	else if (!rp.in_rotation || kore_time_ms() >= rp.valid_until)
		read = "primary (replica out)";
	else {
		w->replica = 1;
		read = "replica";
	}
	http_response_header(w->req, "x-agora-read", read);
}

void
replica_wrote(struct web_req *w)
{
	if (rp.dsn == NULL)
		return;
	http_response_header(w->req, "set-cookie", web_printf(w,
	    WRITE_COOKIE "=%lld; Path=/; Max-Age=%lld; HttpOnly; "
	    "SameSite=Lax%s", (long long)time(NULL),
	    rp.max_lag_ms / 1000 + WRITE_MARGIN_S,
	    app.cookie_secure ? "; Secure" : ""));
}

void
replica_failed(const char *state, const char *error)
{
	char	why[160];

	snprintf(why, sizeof(why), "a query failed (%s): %.100s",
	    state != NULL ? state : "no connection",
	    error != NULL ? error : "?");
	why[strcspn(why, "\n")] = '\0';
	/* A link lost: out until the next probe finds it again. */
	if (state == NULL || strncmp(state, "08", 2) == 0 ||
	    strncmp(state, "57P", 3) == 0) {
		rotation(0, why, 0);
		rp.next = 0;
	} else
		kore_log(LOG_WARNING, "replica: %s; read again on the "
		    "primary", why);
}

const char *
replica_dsn(int use_replica)
{
	if (use_replica && rp.dsn != NULL)
		return (rp.dsn);
	return (settings_text(SET_DATABASE));
}
