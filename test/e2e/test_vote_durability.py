# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""An acknowledged vote survives a crash (issue 18, item 1): votes are
sent over HTTP by several signed-in people at once, PostgreSQL is killed
with SIGKILL (the postmaster and every backend, no shutdown checkpoint)
right after the last answer, started again (crash recovery from the WAL),
and every vote kore acknowledged is in the database with its choice; the
report's figures (report_theme_totals, summed over the slots of
migration 0350) still equal a recount.
"""

import os
import random
import signal
import threading
import time

import harness
from harness import Client, eq, signed_in, sql, sql_value, test
from participation_lib import csrf_of, new_proposal

VOTERS = 8
PROPOSALS = 4


def cluster_pids():
    """The postmaster of the test cluster and its children, by pid."""
    path = os.path.join(harness.ROOT, "var", "pg", "data", "postmaster.pid")
    with open(path) as f:
        pm = int(f.readline())
    kids = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open("/proc/%s/stat" % d) as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pm:
                        kids.append(int(d))
            except (OSError, IndexError, ValueError):
                pass
    return pm, kids


def burst(voters, pids):
    """Every voter votes on every proposal, the voters in parallel; returns
    the acknowledged (user, proposal, choice)."""
    acked, lock = [], threading.Lock()

    def one(client, uid, token):
        for pid in pids:
            choice = random.choice(["agree", "mixed", "disagree"])
            r = client.post("/propositions/%d/vote" % pid,
                            {"csrf": token, "choix": choice})
            if r.status in (200, 303):
                with lock:
                    acked.append((uid, pid, choice))
    threads = [threading.Thread(target=one, args=v) for v in voters]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return acked


@test
def acknowledged_votes_survive_a_sigkill_of_postgresql():
    pids = [new_proposal()[2] for _ in range(PROPOSALS)]
    voters = []
    for _ in range(VOTERS):
        c, uid = signed_in()
        voters.append((c, uid, csrf_of(c)))
    acked = burst(voters, pids)
    eq(len(acked), VOTERS * PROPOSALS, "every vote of the burst answered")
    pm, kids = cluster_pids()
    os.kill(pm, signal.SIGKILL)
    for k in kids:
        try:
            os.kill(k, signal.SIGKILL)
        except ProcessLookupError:
            pass
    deadline = time.time() + 10
    while time.time() < deadline and os.path.exists("/proc/%d" % pm):
        time.sleep(0.05)
    time.sleep(0.5)
    r = harness.devdb("start")
    assert r.returncode == 0, r.stdout + r.stderr
    found = set(tuple(x) for x in sql(
        "SELECT user_id, contribution_id, choice FROM votes"
        " WHERE contribution_id IN (%s)" % ",".join(map(str, pids))))
    missing = [a for a in acked if (str(a[0]), str(a[1]), a[2]) not in found]
    eq(missing, [], "every acknowledged vote is there after the crash")
    eq(sql_value("SELECT count(*) FROM report_theme_totals r JOIN ("
                 " SELECT c.theme_id, count(*) AS n FROM votes v"
                 " JOIN contributions c ON c.id = v.contribution_id"
                 " WHERE c.is_public GROUP BY 1) x ON x.theme_id = r.theme_id"
                 " WHERE r.votes <> x.n"), "0", "the report = recount after recovery")
    # kore is back on its feet: a page that reads the database answers.
    ok = False
    for _ in range(50):
        if Client().get("/propositions/%d" % pids[0]).status == 200:
            ok = True
            break
        time.sleep(0.2)
    assert ok, "kore serves again after the restart"
