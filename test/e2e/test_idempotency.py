# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Forms' idempotency keys (issue 14, item 1): every form carries a key;
the same form sent twice, one after the other or at once, posts once and
both answers lead to the same place."""

import re
import threading

from harness import Client, contains, eq, signed_in, sql_value, test
from participation_lib import new_proposal, word


def form_fields(page, action):
    """The hidden fields (csrf, envoi) of the form posting to action."""
    m = re.search(r'<form method="post" action="%s".*?</form>' % re.escape(action),
                  page.text, re.S)
    assert m, "no form posting to %s" % action
    return dict(re.findall(r'<input type="hidden" name="(csrf|envoi)" value="([^"]+)"',
                           m.group(0)))


def comments(pid, text):
    return int(sql_value("SELECT count(*) FROM contributions WHERE proposal_id = %d"
                         " AND kind = 'comment' AND body = '%s'" % (pid, text)))


@test
def every_form_carries_an_idempotency_key():
    c, _ = signed_in()
    _, _, pid = new_proposal()
    page = c.get("/propositions/%d" % pid)
    forms = re.findall(r'<form method="post".*?</form>', page.text, re.S)
    assert len(forms) >= 3, len(forms)
    keys = []
    for f in forms:
        m = re.search(r'name="envoi" value="([A-Za-z0-9_-]{43})"', f)
        assert m, "a form without its key: " + f[:200]
        keys.append(m.group(1))
    eq(len(set(keys)), len(keys), "one key per form")
    again = form_fields(c.get("/propositions/%d" % pid), "/propositions/%d/commentaires" % pid)
    assert again["envoi"] not in keys, "a new key at each display"


@test
def a_form_sent_twice_posts_once_and_both_answers_agree():
    c, _ = signed_in()
    _, _, pid = new_proposal()
    action = "/propositions/%d/commentaires" % pid
    f = form_fields(c.get("/propositions/%d" % pid), action)
    text = "Commentaire envoyé deux fois " + word()
    f["texte"] = text
    r1 = c.post(action, f)
    eq(r1.status, 303, r1.visible_text()[:200])
    r2 = c.post(action, f)
    eq(r2.status, 303, "sent again: " + r2.visible_text()[:200])
    eq(r2.header("location"), r1.header("location"), "the same place")
    eq(comments(pid, text), 1, "one comment")
    eq(sql_value("SELECT count(*) FROM form_submissions WHERE path = '%s'" % action), "1")
    # The same key with another text is another submission.
    f["texte"] = text + " (corrigé)"
    eq(c.post(action, f).status, 303)
    eq(comments(pid, text + " (corrigé)"), 1, "the corrected text")
    eq(comments(pid, text), 1, "the first one still once")


@test
def the_same_form_sent_ten_times_at_once_posts_once():
    c, _ = signed_in()
    _, _, pid = new_proposal()
    action = "/propositions/%d/commentaires" % pid
    f = form_fields(c.get("/propositions/%d" % pid), action)
    text = "Dix clics à la fois " + word()
    f["texte"] = text
    out = []
    lock = threading.Lock()

    def send():
        r = Client().request("POST", action, *encode(c, f))
        with lock:
            out.append((r.status, r.header("location")))

    threads = [threading.Thread(target=send) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    eq(sorted(s for s, _ in out), [303] * 10, "every answer: %r" % out)
    eq(len(set(loc for _, loc in out)), 1, "one place: %r" % out)
    eq(comments(pid, text), 1, "one comment")


def encode(client, fields):
    import harness
    body, ctype = harness.encode_multipart(fields)
    return body, {"Content-Type": ctype,
                  "Cookie": "; ".join("%s=%s" % kv for kv in client.cookies.items())}


@test
def a_refused_form_is_not_remembered_and_a_proposal_is_published_once():
    c, uid = signed_in()
    _, _, pid = new_proposal()
    action = "/propositions/%d/commentaires" % pid
    f = form_fields(c.get("/propositions/%d" % pid), action)
    f["texte"] = "   "
    r = c.post(action, f)
    assert r.status in (400, 422), r.status
    r = c.post(action, f)
    assert r.status in (400, 422), "still refused, not replayed: %d" % r.status
    eq(sql_value("SELECT count(*) FROM form_submissions WHERE path = '%s'" % action), "0")
    # A proposal: the second submission of the same form goes to the first.
    page = c.get("/themes/ethique/proposer")
    f = form_fields(page, "/themes/ethique/proposer")
    title = "Proposition publiée une fois " + word()
    f.update({"titre": title, "texte": "Un texte de proposition assez long pour passer.",
              "territoire": "37", "lien": "", "action": "publish"})
    r1 = c.post("/themes/ethique/proposer", f)
    r2 = c.post("/themes/ethique/proposer", f)
    eq((r1.status, r2.status), (303, 303))
    eq(r2.header("location"), r1.header("location"))
    eq(sql_value("SELECT count(*) FROM contributions WHERE title = '%s'" % title), "1")
    contains(c.get(r2.header("location")).visible_text(), title)


@test
def anonymous_keyed_forms_run_their_handler_from_the_start():
    """Sign-up, sign-in and the forgotten password are sent without a
    session: their key's lookup alone went before the handler and was
    taken for its step 0, so the handler began at step 1 with nothing
    read and the worker crashed (a browser always sends the key; these
    forms sent by a browser, empty, got an empty response)."""
    import harness
    for path, fields in [("/inscription", {"nom": "", "courriel": "", "mot_de_passe": "",
                                            "departement": ""}),
                         ("/connexion", {"courriel": "", "mot_de_passe": ""}),
                         ("/mot-de-passe-oublie", {"courriel": ""})]:
        c = Client()
        f = form_fields(c.get(path), path)
        assert "envoi" in f, path
        f.update(fields)
        r = c.post(path, f)
        eq(r.status, 422, path)
        contains(r.visible_text(), "Le formulaire contient", path)
        # And a valid one goes through with its key.
    c = Client()
    f = form_fields(c.get("/inscription"), "/inscription")
    addr = "cle-%s@example.org" % word()
    f.update({"nom": "Inscrite Avec Clé", "courriel": addr, "mot_de_passe": "un mot de passe solide 42",
              "departement": "37", "consentement": "1"})
    r = c.post("/inscription", f)
    eq(r.status, 303, r.visible_text()[:200])
    eq(sql_value("SELECT count(*) FROM users WHERE email = '%s'" % addr), "1")
    eq(harness.MAIN.crashes(), [], "no worker crashed")
