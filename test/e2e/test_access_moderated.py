# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""What the author of a moderated comment sees under the proposal (issue
13, item 5): "masqué par la modération (règle R4)", never "en attente"."""

import fixtures
import harness
from harness import contains, eq, lacks, test


@test
def a_hidden_comment_tells_its_author_the_rule():
    author, aid = harness.signed_in(name="Auteur Masqué")
    owner = harness.make_user(name="Proposant Masqué")
    from modlog_lib import decide
    moderator, _ = harness.signed_in(name="Modératrice Masque", roles=("moderator",))
    pid = fixtures.proposal(owner, "Une proposition au commentaire masqué")
    cid = fixtures.comment(aid, pid, "Un commentaire qui sera masqué.")
    decide(moderator, cid, "hide", "R4", "Hors sujet.")  # through the item's form
    page = author.get("/propositions/%d" % pid)
    eq(page.status, 200)
    text = page.visible_text()
    contains(text, "masqué par la modération (règle R4")
    contains(page.text, 'masqué par la modération (règle <a href="/charte#regles">R4</a>), '
             'visible par vous seulement')
    lacks(text, "en attente de modération", "hidden is not waiting")
    lacks(harness.Client().get("/propositions/%d" % pid).visible_text(),
          "Un commentaire qui sera masqué", "gone for others")
