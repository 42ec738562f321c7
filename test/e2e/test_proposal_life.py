# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""A proposal's life across areas: published by a citizen, flagged by
others, reviewed, hidden with a rule of the charter, answered by the Region;
each step seen on the proposal page by the people concerned."""

import re

import harness
from harness import Client, contains, eq, lacks, sql, sql_value, test
from participation_lib import new_proposal, post_argument


def flag(client, cid, rule="R1", note=""):
    return client.submit("/contributions/%d/signaler" % cid,
                         "/contributions/%d/signaler" % cid, {"regle": rule, "note": note})


def decide(client, cid, decision, rule="", note=""):
    page = client.get("/moderation/%d" % cid)
    eq(page.status, 200, "moderation item")
    hidden = dict(re.findall(r'<input type="hidden" name="(statut_vu|version)" value="([^"]*)"',
                             page.text))
    return client.post("/moderation/%d" % cid, {
        "csrf": page.csrf(), "decision": decision, "regle": rule, "note": note,
        "statut_vu": hidden.get("statut_vu", ""), "version": hidden.get("version", "")})


@test
def the_flag_link_is_offered_to_others_and_leads_to_the_charter_form():
    author, _, pid = new_proposal(title="Des cours du soir au lycée")
    other, _ = harness.signed_in()
    arg = post_argument(other, pid, "pour", "Les adultes en ont besoin.")
    eq(arg.status, 303)
    aid = int(arg.header("location").split("#c")[1])
    page = other.get("/propositions/%d" % pid)
    contains(page.text, 'href="/contributions/%d/signaler"' % pid, "flag the proposal")
    lacks(page.text, 'href="/contributions/%d/signaler"' % aid, "not one's own argument")
    own = author.get("/propositions/%d" % pid)
    lacks(own.text, 'href="/contributions/%d/signaler"' % pid, "not one's own proposal")
    contains(own.text, 'href="/contributions/%d/signaler"' % aid, "others' arguments")
    lacks(Client().get("/propositions/%d" % pid).text, "/signaler", "anonymous")
    form = other.get("/contributions/%d/signaler" % pid)
    eq(form.status, 200)
    contains(form.visible_text(), "R1")


@test
def flags_over_the_threshold_show_the_review_notice():
    _, _, pid = new_proposal(title="Une proposition contestée")
    for _ in range(3):
        c, _ = harness.signed_in()
        eq(flag(c, pid, "R4").status, 303)
    r = Client().get("/propositions/%d" % pid)
    eq(r.status, 200, "still published")
    contains(r.visible_text(), "en cours d'examen par la modération")


@test
def a_hidden_proposal_tells_its_author_the_rule_and_note_and_is_gone_for_others():
    author, _, pid = new_proposal(title="Achetez mes ordinateurs reconditionnés")
    moderator, _ = harness.signed_in(roles=("moderator",))
    r = decide(moderator, pid, "hide", "R3", "Démarchage commercial.")
    eq(r.status, 303, r.visible_text()[:300])
    eq(sql_value("SELECT status FROM contributions WHERE id = %d" % pid), "hidden")
    page = author.get("/propositions/%d" % pid)
    eq(page.status, 200, "the author still sees it")
    text = page.visible_text()
    contains(text, "masquée par la modération")
    contains(text, "R3 — Publicité")
    contains(text, "Démarchage commercial.")
    account = author.get("/compte/")
    contains(account.visible_text(), "Mes notifications : décisions de modération, réponses, suivis (1 non lue)")
    import json
    data = json.loads(author.get("/compte/donnees.json").body)
    eq([(n["contribution"], n["decision"], n["regle"]) for n in data["decisions_de_moderation"]],
       [(pid, "hide", "R3")], "the decision is part of my data")
    eq(author.get("/compte/notifications").status, 200)
    contains(author.get("/compte/").visible_text(), "Mes notifications : décisions de modération")
    lacks(author.get("/compte/").visible_text(), "non lue")
    eq(Client().get("/propositions/%d" % pid).status, 404, "gone for others")
    other, _ = harness.signed_in()
    eq(other.get("/propositions/%d" % pid).status, 404, "gone for other citizens")


@test
def the_official_answer_shows_on_the_proposal_page():
    _, _, pid = new_proposal(title="Un guichet numérique itinérant")
    anon = Client().get("/propositions/%d" % pid)
    contains(anon.visible_text(), "La Région n'a pas encore répondu.")
    official, _ = harness.signed_in(roles=("official",), name="Élue Numérique")
    contains(official.get("/propositions/%d" % pid).text,
             'href="/propositions/%d/reponse">Rédiger la réponse officielle' % pid)
    path = "/propositions/%d/reponse" % pid
    r = official.submit(path, path, {"action": "publier", "statut": "a_l_etude",
                                     "reponse": "Nous étudions un **bus numérique**."})
    eq(r.status, 303, r.visible_text()[:300])
    page = Client().get("/propositions/%d" % pid)
    text = page.visible_text()
    contains(text, "À l'étude")
    contains(text, "par Élue Numérique")
    contains(page.text, "<strong>bus numérique</strong>")
    lacks(text, "pas encore répondu")
    lacks(page.text, "/reponse\">", "only officials get the link")
    # Right under the proposal, before the votes and the arguments.
    assert page.text.index('id="reponse"') < page.text.index('id="arguments"')


@test
def a_brand_new_account_posting_in_bulk_is_held_for_moderation_not_refused():
    c, uid = harness.signed_in(age_days=0)
    from participation_lib import propose, word

    def text():
        return " ".join(word() for _ in range(8))
    ids = []
    for i in range(6):
        r = propose(c, "Proposition en rafale numéro %d" % i, body=text())
        eq(r.status, 303, r.visible_text()[:200])
        ids.append(int(r.header("location").split("/")[-1]))
    rows = sql("SELECT status, coalesce(queue_reason, '') FROM contributions WHERE id IN (%s)"
               " ORDER BY id" % ",".join(map(str, ids)))
    eq(rows[:5], [["published", ""]] * 5, "the first five are published")
    eq(rows[5], ["pending", "compte récent"], "the sixth waits in the queue")
    page = c.get("/propositions/%d" % ids[5])
    contains(page.visible_text(), "en attente de modération")
    moderator, _ = harness.signed_in(roles=("moderator",))
    contains(moderator.get("/moderation/?motif=compte").text, "/moderation/%d\"" % ids[5])
    contains(moderator.get("/moderation/%d" % ids[5]).visible_text(), "compte récent")
    # An established account is not braked.
    old, _ = harness.signed_in(age_days=30)
    for i in range(6):
        propose(old, "Proposition d'un compte ancien %d" % i, body=text())
    eq(sql_value("SELECT count(*) FROM contributions WHERE title LIKE 'Proposition d''un compte"
                 " ancien %' AND status = 'published'"), "6")
