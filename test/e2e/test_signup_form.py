# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The sign-up form a careful user filled in (issue 13, item 13): the
required fields said in words and to assistive technology, the error
summary in the order of the fields, each error inside its own field."""

import html
import re

from accounts_lib import Visitor
from harness import contains, eq, test


@test
def signup_marks_required_fields():
    page = Visitor().get("/inscription")
    eq(page.status, 200)
    contains(page.visible_text(), "Tous les champs sont obligatoires.")
    for name, label in [("nom", "Nom d'affichage"), ("courriel", "Adresse électronique"),
                        ("mot_de_passe", "Mot de passe"), ("departement", "Département")]:
        contains(html.unescape(page.text),
                 '<label for="f-%s">%s <span class="required">(obligatoire)</span>'
                 % (name, label), name)
    box = re.search(r'<input type="checkbox"[^>]*id="f-consentement"[^>]*>', page.text).group(0)
    contains(box, " required")
    contains(box, 'aria-required="true"')
    contains(html.unescape(page.text), 'traitées pour participer à la consultation. '
             '<span class="required">(obligatoire)</span></label>')
    contains(page.text, 'aria-required="true"', "the select too")


@test
def signup_errors_follow_the_fields_order():
    """Every field wrong: the summary lists them as the form does, each
    links to its field, and each message sits in its field's block."""
    c = Visitor()
    page = c.get("/inscription")
    r = c.post("/inscription", {"csrf": page.csrf(), "nom": "x", "courriel": "pas-une-adresse",
                                "mot_de_passe": "court", "departement": "99"})
    eq(r.status, 422)
    summary = re.search(r'<div class="alert"[^>]*id="erreurs".*?</div>', r.text, re.S).group(0)
    order = re.findall(r'<a href="#f-([a-z_]+)">', summary)
    eq(order, ["nom", "courriel", "mot_de_passe", "departement", "consentement"], "summary order")
    fields = re.findall(r'<div class="field[^"]*invalid">\n(.*?)</div>', r.text, re.S)
    eq(len(fields), 5, "five fields marked invalid")
    for name, block in zip(order, fields):
        contains(block, 'id="e-%s"' % name, name + ": its error inside its field")
        contains(block, 'id="f-%s"' % name, name + ": the control in the same block")
        contains(block, 'aria-describedby="e-%s' % name, name + ": tied to the control")


@test
def my_data_page_reads_and_prints():
    """/compte/donnees: my account, each of my texts with its earlier
    versions, my votes, in French words; the JSON is offered beside it."""
    import harness
    from fixtures import proposal, vote
    from harness import lacks, sql
    c, uid = harness.signed_in(name="Camille Données")
    p = proposal(uid, "Mon titre d'aujourd'hui", body="Mon texte d'aujourd'hui, corrigé.")
    sql("INSERT INTO contribution_versions (contribution_id, version, title, body)"
        " VALUES (%d, 1, 'Mon titre d''hier', 'Mon texte d''hier, à reprendre.')" % p)
    other, oid = harness.signed_in(name="Autre Personne")
    po = proposal(oid, "La proposition d'une autre personne")
    vote(uid, po, "mixed")
    contains(c.get("/compte/").text, 'href="/compte/donnees">Lire ou imprimer mes données')
    r = c.get("/compte/donnees")
    eq(r.status, 200)
    eq(r.header("cache-control"), "private, no-store")
    t = r.visible_text()
    for s in ["Mes données", "Camille Données", "Proposition n° %d" % p, "Texte actuel",
              "Mon texte d'aujourd'hui, corrigé.", "Version 1, remplacée le",
              "Mon titre d'hier", "Mon texte d'hier, à reprendre.",
              "La proposition d'une autre personne", "Mitigé"]:
        contains(t, s)
    assert t.index("Texte actuel") < t.index("Version 1"), "current text first"
    contains(r.text, 'href="/compte/donnees.json" download')
    lacks(t, "Autre Personne", "nobody else's data")
    eq(harness.Client().get("/compte/donnees").status, 401, "signed in only")
