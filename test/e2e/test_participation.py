# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Participation: proposals, arguments pour/contre, comments, votes, the
theme listing (search, filters, sorts, pages), consultation dates."""

import re
import threading

import harness
from harness import Client, contains, eq, lacks, signed_in, sql, sql_value, test
from participation_lib import (count, counters_match, csrf_of, moved_dates, new_proposal,
                               post_argument, post_comment, propose, vote, word)

# ------------------------------------------------------------ proposals

@test
def proposal_form_needs_a_verified_account():
    r = Client().get("/themes/ethique/proposer")
    eq(r.status, 401, "anonymous")
    contains(r.visible_text(), "Connexion nécessaire")
    c, _ = signed_in(verified=False)
    r = c.get("/themes/ethique/proposer")
    eq(r.status, 403, "unverified")
    contains(r.visible_text(), "Confirmez d'abord votre adresse")
    r = Client().post("/themes/ethique/proposer", {"titre": "x"})
    eq(r.status, 401, "anonymous POST")
    c, _ = signed_in()
    eq(c.get("/themes/inconnu/proposer").status, 404, "unknown theme")
    eq(c.get("/themes/ETHIQUE/proposer").status, 404, "malformed slug")


@test
def proposal_form_defaults_to_the_authors_departement():
    c, _ = signed_in(territory="41")
    r = c.get("/themes/ethique/proposer")
    eq(r.status, 200)
    contains(r.text, '<h1>Déposer une proposition</h1>')
    contains(r.text, '<option value="41" selected>Loir-et-Cher</option>')
    for field in ("titre", "texte", "territoire", "lien"):
        contains(r.text, 'for="f-%s"' % field)
    contains(r.text, 'name="action" value="preview"')
    contains(r.text, 'name="action" value="publish"')


@test
def preview_renders_markdown_without_saving():
    c, uid = signed_in()
    title = "Aperçu " + word()
    r = propose(c, title, "Un **texte important** avec une liste :\n\n- un\n- deux\n",
                action="preview")
    eq(r.status, 200)
    contains(r.text, "Aperçu (non publié)")
    contains(r.text, "<strong>texte important</strong>")
    contains(r.text, "<li>un</li>")
    contains(r.text, 'value="%s"' % title, "title kept")
    eq(count("contributions", "author_id = %d" % uid), 0, "nothing saved")


@test
def publishing_a_proposal_shows_it_on_its_page_and_theme():
    c, uid = signed_in(territory="18", name="Camille Proposante")
    title = "Des bornes wifi publiques " + word()
    body = "Installer des **bornes** dans chaque mairie.\n\n# Titre interne\n\nFin."
    r = propose(c, title, body, territory="45", link="https://example.org/a?b=1&c=2")
    eq(r.status, 303, r.visible_text()[:300])
    pid = int(r.header("location").rsplit("/", 1)[1])
    row = sql("SELECT title, replace(body, E'\\n', '|'), replace(body_html, E'\\n', '|'), territory_code, link, status, kind, proposal_id,"
              " author_id FROM contributions WHERE id = %d" % pid)[0]
    eq(row[0], title)
    eq(row[1], body.replace("\n", "|"))
    contains(row[2], "<strong>bornes</strong>")
    contains(row[2], "<h3>Titre interne</h3>", "heading shifted by 2")
    eq(row[3:8], ["45", "https://example.org/a?b=1&c=2", "published", "proposal", str(pid)])
    eq(row[8], str(uid))
    page = c.get("/propositions/%d" % pid)
    eq(page.status, 200)
    contains(page.visible_text(), "Votre proposition est publiée.")
    t = Client().get("/propositions/%d" % pid)
    eq(t.status, 200)
    text = t.visible_text()
    contains(t.text, "<h1>%s</h1>" % title)
    contains(text, "Proposée par Camille Proposante (Loiret)")
    contains(t.text, '<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener">')
    contains(text, "Réponse de la Région")
    contains(text, "La Région n'a pas encore répondu.")
    contains(text, "Connectez-vous")
    u, _ = signed_in(verified=False)
    r = u.get("/propositions/%d" % pid)
    contains(r.visible_text(), "Confirmez votre adresse électronique")
    lacks(r.text, 'action="/propositions/%d/vote"' % pid, "no vote form when unverified")
    lacks(t.text, 'action="/propositions/%d/vote"' % pid, "no vote form for visitors")
    theme = Client().get("/themes/ethique?q=" + harness.quote(title.split()[-1]))
    contains(theme.text, 'href="/propositions/%d"' % pid)
    contains(theme.visible_text(), "Par Camille Proposante (Loiret)")


@test
def proposal_validation_errors_are_french_and_keep_values():
    c, uid = signed_in()
    cases = [
        ({"titre": ""}, "« Titre » est obligatoire."),
        ({"titre": "abc"}, "« Titre » doit contenir au moins 5 caractères"),
        ({"titre": "é" * 141}, "« Titre » ne doit pas dépasser 140 caractères"),
        ({"texte": "trop court"}, "doit contenir au moins 20 caractères"),
        ({"texte": "x" * 5001}, "ne doit pas dépasser 5000 caractères"),
        ({"texte": "   "}, "« Texte de la proposition » est obligatoire."),
        ({"lien": "javascript:alert(1)"}, "commençant par http:// ou https://"),
        ({"lien": "ftp://example.org"}, "commençant par http:// ou https://"),
        ({"lien": "https://" + "a" * 500}, "« Lien » ne doit pas dépasser 500"),
        ({"territoire": "99"}, "Le département choisi n'est pas dans la liste."),
        ({"territoire": ""}, "« Département » est obligatoire."),
        ({"titre": b"Titre \xff invalide"}, "encodage non UTF-8"),
        ({"texte": b"Un texte assez long mais \xc3\x28 invalide"}, "encodage non UTF-8"),
    ]
    for change, message in cases:
        fields = {"titre": "Un titre correct", "texte": "Un texte tout à fait correct et long.",
                  "territoire": "37", "lien": "", "action": "publish"}
        fields.update(change)
        page = c.get("/themes/ethique/proposer")
        fields["csrf"] = page.csrf()
        r = c.post("/themes/ethique/proposer", fields)
        eq(r.status, 422, message)
        contains(r.visible_text(), message, message)
        contains(r.text, 'aria-invalid="true"', message)
        if "titre" not in change:
            contains(r.text, 'value="Un titre correct"', "typed title kept")
    eq(count("contributions", "author_id = %d" % uid), 0, "nothing saved")


@test
def proposal_post_needs_csrf():
    c, uid = signed_in()
    fields = {"titre": "Titre sans jeton", "texte": "Un texte tout à fait correct et long.",
              "territoire": "37", "action": "publish"}
    eq(c.post("/themes/ethique/proposer", fields).status, 403, "missing")
    fields["csrf"] = "A" * 43
    r = c.post("/themes/ethique/proposer", fields)
    eq(r.status, 403, "forged")
    contains(r.visible_text(), "Le formulaire a expiré")
    other, _ = signed_in()
    fields["csrf"] = other.get("/themes/ethique/proposer").csrf()
    eq(c.post("/themes/ethique/proposer", fields).status, 403, "someone else's token")
    eq(count("contributions", "author_id = %d" % uid), 0)


@test
def a_form_sent_after_the_session_expired_shows_its_text_back():
    """Nothing a person wrote is lost: a proposal sent once the session has
    ended (idle expiry, sign-out in another tab) comes back on the refusal
    page, with a sign-in link back to the form."""
    c, uid = signed_in()
    form = c.get("/themes/ethique/proposer")
    body = "Une longue proposition <écrite> pendant deux heures & plus.\nDeuxième ligne."
    sql("UPDATE sessions SET ended_at = now() WHERE user_id = %d" % uid)
    r = c.post("/themes/ethique/proposer",
               {"csrf": form.csrf(), "titre": "Titre <b>gardé</b>", "texte": body,
                "territoire": "37", "action": "publish"},
               headers={"Referer": "http://127.0.0.1:%d/themes/ethique/proposer" % harness.PORT})
    eq(r.status, 401)
    t = r.visible_text()
    contains(t, "Votre session a expiré")
    contains(t, "Votre texte n'est pas perdu")
    contains(r.text, '<label for="garde-texte">Texte</label>')
    contains(r.text, ">\nUne longue proposition &lt;écrite&gt; pendant deux heures &amp; plus.\n"
                     "Deuxième ligne.</textarea>")
    contains(r.text, ">\nTitre &lt;b&gt;gardé&lt;/b&gt;</textarea>")
    contains(r.text, 'href="/connexion?retour=%2Fthemes%2Fethique%2Fproposer"')
    eq(count("contributions", "author_id = %d" % uid), 0)
    # A form with no text to keep says only what happened.
    r = c.post("/propositions/1/vote", {"csrf": form.csrf(), "choix": "agree"})
    eq(r.status, 401)
    lacks(r.visible_text(), "pas perdu")


@test
def a_forged_or_stale_form_shows_its_text_back_but_never_a_password():
    c, uid, pid = new_proposal()
    r = c.post("/propositions/%d/commentaires" % pid,
               {"csrf": "A" * 43, "texte": "Mon commentaire réfléchi"})
    eq(r.status, 403)
    contains(r.visible_text(), "Le formulaire a expiré")
    contains(r.text, ">\nMon commentaire réfléchi</textarea>")
    # Refused by the handler (a proposal that does not exist): the same.
    r = c.post("/propositions/999999999/commentaires",
               {"csrf": csrf_of(c), "texte": "Commentaire sur une proposition disparue"})
    eq(r.status, 404)
    contains(r.text, ">\nCommentaire sur une proposition disparue</textarea>")
    r = c.post("/compte/mot-de-passe", {"csrf": "A" * 43, "actuel": "secret-actuel-123",
                                         "nouveau": "nouveau-secret-456"})
    eq(r.status, 403)
    lacks(r.text, "secret-actuel-123")
    lacks(r.text, "nouveau-secret-456")
    lacks(r.text, "<textarea")


@test
def a_priori_moderation_keeps_proposals_pending():
    _, _, published = new_proposal()
    sql("UPDATE consultations SET moderation_mode = 'a_priori' WHERE is_primary")
    try:
        w, wid = signed_in()
        r = post_argument(w, published, "pour", "Argument relu avant publication.")
        eq(r.status, 303)
        contains(w.get("/propositions/%d" % published).visible_text(),
                 "Votre contribution est enregistrée. Elle est en attente de modération")
        eq(sql_value("SELECT status FROM contributions WHERE author_id=%d" % wid), "pending")
        eq(sql_value("SELECT replies FROM contributions WHERE id=%d" % published), "0")
        lacks(Client().get("/propositions/%d" % published).text, "relu avant publication")
        contains(w.get("/propositions/%d" % published).text, "relu avant publication")
        c, uid = signed_in()
        page = c.get("/themes/ethique/proposer")
        contains(page.visible_text(), "en attente de modération")
        title = "En attente " + word()
        r = propose(c, title)
        eq(r.status, 303)
        pid = int(r.header("location").rsplit("/", 1)[1])
        eq(sql_value("SELECT status FROM contributions WHERE id=%d" % pid), "pending")
        mine = c.get("/propositions/%d" % pid)
        eq(mine.status, 200, "the author sees it")
        contains(mine.visible_text(), "en attente de modération")
        eq(Client().get("/propositions/%d" % pid).status, 404, "others do not")
        other, _ = signed_in()
        eq(other.get("/propositions/%d" % pid).status, 404, "another account")
        lacks(Client().get("/themes/ethique?q=" + title.split()[-1]).text,
              "/propositions/%d\"" % pid)
    finally:
        sql("UPDATE consultations SET moderation_mode = 'a_posteriori' WHERE is_primary")


@test
def malformed_or_unknown_proposal_ids_give_404():
    c = Client()
    for path in ["/propositions/abc", "/propositions/0", "/propositions/012",
                 "/propositions/-3", "/propositions/1e3", "/propositions/" + "9" * 16,
                 "/propositions/999999999999", "/propositions/%20"]:
        r = c.get(path)
        eq(r.status, 404, path)
        contains(r.visible_text(), "Page introuvable", path)
    # an argument id is not a proposal
    _, _, pid = new_proposal()
    cl, _ = signed_in()
    post_argument(cl, pid, "pour", "Un argument qui n'est pas une proposition.")
    aid = sql_value("SELECT max(id) FROM contributions WHERE proposal_id=%d AND kind='argument'" % pid)
    eq(c.get("/propositions/" + aid).status, 404, "argument id")


@test
def hidden_proposals_are_404_for_others_and_visible_to_their_author():
    c, uid, pid = new_proposal()
    sql("UPDATE contributions SET status = 'hidden' WHERE id = %d" % pid)
    eq(Client().get("/propositions/%d" % pid).status, 404)
    r = c.get("/propositions/%d" % pid)
    eq(r.status, 200)
    contains(r.visible_text(), "masquée par la modération")
    lacks(r.text, 'action="/propositions/%d/vote"' % pid)
    voter, vid = signed_in()
    r = voter.post("/propositions/%d/vote" % pid,
                   {"csrf": csrf_of(voter), "choix": "agree"})
    eq(r.status, 403, "vote on a hidden proposal")
    contains(r.visible_text(), "n'est pas publiée")
    eq(count("votes", "contribution_id = %d" % pid), 0, "nothing written")


# ------------------------------------------------------------ votes

@test
def voting_changing_and_withdrawing():
    _, _, pid = new_proposal()
    c, uid = signed_in()
    r = c.get("/propositions/%d" % pid)
    contains(r.text, 'name="choix" value="agree"')
    contains(r.text, 'name="choix" value="mixed"')
    contains(r.text, 'name="choix" value="disagree"')
    lacks(r.text, 'value="none"', "nothing to withdraw yet")
    r = vote(c, pid, "agree")
    eq(r.status, 303)
    eq(r.header("location"), "/propositions/%d#votes" % pid)
    eq(counters_match(pid), [1, 0, 0])
    page = c.get("/propositions/%d" % pid)
    contains(page.visible_text(), "Votre avis est enregistré.")
    contains(page.visible_text(), "Votre avis : D'accord")
    contains(page.text, 'value="agree" class="mine" aria-pressed="true"')
    contains(page.text, 'value="none"')
    eq(vote(c, pid, "disagree").status, 303)
    eq(counters_match(pid), [0, 0, 1])
    eq(count("votes", "contribution_id = %d" % pid), 1, "one row per person")
    other, _ = signed_in()
    vote(other, pid, "mixed")
    eq(counters_match(pid), [0, 1, 1])
    contains(Client().get("/propositions/%d" % pid).visible_text(), "2 avis au total")
    eq(vote(c, pid, "none").status, 303)
    eq(counters_match(pid), [0, 1, 0])
    eq(count("votes", "user_id = %d" % uid), 0)
    contains(c.get("/propositions/%d" % pid).visible_text(), "Votre vote est retiré.")


@test
def vote_input_is_checked():
    _, _, pid = new_proposal()
    c, uid = signed_in()
    for bad in ["", "AGREE", "oui", "agree ", "none; DROP TABLE votes"]:
        r = vote(c, pid, bad)
        eq(r.status, 400, repr(bad))
        contains(r.visible_text(), "Avis inconnu")
    eq(vote(c, pid, "agree", token="B" * 43).status, 403, "forged csrf")
    eq(c.post("/propositions/%d/vote" % pid, {"choix": "agree"}).status, 403, "no csrf")
    eq(vote(c, 999999999, "agree").status, 404, "unknown proposal")
    eq(c.post("/propositions/abc/vote", {"csrf": csrf_of(c), "choix": "agree"}).status, 404)
    anon = Client()
    anon.get("/themes/ethique")
    eq(anon.post("/propositions/%d/vote" % pid, {"choix": "agree"}).status, 401, "anonymous")
    u, _ = signed_in(verified=False)
    eq(u.post("/propositions/%d/vote" % pid, {"choix": "agree"}).status, 403, "unverified")
    eq(count("votes", "contribution_id = %d" % pid), 0, "nothing written")


@test
def racing_votes_from_one_account_end_as_one_row():
    _, _, pid = new_proposal()
    c, uid = signed_in()
    token = csrf_of(c)
    statuses = []
    choices = ["agree", "mixed", "disagree"] * 4

    def go(choice):
        statuses.append(vote(c, pid, choice, token).status)

    threads = [threading.Thread(target=go, args=(ch,)) for ch in choices]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    eq(statuses, [303] * len(choices), "every request answered")
    eq(count("votes", "user_id = %d AND contribution_id = %d" % (uid, pid)), 1)
    eq(sum(counters_match(pid)), 1, "counters count one vote")


# ------------------------------------------------------------ arguments & comments

@test
def arguments_pour_and_contre_with_useful():
    _, _, pid = new_proposal()
    a, _ = signed_in(name="Alice Pour")
    b, _ = signed_in(name="Bob Contre")
    r = post_argument(a, pid, "pour", "Cela **rapproche** les services.")
    eq(r.status, 303)
    aid = int(r.header("location").split("#c")[1])
    eq(r.header("location"), "/propositions/%d?voir=%d#c%d" % (pid, aid, aid))
    eq(post_argument(b, pid, "contre", "Cela coûte cher.").status, 303)
    eq(post_argument(b, pid, "contre", "Et c'est lent.").status, 303)
    page = Client().get("/propositions/%d" % pid)
    text = page.visible_text()
    contains(text, "Pour (1)")
    contains(text, "Contre (2)")
    contains(page.text, "<strong>rapproche</strong>")
    contains(text, "Alice Pour")
    contains(text, "Utile : 0")
    # one list, the sides alternating (test_debate.py tests the order)
    assert page.text.index("rapproche") < page.text.index("coûte cher") < page.text.index("lent")
    # "utile": one per account, toggles
    r = b.post("/arguments/%d/utile" % aid, {"csrf": csrf_of(b)})
    eq(r.status, 303)
    eq(r.header("location"), "/propositions/%d?voir=%d#c%d" % (pid, aid, aid))
    eq(sql_value("SELECT useful FROM contributions WHERE id=%d" % aid), "1")
    contains(b.get("/propositions/%d" % pid).visible_text(), "Utile : 1 (dont vous)")
    b.post("/arguments/%d/utile" % aid, {"csrf": csrf_of(b)})
    eq(sql_value("SELECT useful FROM contributions WHERE id=%d" % aid), "0")
    eq(count("argument_useful", "contribution_id=%d" % aid), 0)
    c, _ = signed_in(name="Chloé Utile")
    c.post("/arguments/%d/utile" % aid, {"csrf": csrf_of(c)})
    b.post("/arguments/%d/utile" % aid, {"csrf": csrf_of(b)})
    eq(sql_value("SELECT useful FROM contributions WHERE id=%d" % aid), "2")
    eq(b.post("/arguments/%d/utile" % pid, {"csrf": csrf_of(b)}).status, 404, "not an argument")
    eq(b.post("/arguments/%d/utile" % aid, {}).status, 403, "no csrf")
    eq(sql_value("SELECT replies FROM contributions WHERE id=%d" % pid), "3")


@test
def argument_input_is_checked_and_nothing_half_written():
    _, _, pid = new_proposal()
    c, uid = signed_in()
    r = post_argument(c, pid, "pour", "x" * 2001)
    eq(r.status, 422)
    contains(r.visible_text(), "ne doit pas dépasser 2000 caractères")
    contains(r.text, "x" * 2001, "typed text kept")
    contains(r.text, 'name="position" value="pour"')
    r = post_argument(c, pid, "pour", "   ")
    eq(r.status, 422)
    contains(r.visible_text(), "est obligatoire")
    r = post_argument(c, pid, "pour", b"bad \xff bytes")
    eq(r.status, 422)
    contains(r.visible_text(), "encodage non UTF-8")
    r = post_argument(c, pid, "neutre", "Un argument sans camp.")
    eq(r.status, 400)
    contains(r.visible_text(), "« pour » ou « contre »")
    eq(post_argument(c, 999999999, "pour", "Sur rien.").status, 404)
    eq(count("contributions", "author_id = %d" % uid), 0)
    eq(sql_value("SELECT replies FROM contributions WHERE id=%d" % pid), "0")


@test
def threaded_comments_with_a_depth_limit():
    _, _, pid = new_proposal()
    c, uid = signed_in(name="Chloé Commente")
    r = post_comment(c, pid, "Premier commentaire.")
    eq(r.status, 303)
    c1 = int(r.header("location").split("#c")[1])
    r = post_comment(c, pid, "Réponse niveau 2.", parent=c1)
    eq(r.status, 303)
    c2 = int(r.header("location").split("#c")[1])
    r = post_comment(c, pid, "Réponse niveau 3.", parent=c2)
    eq(r.status, 303)
    c3 = int(r.header("location").split("#c")[1])
    eq(sql("SELECT depth FROM contributions WHERE id IN (%d,%d,%d) ORDER BY id" % (c1, c2, c3)),
       [["1"], ["2"], ["3"]])
    before = count("contributions", "proposal_id = %d" % pid)
    r = post_comment(c, pid, "Trop profond.", parent=c3)
    eq(r.status, 422, "deeper than comment_max_depth")
    contains(r.visible_text(), "limitées à 3 niveaux")
    r = post_comment(c, pid, "Réponse à rien.", parent=999999999)
    eq(r.status, 404)
    contains(r.visible_text(), "n'existe pas")
    r = post_comment(c, pid, "Réponse mal formée.", parent="abc")
    eq(r.status, 404)
    _, _, other = new_proposal()
    r = post_comment(c, other, "Parent d'une autre proposition.", parent=c1)
    eq(r.status, 404, "parent from another proposal")
    r = post_comment(c, pid, b"octets \xff\xfe invalides")
    eq(r.status, 422)
    contains(r.visible_text(), "encodage non UTF-8")
    r = post_comment(c, pid, "y" * 2001)
    eq(r.status, 422)
    contains(r.visible_text(), "ne doit pas dépasser 2000 caractères")
    eq(count("contributions", "proposal_id = %d" % pid), before, "nothing written")
    eq(count("contributions", "proposal_id = %d" % other), 1)
    # under an argument
    r = post_argument(c, pid, "contre", "Un argument contre.")
    aid = int(r.header("location").split("#c")[1])
    r = post_comment(c, pid, "Commentaire sur l'argument.", parent=aid)
    eq(r.status, 303)
    ca = int(r.header("location").split("#c")[1])
    eq(sql_value("SELECT depth || parent_id::text FROM contributions WHERE id=%d" % ca),
       "1%d" % aid)
    page = Client().get("/propositions/%d" % pid)
    contains(page.visible_text(), "Commentaires (3)", "the one under the argument is not counted")
    t = page.text
    assert t.index('id="c%d"' % c1) < t.index('id="c%d"' % c2) < t.index('id="c%d"' % c3)
    contains(page.visible_text(), "Chloé Commente")
    # nesting: c2 sits inside c1's list item
    block = t[t.index('id="c%d"' % c1):]
    assert block.index('id="c%d"' % c2) < block.index("</li>\n</ul>")
    arg_block = t[t.index('id="c%d"' % aid):t.index('id="commentaires"')]
    contains(arg_block, 'id="c%d"' % ca)
    signed = c.get("/propositions/%d" % pid).text
    ids = re.findall(r'\sid="([^"]+)"', signed)
    eq(sorted(set(x for x in ids if ids.count(x) > 1)), [], "ids are unique")
    for target in re.findall(r'\s(?:for|aria-describedby)="([^"]+)"', signed):
        for one in target.split():
            assert one in ids, "label or description points at a missing id: " + one
    contains(signed, 'name="parent" value="%d"' % c2, "reply form under level 2")
    lacks(signed, 'name="parent" value="%d"' % c3, "no reply form at the deepest level")


# ------------------------------------------------------------ edits

@test
def author_edits_within_the_window_and_versions_are_kept():
    c, uid, pid = new_proposal(title="Version un " + word(),
                               body="Le premier texte de la proposition.")
    page = c.get("/propositions/%d" % pid)
    contains(page.text, 'href="/propositions/%d/modifier"' % pid)
    lacks(Client().get("/propositions/%d" % pid).text, "/modifier")
    form = c.get("/propositions/%d/modifier" % pid)
    eq(form.status, 200)
    contains(form.text, "Le premier texte de la proposition.")
    r = c.submit("/propositions/%d/modifier" % pid, "/propositions/%d/modifier" % pid,
                 {"titre": "Version deux", "texte": "Le second texte, **corrigé**.",
                  "territoire": "28", "lien": "", "action": "preview"})
    eq(r.status, 200)
    contains(r.text, "<strong>corrigé</strong>")
    eq(count("contribution_versions", "contribution_id=%d" % pid), 0, "preview saves nothing")
    r = c.submit("/propositions/%d/modifier" % pid, "/propositions/%d/modifier" % pid,
                 {"titre": "Version deux", "texte": "Le second texte, **corrigé**.",
                  "territoire": "28", "lien": "", "action": "publish"})
    eq(r.status, 303)
    row = sql("SELECT title, territory_code, edited_at IS NOT NULL FROM contributions WHERE id=%d" % pid)[0]
    eq(row, ["Version deux", "28", "t"])
    v = sql("SELECT version, body, edited_by FROM contribution_versions WHERE contribution_id=%d" % pid)
    eq(v, [["1", "Le premier texte de la proposition.", str(uid)]])
    page = Client().get("/propositions/%d" % pid)
    contains(page.visible_text(), "(modifiée)")
    contains(page.text, "<strong>corrigé</strong>")
    # Moderators see every earlier version on the item page.
    moderator, _ = signed_in(roles=("moderator",))
    item = moderator.get("/moderation/%d" % pid)
    eq(item.status, 200)
    contains(item.visible_text(), "Versions précédentes")
    contains(item.visible_text(), "Version 1, remplacée le")
    contains(item.visible_text(), "Le premier texte de la proposition.")
    r = c.submit("/propositions/%d/modifier" % pid, "/propositions/%d/modifier" % pid,
                 {"titre": "", "texte": "court", "territoire": "28", "action": "publish"})
    eq(r.status, 422)
    contains(r.visible_text(), "« Titre » est obligatoire.")
    # someone else
    other, _ = signed_in()
    eq(other.get("/propositions/%d/modifier" % pid).status, 403)
    r = other.post("/propositions/%d/modifier" % pid,
                   {"csrf": csrf_of(other), "titre": "Piraté", "texte": "Texte piraté bien long.",
                    "territoire": "37", "action": "publish"})
    eq(r.status, 403)
    # after the window
    sql("UPDATE contributions SET created_at = now() - interval '31 minutes' WHERE id=%d" % pid)
    r = c.get("/propositions/%d/modifier" % pid)
    eq(r.status, 403)
    contains(r.visible_text(), "délai de modification (30 minutes")
    lacks(c.get("/propositions/%d" % pid).text, "/modifier\"")
    eq(sql_value("SELECT title FROM contributions WHERE id=%d" % pid), "Version deux")
    eq(c.get("/propositions/abc/modifier").status, 404)


# ------------------------------------------------------------ consultation dates

@test
def closed_and_upcoming_consultations_refuse_every_post():
    _, _, pid = new_proposal()
    c, uid = signed_in()
    r = post_argument(c, pid, "pour", "Argument avant la clôture.")
    aid = int(r.header("location").split("#c")[1])
    token = csrf_of(c)
    for phase, sentence in (("closed", "La consultation est close"),
                            ("upcoming", "La consultation ouvrira le")):
        with moved_dates(phase):
            page = c.get("/propositions/%d" % pid)
            eq(page.status, 200, phase)
            contains(page.visible_text(), sentence)
            lacks(page.text, 'action="/propositions/%d/vote"' % pid, phase)
            lacks(page.text, 'action="/propositions/%d/arguments"' % pid, phase)
            lacks(page.text, 'action="/propositions/%d/commentaires"' % pid, phase)
            lacks(page.text, "/utile", phase)
            theme = c.get("/themes/ethique")
            contains(theme.visible_text(), sentence)
            lacks(theme.text, "/proposer\"", phase)
            form = c.get("/themes/ethique/proposer")
            eq(form.status, 200)
            contains(form.visible_text(), sentence)
            lacks(form.text, 'name="titre"')
            posts = [
                c.post("/propositions/%d/vote" % pid, {"csrf": token, "choix": "agree"}),
                c.post("/propositions/%d/arguments" % pid,
                       {"csrf": token, "position": "pour", "texte": "Trop tard."}),
                c.post("/propositions/%d/commentaires" % pid, {"csrf": token, "texte": "Trop tard."}),
                c.post("/arguments/%d/utile" % aid, {"csrf": token}),
                c.post("/themes/ethique/proposer",
                       {"csrf": token, "titre": "Trop tard ici", "action": "publish",
                        "texte": "Un texte assez long pour être valable.", "territoire": "37"}),
            ]
            for r in posts:
                eq(r.status, 409, phase)
                contains(r.visible_text(), "Rien n'a été enregistré", phase)
    eq(count("votes", "contribution_id=%d" % pid), 0)
    eq(count("argument_useful", "contribution_id=%d" % aid), 0)
    eq(count("contributions", "author_id=%d" % uid), 1, "only the argument before")
    # reopened: forms are back
    contains(c.get("/propositions/%d" % pid).text, 'action="/propositions/%d/vote"' % pid)


@test
def optional_script_only_for_people_who_can_vote():
    _, _, pid = new_proposal()
    c, _ = signed_in()
    page = c.get("/propositions/%d" % pid)
    m = re.search(r'<script src="(/static/agora\.js\?v=[0-9a-f]+)" defer></script>', page.text)
    assert m, "script tag"
    js = Client().get(m.group(1))
    eq(js.status, 200)
    contains(js.header("content-type"), "javascript")
    contains(js.text, "FormData")
    lacks(Client().get("/propositions/%d" % pid).text, "<script", "visitors get no script")
    # the page works without it: every vote button is a real form submit
    contains(page.text, '<button type="submit" name="choix" value="agree"')


@test
def a_very_long_debate_is_shown_20_comments_a_page():
    _, _, pid = new_proposal()
    # 2001 comments through participation_reply() in one statement, each
    # a millisecond after the previous one (one transaction has one now()).
    author = harness.make_user()
    eq(sql_value("SELECT count(*) FROM generate_series(1, 2001) g, participation_reply(%d, %d,"
                 " NULL, NULL, '37', 'Commentaire ' || g, '<p>Commentaire ' || g || '</p>', 3) r"
                 " WHERE r.code = 'ok'" % (author, pid)), "2001")
    sql("UPDATE contributions SET created_at = created_at + substr(body, 13)::int"
        " * interval '1 ms' WHERE proposal_id = %d AND kind = 'comment'" % pid)
    eq(sql_value("SELECT replies FROM contributions WHERE id = %d" % pid), "2001")
    r = Client().get("/propositions/%d" % pid)
    eq(r.status, 200)
    contains(r.visible_text(), "Commentaires (2001)")
    contains(r.visible_text(), "2001 commentaires sur la proposition, affichés 1 à 20")
    eq(len(re.findall(r'<li id="c\d+" class="comment">', r.text)), 20)
    contains(r.text, "<p>Commentaire 20</p>")
    lacks(r.text, "<p>Commentaire 21</p>")
    last = int(sql_value("SELECT id FROM contributions WHERE proposal_id = %d"
                         " AND body = 'Commentaire 2001'" % pid))
    r = Client().get("/propositions/%d?voir=%d" % (pid, last))
    contains(r.visible_text(), "2001 commentaires sur la proposition, affichés 2001 à 2001")
    contains(r.text, "<p>Commentaire 2001</p>")
