# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Citizens take back what they wrote (issue 13, item 11): the author edits
an argument or a comment within the edit window (refused after it, in
French), the earlier text kept in contribution_versions and shown to the
moderators, the page saying "modifié le … à …"; in an a priori consultation
an edit goes back to the queue, hidden until approved again, as an edited
proposal is; withdrawn texts leave the page and the open data; no "utile"
on one's own argument. The contact form is in test_contact_moderation.py."""

from harness import Client, contains, eq, lacks, signed_in, sql, sql_value, test
from participation_lib import csrf_of, new_proposal, post_argument, post_comment, word
from test_moderation import decide, moderator


def edit(c, cid, body, action="publish"):
    return c.submit("/contributions/%d/modifier" % cid, "/contributions/%d/modifier" % cid,
                    {"texte": body, "action": action})


def new_id(r):
    eq(r.status, 303, r.visible_text()[:300])
    return int(r.header("location").split("#c")[1])


@test
def an_author_edits_an_argument_and_a_comment_within_the_window():
    _, _, pid = new_proposal()
    author, uid = signed_in(name="Autrice Scrupuleuse")
    aid = new_id(post_argument(author, pid, "pour", "Un argument avec une fote."))
    cid = new_id(post_comment(author, pid, "Un commentaire avec une fote."))
    page = author.get("/propositions/%d" % pid).text
    contains(page, 'href="/contributions/%d/modifier">Modifier<span class="visually-hidden">'
             % aid, "offered to its author, named with its context")
    lacks(Client().get("/propositions/%d" % pid).text, "/contributions/%d/modifier" % aid)
    other, _ = signed_in()
    eq(other.get("/contributions/%d/modifier" % aid).status, 404, "someone else's: not found")
    eq(other.post("/contributions/%d/modifier" % aid,
                  {"csrf": csrf_of(other), "texte": "Piraté."}).status, 404)
    eq(Client().get("/contributions/%d/modifier" % aid).status, 401)
    form = author.get("/contributions/%d/modifier" % aid)
    eq(form.status, 200)
    contains(form.visible_text(), "Modifier mon argument")
    contains(form.text, "Un argument avec une fote.", "the form holds the text as it stands")
    # preview saves nothing; an empty text is refused at the field, nothing lost
    r = edit(author, aid, "Un argument **corrigé**.", action="preview")
    eq(r.status, 200)
    contains(r.text, "<strong>corrigé</strong>")
    eq(sql_value("SELECT body FROM contributions WHERE id = %d" % aid), "Un argument avec une fote.")
    r = edit(author, aid, "   ")
    eq(r.status, 422)
    contains(r.visible_text(), "Texte")
    r = edit(author, aid, "Un argument sans faute.")
    eq(r.status, 303)
    eq(r.header("location"), "/propositions/%d#c%d" % (pid, aid))
    contains(author.get(r.header("location")).visible_text(), "Votre modification est enregistrée")
    r = edit(author, cid, "Un commentaire sans faute.")
    eq(r.status, 303)
    text = Client().get("/propositions/%d" % pid).visible_text()
    contains(text, "Un argument sans faute.")
    contains(text, "Un commentaire sans faute.")
    lacks(text, "fote")
    contains(text, "modifié le ")
    eq(text.count("modifié le "), 2, "both say so")
    eq(sql("SELECT contribution_id, body, edited_by FROM contribution_versions"
           " WHERE contribution_id IN (%d, %d) ORDER BY contribution_id" % (aid, cid)),
       [[str(aid), "Un argument avec une fote.", str(uid)],
        [str(cid), "Un commentaire avec une fote.", str(uid)]])
    mod, _ = moderator()
    item = mod.get("/moderation/%d" % aid)
    eq(item.status, 200)
    contains(item.visible_text(), "Versions précédentes")
    contains(item.visible_text(), "Un argument avec une fote.", "the moderators see the earlier text")


