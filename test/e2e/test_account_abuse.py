# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Account recovery and abuse limits under attack (issue 14, items 2, 4, 5
and 6): reset links that outlive a change of address, the owner locked out
by strangers, limits raced by concurrent requests or dodged by changing
address, mail sent to strangers without limit."""

import re

import harness
from accounts_lib import (PASSWORD, Visitor, link_in, sign_in, signed_in_as,
                          unique_email, verified_account, wait_mail)
from harness import contains, eq, lacks, sql_value, test


def reset_link(addr):
    """Asks for a reset link for addr from a stranger's browser; returns it."""
    v = Visitor()
    r = v.submit("/mot-de-passe-oublie", "/mot-de-passe-oublie", {"courriel": addr})
    eq(r.status, 303, "reset request")
    _, msg, _ = wait_mail(addr, "reset")
    return link_in(msg, "/reinitialisation")


def ask_address_change(c, new):
    page = c.get("/compte/adresse")
    r = c.post("/compte/adresse", {"csrf": page.csrf(), "courriel": new,
                                   "mot_de_passe": PASSWORD})
    eq((r.status, r.header("location")), (303, "/compte/adresse"), r.visible_text()[:300])


def reset_with(link, password):
    v = Visitor()
    form = v.get(link)
    if form.status != 200:
        return form
    return v.post("/reinitialisation", {"csrf": form.csrf(), "jeton": link.split("=", 1)[1],
                                        "nouveau": password})


# ---------------------------------------------------------------- item 2

@test
def a_reset_link_mailed_to_the_old_address_dies_with_a_confirmed_change():
    c, old, uid = verified_account()
    eq(sign_in(c, old).status, 303)
    # Whoever reads the old mailbox asks for a link; the owner moves away.
    link = reset_link(old)
    page = Visitor().get(link)
    eq(page.status, 200, "the link works before the change")
    lacks(page.visible_text(), old, "the reset page shows no address")
    lacks(page.text, old, "nor in its markup")
    new = unique_email("demenage")
    ask_address_change(c, new)
    _, msg, _ = wait_mail(new, "email_change")
    eq(Visitor().get(link_in(msg, "/verification")).status, 200, "change confirmed")
    eq(sql_value("SELECT email FROM users WHERE id = %d" % uid), new)
    r = Visitor().get(link)
    eq(r.status, 410, "the old address's link is dead")
    contains(r.visible_text(), "changement d'adresse")
    r = reset_with(link, "le mot de passe du voleur")
    eq(r.status, 410, "and cannot be posted")
    eq(sign_in(Visitor(), new, "le mot de passe du voleur").status, 422, "no takeover")
    eq(sign_in(Visitor(), new).status, 303, "the owner's password still works")


@test
def a_requested_change_of_address_ends_pending_reset_links():
    c, old, uid = verified_account()
    eq(sign_in(c, old).status, 303)
    link = reset_link(old)
    ask_address_change(c, unique_email("demande"))
    r = Visitor().get(link)
    eq(r.status, 410, "a request alone ends the link")
    eq(sql_value("SELECT count(*) FROM account_tokens WHERE user_id = %d"
                 " AND kind = 'reset' AND used_at IS NULL" % uid), "0")
    # A link asked for afterwards works, and its page names no address.
    link = reset_link(old)
    page = Visitor().get(link)
    eq(page.status, 200)
    lacks(page.text, old)
    eq(reset_with(link, "un mot de passe tout neuf").status, 303, "reset after the request")
    assert not signed_in_as(c), "the reset ended the session"


# ---------------------------------------------------------------- item 4

@test
def strangers_never_lock_the_owner_out():
    c, addr, uid = verified_account()
    attacker = Visitor()
    for i in range(5):
        eq(sign_in(attacker, addr, "devine %d" % i).status, 422, "guess %d" % i)
    eq(sign_in(attacker, addr).status, 429, "the guessing network waits, right password or not")
    owner = Visitor()
    eq(sign_in(owner, addr).status, 303, "the owner, from elsewhere, gets in")
    # Reset requests from the attacker's network do not block the owner's.
    for i in range(3):
        eq(attacker.submit("/mot-de-passe-oublie", "/mot-de-passe-oublie",
                           {"courriel": addr}).status, 303, "request %d" % i)
    eq(attacker.submit("/mot-de-passe-oublie", "/mot-de-passe-oublie",
                       {"courriel": addr}).status, 429, "the fourth from there waits")
    before = int(sql_value("SELECT count(*) FROM outbox WHERE user_id = %d AND kind = 'reset'" % uid))
    r = Visitor().submit("/mot-de-passe-oublie", "/mot-de-passe-oublie", {"courriel": addr})
    eq(r.status, 303, "the owner can still recover")
    eq(sql_value("SELECT count(*) FROM outbox WHERE user_id = %d AND kind = 'reset'" % uid),
       str(before + 1), "and gets a link")


