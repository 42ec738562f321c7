# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Edits of a proposal under the moderation rules (issue 14, items 3 and 6):
in an a priori consultation an approved proposal that its author edits goes
back to the queue, and the spam brakes (likely duplicate, new account that
posts a lot) judge an edit as they judge a new text; edits are capped per
proposal and per account, and the moderation page pages the versions."""

import harness
from harness import Client, contains, eq, lacks, signed_in, sql, sql_value, test
from participation_lib import new_proposal, propose, word
from test_moderation import decide, moderator


def edit(c, pid, title, body):
    return c.submit("/propositions/%d/modifier" % pid, "/propositions/%d/modifier" % pid,
                    {"titre": title, "texte": body, "territoire": "37", "lien": "",
                     "action": "publish"})


def status(pid):
    return sql_value("SELECT status FROM contributions WHERE id = %d" % pid)


# ---------------------------------------------------------------- item 3

@test
def an_approved_proposal_edited_in_a_priori_mode_goes_back_to_the_queue():
    sql("UPDATE consultations SET moderation_mode = 'a_priori' WHERE is_primary")
    try:
        c, uid = signed_in()
        title = "Relue " + word()
        r = propose(c, title, "Le texte que la modération a relu et publié.")
        eq(r.status, 303)
        pid = int(r.header("location").rsplit("/", 1)[1])
        eq(status(pid), "pending")
        mod, _ = moderator()
        decide(mod, pid, "publish")
        eq(status(pid), "published")
        secret = "piege" + word()
        r = edit(c, pid, title, "Un tout autre texte, jamais relu : " + secret + ".")
        eq(r.status, 303, r.visible_text()[:300])
        eq(status(pid), "pending", "the edit is held for review")
        contains(c.get(r.header("location")).visible_text(), "relecture")
        eq(Client().get("/propositions/%d" % pid).status, 404, "not public meanwhile")
        lacks(Client().get("/themes/ethique").text, secret)
        queue = mod.get("/moderation/?motif=modifiee")   # its own reason
        contains(queue.text, "/moderation/%d\"" % pid)
        contains(queue.visible_text(), "Modifiée après sa publication")
        decide(mod, pid, "publish")
        contains(Client().get("/propositions/%d" % pid).visible_text(), secret,
                 "public once published again")
    finally:
        sql("UPDATE consultations SET moderation_mode = 'a_posteriori' WHERE is_primary")


@test
def an_edit_into_a_copy_of_another_text_is_held_as_a_duplicate():
    c, uid = signed_in()
    body = "Un long texte que son auteur publie une fois, puis recopie " + word()
    new_proposal(body=body, client=c)
    _, _, pid = new_proposal(body="Une proposition tout à fait différente " + word(),
                             client=c)
    eq(status(pid), "published")
    r = edit(c, pid, "Copie " + word(), body)
    eq(r.status, 303)
    eq(sql("SELECT status, queue_reason FROM contributions WHERE id = %d" % pid),
       [["pending", "doublon probable"]])


@test
def a_small_correction_is_not_a_duplicate_of_itself():
    c, uid = signed_in()
    body = "Une proposition assez longue pour le frein des doublons " + word()
    _, _, pid = new_proposal(body=body, client=c)
    eq(edit(c, pid, "Corrigée " + word(), body + ", corrigée").status, 303)
    eq(status(pid), "published")


@test
def a_new_account_that_edits_a_lot_is_held_like_one_that_posts_a_lot():
    c, uid = signed_in(age_days=0)
    _, _, pid = new_proposal(body="Première version d'un compte tout neuf " + word(),
                             client=c)
    for i in range(4):
        eq(edit(c, pid, "Version %d %s" % (i, word()),
                "Texte numéro %d d'un compte tout neuf %s" % (i, word())).status, 303)
        eq(status(pid), "published", "edit %d" % i)
    eq(edit(c, pid, "Version cinq " + word(), "Cinquième texte " + word() * 3).status, 303)
    eq(sql("SELECT status, queue_reason FROM contributions WHERE id = %d" % pid),
       [["pending", "compte récent"]], "the fifth change within the hour")


# ---------------------------------------------------------------- item 6

@test
def edits_are_capped_per_proposal_and_the_versions_are_paged():
    c, uid, pid = new_proposal(body="La toute première version de la proposition " + word())
    for i in range(10):
        r = edit(c, pid, "Version %d" % (i + 2), "Texte numéro %d de la proposition %s"
                 % (i + 2, word()))
        eq(r.status, 303, "edit %d: %s" % (i, r.visible_text()[:200]))
    r = edit(c, pid, "Version de trop", "Un texte de trop pour cette proposition " + word())
    eq(r.status, 403, "the eleventh edit")
    contains(r.visible_text(), "nombre de fois permis")
    contains(r.text, "Un texte de trop", "the text sent is shown back")
    eq(sql_value("SELECT count(*) FROM contribution_versions WHERE contribution_id = %d"
                 % pid), "10")
    mod, _ = moderator()
    page = mod.get("/moderation/%d" % pid)
    eq(page.status, 200)
    contains(page.visible_text(), "Versions précédentes (10)")
    eq(page.text.count("<summary>Version "), 5, "five versions a page")
    contains(page.visible_text(), "Page 1 sur 2")
    contains(page.text, 'href="/moderation/%d?page=2#versions"' % pid)
    second = mod.get("/moderation/%d?page=2" % pid)
    eq(second.status, 200)
    eq(second.text.count("<summary>Version "), 5)
    contains(second.visible_text(), "Version 10, remplacée le")
    eq(mod.get("/moderation/%d?page=3" % pid).status, 404)
    eq(mod.get("/moderation/%d?page=abc" % pid).status, 400)


@test
def edits_are_capped_per_account_and_hour():
    c, uid = signed_in()
    pids = [new_proposal(body="Proposition %d d'un auteur prolifique %s" % (i, word()),
                         client=c)[2] for i in range(3)]
    for n in range(20):   # 10 on each of the first two: each one's cap
        r = edit(c, pids[n % 2], "Titre %d" % n, "Texte modifié %d %s" % (n, word()))
        eq(r.status, 303, "edit %d" % n)
    r = edit(c, pids[2], "Titre de trop", "Texte modifié de trop " + word())
    eq(r.status, 429, "the twenty-first edit within the hour")
    contains(r.visible_text(), "réessayez dans une heure")
    sql("UPDATE contribution_versions SET edited_at = edited_at - interval '61 minutes'"
        " WHERE edited_by = %d" % uid)
    eq(edit(c, pids[2], "Titre plus tard", "Texte modifié plus tard " + word()).status, 303,
       "an hour later")