@test
def an_edit_after_the_window_is_refused_in_french():
    _, _, pid = new_proposal()
    author, _ = signed_in()
    aid = new_id(post_argument(author, pid, "contre", "Un argument écrit il y a longtemps."))
    sql("UPDATE contributions SET created_at = now() - interval '2 hours' WHERE id = %d" % aid)
    lacks(author.get("/propositions/%d" % pid).text, "/contributions/%d/modifier" % aid,
          "no link after the window")
    r = author.get("/contributions/%d/modifier" % aid)
    eq(r.status, 403)
    contains(r.visible_text(), "Le délai de modification (30 minutes après la publication) est dépassé")
    r = author.post("/contributions/%d/modifier" % aid,
                    {"csrf": csrf_of(author), "texte": "Trop tard.", "action": "publish"})
    eq(r.status, 403)
    contains(r.visible_text(), "ne peut plus être modifié")
    eq(sql_value("SELECT body FROM contributions WHERE id = %d" % aid),
       "Un argument écrit il y a longtemps.")
    eq(sql_value("SELECT count(*) FROM contribution_versions WHERE contribution_id = %d" % aid), "0")


@test
def in_a_priori_mode_an_edited_argument_goes_back_to_the_queue():
    sql("UPDATE consultations SET moderation_mode = 'a_priori' WHERE is_primary")
    try:
        _, _, pid = new_proposal()
        sql("UPDATE contributions SET status = 'published' WHERE id = %d" % pid)
        author, _ = signed_in()
        aid = new_id(post_argument(author, pid, "pour", "Le texte relu et approuvé."))
        mod, _ = moderator()
        decide(mod, aid, "publish")
        contains(Client().get("/propositions/%d" % pid).visible_text(), "Le texte relu et approuvé.")
        secret = "jamais relu " + word()
        r = edit(author, aid, "Un autre texte, " + secret + ".")
        eq(r.status, 303, r.visible_text()[:300])
        contains(author.get(r.header("location")).visible_text(), "en attente de modération")
        eq(sql_value("SELECT status || ' ' || queue_reason FROM contributions WHERE id = %d" % aid),
           "pending modifiée")
        text = Client().get("/propositions/%d" % pid).visible_text()
        lacks(text, secret, "not public until approved again")
        contains(author.get("/propositions/%d" % pid).visible_text(), "en attente de modération")
        contains(mod.get("/moderation/").text, "/moderation/%d\"" % aid, "in the queue")
        decide(mod, aid, "publish")
        contains(Client().get("/propositions/%d" % pid).visible_text(), secret)
    finally:
        sql("UPDATE consultations SET moderation_mode = 'a_posteriori' WHERE is_primary")


@test
def a_withdrawn_argument_leaves_the_page_and_the_open_data():
    _, _, pid = new_proposal()
    author, _ = signed_in()
    secret = "regrettable" + word()
    aid = new_id(post_argument(author, pid, "pour", "Un argument " + secret + "."))
    contains(Client().get("/export/contributions.csv").text, secret, "open data before")
    eq(author.post("/contributions/%d/retirer" % aid, {"csrf": csrf_of(author)}).status, 303)
    text = Client().get("/propositions/%d" % pid).visible_text()
    contains(text, "Argument retiré par son auteur le ")
    lacks(text, secret)
    lacks(Client().get("/export/contributions.csv").text, secret, "nor in the open data")
    lacks(Client().get("/export/contributions.json").text, secret)
    eq(author.get("/contributions/%d/modifier" % aid).status, 404, "no edit once withdrawn")


@test
def no_utile_on_ones_own_argument():
    _, _, pid = new_proposal()
    author, _ = signed_in()
    aid = new_id(post_argument(author, pid, "pour", "Mon argument à moi."))
    lacks(author.get("/propositions/%d" % pid).text, 'action="/arguments/%d/utile"' % aid)
    other, _ = signed_in()
    contains(other.get("/propositions/%d" % pid).text, 'action="/arguments/%d/utile"' % aid)
    r = author.post("/arguments/%d/utile" % aid, {"csrf": csrf_of(author)})
    eq(r.status, 403)
    contains(r.visible_text(), "Vous ne pouvez pas marquer votre propre argument comme utile")
    eq(sql_value("SELECT useful FROM contributions WHERE id = %d" % aid), "0")
