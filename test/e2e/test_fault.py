# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Faults under load (issue 14, item 1): PostgreSQL restarted while clients
read and write, and a kore worker killed with SIGKILL.

Each run starts its own kore (TEST_EXTRA_PORT) with 8 client threads that
read pages and post comments, every comment with its own idempotency key
and a client-side log of what was answered. FAULT_ROUNDS restarts in a row
(1 in make test, 3 in make test-fault). What must hold:
  - every request started 5 s after PostgreSQL is back succeeds;
  - no kore worker exits (same worker processes, nothing in the log);
  - every acknowledged comment is in the database exactly once; a comment
    whose client saw a failure is either absent or whole (its thread's
    counter agrees), and sending it again with the same key leaves it
    exactly once.
"""

import http.client
import os
import re
import secrets
import signal
import subprocess
import threading
import time

import harness
from harness import Client, eq, signed_in, sql, sql_value, test
from participation_lib import csrf_of, new_proposal

ROUNDS = int(os.environ.get("FAULT_ROUNDS", "1"))
THREADS = 8
GRACE = 5.0            # seconds after PostgreSQL is back


def workers_of(kore):
    """The pids of kore's worker processes (children of the parent)."""
    kids = set()
    for task in os.listdir("/proc/%d/task" % kore.proc.pid):
        with open("/proc/%d/task/%s/children" % (kore.proc.pid, task)) as f:
            kids.update(int(p) for p in f.read().split())
    return kids


class Load:
    """THREADS clients, each alternating page reads and comment posts until
    stopped; log: (start, end, kind, status or error, key, text)."""

    PAGES = ("/healthz", "/", "/themes/ethique", "/rapports/")

    def __init__(self, port, pid, sessions):
        self.port = port
        self.pid = pid
        self.sessions = sessions        # [(cookie dict, csrf)]
        self.log = []
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self.run, args=(i,))
                        for i in range(THREADS)]

    def one(self, method, path, body=None, headers=None):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        try:
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            r.read()
            return r.status
        finally:
            c.close()

    def post_comment(self, cookies, token, key, text):
        body, ctype = harness.encode_multipart(
            {"csrf": token, "envoi": key, "texte": text})
        return self.one("POST", "/propositions/%d/commentaires" % self.pid, body,
                        {"Content-Type": ctype,
                         "Cookie": "; ".join("%s=%s" % kv for kv in cookies.items())})

    def run(self, i):
        cookies, token = self.sessions[i % len(self.sessions)]
        n = 0
        while not self.stop.is_set():
            n += 1
            if n % 3 == 0:
                key = secrets.token_urlsafe(32)[:43]
                text = "Commentaire sous charge %d-%d %s" % (i, n, secrets.token_hex(4))
                kind, args = "post", (cookies, token, key, text)
            else:
                key = text = None
                kind, args = "get", None
            t0 = time.time()
            try:
                if kind == "post":
                    status = self.post_comment(*args)
                else:
                    status = self.one("GET", self.PAGES[n % len(self.PAGES)])
            except (OSError, http.client.HTTPException) as e:
                status = type(e).__name__
            with self.lock:
                self.log.append((t0, time.time(), kind, status, key, text))
            time.sleep(0.01)

    def __enter__(self):
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for t in self.threads:
            t.join()


def ok(kind, status):
    return status == (303 if kind == "post" else 200)


def fault_kore(name):
    return harness.Kore(name, port=harness.EXTRA_PORT).start()


def sessions_for_load(n=4):
    out = []
    for _ in range(n):
        c, _ = signed_in()
        out.append((dict(c.cookies), csrf_of(c)))
    return out


def check_writes(load, pid, resend):
    """Acknowledged: exactly once. Failed: absent or whole; sent again with
    the same key (resend), exactly once."""
    rows = sql("SELECT body, count(*) FROM contributions WHERE proposal_id = %d"
               " AND kind = 'comment' GROUP BY body" % pid)
    seen = {b: int(n) for b, n in rows}
    acked = [e for e in load.log if e[2] == "post" and e[3] == 303]
    failed = [e for e in load.log if e[2] == "post" and e[3] != 303]
    assert acked, "no comment was acknowledged"
    for e in acked:
        eq(seen.get(e[5], 0), 1, "acknowledged comment %r" % e[5])
    ambiguous = 0
    for e in failed:
        n = seen.get(e[5], 0)
        assert n in (0, 1), "failed comment %r written %d times" % (e[5], n)
        ambiguous += n
    # Whole: the thread's counter equals its rows (the trigger ran with it).
    eq(sql_value("SELECT replies FROM contributions WHERE id = %d" % pid),
       sql_value("SELECT count(*) FROM contributions WHERE proposal_id = %d"
                 " AND id <> %d AND status = 'published'" % (pid, pid)),
       "replies counter")
    # A person who sends the form again after a failure posts once.
    cookies, token = load.sessions[0]
    for e in failed[:40]:
        eq(resend(cookies, token, e[4], e[5]), 303, "sent again")
    rows = sql("SELECT body, count(*) FROM contributions WHERE proposal_id = %d"
               " AND kind = 'comment' GROUP BY body" % pid)
    seen = {b: int(n) for b, n in rows}
    for e in failed[:40]:
        eq(seen.get(e[5], 0), 1, "failed comment sent again %r" % e[5])
    return len(acked), len(failed), ambiguous


