# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Load for the cluster tests: signed-in voters who vote through nginx,
each in a thread, and a reader of public pages, every attempt recorded
with its time and answer (None: no HTTP answer at all)."""

import random
import threading
import time

import harness

CHOICES = ("agree", "mixed", "disagree")


class Attempt:
    __slots__ = ("t", "uid", "pid", "choice", "status")

    def __init__(self, t, uid, pid, choice, status):
        self.t, self.uid, self.pid, self.choice, self.status = t, uid, pid, choice, status


def send(fn):
    """An answer's status, or None when the connection gave none."""
    try:
        return fn().status
    except OSError:
        return None


class Load:
    """voters: (client, uid, csrf); pids: the proposals they vote on, in
    turn, again and again with a new choice, until stop(). A vote that
    fails is tried again (same choice) after a short pause."""

    def __init__(self, voters, pids, read_path, pause=0.0):
        self.voters, self.pids, self.read_path = voters, pids, read_path
        self.pause = pause
        self.attempts, self.reads = [], []
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.threads = []

    def vote_loop(self, client, uid, token):
        i = random.randrange(len(self.pids))
        while not self.done.is_set():
            pid = self.pids[i % len(self.pids)]
            choice = random.choice(CHOICES)
            while not self.done.is_set():
                st = send(lambda: client.post("/propositions/%d/vote" % pid,
                                              {"csrf": token, "choix": choice}))
                with self.lock:
                    self.attempts.append(Attempt(time.time(), uid, pid, choice, st))
                if st == 303:
                    break
                time.sleep(0.05)
            i += 1
            if self.pause:
                time.sleep(self.pause)

    def read_loop(self):
        c = harness.Client()
        while not self.done.is_set():
            st = send(lambda: c.get(self.read_path))
            with self.lock:
                self.reads.append((time.time(), st))
            time.sleep(0.01)

    def start(self):
        self.threads = [threading.Thread(target=self.vote_loop, args=v) for v in self.voters]
        self.threads.append(threading.Thread(target=self.read_loop))
        for t in self.threads:
            t.start()
        return self

    def stop(self):
        self.done.set()
        for t in self.threads:
            t.join(60)

    def acked(self):
        return [a for a in self.attempts if a.status == 303]

    def acked_since(self, t):
        return [a for a in self.attempts if a.status == 303 and a.t > t]

    def lost(self, rows):
        """The acknowledged votes that rows (user_id, contribution_id,
        choice from the votes table) do not hold. A person's vote on one
        proposal may since have been replaced: what the table must hold is
        the last acknowledged choice, or the choice of an attempt after it
        (one that committed, but whose answer did not arrive)."""
        found = {(int(u), int(p)): c for u, p, c in rows}
        last, later = {}, {}
        for a in sorted(self.attempts, key=lambda a: a.t):
            k = (a.uid, a.pid)
            if a.status == 303:
                last[k] = a.choice
                later[k] = set()
            elif k in last:
                later[k].add(a.choice)
        return [(k, c) for k, c in last.items()
                if found.get(k) != c and found.get(k) not in later[k]]

    def unanswered(self):
        """Attempts that got no HTTP answer at all (a reset connection)."""
        return [a for a in self.attempts if a.status is None] + \
            [r for r in self.reads if r[1] is None]
