# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Helpers of the moderation log's integrity tests (test_modlog_*.py):
decisions made over HTTP, psql as a given role, signed heads saved as an
outsider would save them, and a way to tamper with the log as the
superuser and put it back exactly as it was."""

import contextlib
import hashlib
import html
import json
import os
import re
import secrets
import subprocess
import tempfile

import fixtures
import harness
from harness import eq, sql, sql_value

APP_ROLE = "agora"
OWNER_ROLE = "agora_owner"
HEAD_URL = "/export/journal-moderation/tete.json"
LOG_URL = "/export/journal-moderation.json"
KEY_URL = "/export/journal-moderation/cle-publique.pem"


def q(s):
    return "'" + s.replace("'", "''") + "'"


def psql_as(role, query, db="agora_test"):
    """Runs query with psql as role (the cluster trusts local roles);
    returns the CompletedProcess, whatever happened."""
    return subprocess.run(
        ["psql", "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
         "-p", harness.PG_PORT, "-U", role, "-d", db, "-c", query],
        capture_output=True, text=True)


def contribution(author_id, status="pending", theme="ethique"):
    """A proposal made as the application makes it (fixtures.proposal),
    published or, "pending", posted under a priori moderation; its id."""
    assert status in ("pending", "published"), status
    return fixtures.proposal(author_id, "Journal %s" % secrets.token_hex(3),
                             "Texte pour le journal de modération %s." % secrets.token_hex(6),
                             slug=theme, pending=status == "pending")


def hidden_field(page, name):
    m = re.search(r'name="%s" value="([^"]*)"' % name, page.text)
    assert m, "no hidden field " + name
    return html.unescape(m.group(1))


def decide(client, cid, decision, rule="", note=""):
    """A moderator's decision through the item page's form."""
    page = client.get("/moderation/%d" % cid)
    eq(page.status, 200, "moderation item")
    r = client.post("/moderation/%d" % cid, {
        "csrf": page.csrf(), "decision": decision, "regle": rule, "note": note,
        "statut_vu": hidden_field(page, "statut_vu"),
        "version": hidden_field(page, "version")})
    eq(r.status, 303, "decision %s on %d: %s" % (decision, cid, r.visible_text()[:300]))


def some_decisions(n=3, note="Note de test"):
    """n decisions on new contributions; returns (moderator id, [log ids])."""
    mod, mid = harness.signed_in(roles=("moderator",))
    _, author = harness.signed_in()
    ids = []
    for i in range(n):
        cid = contribution(author)
        decide(mod, cid, "reject" if i % 2 else "publish", "R4" if i % 2 else "",
               "%s %d" % (note, i) if note else "")
        ids.append(int(sql_value("SELECT max(id) FROM moderation_log")))
    return mid, ids


def sign():
    r = harness.agora("sign-log")
    eq(r.returncode, 0, "sign-log: " + r.stdout + r.stderr)
    return r


def save_head():
    """Signs a head, downloads it from the public URL as an outsider would,
    and keeps it in a file; returns the path."""
    sign()
    r = harness.Client().get(HEAD_URL)
    eq(r.status, 200, HEAD_URL)
    fd, path = tempfile.mkstemp(prefix="tete-", suffix=".json", dir=harness.TEST_DIR)
    with os.fdopen(fd, "wb") as f:
        f.write(r.body)
    return path


def verify(*args):
    return harness.agora("verify-log", *args)


def verify_head(path):
    return verify("--head", path)


def assert_ok(r, what):
    eq(r.returncode, 0, "%s: %s%s" % (what, r.stdout, r.stderr))
    assert r.stdout.startswith("OK: "), r.stdout


def assert_broken(r, what, needle):
    eq(r.returncode, 1, "%s should be caught: %s%s" % (what, r.stdout, r.stderr))
    assert "BROKEN" in r.stdout, r.stdout
    assert needle in r.stdout, "%s: %r not in %r" % (what, needle, r.stdout)


# The superuser's way round the triggers, as an attacker would write it.
BEHIND = ("ALTER TABLE moderation_log DISABLE TRIGGER ALL; %s;"
          " ALTER TABLE moderation_log ENABLE TRIGGER ALL;")

# Recomputes prev_hash and hash of every row from the first id given, in
# order, with the database's own canonical function: a consistent rewrite.
RECHAIN = """
DO $$
DECLARE r moderation_log; prev text;
BEGIN
  SELECT hash INTO prev FROM moderation_log WHERE id < %(from)d ORDER BY id DESC LIMIT 1;
  prev := coalesce(prev, repeat('0', 64));
  FOR r IN SELECT * FROM moderation_log WHERE id >= %(from)d ORDER BY id LOOP
    r.prev_hash := prev;
    r.hash := encode(sha256(convert_to(moderation_log_canonical(r), 'UTF8')), 'hex');
    UPDATE moderation_log SET prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
    prev := r.hash;
  END LOOP;