@test
def postgresql_restarted_under_load_loses_nothing_and_recovers():
    _, _, pid = new_proposal()
    k = fault_kore("fault")
    try:
        before = workers_of(k)
        load = Load(k.port, pid, sessions_for_load())
        ups, stops = [], []
        with load:
            time.sleep(3)
            for _ in range(ROUNDS):
                stops.append(time.time())
                r = harness.devdb("stop")
                assert r.returncode == 0, r.stderr
                time.sleep(3)
                r = harness.devdb("start")
                assert r.returncode == 0, r.stderr
                ups.append(time.time())
                time.sleep(GRACE + 5)
            stops.append(time.time())   # the load ends
        # Every request started GRACE seconds after a restart, and over
        # before the next stop began, succeeded.
        windows = [(up + GRACE, stops[i + 1]) for i, up in enumerate(ups)]
        late = [e for e in load.log for a, b in windows if a <= e[0] and e[1] < b]
        bad = [(round(e[0] - a + GRACE, 2), e[2], e[3]) for e in late for a, b in windows
               if a <= e[0] and e[1] < b and not ok(e[2], e[3])]
        assert len(late) > 20 * ROUNDS, "too little load after the restarts: %d" % len(late)
        assert not bad, "%d requests failed after restart + %ds: %r" % (
            len(bad), GRACE, bad[:10])
        eq(workers_of(k), before, "the same workers (none exited)")
        acked, failed, ambiguous = check_writes(load, pid, load.post_comment)
        print("        %d rounds: %d requests, %d comments acknowledged, %d failed "
              "during the outages (%d of them committed)"
              % (ROUNDS, len(load.log), acked, failed, ambiguous))
    finally:
        k.stop()
    crashes = [l for l in k.log_text().splitlines()
               if re.search(r"died|restarting worker|fatal|signal \d+", l)]
    assert not crashes, crashes[:5]
    # The main server sat idle through it: its pooled connections died too.
    time.sleep(1)
    statuses = [Client().get("/healthz").status for _ in range(20)]
    eq(statuses, [200] * 20, "the main kore after the restarts")


@test
def a_worker_killed_with_sigkill_is_replaced_and_nothing_else_fails():
    _, _, pid = new_proposal()
    k = fault_kore("sigkill")
    try:
        before = workers_of(k)
        eq(len(before), 2, "two workers")
        victim = sorted(before)[0]
        # A SIGHUP first: kore would reload the module in the parent and
        # the replacement worker would run it with an empty secret (its
        # CSRF checks would refuse every form posted below).
        k.proc.send_signal(signal.SIGHUP)
        time.sleep(0.5)
        load = Load(k.port, pid, sessions_for_load(2))
        with load:
            time.sleep(2)
            t_kill = time.time()
            os.kill(victim, signal.SIGKILL)
            time.sleep(4)
        deadline = time.time() + 10
        while len(workers_of(k)) != 2 and time.time() < deadline:
            time.sleep(0.2)
        after = workers_of(k)
        eq(len(after), 2, "a new worker replaced it")
        assert victim not in after
        # Only what the killed worker held at that instant may fail.
        failed = [e for e in load.log if not ok(e[2], e[3])]
        for e in failed:
            assert e[0] <= t_kill + 0.05 <= e[1] + 0.05, \
                "a request failed that the killed worker did not hold: %r" % (e[:4],)
        assert len(failed) <= 8, failed
        assert len([e for e in load.log if e[0] > t_kill + 0.5]) > 20, "load after the kill"
        check_writes(load, pid, load.post_comment)
    finally:
        k.stop()
    harness.contains(k.log_text(), "restarting worker", "kore log")


def watchdog(url, pg_port, state, marker):
    env = dict(os.environ, WATCHDOG_URL=url, WATCHDOG_PROBES="4",
               WATCHDOG_FAILS="3", WATCHDOG_PG="-h 127.0.0.1 -p %s" % pg_port,
               WATCHDOG_STATE=state, WATCHDOG_RESTART="touch %s" % marker)
    return subprocess.run(["sh", os.path.join(harness.ROOT, "conf", "production",
                                              "agora-watchdog")],
                          env=env, capture_output=True, text=True, timeout=60)


@test
def the_watchdog_restarts_kore_only_when_it_fails_with_postgresql_up():
    state = os.path.join(harness.TEST_DIR, "watchdog.count")
    marker = os.path.join(harness.TEST_DIR, "watchdog.restarted")
    for f in (state, marker):
        if os.path.exists(f):
            os.unlink(f)
    healthy = "http://127.0.0.1:%d/healthz" % harness.PORT
    for _ in range(4):
        r = watchdog(healthy, harness.PG_PORT, state, marker)
        eq(r.returncode, 0, r.stderr)
    assert not os.path.exists(marker), "a healthy kore is left alone"
    # A kore that answers 503 to everything (its database setting is
    # wrong) while PostgreSQL is up: restarted at the third check.
    k = harness.Kore("watchdog", port=harness.EXTRA_PORT + 1, env={
        "AGORA_DATABASE": "host=127.0.0.1 port=1 dbname=x user=x "
                          "sslmode=disable gssencmode=disable"}).start()
    try:
        sick = "http://127.0.0.1:%d/healthz" % k.port
        # PostgreSQL down (nothing on port 1): wait, never restart.
        for _ in range(4):
            r = watchdog(sick, "1", state, marker)
            harness.contains(r.stdout, "PostgreSQL is down")
        assert not os.path.exists(marker), "no restart while PostgreSQL is down"
        for i in range(3):
            assert not os.path.exists(marker), "restarted too early (%d)" % i
            r = watchdog(sick, harness.PG_PORT, state, marker)
            harness.contains(r.stdout, "health checks failed with PostgreSQL up")
        assert os.path.exists(marker), "restarted after 3 failed checks: " + r.stdout
        harness.contains(r.stdout, "restarting kore")
    finally:
        k.stop()
