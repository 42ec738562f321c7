# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""What a careful user found (issue 13) that plain HTTP can show: the
confirmation page's banner, the title of a refused form. The browser's
side (focus, reflow, the JavaScript vote) is in test_zz_browser.py."""

import re

import harness
from accounts_lib import Visitor, link_in, sign_in, signup, wait_mail
from harness import contains, eq, lacks, test


@test
def confirmation_page_has_no_unconfirmed_banner():
    """Signed in, unconfirmed, then the link: the page says "Adresse
    confirmée" and nothing under it says the address is not confirmed (the
    layout used to read the session from before the link was used)."""
    c = Visitor()
    r, f = signup(c)
    eq(r.status, 303, "sign-up")
    _, msg, _ = wait_mail(f["courriel"], "verify")
    eq(sign_in(c, f["courriel"]).status, 303, "sign-in, not yet confirmed")
    contains(c.get("/").visible_text(), "n'est pas encore confirmée", "banner before")
    r = c.get(link_in(msg, "/verification"))
    eq(r.status, 200, "verification")
    text = r.visible_text()
    contains(text, "Adresse confirmée")
    contains(text, "vous pouvez maintenant contribuer")
    lacks(text, "n'est pas encore confirmée", "confirmation page")
    lacks(r.text, "/verification/renvoi", "no 'new link' form on the confirmation")
    # Someone else's link opened while signed in: that session stays as it is.
    other = Visitor()
    r2, f2 = signup(other)
    eq(r2.status, 303, "second sign-up")
    _, msg2, _ = wait_mail(f2["courriel"], "verify")
    d = Visitor()
    r3, f3 = signup(d)
    eq(sign_in(d, f3["courriel"]).status, 303, "third account signed in")
    r = d.get(link_in(msg2, "/verification"))
    eq(r.status, 200, "someone else's link")
    contains(r.visible_text(), "n'est pas encore confirmée",
             "the signed-in account is still unconfirmed")


@test
def refused_form_title_begins_with_erreur():
    """Without JavaScript, the title is what a screen reader reads first on
    the page a refused form comes back on; a page without error keeps its
    own title."""
    c = Visitor()
    r, _ = signup(c, addr="pas-une-adresse")
    eq(r.status, 422, "sign-up refused")
    title = re.search(r"<title>([^<]*)</title>", r.text).group(1)
    assert harness.same_spaces(title).startswith("Erreur : "), title
    contains(r.text, 'id="erreurs" tabindex="-1" autofocus', "the summary takes focus")
    page = c.get("/inscription")
    lacks(re.search(r"<title>([^<]*)</title>", page.text).group(1), "Erreur")
    u, _ = harness.signed_in(name="Proposant Titre")
    r = u.submit("/themes/ethique/proposer", "/themes/ethique/proposer",
                 {"titre": "", "texte": "court", "territoire": "37", "action": "publish"})
    eq(r.status, 422, "proposal refused")
    assert re.search(r"<title>Erreur[ \u00a0]: ", r.text), r.text[:400]


@test
def short_controls_carry_the_contribution_they_are_about():
    """"Utile", "Répondre" and "Signaler" under an argument or a comment
    name it (its number, author and date, visually hidden), not just the
    verb."""
    from participation_lib import new_proposal, post_argument, post_comment
    author, _, pid = new_proposal(title="Une proposition aux contrôles nommés")
    other, _ = harness.signed_in(name="Camille Contexte")
    eq(post_argument(other, pid, "pour", "Un argument nommé.").status, 303, "argument")
    eq(post_comment(other, pid, "Un commentaire nommé.").status, 303, "comment")
    reader, _ = harness.signed_in(name="Lecteur Contexte")
    page = reader.get("/propositions/%d" % pid).text
    hidden = r'<span class="visually-hidden">[ \u00a0]: ([^<]+)</span>'
    eq(len(re.findall(r'aria-pressed="false">Utile' + hidden, page)), 1, "utile named")
    contains(page, "Utile<span class=\"visually-hidden\"> : argument n° 1 (Pour) de "
             "Camille Contexte, le ")
    contains(page, "<summary>Répondre<span class=\"visually-hidden\"> : argument n° 1 "
             "(Pour) de Camille Contexte, le ")
    contains(page, "<summary>Répondre<span class=\"visually-hidden\"> : commentaire n° 1 "
             "de Camille Contexte, le ")
    contains(page, "Signaler<span class=\"visually-hidden\"> : commentaire n° 1 de Camille")
    contains(page, "Signaler<span class=\"visually-hidden\"> : cette proposition</span>")
    for bare in (">Utile</button>", "<summary>Répondre</summary>", ">Signaler</a>"):
        lacks(page, bare, "a bare control")
