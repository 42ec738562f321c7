# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Signing in or up brings the person back to the page they were on
(issue 13, item 2): every "Connectez-vous … pour …" link and every refusal
asking to sign in carries `retour`; sign-in, sign-up and the address
confirmation return there; after sign-up the person is signed in, with the
address still to confirm before participating."""

import re

import harness
from accounts_lib import PASSWORD, Visitor, sign_in, unique_email, unique_name, wait_mail
from harness import contains, eq, lacks, test
from participation_lib import new_proposal, vote

BASE = "http://127.0.0.1:%d" % harness.PORT


def back_links(text, back):
    """The sign-in and sign-up links of a page, both carrying back."""
    enc = back.replace("/", "%2F")
    contains(text, 'href="/connexion?retour=%s"' % enc, "sign-in link to " + back)
    contains(text, 'href="/inscription?retour=%s"' % enc, "sign-up link to " + back)


def verify_link(msg):
    """The confirmation link of a mail, with its retour, as a local path."""
    m = re.search(re.escape(BASE) + r"(/verification\?jeton=[A-Za-z0-9_-]+(?:&retour=[^\s]+)?)",
                  msg.get_content())
    assert m, msg.get_content()
    return m.group(1)


@test
def signup_from_a_proposal_signs_in_and_comes_back():
    """The proposal's "Connectez-vous … pour voter" links carry the page; the
    sign-up form keeps it; after sign-up the person is signed in on that
    page, asked to confirm; the mail's link confirms and leads back there,
    and the vote is then taken."""
    _, _, pid = new_proposal(title="Une proposition où revenir")
    here = "/propositions/%d" % pid
    c = Visitor()
    page = c.get(here)
    contains(page.visible_text(), "pour voter, argumenter, commenter et signaler")
    back_links(page.text, here)
    form = c.get("/inscription?retour=%2Fpropositions%2F" + str(pid))
    eq(form.status, 200, "sign-up form")
    contains(form.text, 'name="retour" value="%s"' % here, "the form keeps where to go back")
    addr = unique_email("retour")
    r = c.post("/inscription", {"csrf": form.csrf(), "nom": unique_name(), "courriel": addr,
                                "mot_de_passe": PASSWORD, "departement": "37",
                                "consentement": "1", "retour": here})
    eq(r.status, 303, "sign-up: " + r.visible_text()[:300])
    eq(r.header("location"), here, "back on the proposal")
    back = c.get(here)
    text = back.visible_text()
    contains(text, "Votre compte est créé et votre session est ouverte")
    contains(text, "Se déconnecter", "signed in after sign-up")
    contains(text, "n'est pas encore confirmée", "the address is still to confirm")
    contains(text, "Confirmez votre adresse électronique", "the proposal asks for it")
    lacks(back.text, 'action="/propositions/%d/vote"' % pid, "no vote form yet")
    r = vote(c, pid, "agree", token=back.csrf())
    eq(r.status, 403, "participating still asks for the confirmation")
    contains(r.visible_text(), "Confirmez d'abord votre adresse")
    _, msg, _ = wait_mail(addr, "verify")
    link = verify_link(msg)
    contains(link, "&retour=%2Fpropositions%2F" + str(pid), "the mail's link carries the page")
    r = c.get(link)
    eq(r.status, 200, "confirmation")
    contains(r.visible_text(), "Adresse confirmée")
    contains(r.text, '<a href="%s">Revenir à la page où vous étiez</a>' % here)
    page = c.get(here)
    eq(vote(c, pid, "agree", token=page.csrf()).status, 303, "the vote is taken now")
    # Opened on another device (not signed in): sign in from there, and back.
    other = Visitor()
    r = other.get(link)
    eq(r.status, 410, "the link works once")


@test
def confirmation_elsewhere_offers_sign_in_back_to_the_page():
    """The confirmation link opened where the person is not signed in offers
    a sign-in that comes back to the page of origin."""
    _, _, pid = new_proposal(title="Une proposition confirmée ailleurs")
    here = "/propositions/%d" % pid
    c = Visitor()
    form = c.get("/inscription?retour=" + here.replace("/", "%2F"))
    addr = unique_email("ailleurs")
    r = c.post("/inscription", {"csrf": form.csrf(), "nom": unique_name(), "courriel": addr,
                                "mot_de_passe": PASSWORD, "departement": "37",
                                "consentement": "1", "retour": here})
    eq(r.status, 303, "sign-up")
    _, msg, _ = wait_mail(addr, "verify")
    phone = Visitor()
    r = phone.get(verify_link(msg))
    eq(r.status, 200, "confirmation on another device")
    contains(r.text, 'href="/connexion?retour=%2Fpropositions%2F' + str(pid) + '"')
    r = sign_in(phone, addr, retour=here)
    eq((r.status, r.header("location")), (303, here), "signed in, back on the proposal")


@test
def refusals_asking_to_sign_in_carry_the_page():
    """A vote, an argument, a comment or a "utile" sent without a session,
    and the flag form opened without one, answer 401 with sign-in and
    sign-up links back to the page the person was on."""
    author, _, pid = new_proposal(title="Une proposition pour les refus")
    here = "/propositions/%d" % pid
    anon = Visitor()
    ref = {"Referer": BASE + here}
    for path, fields in [("/vote", {"choix": "agree"}),
                         ("/arguments", {"position": "pour", "texte": "Un argument."}),
                         ("/commentaires", {"texte": "Un commentaire."})]:
        r = anon.post(here + path, dict(fields, csrf="x"), headers=ref)
        eq(r.status, 401, path)
        contains(r.visible_text(), "rien n'a été enregistré", path)
        back_links(r.text, here)
    r = anon.get("/contributions/%d/signaler" % pid)
    eq(r.status, 401, "flag form")
    back_links(r.text, "/contributions/%d/signaler" % pid)
    # The header's links carry the page too, never an outside address.
    page = anon.get("/themes/ethique")
    back_links(page.text, "/themes/ethique")
    r = anon.post(here + "/vote", {"choix": "agree", "csrf": "x"},
                  headers={"Referer": "https://evil.example/x"})
    eq(r.status, 401, "refusal from an outside referer")
    lacks(r.text, "evil.example", "an outside address is never a return")


@test
def signup_ignores_returns_off_the_site():
    """A `retour` that is not a path of this site is dropped: the sign-up
    lands on the home page, signed in."""
    for bad in ["//evil.example/", "https://evil.example/", "/\\evil.example"]:
        c = Visitor()
        form = c.get("/inscription")
        r = c.post("/inscription", {"csrf": form.csrf(), "nom": unique_name(),
                                    "courriel": unique_email("mauvais"),
                                    "mot_de_passe": PASSWORD, "departement": "37",
                                    "consentement": "1", "retour": bad})
        eq(r.status, 303, bad)
        eq(r.header("location"), "/", "retour %r ignored" % bad)
        contains(c.get("/").visible_text(), "Se déconnecter", "signed in")
