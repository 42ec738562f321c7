# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""An outsider's recount of the figures Agora publishes, from the open-data
files alone (downloaded over HTTP, read with Python's csv and json modules),
by an implementation that shares nothing with the project's SQL or C: the
rules are those /export/ documents ("Recalculer les rapports"). Used by
test_reports_opendata.py."""

import csv
import datetime
import io
import json
import math
import re
import zoneinfo
from decimal import Decimal
from fractions import Fraction

from harness import Client, eq

# A cell whose text, after its leading apostrophes, starts with one of these
# was guarded with one more apostrophe (/export/, "Format").
STARTERS = "=+-@\t\r\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b\u2212"
GUARDED = re.compile("^'+[" + re.escape(STARTERS) + "]")
NEEDS_GUARD = re.compile("^'*[" + re.escape(STARTERS) + "]")
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def unguard(cell):
    """The re-user's rule: a guarded cell loses exactly one apostrophe."""
    return cell[1:] if GUARDED.match(cell) else cell


def guard(text):
    """What a cell must hold for the text (the writer's rule)."""
    return "'" + text if NEEDS_GUARD.match(text) else text


def fetch(path):
    r = Client().get(path)
    eq(r.status, 200, path)
    return r.body.decode("utf-8")


def read_csv(text):
    """The rows of a CSV file as dicts of text cells, unguarded."""
    return [{k: unguard(v) for k, v in r.items()}
            for r in csv.DictReader(io.StringIO(text, newline=""))]


def cell(v):
    """What a CSV cell holds for a JSON value."""
    return "" if v is None else str(v)


def download(path):
    """path without extension: the JSON rows, checked cell by cell against
    the CSV file's (unguarded) rows, with "" for no value, so that every
    figure recounted from one holds for the other."""
    rows = read_csv(fetch(path + ".csv"))
    data = json.loads(fetch(path + ".json"))
    eq(len(rows), len(data), "rows of " + path)
    for r, o in zip(rows, data):
        eq(r, {k: cell(v) for k, v in o.items()}, "CSV and JSON row %s of %s" % (o["id"], path))
        for k, v in o.items():
            if v == "":
                o[k] = None
    return data


# ---------------------------------------------------------------- threads

def threads(rows):
    """id -> the id of the proposal whose thread the row belongs to, by
    walking parent_id up; every parent must be in the same file."""
    by_id = {r["id"]: r for r in rows}
    root = {}
    for r in rows:
        x, seen = r, 0
        while x["parent_id"] is not None:
            assert x["parent_id"] in by_id, \
                "row %d answers %d, which is not in the file" % (x["id"], x["parent_id"])
            x = by_id[x["parent_id"]]
            seen += 1
            assert seen < 1000, "cycle"
        root[r["id"]] = x["id"]
    return root


def votes(r):
    return r["votes_d_accord"] + r["votes_mitige"] + r["votes_pas_d_accord"]


def counts(rows):
    """The participation figures a file allows."""
    return {
        "contributeurs": len({r["auteur"] for r in rows if r["auteur"]}),
        "propositions": sum(r["type"] == "proposition" for r in rows),
        "arguments": sum(r["type"] == "argument" for r in rows),
        "commentaires": sum(r["type"] == "commentaire" for r in rows),
        "votes": sum(votes(r) for r in rows),
        "publiees": len(rows),
        "reponses_officielles": sum(r["reponse_statut"] is not None for r in rows),
    }


# ---------------------------------------------------------------- time, places

def monday(iso):
    t = datetime.datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ")
    d = t.replace(tzinfo=datetime.timezone.utc).astimezone(PARIS).date()
    return d - datetime.timedelta(days=d.weekday())


def weeks(rows):
    """[(ISO Monday, "JJ/MM/AAAA", n)] from the first to the last week."""
    n = {}
    for r in rows:
        w = monday(r["cree_le"])
        n[w] = n.get(w, 0) + 1
    if not n:
        return []
    out, w = [], min(n)
    while w <= max(n):
        out.append((w.isoformat(), w.strftime("%d/%m/%Y"), n.get(w, 0)))
        w += datetime.timedelta(days=7)
    return out


def per_10000(n, population):
    """n per 10,000 inhabitants, two decimals rounded half up, "12,34"."""
    q = Fraction(n * 10000, population) * 100
    whole = math.floor(q + Fraction(1, 2))
    return ("%d.%02d" % (whole // 100, whole % 100)).replace(".", ",")


def territories(rows, places):
    """places: [(code, name, population or None)] in the report's order;
    [(code, name, n, rate or None)], then "Non renseigné"."""
    n = {}
    for r in rows:
        n[r["departement"] or ""] = n.get(r["departement"] or "", 0) + 1
    out = [(c, name, n.get(c, 0), per_10000(n.get(c, 0), pop) if pop else None)
           for c, name, pop in places]
    return out + [("", "Non renseigné", n.get("", 0), None)]


# ---------------------------------------------------------------- rankings

def wilson(agree, total):
    """Lower bound of the Wilson interval at 95 %, in the order of operations
    /export/ gives (z = 1.96, z² = 3.8416, z²/2 = 1.9208, z²/4 = 0.9604)."""
    if total <= 0:
        return 0.0
    p = agree / total
    return (p + float(Decimal("1.9208") / total)
            - 1.96 * math.sqrt(p * (1 - p) / total + 0.9604 / (total * total))) \
        / float(1 + Decimal("3.8416") / total)


def pct(x):
    return ("%.1f" % (100 * x)).replace(".", ",")


def consensus(rows):
    props = [r for r in rows if r["type"] == "proposition" and votes(r) > 0]
    props.sort(key=lambda r: (-wilson(r["votes_d_accord"], votes(r)), r["id"]))
    return [(r["id"], r["titre"], r["votes_d_accord"], r["votes_mitige"],
             r["votes_pas_d_accord"], pct(wilson(r["votes_d_accord"], votes(r))),
             r["reponse_statut"]) for r in props[:10]]


def divided(rows):
    def score(r):
        a, d = r["votes_d_accord"], r["votes_pas_d_accord"]
        return wilson(min(a, d), a + d)
    props = [r for r in rows if r["type"] == "proposition"
             and r["votes_d_accord"] > 0 and r["votes_pas_d_accord"] > 0]
    props.sort(key=lambda r: (-score(r), r["id"]))
    return [(r["id"], r["titre"], r["votes_d_accord"], r["votes_mitige"],
             r["votes_pas_d_accord"], pct(score(r)), r["reponse_statut"]) for r in props[:10]]


def debated(rows):
    """[(id, title, pour, contre, comments, total)]: the 10 proposals with
    the most arguments and comments in their thread."""
    root = threads(rows)
    tally = {}
    for r in rows:
        if r["type"] == "proposition":
            continue
        t = tally.setdefault(root[r["id"]], [0, 0, 0])
        t[0 if r["position"] == "pour" else 1 if r["position"] == "contre" else 2] += 1
    titles = {r["id"]: r["titre"] for r in rows if r["type"] == "proposition"}
    top = sorted(tally.items(), key=lambda kv: (-sum(kv[1]), kv[0]))[:10]
    return [(pid, titles[pid], p, c, m, p + c + m) for pid, (p, c, m) in top]


# ---------------------------------------------------------------- texts

WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def terms(rows, stopwords, extra):
    """[(word, occurrences, contributions)]: the 30 most frequent words of
    the titles and texts. A word is a run of letters and digits; a
    hyphenated word counts whole and by parts; lower case; kept when it has
    4 characters or more, is not only digits and is no stop word."""
    nentry, ndoc = {}, {}
    for r in rows:
        found = set()
        for m in WORD.finditer((r["titre"] or "") + " " + r["texte"]):
            w = m.group(0).lower()
            for t in [w] + (w.split("-") if "-" in w else []):
                if t in stopwords:
                    continue
                nentry[t] = nentry.get(t, 0) + 1
                found.add(t)
        for t in found:
            ndoc[t] = ndoc.get(t, 0) + 1
    keep = [w for w in nentry if len(w) >= 4 and not w.isdigit() and w not in extra]
    keep.sort(key=lambda w: (-nentry[w], -ndoc[w], w))
    return [(w, nentry[w], ndoc[w]) for w in keep[:30]]


def trigrams(s):
    out = set()
    for w in re.findall(r"[^\W_]+", s.lower()):
        p = "  " + w + " "
        out.update(p[i:i + 3] for i in range(len(p) - 2))
    return out


def similar_groups(rows):
    """The groups of proposals whose titles have a trigram similarity of at
    least 0.5 (pairs in id order, at most 300), as a set of frozensets."""
    props = sorted((r for r in rows if r["type"] == "proposition"), key=lambda r: r["id"])
    tri = {r["id"]: trigrams(r["titre"]) for r in props}
    pairs = []
    for i, a in enumerate(props):
        for b in props[i + 1:]:
            x, y = tri[a["id"]], tri[b["id"]]
            if x and y and Fraction(len(x & y), len(x | y)) >= Fraction(1, 2):
                pairs.append((a["id"], b["id"]))
    pairs = pairs[:300]
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x
    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups = {}
    for x in parent:
        groups.setdefault(find(x), set()).add(x)
    return {frozenset(g) for g in groups.values()}
