# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Citizens take back what they wrote (issue 13, item 11): the author edits
an argument or a comment within the edit window (refused after it, in
French), the earlier text kept in contribution_versions and shown to the
moderators, the page saying "modifié le … à …"; in an a priori consultation
an edit goes back to the queue, hidden until approved again, as an edited
proposal is; withdrawn texts leave the page and the open data; no "utile"
on one's own argument. And the contact form for the moderation team: what
was typed kept on an error, the message in /moderation/messages and in each
moderator's mail, never shown to anyone else, erased by `agora purge`."""

import harness
from accounts_lib import unique_email, wait_mail
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
    eq(r.header("location"), "/propositions/%d?voir=%d#c%d" % (pid, aid, aid))
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


# ---------------------------------------------------------------- contact form

def contact(c, fields):
    return c.submit("/contact-moderation", "/contact-moderation", fields)


@test
def a_visitor_writes_to_the_moderators_who_alone_read_it():
    sql("DELETE FROM rate_events WHERE bucket = 'contact_ip'")
    mod, mod_id = moderator()
    mod_addr = sql_value("SELECT email FROM users WHERE id = %d" % mod_id)
    home = Client().get("/")
    contains(home.text, 'href="/contact-moderation"', "from the footer")
    contains(Client().get("/charte").text, 'href="/contact-moderation"', "from the charter")
    form = Client().get("/contact-moderation")
    eq(form.status, 200)
    contains(form.visible_text(), "Écrire à l'équipe de modération")
    secret = "Message confidentiel " + word()
    anon = Client()
    # bad input: the message is kept, each error at its field, nothing sent
    r = contact(anon, {"sujet": "pas-un-objet", "texte": secret, "lien": "javascript:alert(1)",
                       "courriel": "pas une adresse"})
    eq(r.status, 422)
    text = r.visible_text()
    contains(r.text, secret, "what was typed is kept")
    contains(text, "Objet")
    contains(text, "« Lien » doit être une adresse de ce site")
    contains(text, "L'adresse électronique n'a pas la forme")
    eq(sql_value("SELECT count(*) FROM moderation_messages WHERE body = '%s'" % secret), "0")
    eq(anon.post("/contact-moderation", {"sujet": "autre", "texte": secret,
                                         "courriel": "a@example.org"}).status, 403, "no csrf")
    reply = unique_email("visiteur")
    r = contact(anon, {"sujet": "decision", "texte": secret + "\nDeuxième ligne <b>.",
                       "lien": "/propositions/1", "courriel": reply})
    eq(r.status, 303, r.visible_text()[:300])
    eq(r.header("location"), "/contact-moderation")
    contains(anon.get("/contact-moderation").visible_text(), "Votre message est envoyé")
    # the moderators' list
    page = mod.get("/moderation/messages")
    eq(page.status, 200)
    text = page.visible_text()
    contains(text, "Une décision de modération")
    contains(text, secret)
    contains(text, reply)
    contains(page.text, "Deuxième ligne &lt;b&gt;.", "escaped")
    contains(page.text, '<a href="/propositions/1">')
    contains(mod.get("/moderation/").text, 'href="/moderation/messages"', "from the queue")
    # and their mail
    _, msg, _ = wait_mail(mod_addr, kind="contact")
    contains(msg["subject"], "Une décision de modération")
    body = msg.get_content()
    contains(body, secret)
    contains(body, reply)
    contains(body, "/moderation/messages")
    # never shown to anyone else
    citizen, _ = signed_in()
    eq(citizen.get("/moderation/messages").status, 403)
    eq(Client().get("/moderation/messages").status, 401)
    lacks(Client().get("/export/contributions.json").text, secret)


@test
def a_signed_in_sender_is_answered_at_the_account_address_and_limits_apply():
    sql("DELETE FROM rate_events WHERE bucket = 'contact_ip'")
    c, uid = signed_in(name="Camille Curieuse")
    form = c.get("/contact-moderation").text
    lacks(form, 'name="courriel"', "an account needs no reply address")
    secret = "Question sur la charte " + word()
    r = contact(c, {"sujet": "charte", "texte": secret, "lien": ""})
    eq(r.status, 303, r.visible_text()[:300])
    eq(sql("SELECT sender_id, reply_email IS NULL, link IS NULL FROM moderation_messages"
           " WHERE body = '%s'" % secret), [[str(uid), "t", "t"]])
    mod, _ = moderator()
    contains(mod.get("/moderation/messages").visible_text(), "Camille Curieuse")
    # rate-limited per network like the other open forms
    key = harness.rate_key("contact_ip", "127.0.0.1")
    sql("INSERT INTO rate_events (bucket, key) SELECT 'contact_ip', '%s'"
        " FROM generate_series(1, 5)" % key)
    try:
        r = contact(Client(), {"sujet": "autre", "texte": "Encore un message.",
                               "courriel": unique_email()})
        eq(r.status, 429)
        eq(sql_value("SELECT count(*) FROM moderation_messages WHERE body = 'Encore un message.'"),
           "0")
    finally:
        sql("DELETE FROM rate_events WHERE bucket = 'contact_ip'")


@test
def messages_are_erased_after_the_period_the_privacy_notice_states():
    notice = Client().get("/confidentialite").visible_text()
    contains(notice, "(formulaire de contact) et adresse de réponse")
    contains(notice, "365 jours après leur envoi", "the setting's value, as purge applies it")
    sql("DELETE FROM rate_events WHERE bucket = 'contact_ip'")
    old = "Un vieux message " + word()
    r = contact(Client(), {"sujet": "donnees", "texte": old, "courriel": unique_email()})
    eq(r.status, 303, r.visible_text()[:300])
    sql("UPDATE moderation_messages SET created_at = now() - interval '366 days'"
        " WHERE body = '%s'" % old)
    sql("UPDATE outbox SET created_at = now() - interval '366 days'"
        " WHERE kind = 'contact' AND body LIKE '%%%s%%'" % old)
    r = harness.agora("purge")
    eq(r.returncode, 0, r.stderr)
    contains(r.stdout, "message(s) to the moderation team erased")
    eq(sql_value("SELECT count(*) FROM moderation_messages WHERE body = '%s'" % old), "0")
    eq(sql_value("SELECT count(*) FROM outbox WHERE body LIKE '%%%s%%'" % old), "0",
       "its mail too")
