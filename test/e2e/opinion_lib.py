# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The Pol.is conversations the opinion-map tests import
(../shared/data/polis_opendata), read again with Python's csv module, and
the adjusted Rand index written again here."""

import collections
import csv
import math
import os

import harness
from harness import sql_value

POLIS = os.path.join(harness.ROOT, "..", "shared", "data", "polis_opendata")
BREXIT = os.path.join(POLIS, "brexit-consensus")
LONDON = os.path.join(POLIS, "london.youth.policing")
SLUGS = {BREXIT: "polis-brexit-consensus", LONDON: "polis-london-youth-policing"}


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def latest_votes(folder):
    """{(voter, comment): vote} keeping the latest timestamp (then line)."""
    best = {}
    for i, r in enumerate(read_csv(os.path.join(folder, "votes.csv"))):
        key = (r["voter-id"], r["comment-id"])
        t = (int(r["timestamp"]), i)
        if key not in best or t >= best[key][0]:
            best[key] = (t, int(r["vote"]))
    return {k: v for k, (_, v) in best.items()}


def ensure_imported(folder):
    slug = SLUGS[folder]
    if sql_value("SELECT count(*) FROM consultations WHERE slug = '%s'" % slug) == "0":
        r = harness.agora("import", "polis", folder)
        assert r.returncode == 0, r.stderr
    return slug


def adjusted_rand(a, b):
    """Hubert and Arabie's ARI of two labellings of the same items."""
    n = len(a)
    pairs = collections.Counter(zip(a, b))
    ca, cb = collections.Counter(a), collections.Counter(b)
    comb = lambda x: x * (x - 1) / 2  # noqa: E731
    s = sum(comb(v) for v in pairs.values())
    sa = sum(comb(v) for v in ca.values())
    sb = sum(comb(v) for v in cb.values())
    expected = sa * sb / comb(n)
    top = (sa + sb) / 2
    return (s - expected) / (top - expected) if top != expected else math.nan