# ---------------------------------------------------------------- item 5

def at_once(n, fn):
    """Runs fn(i) n times at once; returns the results in order."""
    import threading
    out = [None] * n
    go = threading.Barrier(n)

    def run(i):
        go.wait()
        out[i] = fn(i)
    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


@test
def concurrent_wrong_passwords_are_counted_before_they_are_checked():
    c, addr, uid = verified_account()
    net = Visitor().addr
    clients = [Visitor(net) for _ in range(30)]
    forms = [v.get("/connexion") for v in clients]

    def guess(i):
        return clients[i].post("/connexion", {"csrf": forms[i].csrf(), "courriel": addr,
                                              "mot_de_passe": "devine %d" % i}).status
    got = at_once(30, guess)
    eq(sorted(set(got)) <= [422, 429], True, str(got))
    eq(got.count(422), 5, "five guesses checked against a limit of five: %s" % got)
    key = harness.rate_key("signin_account", addr + "|" + net)
    eq(sql_value("SELECT count(*) FROM rate_events WHERE bucket = 'signin_account'"
                 " AND key = '%s'" % key), "5", "five counted")
    eq(sign_in(Visitor(), addr).status, 303, "and the owner still gets in from elsewhere")


@test
def ipv6_addresses_are_counted_by_their_64():
    import secrets
    prefix = "2001:db8:%x:%x" % (secrets.randbelow(0xffff), secrets.randbelow(0xffff))
    for i in range(20):
        v = Visitor("%s:%x::%x" % (prefix, i, secrets.randbelow(0xffff) + 1))
        eq(sign_in(v, unique_email("v6"), "nimporte quoi").status, 422, "failure %d" % i)
    r = sign_in(Visitor(prefix + ":ffff:1:2:3"), unique_email("v6"), "nimporte quoi")
    eq(r.status, 429, "a new address in the same /64 shares its limit")
    other = "2001:db8:%x:%x::1" % (secrets.randbelow(0xffff), secrets.randbelow(0xffff))
    eq(sign_in(Visitor(other), unique_email("v6"), "nimporte quoi").status, 422,
       "another /64 is another customer")
    eq(sql_value("SELECT count(*) FROM rate_events WHERE bucket = 'signin_ip' AND key = '%s'"
                 % harness.rate_key("signin_ip", prefix + "::/64")), "20")


@test
def agora_status_gives_the_global_rate_of_failed_sign_ins():
    r = harness.agora("status")
    eq(r.returncode, 0, r.stderr)
    m = re.search(r"failed sign-ins: (\d+) in the last 15 minutes", r.stdout)
    assert m, r.stdout
    before = int(m.group(1))
    harness.sql("INSERT INTO rate_events (bucket, key) SELECT 'signin_account', 'status-' || g"
                " FROM generate_series(1, 600) g")
    try:
        r = harness.agora("status")
        m = re.search(r"failed sign-ins: (\d+) in the last 15 minutes", r.stdout)
        assert m, r.stdout
        eq(int(m.group(1)), before + 600)
        contains(r.stdout, "ALERT: failed sign-ins")
    finally:
        harness.sql("DELETE FROM rate_events WHERE key LIKE 'status-%'")


# ---------------------------------------------------------------- item 6

@test
def the_change_of_address_form_mails_strangers_only_a_few_times_an_hour():
    c, addr, uid = verified_account()
    eq(sign_in(c, addr).status, 303)
    sent = []
    for i in range(3):
        new = unique_email("inconnu%d" % i)
        ask_address_change(c, new)
        sent.append(new)
    page = c.get("/compte/adresse")
    stranger = unique_email("inconnu-de-trop")
    r = c.post("/compte/adresse", {"csrf": page.csrf(), "courriel": stranger,
                                   "mot_de_passe": PASSWORD})
    eq(r.status, 429, "the fourth within the hour waits")
    contains(r.visible_text(), "Réessayez dans")
    eq(sql_value("SELECT count(*) FROM outbox WHERE lower(recipient) = lower('%s')" % stranger),
       "0", "and mails nobody")
    eq(sql_value("SELECT count(*) FROM outbox WHERE user_id = %d AND kind = 'email_change'"
                 % uid), "3")
