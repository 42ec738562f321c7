# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Citizens take back what they wrote (issue 13, item 11): an author
withdraws an argument or a comment; the page says "retiré par son auteur",
the text is gone from the page and the API (is_public, one definition),
the replies others wrote under it stay, the earlier text is kept in
contribution_versions."""

from harness import Client, contains, eq, lacks, signed_in, sql, test
from participation_lib import csrf_of, new_proposal, post_argument, post_comment


def api_after(pid):
    """The API's contributions from the proposal on (its thread)."""
    # apres takes a positive id: the first proposal of a fresh database has none before
    r = Client().get("/api/v1/contributions" + ("?apres=%d" % (pid - 1) if pid > 1 else ""))
    eq(r.status, 200)
    return r.text


@test
def an_author_withdraws_an_argument_and_its_text_leaves_every_public_place():
    _, _, pid = new_proposal()
    author, uid = signed_in(name="Autrice Repentie")
    r = post_argument(author, pid, "pour", "Une phrase que je regrette tout à fait.")
    eq(r.status, 303)
    aid = int(r.header("location").split("#c")[1])
    other, _ = signed_in(name="Voisin Répondant")
    r = post_comment(other, pid, "Une réponse sous l'argument retiré.", parent=aid)
    eq(r.status, 303)
    contains(api_after(pid), "je regrette tout", "public before")
    # only its author is offered the control, named with its context
    mine = author.get("/propositions/%d" % pid).text
    contains(mine, 'action="/contributions/%d/retirer"' % aid)
    contains(mine, "Retirer définitivement<span class=\"visually-hidden\"> : argument n° 1 (Pour)")
    lacks(other.get("/propositions/%d" % pid).text, 'action="/contributions/%d/retirer"' % aid)
    # someone else's: 404, nothing written
    eq(other.post("/contributions/%d/retirer" % aid, {"csrf": csrf_of(other)}).status, 404)
    eq(sql("SELECT withdrawn_at IS NULL FROM contributions WHERE id = %d" % aid), [["t"]])
    eq(author.post("/contributions/%d/retirer" % aid, {}).status, 403, "no csrf")
    r = author.post("/contributions/%d/retirer" % aid, {"csrf": csrf_of(author)})
    eq(r.status, 303)
    eq(r.header("location"), "/propositions/%d?voir=%d#c%d" % (pid, aid, aid))
    flash = author.get("/propositions/%d" % pid)
    contains(flash.visible_text(), "Votre contribution est retirée")
    page = Client().get("/propositions/%d" % pid)
    text = page.visible_text()
    contains(text, "Argument retiré par son auteur le ")
    lacks(text, "je regrette tout")
    contains(text, "Une réponse sous l'argument retiré", "the replies others wrote stay")
    contains(text, "Pour (0)")
    contains(page.text, '<li id="c%d" class="argument argument-pour">' % aid, "its place kept")
    lacks(api_after(pid), "je regrette tout")
    contains(api_after(pid), "Une réponse sous l'argument retiré")
    eq(sql("SELECT body, edited_by FROM contribution_versions WHERE contribution_id = %d" % aid),
       [["Une phrase que je regrette tout à fait.", str(uid)]], "kept for the moderators")
    eq(sql("SELECT body, is_public FROM contributions WHERE id = %d" % aid), [["", "f"]])
    eq(sql("SELECT replies FROM contributions WHERE id = %d" % pid), [["1"]], "the reply counts")
    # the author no longer has a control on it, and no one has "utile"
    lacks(author.get("/propositions/%d" % pid).text, 'action="/contributions/%d/retirer"' % aid)
    lacks(other.get("/propositions/%d" % pid).text, 'action="/arguments/%d/utile"' % aid)


@test
def an_author_withdraws_a_comment():
    _, _, pid = new_proposal()
    author, _ = signed_in(name="Commentatrice Prudente")
    r = post_comment(author, pid, "Un commentaire retiré ensuite.")
    cid = int(r.header("location").split("#c")[1])
    keep = post_comment(author, pid, "Un commentaire gardé.")
    eq(keep.status, 303)
    eq(author.post("/contributions/%d/retirer" % cid, {"csrf": csrf_of(author)}).status, 303)
    text = Client().get("/propositions/%d" % pid).visible_text()
    contains(text, "Commentaire retiré par son auteur le ")
    lacks(text, "Un commentaire retiré ensuite.")
    contains(text, "Un commentaire gardé.")
    contains(text, "Commentaires (1)")
    eq(author.post("/contributions/%d/retirer" % pid, {"csrf": csrf_of(author)}).status, 404,
       "not a proposal")
    eq(author.post("/contributions/x/retirer", {"csrf": csrf_of(author)}).status, 404)
    eq(Client().post("/contributions/%d/retirer" % cid, {}).status, 401, "anonymous")


@test
def an_author_withdraws_a_proposal_which_keeps_its_votes_and_takes_no_more():
    author, _, pid = new_proposal(title="Une proposition que son autrice retire")
    voter, vid = signed_in(name="Votant Fidèle")
    late, _ = signed_in(name="Votante Tardive")
    eq(voter.post("/propositions/%d/vote" % pid,
                  {"csrf": csrf_of(voter), "choix": "agree"}).status, 303)
    page = author.get("/propositions/%d" % pid).text
    contains(page, "Retirer ma proposition définitivement")
    lacks(voter.get("/propositions/%d" % pid).text, "Retirer ma proposition")
    eq(voter.post("/contributions/%d/retirer" % pid, {"csrf": csrf_of(voter)}).status, 404)
    r = author.post("/contributions/%d/retirer" % pid, {"csrf": csrf_of(author)})
    eq(r.status, 303)
    eq(r.header("location"), "/propositions/%d" % pid)
    contains(author.get("/propositions/%d" % pid).visible_text(), "Votre proposition est retirée")
    page = late.get("/propositions/%d" % pid)
    eq(page.status, 200, "still public")
    text = page.visible_text()
    contains(text, "Proposition retirée par son auteur le ")
    contains(text, "Les avis déjà donnés restent comptés")
    contains(text, "Une proposition que son autrice retire")
    contains(text, "D'accord : 1")
    lacks(page.text, 'action="/propositions/%d/vote"' % pid, "no vote buttons")
    lacks(page.text, 'action="/propositions/%d/arguments"' % pid, "no argument form")
    r = late.post("/propositions/%d/vote" % pid, {"csrf": csrf_of(late), "choix": "mixed"})
    eq(r.status, 409)
    contains(r.visible_text(), "Son auteur a retiré cette proposition")
    r = post_argument(late, pid, "contre", "Un argument arrivé après le retrait.")
    eq(r.status, 409)
    eq(sql("SELECT count(*), min(user_id) FROM votes WHERE contribution_id = %d" % pid),
       [["1", str(vid)]], "the vote before stays, none after")
