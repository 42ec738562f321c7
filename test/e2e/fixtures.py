# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Proposals, arguments, comments, votes and moderation decisions made
through the SQL functions the application itself calls (participation_*,
moderation_decide: migrations/functions/), so that a test's rows are rows
the application could have written: a proposal is its own thread
(proposal_id), a reply has its thread, depth and side, the status follows
the consultation's moderation mode and the spam brakes, the counters and
rollups are kept by the triggers. Faster than HTTP when a test needs
content rather than the forms (those are driven over HTTP by
participation_lib). Each helper returns the new row's id and fails the
test on a refusal."""

import html
import secrets

from harness import sql

MAX_DEPTH = 3  # comment_max_depth of var/test/agora.ini


def lit(s):
    """A SQL literal (NULL for None)."""
    if s is None:
        return "NULL"
    if isinstance(s, int):
        return str(s)
    return "'" + str(s).replace("'", "''") + "'"


def _html(body):
    return "<p>%s</p>" % html.escape(body)


def _a_priori(query):
    """query, run while the primary consultation is under a priori
    moderation, in one transaction that puts the mode back: nobody else
    ever sees the change."""
    return ("BEGIN; CREATE TEMP TABLE kept_mode ON COMMIT DROP AS SELECT id, moderation_mode"
            " FROM consultations WHERE is_primary;"
            " UPDATE consultations SET moderation_mode = 'a_priori' WHERE is_primary;"
            " %s; UPDATE consultations c SET moderation_mode = k.moderation_mode"
            " FROM kept_mode k WHERE c.id = k.id; COMMIT" % query)


def _result(rows, what):
    assert len(rows) == 1 and rows[0][0] in ("ok", "pending"), "%s refused: %s" % (what, rows)
    return int(rows[0][1])


def proposal(author, title=None, body=None, slug="ethique", territory="37", link=None,
             pending=False, theme_id=None, setting=""):
    """participation_propose() on theme slug (or theme_id) of the primary
    consultation; pending: as in an a priori consultation (waits for a
    moderator); setting: SQL run first in the same session ("SET ...")."""
    title = title or "Proposition " + secrets.token_hex(4)
    body = body or "Le texte de la proposition « %s », assez long." % title
    theme = lit(slug) if theme_id is None else \
        "(SELECT slug FROM themes WHERE id = %d)" % theme_id
    q = ("%sSELECT code, new_id FROM participation_propose(%d, %s, %s, %s, %s, %s, %s)"
         % (setting, author, theme, lit(title), lit(body), lit(_html(body)), lit(link),
            lit(territory)))
    return _result(sql(_a_priori(q) if pending else q), "proposal")


def reply(author, proposal_id, body, position=None, parent=None, territory="37",
          pending=False):
    """participation_reply(): an argument (position 'pour' / 'contre') or a
    comment (position None) under parent (None: the proposal)."""
    q = ("SELECT code, new_id FROM participation_reply(%d, %d, %s, %s, %s, %s, %s, %d)"
         % (author, proposal_id, lit(parent), lit(position), lit(territory), lit(body),
            lit(_html(body)), MAX_DEPTH))
    return _result(sql(_a_priori(q) if pending else q), "reply")


def argument(author, proposal_id, position, body, **kw):
    return reply(author, proposal_id, body, position=position, **kw)


def comment(author, proposal_id, body, parent=None, **kw):
    return reply(author, proposal_id, body, parent=parent, **kw)


def vote(user, proposal_id, choice):
    """participation_vote(): agree / mixed / disagree, or none to withdraw."""
    r = sql("SELECT participation_vote(%d, %d, %s)" % (user, proposal_id, lit(choice)))
    assert r == [["ok"]], "vote refused: %s" % r


def decide(cid, moderator, action, rule=None):
    """moderation_decide() on the row's current status and version, as the
    decision form sends them (a fixed pseudonym, no note)."""
    r = sql("SELECT moderation_decide(id, %d, 'abcdef012345', %s, status, decision_version,"
            " %s, NULL, NULL, NULL) FROM contributions WHERE id = %d"
            % (moderator, lit(action), lit(rule), cid))
    assert r == [["ok"]], "decision refused: %s" % r
