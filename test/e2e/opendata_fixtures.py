# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Contributions, votes and answers created straight in SQL for the open
data, report and API tests (the forms that create them belong to other
areas)."""

import hashlib
import hmac
import os

import harness
from harness import sql_value


def q(s):
    """A SQL literal."""
    if s is None:
        return "NULL"
    return "'" + str(s).replace("'", "''") + "'"


def contribution(theme, kind, body, author=None, title=None, parent=None,
                 position=None, territory=None, status="published",
                 created="now()", assisted_by=None, consultation=None):
    """Inserts one contribution in theme (slug of the primary consultation,
    or a themes.id when consultation is given); returns its id."""
    if consultation is None:
        where = ("SELECT k.id, t.id FROM themes t JOIN consultations k ON k.id = t.consultation_id"
                 " WHERE k.is_primary AND t.slug = %s" % q(theme))
    else:
        where = "SELECT %d, %d" % (consultation, theme)
    proposal = "NULL" if parent is None else \
        "(SELECT coalesce(proposal_id, id) FROM contributions WHERE id = %d)" % parent
    cid = int(sql_value(
        "INSERT INTO contributions (consultation_id, theme_id, kind, parent_id, proposal_id,"
        " position, author_id, assisted_by, territory_code, title, body, body_html, status,"
        " created_at, updated_at)"
        " SELECT w.k, w.t, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s"
        " FROM (%s) AS w(k, t) RETURNING id"
        % (q(kind), parent or "NULL", proposal, q(position), author or "NULL",
           assisted_by or "NULL", q(territory), q(title), q(body),
           q("<p>" + body + "</p>"), q(status), created, created, where)))
    if parent is None:
        harness.sql("UPDATE contributions SET proposal_id = id WHERE id = %d" % cid)
    return cid


def vote(user, contribution_id, choice):
    harness.sql("INSERT INTO votes (user_id, contribution_id, choice) VALUES (%d, %d, '%s')"
                " ON CONFLICT (user_id, contribution_id) DO UPDATE SET choice = EXCLUDED.choice"
                % (user, contribution_id, choice))


def pseudonym(user_id):
    """What the server publishes for an author: HMAC-SHA256 of the secret."""
    with open(os.path.join(harness.ROOT, "var", "secret"), "rb") as f:
        key = f.read()[:64]
    return hmac.new(key, b"author:%d" % user_id, hashlib.sha256).hexdigest()[:12]


# The public contributions, from the statuses alone (not the is_public
# column the triggers keep): published, under a parent that is public. What
# the recount tests compare the rollups, the pages and is_public with.
# PUBLIC_CTE names it pub(id) for a WITH RECURSIVE; PUBLIC_IDS is the
# subquery, for "c.id IN PUBLIC_IDS" in a WHERE clause (a semi-join: in a
# select list or a join condition, join PUBLIC_CTE instead).
# A row its author withdrew is not public, but the replies under it are
# (issue 13, item 11): the walk goes through it (open) and leaves it out.
PUBLIC_CTE = ("open (id, gone) AS (SELECT id, withdrawn_at IS NOT NULL AND kind <> 'proposal'"
              " FROM contributions WHERE parent_id IS NULL AND status = 'published'"
              " UNION ALL SELECT c.id, c.withdrawn_at IS NOT NULL AND c.kind <> 'proposal'"
              " FROM contributions c JOIN open ON c.parent_id = open.id"
              " WHERE c.status = 'published'),"
              " pub (id) AS (SELECT id FROM open WHERE NOT gone)")
PUBLIC_IDS = "(WITH RECURSIVE " + PUBLIC_CTE + " SELECT id FROM pub)"
