# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The appeal of a moderation decision (issue 13, item 5): the author of a
hidden or refused contribution asks for a re-examination from the
notification or the contribution; the moderator who decided cannot decide
it; another upholds or reverses it, logged like any other decision,
counted on the transparency page, told to the author."""

import html
import json
import re

import fixtures
import harness
from harness import Client, contains, eq, lacks, sql, sql_value, test

REASON = ("Ma proposition porte bien sur la stratégie numérique : elle parle "
          "des tiers-lieux & du très haut débit <b>en zone rurale</b>.")


def hidden_field(page, name):
    m = re.search(r'name="%s" value="([^"]*)"' % name, page.text)
    assert m, "no hidden field " + name
    return html.unescape(m.group(1))


def decide(client, cid, decision, rule="", expect=303):
    page = client.get("/moderation/%d" % cid)
    eq(page.status, 200, "moderation item")
    r = client.post("/moderation/%d" % cid, {
        "csrf": page.csrf(), "envoi": hidden_field(page, "envoi"),
        "decision": decision, "regle": rule, "note": "",
        "statut_vu": hidden_field(page, "statut_vu"),
        "version": hidden_field(page, "version")})
    eq(r.status, expect, "decision %s on %d: %s" % (decision, cid, r.visible_text()[:300]))
    return r


def appeal(client, cid, reason, expect=303):
    """The form as a browser sends it: its CSRF token and its key."""
    path = "/contributions/%d/reexamen" % cid
    page = client.get(path)
    eq(page.status, 200, "appeal form")
    r = client.post(path, {"csrf": page.csrf(), "envoi": hidden_field(page, "envoi"),
                           "raison": reason})
    eq(r.status, expect, "appeal of %d: %s" % (cid, r.visible_text()[:300]))
    return r


def post_appeal(client, cid, reason, csrf_from="/compte/"):
    """A POST straight to the form's address (no form on the page)."""
    token = client.get(csrf_from).csrf()
    return client.post("/contributions/%d/reexamen" % cid, {"csrf": token, "raison": reason})


def counts():
    """Filed, upheld, reversed, pending, as the transparency page says."""
    r = Client().get("/moderation/transparence")
    eq(r.status, 200, "transparency")
    m = re.search(r"<caption>Demandes de réexamen</caption>.*?<tbody>\s*<tr><td>([\d\s\u202f]+)"
                  r"</td><td>([\d\s\u202f]+)</td><td>([\d\s\u202f]+)</td><td>([\d\s\u202f]+)"
                  r"</td>", r.text, re.S)
    assert m, "no appeal counts on the transparency page"
    return [int(re.sub(r"\D", "", g)) for g in m.groups()]


def verify_log():
    r = harness.agora("verify-log")
    eq(r.returncode, 0, "agora verify-log: " + r.stdout[-500:] + r.stderr[-500:])


