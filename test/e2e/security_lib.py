# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""What the security tests attack (test_security*.py): every route of the
table with the fields its handler reads, real values for the path
captures, and a signed-in visitor who may use every route.

SECURITY_FULL=1 (make test-security) takes every route and every field;
without it (make test) each test takes a sample that still covers each
kind of input (query string, form, path)."""

import glob
import os
import re

import harness
from harness import eq

FULL = os.environ.get("SECURITY_FULL", "") == "1"

FIELD_RE = re.compile(r'FIELD\(([a-z_]+),\s*([A-Z_| ]+),')
READ_RE = re.compile(r"(?:web_arg|api_arg|form_text|form_choice|http_argument_get_[a-z0-9]+)"
                     r'\(\s*[^,]+,\s*"([a-z_]+)"')


def fields():
    """{name: {"qs", "post"}} from app/core/fields.def."""
    out = {}
    with open(os.path.join(harness.ROOT, "app", "core", "fields.def")) as f:
        for name, flags in FIELD_RE.findall(f.read()):
            out[name] = ({"qs"} if "F_QS" in flags else set()) | \
                        ({"post"} if "F_POST" in flags else set())
    return out


def routes():
    r = harness.agora("routes")
    eq(r.returncode, 0, r.stderr)
    rows = []
    for line in r.stdout.splitlines():
        pattern, methods, allow, handler = line.split("\t")
        rows.append((pattern, methods.split(","), set(allow.split(",")) - {""}, handler))
    return rows


def handler_fields():
    """{handler: fields read in its room}: the names the files of a
    handler's folder of app/web (participation/, people/, ...) pass to
    web_arg(), form_text(), form_choice(). The room, not the file: a
    handler's reads may sit in its room's helpers (a form's checks, the
    listing's filters) in another file."""
    out = {}
    for room in glob.glob(os.path.join(harness.ROOT, "app", "web", "*", "")):
        texts = []
        for path in glob.glob(os.path.join(room, "*.c")):
            with open(path) as f:
                texts.append(f.read())
        names = set()
        for text in texts:
            names |= set(READ_RE.findall(text))
        for text in texts:
            for h in re.findall(r"^([a-z_]+)\(struct web_req \*w\)$", text, re.M):
                out[h] = names
    return out


def targets(method):
    """[(pattern, handler, fields)] for the routes answering method (GET or
    POST), each with the declared fields of that kind its handler reads."""
    decl = fields()
    kind = "qs" if method == "GET" else "post"
    hf = handler_fields()
    out = []
    for pattern, methods, allow, handler in routes():
        if method not in methods:
            continue
        names = sorted(n for n in hf.get(handler, ()) if kind in decl.get(n, ()))
        out.append((pattern, handler, names))
    return out


def all_roles_client():
    """A verified account with every role: every route lets it in."""
    return harness.signed_in(roles=("citizen", "mediator", "moderator", "official", "admin"),
                             name="Auditrice")


class Values:
    """Real values for path captures, made once."""

    def __init__(self):
        from participation_lib import new_proposal, post_argument
        client, uid, pid = new_proposal(title="Cible de l'audit de sécurité")
        r = post_argument(client, pid, "pour", "Un argument pour l'audit.")
        eq(r.status, 303, "argument")
        aid = int(harness.sql_value("SELECT max(id) FROM contributions WHERE kind = 'argument'"
                                    " AND proposal_id = %d" % pid))
        self.client, self.uid, self.pid, self.aid = client, uid, pid, aid
        self.values = {"slug": "ethique", "id": str(pid), "file": "agora.css"}

    def path(self, pattern):
        return re.sub(r":([a-z_]+)", lambda m: self.values.get(m.group(1), "1"), pattern)


_values = None


def values():
    global _values
    if _values is None:
        _values = Values()
    return _values


def sample(items, n):
    """All of items with SECURITY_FULL, else n of them spread over the list."""
    items = list(items)
    if FULL or len(items) <= n:
        return items
    step = len(items) / float(n)
    return [items[int(i * step)] for i in range(n)]
