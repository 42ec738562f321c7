# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""An independent recomputation of a theme's topics from its open-data
file (/export/sujets/<consultation>/<theme>.csv), with Python's standard
library only, following the specification of app/core/topics.h rather
than its code: TF-IDF of the published stems, k-means++ seeded by
splitmix64, spherical k-means, k by the best mean cosine silhouette, topics
numbered by size. recompute(rows) returns {proposal id: topic (1-based) or
None}; the file's own column `sujet` must be the same."""

import csv
import io
import math

MASK = (1 << 64) - 1
PARAMS = dict(k_min=2, k_max=8, min_df=2, min_docs=6, restarts=4, max_iter=50,
              seed=20151)


class Rng:
    def __init__(self, seed):
        self.s = seed & MASK

    def uniform(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & MASK
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        return (z >> 11) * (2.0 ** -53)


def parse(text):
    """The file's rows: (id, topic or None, {stem: count})."""
    out = []
    for r in csv.DictReader(io.StringIO(text)):
        terms = {}
        for item in r["termes"].split():
            stem, _, n = item.rpartition(":")
            terms[stem] = int(n)
        out.append((int(r["id"]), int(r["sujet"]) if r["sujet"] else None, terms))
    return out


def vectors(rows, min_df):
    """Per proposal: a sorted list of (term index, weight), normalised."""
    df = {}
    for _, _, terms in rows:
        for s in terms:
            df[s] = df.get(s, 0) + 1
    stems = sorted(df, key=lambda s: s.encode())
    index = {s: i for i, s in enumerate(stems)}
    n = len(rows)
    vecs = []
    for _, _, terms in rows:
        v = []
        for s in sorted(terms, key=lambda s: s.encode()):
            if df[s] < min_df:
                continue
            w = (1 + math.log(terms[s])) * math.log(n / df[s])
            if w != 0:
                v.append((index[s], w))
        norm = 0.0
        for _, w in v:
            norm += w * w
        if norm > 0:
            norm = math.sqrt(norm)
            vecs.append([(t, w / norm) for t, w in v])
        else:
            vecs.append(None)
    return vecs, len(stems)


def dot(v, c):
    s = 0.0
    for t, w in v:
        s += w * c.get(t, 0.0)
    return s


def seed(vecs, ok, k, rng):
    nth = int(rng.uniform() * len(ok))
    first = ok[nth]
    centres = [dict(vecs[first])]
    dist = [0.0] * len(vecs)
    for d in ok:
        dist[d] = 1 - dot(vecs[d], centres[0])
    for _ in range(1, k):
        total = 0.0
        for d in range(len(vecs)):
            total += dist[d] * dist[d]
        target = rng.uniform() * total
        pick = last = None
        acc = 0.0
        for d in ok:
            if dist[d] * dist[d] <= 0:
                continue
            last = d
            acc += dist[d] * dist[d]
            if acc > target:
                pick = d
                break
        if pick is None:
            pick = last if last is not None else first
        c = dict(vecs[pick])
        centres.append(c)
        for d in ok:
            s = 1 - dot(vecs[d], c)
            if s < dist[d]:
                dist[d] = s
    return centres


def lloyd(vecs, ok, centres, nterms, max_iter):
    k = len(centres)
    assign = [-1] * len(vecs)
    for _ in range(max_iter):
        moved = 0
        for d in ok:
            best, b = dot(vecs[d], centres[0]), 0
            for j in range(1, k):
                s = dot(vecs[d], centres[j])
                if s > best:
                    best, b = s, j
            if b != assign[d]:
                assign[d] = b
                moved += 1
        if moved == 0:
            break
        size = [0] * k
        for d in ok:
            size[assign[d]] += 1
        sums = [[0.0] * nterms for _ in range(k)]
        for d in ok:
            row = sums[assign[d]]
            for t, w in vecs[d]:
                row[t] += w
        for j in range(k):
            if size[j] == 0:
                continue
            norm = 0.0
            for x in sums[j]:
                norm += x * x
            norm = math.sqrt(norm)
            centres[j] = {t: (x / norm if norm > 0 else x)
                          for t, x in enumerate(sums[j]) if x != 0.0}
    objective = 0.0
    for d in ok:
        objective += dot(vecs[d], centres[assign[d]])
    return assign, objective


def silhouette(vecs, ok, assign, k):
    size = [0] * k
    sums = [dict() for _ in range(k)]
    for d in ok:
        size[assign[d]] += 1
        s = sums[assign[d]]
        for t, w in vecs[d]:
            s[t] = s.get(t, 0.0) + w
    total = 0.0
    for d in ok:
        own = assign[d]
        if size[own] < 2:
            continue
        self_ = 0.0
        for _, w in vecs[d]:
            self_ += w * w
        a = 1 - (dot(vecs[d], sums[own]) - self_) / (size[own] - 1)
        b = math.inf
        for j in range(k):
            if j == own or size[j] == 0:
                continue
            s = 1 - dot(vecs[d], sums[j]) / size[j]
            if s < b:
                b = s
        if b == math.inf:
            continue
        m = max(a, b)
        if m > 0:
            total += (b - a) / m
    return total / len(ok)


def recompute(rows, p=PARAMS):
    vecs, nterms = vectors(rows, p["min_df"])
    ok = [d for d, v in enumerate(vecs) if v is not None]
    if not rows or len(ok) < p["min_docs"]:
        return {r[0]: None for r in rows}
    rng = Rng(p["seed"])
    kmax = max(min(p["k_max"], len(ok) // 3), p["k_min"])
    best = None
    for k in range(p["k_min"], kmax + 1):
        kbest = None
        for r in range(p["restarts"]):
            centres = seed(vecs, ok, k, rng)
            assign, obj = lloyd(vecs, ok, centres, nterms, p["max_iter"])
            if r == 0 or obj > kbest[1]:
                kbest = (assign, obj)
        s = silhouette(vecs, ok, kbest[0], k)
        if best is None or s > best[1]:
            best = (kbest[0], s, k)
    assign, _, k = best
    size = [0] * k
    first = [len(vecs)] * k
    for d in ok:
        size[assign[d]] += 1
        first[assign[d]] = min(first[assign[d]], d)
    order = sorted((j for j in range(k) if size[j]), key=lambda j: (-size[j], first[j]))
    number = {j: i + 1 for i, j in enumerate(order)}
    return {rows[d][0]: (number[assign[d]] if vecs[d] is not None else None)
            for d in range(len(rows))}
