# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The authorisation table, walked: every route that `agora routes` prints
(the same app/core/routes.def the dispatcher is compiled from), with every
method it takes, as every kind of visitor: no session, a signed-in account
whose e-mail is not verified, and a verified account with each role. The
expected outcome comes from the table, never from a copy of it here."""

import re

import fixtures
import harness
from archive_lib import make_archive
from harness import Client, contains, eq, sql, sql_value, test
from security_lib import routes

# Who is asking: (label, make_user arguments or None, the names of the table
# that describe them, as printed by `agora routes`).
IDENTITIES = [
    ("anonyme", None, {"anon"}),
    ("non vérifié", dict(roles=("citizen",), verified=False), {"user", "citizen"}),
    ("citizen", dict(roles=("citizen",)), {"verified", "citizen"}),
    ("mediator", dict(roles=("mediator",)), {"verified", "mediator"}),
    ("moderator", dict(roles=("moderator",)), {"verified", "moderator"}),
    ("official", dict(roles=("official",)), {"verified", "official"}),
    ("admin", dict(roles=("admin",)), {"verified", "admin"}),
    ("secretariat", dict(roles=("secretariat",)), {"verified", "secretariat"}),
    ("conseil", dict(roles=("conseil",)), {"verified", "conseil"}),
]


def fill(pattern, values):
    """A real path for a pattern: known parameters get real values."""
    return re.sub(r":([a-z_]+)", lambda m: values.get(m.group(1), "1"), pattern)


def expect(label, names, allow, method, path, r):
    what = "%s %s as %s" % (method, path, label)
    refused = r.header("x-agora-refused") == "1"
    if names & allow:
        assert not refused, "%s: refused by the table (%d)" % (what, r.status)
        assert r.status != 401, "%s: 401" % what
        assert "Connexion nécessaire" not in r.visible_text(), what
        return
    assert refused, "%s: should be refused, got %d" % (what, r.status)
    if "anon" in names and allow - {"anon"}:
        eq(r.status, 401, what)
        contains(r.visible_text(), "Connexion nécessaire", what)
    else:
        eq(r.status, 403, what)
        contains(r.visible_text(), "Accès refusé", what)


@test
def every_route_answers_every_role_as_the_table_says():
    table = routes()
    assert len(table) >= 12, table
    for pattern, methods, allow, handler in table:
        assert pattern.startswith("/"), pattern
        assert allow, "%s: nobody may use it" % pattern
        assert set(methods) <= {"GET", "POST"}, methods
        assert allow <= {"anon", "user", "verified", "citizen", "mediator",
                         "moderator", "official", "admin", "secretariat",
                         "conseil"}, allow

    author = harness.make_user(name="Auteur authz")
    pid = str(fixtures.proposal(author, "Proposition du test des droits", "x"))
    # An archive (imported consultation) for the /consultations/ routes.
    make_archive("archive-droits", "theme-archive-droits")
    values = {"slug": "ethique", "id": pid, "file": "agora.css",
              "consultation": "archive-droits", "theme": "theme-archive-droits"}

    checked = 0
    for label, make, names in IDENTITIES:
        uid = harness.make_user(**make) if make else None
        client = harness.login(Client(), uid) if uid else Client()
        anon_token = None
        for pattern, methods, allow, handler in table:
            path = fill(pattern, values)
            if "GET" in methods:
                r = client.get(path)
                expect(label, names, allow, "GET", path, r)
                checked += 1
                if uid is None and anon_token is None and 'name="csrf"' in r.text:
                    anon_token = r.csrf()
            if "POST" not in methods:
                continue
            # A fresh session for each POST (one may sign out or delete),
            # with a valid CSRF token, so that only the table can refuse.
            if uid:
                poster = harness.login(Client(), uid)
                token = poster.get("/").csrf()
            else:
                poster, token = client, anon_token
            fields = {"csrf": token} if token else {}
            r = poster.post(path, fields)
            expect(label, names, allow, "POST", path, r)
            checked += 1
    assert checked >= len(IDENTITIES) * len(table), checked


@test
def a_refusal_is_the_table_s_not_a_handler_s():
    # The marker header is set only by the dispatcher's refusal, so the walk
    # above cannot pass for the wrong reason: check it on a known case.
    c, _ = harness.signed_in(roles=("citizen",))
    r = c.get("/admin/roles")
    eq(r.status, 403)
    eq(r.header("x-agora-refused"), "1")
    r = c.get("/compte/")
    eq(r.status, 200)
    eq(r.header("x-agora-refused"), None)
    r = c.post("/compte/suppression", {"csrf": "A" * 43})
    eq(r.status, 403, "refused by the handler (CSRF), not by the table")
    eq(r.header("x-agora-refused"), None)
