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
