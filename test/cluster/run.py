# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""make cluster-test (issue 18, item 3): starts the cluster of cluster.py
(primary, synchronous replica, two kore hosts, nginx) and checks, through
HTTP against PostgreSQL:
  - nginx spreads requests over both kore hosts;
  - a vote posted through host A is seen through host B (same session);
  - the replica holds every acknowledged vote;
  - public pages (replica.c's list) read on the replica, and equal the
    primary's once replay, paused meanwhile, caught up;
  - with replay paused, a voter's next page (read on the primary for a few
    seconds after their POST) shows their vote; others leave the replica
    once it lags more than replica_max_lag_seconds (1 s here);
  - the replica stopped: every page still answered, from the primary;
  - a kore host killed with SIGKILL under load: every read is answered
    (nginx tries the other host), every acknowledged vote is kept, every
    failed vote is answered (502, the French page), none half-written;
  - the primary stopped (immediate: a crash) under load: the replica, still
    a standby, already holds every acknowledged vote; pg_ctl promote, and
    the same kore processes (libpq multi-host, target_session_attrs =
    read-write) take votes again from the same sessions; the time to
    failover and the requests failed meanwhile are printed.
Usage: run.py [--short] [--pgbouncer] (make test: fewer voters and
proposals, one failover; make cluster-test: more load, and a failover back
to the first server rebuilt as the replica of the second; then, when
pgbouncer is installed, --pgbouncer: the same with a pgbouncer beside each
server and the kore hosts connected through them, the kore hosts not
killed). Writes RESULTS/cluster (RESULTS/cluster-pgbouncer)."""

import os
import random
import re
from collections import Counter
import signal
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import cluster  # noqa: E402

os.environ["TEST_HTTP_PORT"] = str(cluster.HTTP)
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))
import harness  # noqa: E402

C = None
SHORT = "--short" in sys.argv
PGBOUNCER = "--pgbouncer" in sys.argv
if PGBOUNCER:
    cluster.PGBOUNCER = True
VOTERS = 4 if SHORT else 12
PROPOSALS = 6 if SHORT else 30
FIGURES = []


def primary_sql(query, db=None):
    return C.primary.sql(query)


# The harness's helpers (accounts, sessions, fixtures) write to the
# cluster's current primary.
harness.sql = primary_sql
from harness import Client, contains, eq, signed_in  # noqa: E402
from participation_lib import csrf_of, db_proposal, new_proposal, vote, word  # noqa: E402
from load import Load  # noqa: E402

TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


def votes_of(pg, pids):
    return pg.sql("SELECT user_id, contribution_id, choice FROM votes"
                  " WHERE contribution_id IN (%s)" % ",".join(map(str, pids)))


def report_equals_recount(pg):
    """The report's per-theme totals equal a recount of the votes: a vote
    is never half-written, whatever failed around it."""
    eq(pg.value("SELECT count(*) FROM report_theme_totals r FULL JOIN ("
                " SELECT c.theme_id, count(*) AS n FROM votes v"
                " JOIN contributions c ON c.id = v.contribution_id"
                " WHERE c.is_public GROUP BY 1) x ON x.theme_id = r.theme_id"
                " WHERE coalesce(r.votes, 0) <> coalesce(x.n, 0)"), "0",
       "report = recount")


def voters(n):
    out = []
    for _ in range(n):
        c, uid = signed_in()
        out.append((c, uid, csrf_of(c)))
    return out


def proposals(n):
    return [db_proposal("Proposition %s" % word()) for _ in range(n)]


@test
def nginx_spreads_requests_over_both_kore_hosts():
    seen = set()
    for _ in range(10):
        r = Client().get("/")
        eq(r.status, 200, "GET / through nginx")
        seen.add(r.header("x-agora-upstream"))
    eq(seen, {"127.0.0.1:%d" % h.port for h in C.hosts}, "hosts that answered")


@test
def a_vote_through_host_a_is_seen_through_host_b():
    _, _, pid = new_proposal()
    ca, uid = signed_in()
    ca.port = C.hosts[0].port
    r = ca.post("/propositions/%d/vote" % pid, {"csrf": csrf_of(ca), "choix": "agree"})
    eq(r.status, 303, "vote through host A")
    cb = Client(port=C.hosts[1].port)
    cb.cookies = dict(ca.cookies)
    page = cb.get("/propositions/%d" % pid)
    eq(page.status, 200, "the proposal through host B")
    contains(page.text, "Votre avis :", "host B shows the vote made through A")
    contains(page.text, "1 avis au total", "host B counts it")
    cluster.wait_replayed(C.replica())
    eq(votes_of(C.replica(), [pid]), [[str(uid), str(pid), "agree"]], "the vote on the replica")


# ------------------------------------------------------- reads on the replica

# Every route replica.c sends to the replica, with a path to try: each must
# answer 200 from a hot standby (a statement that writes would fail there).
def replica_paths():
    pid = int(C.primary.value("SELECT id FROM contributions WHERE kind = 'proposal'"
                              " AND is_public ORDER BY id DESC LIMIT 1"))
    return ["/", "/themes/ethique", "/propositions/%d" % pid, "/export/",
            "/export/contributions.csv", "/export/contributions.json",
            "/export/themes/ethique.csv", "/export/syntheses.json", "/conseil/",
            "/export/conseil.json", "/rapports/", "/rapports/ethique",
            "/api/v1/themes", "/api/v1/contributions", "/api/v1/rapports/ethique",
            "/consultations/", "/recherche?q=proposition", "/moderation/transparence",
            "/participer-pres-de-chez-vous", "/participer-pres-de-chez-vous/tournee.ics"]


# The rest of replica.c's list, with no such item in the test's data: a
# 404 page (or a redirect), still read on the replica, every statement
# before it run there.
MISSING_ON_REPLICA = ["/consultations/nulle-part", "/syntheses/nulle-part", "/conseil/avis/999999",
                      "/export/sujets/nulle-part/sujets.csv",
                      "/consultations/nulle-part/themes/nulle-part",
                      "/consultations/nulle-part/rapports/",
                      "/consultations/nulle-part/rapports/nulle-part"]


def no_read_retried_on_the_primary():
    """A statement that writes, on a route replica.c lists, fails on the
    standby and is read again on the primary with this warning."""
    for h in C.hosts:
        with open(h.log, errors="replace") as f:
            bad = [l.strip() for l in f if "read again on the primary" in l]
        eq(bad[:3], [], "kore %s: reads that failed on the replica" % h.name)


def replica_routes_are_get_routes():
    """replica.c's list names GET routes of routes.def, and the test tries
    each of them (a renamed route would silently leave the replica)."""
    root = os.path.join(HERE, "..", "..")
    with open(os.path.join(root, "app", "web", "kernel", "replica.c")) as f:
        text = f.read()
    listed = re.findall(r'"(/[^"]*)"', text[text.index("replica_routes[]"):
                                            text.index("replica_configure")])
    with open(os.path.join(root, "app", "core", "routes.def")) as f:
        gets = set(re.findall(r'ROUTE\("([^"]+)",\s*METHOD_GET', f.read()))
    eq([p for p in listed if p not in gets], [], "replica routes that are not GET routes")
    return listed


def read_from(client, path, want, timeout=10):
    """GET path until x-agora-read says want (the probe's view may take a
    few tenths of a second to change); returns the response."""
    deadline = time.time() + timeout
    while True:
        r = client.get(path)
        if r.header("x-agora-read") == want or time.time() > deadline:
            eq((r.status, r.header("x-agora-read")), (200, want), "GET %s" % path)
            return r
        time.sleep(0.1)


def primary_reader():
    """A visitor who just wrote: the cookie sends their reads to the primary."""
    c = Client()
    c.cookies["agora_ecrit"] = str(int(time.time()))
    return c


def without_tokens(text):
    return re.sub(r'name="csrf" value="[^"]*"', "", text)


@test
def public_pages_read_from_the_replica_and_match_the_primary_after_catch_up():
    cluster.wait_replayed(C.replica())
    eq(len(replica_routes_are_get_routes()), len(replica_paths()) + len(MISSING_ON_REPLICA),
       "routes tried on the replica")
    anon = Client()
    for path in replica_paths():
        read_from(anon, path, "replica")
    for path in MISSING_ON_REPLICA:
        r = anon.get(path)
        eq((r.status in (303, 404), r.header("x-agora-read")), (True, "replica"),
           "GET %s (%d)" % (path, r.status))
    no_read_retried_on_the_primary()
    eq(Client().get("/compte/").header("x-agora-read"), None, "a personal page")
    _, _, pid = new_proposal()
    C.replica().sql("SELECT pg_wal_replay_pause()", db="postgres")
    try:
        voter, _ = signed_in()
        eq(vote(voter, pid, "agree").status, 303, "a vote with replay paused")
        eq(C.replica().value("SELECT count(*) FROM votes WHERE contribution_id = %d" % pid),
           "0", "the replica has not replayed the vote yet")
        eq(C.primary.value("SELECT count(*) FROM votes WHERE contribution_id = %d" % pid),
           "1", "the primary has it")
    finally:
        C.replica().sql("SELECT pg_wal_replay_resume()", db="postgres")
    cluster.wait_replayed(C.replica())
    for path in ("/rapports/ethique", "/api/v1/rapports/ethique",
                 "/api/v1/contributions", "/themes/ethique?tri=recent"):
        on_replica = read_from(anon, path, "replica")
        on_primary = read_from(primary_reader(), path, "primary (own write)")
        eq(without_tokens(on_replica.text), without_tokens(on_primary.text),
           "%s on the replica and on the primary" % path)
    contains(read_from(anon, "/propositions/%d" % pid, "replica").text, "1 avis au total",
             "the vote, read on the replica after catch-up")


@test
def a_voter_sees_their_vote_at_once_while_the_replica_is_paused():
    _, _, pid = new_proposal()
    cluster.wait_replayed(C.replica())
    read_from(Client(), "/propositions/%d" % pid, "replica")
    C.replica().sql("SELECT pg_wal_replay_pause()", db="postgres")
    t_pause = time.time()
    try:
        voter, _ = signed_in()
        r = vote(voter, pid, "agree")
        eq(r.status, 303, "the vote")
        page = voter.get(r.header("location").split("#")[0])
        eq(page.header("x-agora-read"), "primary (own write)", "the voter's next page")
        contains(page.text, "Votre avis :", "the voter sees their vote")
        contains(page.text, "1 avis au total", "and its count")
        # Everyone else: the replica falls behind the bound and leaves the
        # rotation; the count they read is then the primary's.
        other = read_from(Client(), "/propositions/%d" % pid, "primary (replica out)",
                          timeout=cluster.MAX_LAG + 5)
        contains(other.text, "1 avis au total", "another visitor, replica out")
        out_after = time.time() - t_pause
        eq(C.replica().value("SELECT count(*) FROM votes WHERE contribution_id = %d" % pid),
           "0", "the replica still lacks the vote")
    finally:
        C.replica().sql("SELECT pg_wal_replay_resume()", db="postgres")
    t_resume = time.time()
    back = read_from(Client(), "/propositions/%d" % pid, "replica")
    contains(back.text, "1 avis au total", "the replica, caught up, back in the rotation")
    back_after = time.time() - t_resume
    logs = "".join(open(h.log, errors="replace").read() for h in C.hosts)
    contains(logs, "replica out of the read rotation", "the kore log")
    FIGURES.append("replica paused (replica_max_lag_seconds = %d): out of the read rotation"
                   " %.1f s after the pause, back %.1f s after the resume; the voter read"
                   " the primary at once" % (cluster.MAX_LAG, out_after, back_after))


@test
def the_replica_down_public_pages_come_from_the_primary():
    replica = C.replica()
    replica.stop("fast")
    t_stop = time.time()
    try:
        anon = Client()
        for path in replica_paths()[:4]:
            eq(anon.get(path).status, 200, "GET %s, the replica down" % path)
        read_from(anon, "/rapports/ethique", "primary (replica out)")
        out_after = time.time() - t_stop
        for path in replica_paths():
            read_from(anon, path, "primary (replica out)")
    finally:
        replica.start(primary=False)
        cluster.wait_sync(C.primary)
    read_from(Client(), "/rapports/ethique", "replica")
    FIGURES.append("replica stopped: every page 200, all from the primary %.1f s after the"
                   " stop" % out_after)


def kill_host_under_load(victim):
    pids = proposals(PROPOSALS)
    load = Load(voters(VOTERS), pids, "/propositions/%d" % pids[0]).start()
    time.sleep(1.0)
    t_kill = time.time()
    victim.kill(signal.SIGKILL)
    time.sleep(2.0 if SHORT else 4.0)
    load.stop()
    eq(load.unanswered()[:3], [], "requests left without an HTTP answer")
    failed_reads = [r for r in load.reads if r[1] != 200]
    eq(failed_reads[:3], [], "reads that failed (nginx tries the other host)")
    bad = [a.status for a in load.attempts if a.status not in (303, 502)]
    eq(bad[:3], [], "votes answered other than 303 or 502")
    after = [a for a in load.acked_since(t_kill + 0.5)]
    assert after, "votes acknowledged after the kill"
    eq(load.lost(votes_of(C.primary, pids)), [], "acknowledged votes lost")
    report_equals_recount(C.primary)
    FIGURES.append("kill kore %s under load: %d votes acknowledged, %d answered 502,"
                   " %d reads all 200" % (victim.name, len(load.acked()),
                                          sum(1 for a in load.attempts if a.status == 502),
                                          len(load.reads)))
    victim.start()


def killing_one_kore_host_loses_no_acknowledged_vote_and_nginx_keeps_serving():
    kill_host_under_load(C.hosts[0])
    if not SHORT:
        kill_host_under_load(C.hosts[1])


if not PGBOUNCER:
    test(killing_one_kore_host_loses_no_acknowledged_vote_and_nginx_keeps_serving)


def failover(old, new):
    """Stops old (immediate: a crash), checks new has every acknowledged
    vote before promoting it, promotes it; returns the figures."""
    pids = proposals(PROPOSALS)
    vs = voters(VOTERS)
    load = Load(vs, pids, "/propositions/%d" % pids[0]).start()
    time.sleep(1.5)
    t_stop = time.time()
    old.stop("immediate")
    if PGBOUNCER:
        # The whole machine lost, its pgbouncer with it. A pgbouncer left
        # up beside a dead server answers each login with a FATAL error
        # ("server login has been failing", once one login to the server
        # failed), and libpq then stops: it tries the next host after a
        # refused connection or a timeout, never after an error from the
        # server (README, "Several machines").
        C.bouncer_of(old).stop(signal.SIGKILL)
    t_stopped = time.time()
    # Nothing can be acknowledged any more: the standby must already hold
    # every vote acknowledged so far (synchronous replication).
    cluster.wait_replayed(new)
    before = [a for a in load.attempts if a.t <= t_stopped]
    eq(load.lost(votes_of(new, pids)) if before else [], [],
       "acknowledged votes missing on the replica at the crash")
    new.promote()
    t_promoted = time.time()
    if PGBOUNCER:
        # What a Patroni on_role_change callback would do: restart the
        # promoted server's pgbouncer. It hands every new client the
        # parameters of its first server login, in_hot_standby = on
        # included, so libpq would find it read-only forever.
        C.bouncer_of(new).stop()
        C.bouncer_of(new).start()
    C.primary = new
    deadline = time.time() + 30
    while time.time() < deadline and not load.acked_since(t_promoted):
        time.sleep(0.05)
    time.sleep(1.5)
    load.stop()
    first = min((a.t for a in load.acked_since(t_promoted)), default=None)
    assert first is not None, "no vote acknowledged after the promotion"
    eq(load.lost(votes_of(new, pids)), [], "acknowledged votes lost in the failover")
    report_equals_recount(new)
    eq(load.unanswered()[:3], [], "requests left without an HTTP answer")
    # Sessions are rows of the database: every voter signed in before the
    # crash had a vote acknowledged after it, with the same cookie.
    eq(sorted({a.uid for a in load.acked_since(t_promoted)}), sorted(v[1] for v in vs),
       "voters whose session carried on after the failover")
    window = [a for a in load.attempts if t_stop <= a.t <= first]
    reads = [r for r in load.reads if t_stop <= r[0] <= first]
    answers = Counter(str(a.status) for a in window if a.status != 303)
    answers.update(str(r[1]) for r in reads if r[1] != 200)
    FIGURES.append(
        ("through pgbouncer: " if PGBOUNCER else "") +
        "failover %s -> %s: promote %.2f s after the crash, first vote acknowledged"
        " %.2f s after the crash (%.2f s after promote); meanwhile %d votes and %d reads"
        " failed (of %d and %d; answers %s), 0 acknowledged votes lost (%d acknowledged"
        " in all)"
        % (old.name, new.name, t_promoted - t_stop, first - t_stop, first - t_promoted,
           sum(1 for a in window if a.status != 303), sum(1 for r in reads if r[1] != 200),
           len(window), len(reads), dict(answers), len(load.acked())))


@test
def promoting_the_replica_carries_on_without_restarting_kore():
    pids_kore = [h.proc.pid for h in C.hosts]
    failover(C.a, C.b)
    eq([h.proc.pid for h in C.hosts], pids_kore, "the same kore processes")
    r = Client().get("/healthz")
    eq(r.status, 200, "healthz after the failover")


def failing_back_to_the_rebuilt_first_server():
    """The first server, rebuilt from the new primary (pg_basebackup), is
    its synchronous replica; a second failover brings the writes back."""
    cluster.rebuild_as_replica(C.b, C.a)
    if PGBOUNCER:
        C.bouncer_of(C.a).start()
    failover(C.b, C.a)


if not SHORT:
    test(failing_back_to_the_rebuilt_first_server)


def main():
    global C
    t0 = time.time()
    passed = failed = 0
    try:
        C = cluster.Cluster().start()
    except Exception as e:  # noqa: BLE001 - said plainly, before anything long
        print("cluster: cannot start: %s" % e)
        cluster.stop_all()
        write(0, 1)
        return 1
    try:
        for fn in TESTS:
            t = time.time()
            try:
                fn()
                passed += 1
                print("ok      cluster.%s (%.2fs)" % (fn.__name__, time.time() - t), flush=True)
            except Exception as e:  # noqa: BLE001 - every failure is reported
                failed += 1
                print("FAILED  cluster.%s: %s" % (fn.__name__, e), flush=True)
                if not isinstance(e, AssertionError):
                    import traceback
                    traceback.print_exc()
    finally:
        bad = [l for h in C.hosts for l in crash_lines(h)]
        if bad:
            failed += 1
            print("FAILED  kore logs: " + " | ".join(bad[:5]))
        if not os.environ.get("KEEP_CLUSTER"):
            cluster.stop_all()
    for f in FIGURES:
        print("figure  " + f)
    print("cluster%s: %d passed, %d failed (%.1f s)"
          % (" (pgbouncer)" if PGBOUNCER else "", passed, failed, time.time() - t0))
    write(passed, failed)
    return 1 if failed else 0


def crash_lines(host):
    import re
    bad = re.compile(r"sandbox violation|segfault|exited with status (?:4|6|7|8|11)\b")
    try:
        with open(host.log, errors="replace") as f:
            return [l.strip() for l in f if bad.search(l)]
    except OSError:
        return []


def write(passed, failed):
    d = os.environ.get("RESULTS")
    if d:
        os.makedirs(d, exist_ok=True)
        name = "cluster-pgbouncer" if PGBOUNCER else "cluster"
        with open(os.path.join(d, name), "w") as f:
            f.write("%d %d\n" % (passed, failed))


if __name__ == "__main__":
    random.seed()
    sys.exit(main())
