# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Helpers shared by the participation tests (test_participation*.py)."""

import random
import re

import fixtures
from harness import eq, make_user, signed_in, sql, sql_value

THEME = "ethique"


def word(n=9):
    """A random lower-case word: unique search key for one test."""
    return "".join(random.choice("bcdfghjkmnpqrtvwxz") for _ in range(n))


def propose(client, title, body="Un texte de proposition assez long pour passer.",
            territory="37", link="", slug=THEME, action="publish"):
    return client.submit("/themes/%s/proposer" % slug, "/themes/%s/proposer" % slug,
                         {"titre": title, "texte": body, "territoire": territory,
                          "lien": link, "action": action})


def new_proposal(title=None, body="Un texte de proposition assez long pour passer.",
                 territory="37", slug=THEME, client=None):
    """Publishes a proposal through HTTP; returns (client, user_id, id)."""
    uid = None
    if client is None:
        client, uid = signed_in(territory=territory)
    r = propose(client, title or "Proposition " + word(), body, territory, slug=slug)
    eq(r.status, 303, "publish: " + r.visible_text()[:300])
    m = re.match(r"^/propositions/(\d+)$", r.header("location"))
    assert m, r.header("location")
    return client, uid, int(m.group(1))


def db_proposal(title, theme=THEME, territory="37", author=None, created=None):
    """A published proposal made through participation_propose() (fixtures:
    the listing tests need many, faster than HTTP), by author or a new
    account of its own; created: an SQL time it is dated back to (listings
    sorted by date). Returns its id."""
    pid = fixtures.proposal(author or make_user(), title,
                            "Texte de la proposition %s" % title, slug=theme,
                            territory=territory)
    if created is not None:
        sql("UPDATE contributions SET created_at = %s WHERE id = %d" % (created, pid))
    return pid


def db_votes(pid, agree=0, mixed=0, disagree=0):
    """Adds votes from fresh accounts through participation_vote() (the
    triggers keep counters and rollups)."""
    for choice, n in (("agree", agree), ("mixed", mixed), ("disagree", disagree)):
        if n:
            eq(sql("CREATE TEMP TABLE voters AS WITH u AS (INSERT INTO users (email,"
                   " display_name) SELECT 'v' || md5(random()::text) || '@example.org',"
                   " 'Votant' FROM generate_series(1, %d) RETURNING id) SELECT id FROM u;"
                   " SELECT count(*) FILTER (WHERE participation_vote(id, %d, '%s') = 'ok')"
                   " FROM voters" % (n, pid, choice)), [[str(n)]], "votes")


def counters_match(pid):
    row = sql("SELECT votes_agree, votes_mixed, votes_disagree,"
              " (SELECT count(*) FILTER (WHERE choice='agree') FROM votes v WHERE v.contribution_id=c.contribution_id),"
              " (SELECT count(*) FILTER (WHERE choice='mixed') FROM votes v WHERE v.contribution_id=c.contribution_id),"
              " (SELECT count(*) FILTER (WHERE choice='disagree') FROM votes v WHERE v.contribution_id=c.contribution_id)"
              " FROM proposal_votes c WHERE c.contribution_id = %d" % pid)[0]
    eq(row[:3], row[3:], "counters equal the real counts")
    return [int(x) for x in row[:3]]


def count(table, where):
    return int(sql_value("SELECT count(*) FROM %s WHERE %s" % (table, where)))


class moved_dates:
    """Moves the primary consultation's dates (phase 'closed' or 'upcoming'),
    and restores them."""

    def __init__(self, phase):
        self.phase = phase

    def __enter__(self):
        self.saved = sql("SELECT opens_at, closes_at FROM consultations WHERE is_primary")[0]
        if self.phase == "closed":
            sql("UPDATE consultations SET opens_at = now() - interval '60 days',"
                " closes_at = now() - interval '1 day' WHERE is_primary")
        else:
            sql("UPDATE consultations SET opens_at = now() + interval '10 days',"
                " closes_at = now() + interval '60 days' WHERE is_primary")

    def __exit__(self, *exc):
        sql("UPDATE consultations SET opens_at = '%s', closes_at = '%s' WHERE is_primary"
            % tuple(self.saved))


def csrf_of(client):
    """A CSRF token for client's session, read from a page with a form."""
    return client.get("/themes/ethique/proposer").csrf()


def vote(client, pid, choice, token=None):
    return client.post("/propositions/%d/vote" % pid,
                       {"csrf": token or csrf_of(client), "choix": choice})


def post_argument(client, pid, position, text, token=None):
    return client.post("/propositions/%d/arguments" % pid,
                       {"csrf": token or csrf_of(client), "position": position, "texte": text})


def post_comment(client, pid, text, parent=None, token=None):
    f = {"csrf": token or csrf_of(client), "texte": text}
    if parent is not None:
        f["parent"] = str(parent)
    return client.post("/propositions/%d/commentaires" % pid, f)
