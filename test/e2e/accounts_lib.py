# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Helpers shared by the account tests (test_accounts.py,
test_one_person_one_vote.py, test_erasure.py): a visitor with its own
address, sign-up and sign-in through the forms, the mail the sender
writes to var/test/mail."""

import email
import email.policy
import html
import os
import re
import secrets
import time

import harness
from harness import Client, eq, sql_value

PASSWORD = "une phrase de passe assez longue"


class Visitor(Client):
    """A browser with its own address (X-Forwarded-For; trust_proxy = 1 in
    the test settings), so abuse limits of one test do not hit another."""

    def __init__(self, addr=None, port=harness.PORT):
        super().__init__(port)
        self.addr = addr or "10.%d.%d.%d" % tuple(secrets.randbelow(250) + 1 for _ in range(3))

    def request(self, method, path, body=None, headers=None):
        h = dict(headers or {})
        h.setdefault("X-Forwarded-For", self.addr)
        return super().request(method, path, body=body, headers=h)


def unique_email(prefix="compte"):
    return "%s.%s@example.org" % (prefix, secrets.token_hex(5))


def unique_name():
    return "Dominique " + secrets.token_hex(3)


def wait_mail(recipient, kind=None, timeout=15):
    """Waits for the newest outbox message to recipient to be written to
    var/test/mail and marked sent; returns (outbox id, parsed message, raw bytes)."""
    cond = "lower(recipient) = lower('%s')" % recipient
    if kind:
        cond += " AND kind = '%s'" % kind
    oid = sql_value("SELECT max(id) FROM outbox WHERE %s" % cond)
    assert oid, "no outbox row for %s" % recipient
    path = os.path.join(harness.MAIL_DIR, "%s.eml" % oid)
    deadline = time.time() + timeout
    while time.time() < deadline:
        if os.path.exists(path) and sql_value(
                "SELECT sent_at IS NOT NULL FROM outbox WHERE id = %s" % oid) == "t":
            with open(path, "rb") as f:
                raw = f.read()
            return int(oid), email.message_from_bytes(raw, policy=email.policy.default), raw
        time.sleep(0.05)
    raise AssertionError("mail %s.eml not written within %ds" % (oid, timeout))


def link_in(msg, path):
    body = msg.get_content()
    base = "http://127.0.0.1:%d" % harness.PORT
    m = re.search(re.escape(base + path) + r"\?jeton=([A-Za-z0-9_-]+)", body)
    assert m, "no %s link in the mail: %r" % (path, body)
    return "%s?jeton=%s" % (path, m.group(1))


def signup(c, name=None, addr=None, password=PASSWORD, territory="37", consent="1"):
    fields = {"nom": name or unique_name(), "courriel": addr or unique_email(),
              "mot_de_passe": password, "departement": territory}
    if consent:
        fields["consentement"] = consent
    return c.submit("/inscription", "/inscription", fields), fields


def sign_in(c, addr, password=PASSWORD, retour=None):
    fields = {"courriel": addr, "mot_de_passe": password}
    if retour is not None:
        fields["retour"] = retour
    return c.submit("/connexion", "/connexion", fields)


def verified_account(c=None):
    """Signs up through the site, follows the link; returns (client, email, id)."""
    c = c or Visitor()
    r, f = signup(c)
    eq(r.status, 303, "sign-up")
    _, msg, _ = wait_mail(f["courriel"], "verify")
    eq(c.get(link_in(msg, "/verification")).status, 200, "verification")
    uid = int(sql_value("SELECT id FROM users WHERE email = '%s'" % f["courriel"]))
    return c, f["courriel"], uid


def field_error(r, field):
    m = re.search(r'<span class="error" id="e-%s">([^<]*)</span>' % field, r.text)
    assert m, "no error next to %s" % field
    return html.unescape(m.group(1))


def signed_in_as(c):
    return "Se déconnecter" in c.get("/").visible_text()


def member(addr=None, name=None):
    """Signs up through the site with addr, confirms from the mail, signs in:
    returns (signed-in client, address, user id)."""
    c = Visitor()
    r, f = signup(c, name=name, addr=addr or unique_email())
    eq(r.status, 303, "sign-up: " + r.visible_text()[:200])
    _, msg, _ = wait_mail(f["courriel"], "verify")
    eq(c.get(link_in(msg, "/verification")).status, 200, "verification")
    eq(sign_in(c, f["courriel"]).status, 303, "sign-in")
    uid = int(sql_value("SELECT id FROM users WHERE email = '%s'" % f["courriel"]))
    return c, f["courriel"], uid


def delete_account(c, password=PASSWORD):
    """Deletes the signed-in account through /compte/suppression."""
    r = c.submit("/compte/suppression", "/compte/suppression",
                 {"mot_de_passe_actuel": password})
    eq(r.status, 200, "deletion: " + r.visible_text()[:200])
    return r