@test
def the_author_appeals_and_another_moderator_reverses_the_decision():
    author_c, author = harness.signed_in(name="Autrice Réexamen")
    title = "Tiers-lieux numériques en zone rurale"
    pid = fixtures.proposal(author, title, "Ouvrir des tiers-lieux numériques dans "
                            "chaque canton, avec une médiatrice.")
    first_c, first = harness.signed_in(roles=("moderator",), name="Modérateur Initial")
    other_c, other = harness.signed_in(roles=("moderator",), name="Modératrice Seconde")
    decide(first_c, pid, "hide", "R4")
    eq(sql_value("SELECT status FROM contributions WHERE id = %d" % pid), "hidden")
    lacks(Client().get("/themes/ethique").visible_text(), title, "hidden from the public")
    before = counts()

    # The notification links to the contribution and to the appeal form.
    notes = author_c.get("/compte/notifications")
    eq(notes.status, 200)
    contains(notes.text, 'href="/propositions/%d"' % pid)
    contains(notes.text, 'href="/contributions/%d/reexamen">Demander un réexamen<span' % pid)
    contains(notes.visible_text(), "Demander un réexamen de la décision sur « %s »" % title)
    # So does the contribution itself, for its author.
    page = author_c.get("/propositions/%d" % pid)
    contains(page.text, 'href="/contributions/%d/reexamen"' % pid)

    form = author_c.get("/contributions/%d/reexamen" % pid)
    eq(form.status, 200)
    text = form.visible_text()
    contains(text, "Demander un réexamen")
    contains(text, "R4 — Hors sujet")
    contains(text, "Une seule demande est possible par décision, jusqu'au")
    contains(form.text, 'name="envoi"')

    r = appeal(author_c, pid, REASON)
    eq(r.header("location"), "/contributions/%d/reexamen" % pid)
    done = author_c.get("/contributions/%d/reexamen" % pid)
    contains(done.visible_text(), "Votre demande de réexamen est enregistrée")
    lacks(done.text, 'name="raison"', "no second form")
    eq(sql("SELECT status, reason, decided_by FROM appeals WHERE contribution_id = %d" % pid),
       [["pending", REASON, str(first)]])
    eq(sql_value("SELECT action FROM moderation_log WHERE contribution_id = %d"
                 " ORDER BY id DESC LIMIT 1" % pid), "appeal")
    verify_log()
    eq(counts(), [before[0] + 1, before[1], before[2], before[3] + 1], "filed and pending")

    # In the queue, marked as a re-examination.
    queue = other_c.get("/moderation/?motif=reexamen")
    eq(queue.status, 200)
    contains(queue.visible_text(), "Réexamen")
    contains(queue.text, 'href="/moderation/%d"' % pid)

    lacks(queue.visible_text(), "vous avez pris la décision initiale")
    contains(first_c.get("/moderation/?motif=reexamen").visible_text(),
             "Réexamen — vous avez pris la décision initiale")

    # The moderator who decided sees it without a form, and is refused.
    own = first_c.get("/moderation/%d" % pid)
    eq(own.status, 200)
    contains(own.visible_text(), "Vous avez pris la décision initiale")
    contains(own.visible_text(), REASON.replace("<b>", "").replace("</b>", "")[:40])
    lacks(own.text, "Enregistrer la décision", "no decision form for them")
    token = first_c.get("/moderation/").csrf()
    refused = first_c.post("/moderation/%d" % pid, {
        "csrf": token, "decision": "restore", "regle": "", "note": "",
        "statut_vu": "hidden", "version": sql_value(
            "SELECT decision_version FROM contributions WHERE id = %d" % pid)})
    eq(refused.status, 403, "the first moderator may not decide")
    contains(refused.visible_text(), "Vous avez pris la décision initiale")
    eq(sql_value("SELECT status FROM appeals WHERE contribution_id = %d" % pid), "pending")

    # Another moderator reverses it: published again.
    item = other_c.get("/moderation/%d" % pid)
    contains(item.visible_text(), "Réexamen demandé par l'auteur")
    contains(item.text, "Enregistrer la décision")
    decide(other_c, pid, "restore")
    eq(sql_value("SELECT status FROM contributions WHERE id = %d" % pid), "published")
    eq(sql("SELECT status, resolved_by FROM appeals WHERE contribution_id = %d" % pid),
       [["reversed", str(other)]])
    contains(Client().get("/propositions/%d" % pid).visible_text(), title)
    verify_log()
    eq(counts(), [before[0] + 1, before[1], before[2] + 1, before[3]], "reversed")

    notes = author_c.get("/compte/notifications").visible_text()
    contains(notes, "Réexamen : la décision est annulée.")
    mail = "SELECT %s FROM outbox WHERE user_id = {} ORDER BY id DESC LIMIT 1".format(author)
    eq(sql_value(mail % "kind"), "appeal")
    contains(sql_value(mail % "subject"), "Réexamen de votre contribution")
    contains(sql_value(mail % "replace(body, E'\\n', ' ')"),
             "Un autre membre de l'équipe de modération que celui qui l'avait prise "
             "l'a réexaminée : la décision est annulée, votre contribution est de "
             "nouveau publiée.")

    # The open data of the log has both rows: the appeal, by nobody's
    # pseudonym, then the reversal by the second moderator's.
    rows = [x for x in json.loads(Client().get("/export/journal-moderation.json").text)
            if x["contribution"] == pid]
    eq([(x["action"], x["statut_avant"], x["statut_apres"], x["moderateur"] is None)
        for x in rows],
       [("hide", "published", "hidden", False), ("appeal", "hidden", "hidden", True),
        ("restore", "hidden", "published", False)])

    # Nothing left to appeal.
    again = post_appeal(author_c, pid, REASON)
    eq(again.status, 409)
    contains(again.visible_text(), "il n'y a pas de décision à réexaminer")


@test
def an_upheld_decision_cannot_be_appealed_twice():
    author_c, author = harness.signed_in(name="Auteur Commentaire")
    pid = fixtures.proposal(harness.make_user(), "Fibre dans les écoles",
                            "Raccorder toutes les écoles à la fibre d'ici 2028.")
    cid = fixtures.comment(author, pid, "Un commentaire hors sujet sur la pêche.")
    first_c, _ = harness.signed_in(roles=("moderator",))
    other_c, _ = harness.signed_in(roles=("moderator",))
    decide(first_c, cid, "hide", "R4")
    # The thread shows it to its author as hidden under R4, with the link.
    thread = author_c.get("/propositions/%d" % pid).visible_text()
    contains(thread, "masqué par la modération (règle R4 ), visible par vous seulement")
    contains(thread, "Demander un réexamen")
    before = counts()
    appeal(author_c, cid, "Je parlais de la pêche connectée : c'est le sujet.")
    pending = post_appeal(author_c, cid, "Une deuxième demande, pour voir.")
    eq(pending.status, 409)
    contains(pending.visible_text(), "Votre demande de réexamen est déjà enregistrée")
    decide(other_c, cid, "hide", "R4")
    eq(sql_value("SELECT status FROM appeals WHERE contribution_id = %d" % cid), "upheld")
    eq(sql_value("SELECT status FROM contributions WHERE id = %d" % cid), "hidden")
    eq(counts(), [before[0] + 1, before[1] + 1, before[2], before[3]], "upheld")
    contains(author_c.get("/compte/notifications").visible_text(),
             "Réexamen : la décision est maintenue.")
    lacks(author_c.get("/compte/notifications").text,
          'href="/contributions/%d/reexamen"' % cid, "no second appeal offered")
    second = post_appeal(author_c, cid, "Je redemande un réexamen de la décision.")
    eq(second.status, 409, "one appeal per decision")
    contains(second.visible_text(), "une seule demande est possible par décision")
    page = author_c.get("/contributions/%d/reexamen" % cid)
    contains(page.visible_text(), "une seule demande est possible par décision")
    eq(sql_value("SELECT count(*) FROM appeals WHERE contribution_id = %d" % cid), "1")
    verify_log()


