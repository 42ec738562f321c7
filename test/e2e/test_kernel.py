# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The plumbing every page shares: fields declared once (app/core/fields.def),
statements that match their declarations (app/db/db.h), field limits."""

import os

import harness
from harness import Client, contains, eq, test


@test
def routes_conf_is_written_from_the_field_declarations():
    r = harness.agora("fields")
    eq(r.returncode, 0, "agora fields")
    with open(os.path.join(harness.ROOT, "conf", "routes.conf")) as f:
        committed = f.read()
    assert r.stdout == committed, (
        "conf/routes.conf differs from app/core/fields.def: run "
        "`build/agora fields > conf/routes.conf`")
    for name in ("texte", "csrf", "apres", "statut_vu"):
        contains(committed, "\t%s\tv_field" % name, "routes.conf")


@test
def every_statement_matches_its_declaration():
    r = harness.agora("sql", "--check")
    assert r.returncode == 0, r.stdout + r.stderr
    contains(r.stdout, "statements match their declarations")
    listed = harness.agora("sql", "--list").stdout.split()
    assert "sql_session_lookup" in listed, listed


@test
def a_field_longer_than_declared_is_refused_and_its_text_shown_back():
    c = Client()
    page = c.get("/connexion")
    text = "Un texte très long. " * 4000       # 84,000 bytes > 65,536
    r = c.post("/themes/ethique/proposer", {"csrf": page.csrf(), "titre": "Titre",
                                            "texte": text})
    # A name far longer than anyone types: refused before the handler.
    r2 = c.post("/inscription", {"csrf": page.csrf(), "nom": "n" * 9000})
    eq(r2.status, 413, "name over its declared size")
    contains(r2.visible_text(), "Le champ « Nom affiché » dépasse la taille permise")
    eq(r.status, 413, "too long")
    contains(r.visible_text(), "Le champ « Texte » dépasse la taille permise")
    contains(r.visible_text(), "Votre texte n'est pas perdu")
    contains(r.text, "Un texte très long. Un texte très long.")
    # Within the declared size, the page's own French check answers (and a
    # query string is capped at 1,024 bytes before that: 414).
    r = Client().get("/themes/ethique?q=" + "a" * 400)
    eq(r.status, 400, "the listing's own limit")
    contains(r.visible_text(), "ne doit pas dépasser 200 caractères")