END $$"""


@contextlib.contextmanager
def restored_log():
    """Whatever the block does to the log, its notes, its signed heads and
    its canonical function, they are put back exactly afterwards."""
    r = psql_as("postgres", "SELECT pg_get_functiondef("
                "'moderation_log_canonical(moderation_log)'::regprocedure)")
    eq(r.returncode, 0, r.stderr)
    canon = r.stdout
    sql("DROP TABLE IF EXISTS e2e_log_b, e2e_notes_b, e2e_heads_b;"
        " CREATE TABLE e2e_log_b AS SELECT * FROM moderation_log;"
        " CREATE TABLE e2e_notes_b AS SELECT * FROM moderation_notes;"
        " CREATE TABLE e2e_heads_b AS SELECT * FROM moderation_log_heads")
    try:
        yield
    finally:
        sql(canon)
        sql("ALTER TABLE moderation_log DISABLE TRIGGER ALL;"
            " ALTER TABLE moderation_log_heads DISABLE TRIGGER ALL;"
            " DELETE FROM moderation_notes; DELETE FROM moderation_log;"
            " DELETE FROM moderation_log_heads;"
            " INSERT INTO moderation_log SELECT * FROM e2e_log_b;"
            " INSERT INTO moderation_notes SELECT * FROM e2e_notes_b;"
            " INSERT INTO moderation_log_heads SELECT * FROM e2e_heads_b;"
            " ALTER TABLE moderation_log ENABLE TRIGGER ALL;"
            " ALTER TABLE moderation_log_heads ENABLE TRIGGER ALL;"
            " DROP TABLE e2e_log_b, e2e_notes_b, e2e_heads_b")


def public_acts(prefix):
    """The rows of the published log (/export/journal-moderation.json, read
    as an outsider) whose subject starts with prefix: the public acts of
    the syntheses and of the council (form 3). Each row's hash is
    recomputed from its published fields; the chain must hold to it."""
    r = harness.Client().get(LOG_URL)
    eq(r.status, 200, LOG_URL)
    rows = json.loads(r.text)
    prev = "0" * 64
    for x in rows:
        eq(x["empreinte_precedente"], prev, "row %d links to the row before" % x["id"])
        prev = x["empreinte"]
    out = [x for x in rows if (x["objet"] or "").startswith(prefix)]
    for x in out:
        eq(x["forme"], 3, "a public act is a form-3 row")
        text = "|".join(["3"] + ["" if x[k] is None else str(x[k]) for k in (
            "id", "date", "moderateur", "contribution", "consultation", "action",
            "statut_avant", "statut_apres", "regle", "note_empreinte", "entree_file",
            "objet", "texte_empreinte", "empreinte_precedente")])
        eq(hashlib.sha256(text.encode()).hexdigest(), x["empreinte"],
           "row %d's hash recomputed from its published fields" % x["id"])
    return out


def text_hash(text):
    """The hex SHA-256 of a text made public, as the log chains it."""
    return hashlib.sha256(text.encode()).hexdigest()