@test
def only_the_author_may_appeal_and_bad_input_keeps_the_text():
    author_c, author = harness.signed_in()
    pid = fixtures.proposal(author, "Données ouvertes des transports",
                            "Publier les horaires des cars régionaux en données ouvertes.")
    mod_c, _ = harness.signed_in(roles=("moderator",))
    decide(mod_c, pid, "reject", "R3")
    path = "/contributions/%d/reexamen" % pid
    eq(Client().get(path).status, 401, "anonymous")
    stranger, _ = harness.signed_in()
    r = stranger.get(path)
    eq(r.status, 403, "someone else")
    contains(r.visible_text(), "Seule l'autrice ou l'auteur d'une contribution")
    r = post_appeal(stranger, pid, REASON)
    eq(r.status, 403, "someone else's POST")
    # The moderator is not the author either.
    eq(mod_c.get(path).status, 403)
    eq(sql_value("SELECT count(*) FROM appeals WHERE contribution_id = %d" % pid), "0")

    # Too short, too long: the French message at the field, the text kept.
    page = author_c.get(path)
    short = author_c.post(path, {"csrf": page.csrf(), "envoi": hidden_field(page, "envoi"),
                                 "raison": "Injuste"})
    eq(short.status, 422)
    contains(short.visible_text(), "au moins 10 caractères")
    contains(short.text, ">Injuste</textarea>")
    contains(short.text, 'aria-invalid="true"')
    contains(short.text, "<title>Erreur")
    long_text = "Trop long & <i>balisé</i>. " * 100
    page = author_c.get(path)
    long_r = author_c.post(path, {"csrf": page.csrf(), "envoi": hidden_field(page, "envoi"),
                                  "raison": long_text})
    eq(long_r.status, 422)
    contains(long_r.visible_text(), "ne doit pas dépasser 2000 caractères")
    contains(long_r.text, html.escape(long_text.strip(), quote=False)[:60])
    lacks(long_r.text, "<i>balisé</i>")
    # Without its CSRF token: refused, text shown back.
    forged = author_c.post(path, {"csrf": "A" * 43, "raison": "Un texte gardé malgré tout."})
    eq(forged.status, 403)
    contains(forged.visible_text(), "Un texte gardé malgré tout.")
    eq(sql_value("SELECT count(*) FROM appeals WHERE contribution_id = %d" % pid), "0")
    # The same submission twice (its key): one appeal.
    page = author_c.get(path)
    fields = {"csrf": page.csrf(), "envoi": hidden_field(page, "envoi"),
              "raison": "La publicité citée est celle d'un service public."}
    r1 = author_c.post(path, fields)
    r2 = author_c.post(path, fields)
    eq((r1.status, r2.status), (303, 303), "replayed, not refused")
    eq(sql_value("SELECT count(*) FROM appeals WHERE contribution_id = %d" % pid), "1")


@test
def an_appeal_after_the_delay_is_refused():
    author_c, author = harness.signed_in()
    pid = fixtures.proposal(author, "Cartographie des zones blanches",
                            "Publier la carte des zones blanches de téléphonie.")
    mod_c, _ = harness.signed_in(roles=("moderator",))
    decide(mod_c, pid, "hide", "R7")
    page = author_c.get("/contributions/%d/reexamen" % pid)
    days = int(sql_value("SELECT 30"))
    # The log is append-only: the decision is made old by moving the
    # clock of the appeal instead (the delay given to the function).
    r = sql("SELECT moderation_appeal_file(%d, %d, 'Motif valable et assez long', 0)"
            % (pid, author))
    eq(r, [["too_late"]])
    contains(page.visible_text(), "jusqu'au")
    contains(Client().get("/charte").visible_text(),
             "pendant %d jours après celle-ci" % days)
    eq(sql_value("SELECT count(*) FROM appeals WHERE contribution_id = %d" % pid), "0")
