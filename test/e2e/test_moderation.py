# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Moderation: charter, flags and threshold, the queue, every decision,
concurrent decisions, notifications, transparency, the append-only hash
chained log and `agora verify-log`, spam brakes."""

import html
import re
import secrets

import fixtures
import harness
from harness import Client, contains, eq, lacks, sql, sql_value, test

FORGED = "A" * 43


def q(s):
    return "'" + s.replace("'", "''") + "'"


def contribution(author_id, body=None, title=None, theme=1, kind="proposal",
                 status=None, source=None):
    """A proposal made as the application makes it (fixtures.proposal:
    participation_propose, whose insert the moderation trigger checks);
    status "pending": posted under a priori moderation. With source, an
    imported proposal, inserted as the importer does (no author, its own
    thread). Returns its id."""
    assert kind == "proposal" and status in (None, "pending"), (kind, status)
    body = body or "Texte de test %s : une idée pour la région." % secrets.token_hex(8)
    title = title if title is not None else "Proposition %s" % secrets.token_hex(4)
    if source is None:
        return fixtures.proposal(author_id, title, body, theme_id=theme,
                                 pending=status == "pending")
    assert author_id is None, "an imported proposal has no account"
    cid = int(sql_value(
        "INSERT INTO contributions (consultation_id, theme_id, kind, title, body, body_html,"
        " source, source_id) VALUES (1, %d, 'proposal', %s, %s, '', %s, %s) RETURNING id"
        % (theme, q(title), q(body), q(source), q(secrets.token_hex(6)))))
    sql("UPDATE contributions SET proposal_id = id WHERE id = %d" % cid)
    return cid


def status_of(cid):
    return sql_value("SELECT status FROM contributions WHERE id = %d" % cid)


def log_count():
    return int(sql_value("SELECT count(*) FROM moderation_log"))


def hidden_field(page, name):
    m = re.search(r'name="%s" value="([^"]*)"' % name, page.text)
    assert m, "no hidden field " + name
    return html.unescape(m.group(1))


def decide(client, cid, decision, rule="", note="", expect=303):
    page = client.get("/moderation/%d" % cid)
    eq(page.status, 200, "moderation item")
    r = client.post("/moderation/%d" % cid, {
        "csrf": page.csrf(), "decision": decision, "regle": rule,
        "note": note, "statut_vu": hidden_field(page, "statut_vu"),
        "version": hidden_field(page, "version")})
    eq(r.status, expect, "decision %s on %d: %s" % (decision, cid, r.visible_text()[:300]))
    return r


def moderator():
    return harness.signed_in(roles=("moderator",))


def moderator_ref(uid):
    """The moderator's pseudonym in the log, as the web computes it."""
    import hashlib
    import hmac
    import os
    with open(os.path.join(harness.ROOT, "var", "secret"), "rb") as f:
        key = f.read()[:64]
    return hmac.new(key, b"moderator:%d" % uid, hashlib.sha256).hexdigest()[:12]


# ---------------------------------------------------------------- charter

@test
def charter_page_shows_the_text_and_the_rule_codes():
    r = Client().get("/charte")
    eq(r.status, 200, "/charte")
    text = r.visible_text()
    contains(text, "Règles et codes")
    for code, title in [("R1", "Insultes et propos haineux"),
                        ("R2", "Données personnelles de tiers"),
                        ("R3", "Publicité"), ("R4", "Hors sujet"),
                        ("R5", "Doublon"), ("R6", "Contenu illicite"),
                        ("R7", "Spam"), ("R8", "Désinformation")]:
        contains(r.text, '<th scope="row">%s</th>' % code)
        contains(text, title)
    eq(r.text.count("<h1"), 1, "one h1")


# ---------------------------------------------------------------- flags

@test
def flag_form_validates_in_french_and_refuses_forgeries():
    author_client, author = harness.signed_in()
    cid = contribution(author, body="Une proposition <script>alert(1)</script> à signaler")
    r = author_client.get("/contributions/%d/signaler" % cid)
    eq(r.status, 403, "own contribution")
    contains(r.visible_text(), "Vous ne pouvez pas signaler votre propre contribution")
    anon = Client()
    eq(anon.get("/contributions/%d/signaler" % cid).status, 401, "anonymous")
    unverified, _ = harness.signed_in(verified=False)
    eq(unverified.get("/contributions/%d/signaler" % cid).status, 403, "unverified")

    c, uid = harness.signed_in()
    page = c.get("/contributions/%d/signaler" % cid)
    eq(page.status, 200, "flag form")
    contains(page.text, '<option value="R1">R1 — Insultes et propos haineux</option>')
    contains(page.text, '<label for="f-regle">')
    lacks(page.text, "<script>alert(1)")
    contains(page.visible_text(), "Une proposition")

    # no rule
    r = c.post("/contributions/%d/signaler" % cid,
               {"csrf": page.csrf(), "regle": "", "note": "ma note gardée"})
    eq(r.status, 422, "missing rule")
    contains(r.visible_text(), "Choisissez une valeur pour « Règle de la charte enfreinte »")
    contains(r.text, "ma note gardée")
    # unknown rule
    r = c.post("/contributions/%d/signaler" % cid,
               {"csrf": page.csrf(), "regle": "R99", "note": ""})
    eq(r.status, 422, "unknown rule")
    contains(r.visible_text(), "n'est pas dans la liste")
    # note too long
    r = c.post("/contributions/%d/signaler" % cid,
               {"csrf": page.csrf(), "regle": "R3", "note": "x" * 501})
    eq(r.status, 422, "long note")
    contains(r.visible_text(), "ne doit pas dépasser 500 caractères")
    contains(r.text, 'value="R3" selected')
    # invalid UTF-8
    r = c.post("/contributions/%d/signaler" % cid,
               {"csrf": page.csrf(), "regle": "R3", "note": b"\xff\xfe"})
    eq(r.status, 422, "bad utf-8")
    contains(r.visible_text(), "encodage non UTF-8")
    # forged and missing CSRF
    r = c.post("/contributions/%d/signaler" % cid, {"csrf": FORGED, "regle": "R3"})
    eq(r.status, 403, "forged csrf")
    r = c.post("/contributions/%d/signaler" % cid, {"regle": "R3"})
    eq(r.status, 403, "missing csrf")
    eq(sql_value("SELECT count(*) FROM flags WHERE contribution_id = %d" % cid), "0")
    # unknown contribution
    eq(c.get("/contributions/999999999/signaler").status, 404, "unknown")
    eq(c.get("/contributions/abc/signaler").status, 404, "malformed")

    # success, then a second flag by the same account
    r = c.post("/contributions/%d/signaler" % cid,
               {"csrf": page.csrf(), "regle": "R3", "note": "C'est de la pub"})
    eq(r.status, 303, "flag recorded")
    after = c.get("/contributions/%d/signaler" % cid)
    contains(after.visible_text(), "Votre signalement est enregistré")
    contains(after.visible_text(), "Vous avez signalé cette contribution")
    eq(sql("SELECT rule_code, note, user_id FROM flags WHERE contribution_id = %d" % cid),
       [["R3", "C'est de la pub", str(uid)]])
    r = c.post("/contributions/%d/signaler" % cid,
               {"csrf": page.csrf(), "regle": "R1", "note": ""})
    eq(r.status, 409, "second flag")
    contains(r.visible_text(), "Vous avez déjà signalé cette contribution")
    eq(sql_value("SELECT flag_count FROM contributions WHERE id = %d" % cid), "1")


def flag(client, cid, rule="R1"):
    return client.submit("/contributions/%d/signaler" % cid,
                         "/contributions/%d/signaler" % cid, {"regle": rule, "note": ""})


@test
def three_flags_send_a_published_contribution_back_to_the_queue():
    _, author = harness.signed_in()
    cid = contribution(author, title="Signalée trois fois")
    eq(status_of(cid), "published")
    before = log_count()
    for i in range(2):
        c, _ = harness.signed_in()
        eq(flag(c, cid).status, 303, "flag %d" % i)
    eq(sql_value("SELECT under_review FROM contributions WHERE id = %d" % cid), "f")
    c, _ = harness.signed_in()
    eq(flag(c, cid, "R7").status, 303, "third flag")
    eq(sql("SELECT status, under_review FROM contributions WHERE id = %d" % cid),
       [["published", "t"]])
    eq(log_count(), before + 1, "threshold logged")
    eq(sql("SELECT action, moderator_id IS NULL FROM moderation_log"
           " WHERE contribution_id = %d" % cid), [["threshold", "t"]])
    # the flag page now says it is under review
    c, _ = harness.signed_in()
    contains(c.get("/contributions/%d/signaler" % cid).visible_text(),
             "en cours d'examen")
    mod, _ = moderator()
    r = mod.get("/moderation/?motif=signalement")
    eq(r.status, 200)
    contains(r.visible_text(), "Signalée trois fois")
    contains(r.visible_text(), "Signalée par des participants")
    item = mod.get("/moderation/%d" % cid)
    contains(item.visible_text(), "R7 Spam")
    contains(item.visible_text(), "R1 Insultes et propos haineux")


@test
def flag_threshold_action_hide_hides_the_contribution():
    k = harness.Kore("modhide", port=harness.PORT + 1, env={
        "AGORA_FLAG_THRESHOLD": "2", "AGORA_FLAG_THRESHOLD_ACTION": "hide"}).start()
    try:
        _, author = harness.signed_in()
        cid = contribution(author, title="Masquée au seuil")
        for i in range(2):
            c, _ = harness.signed_in()
            c.port = k.port
            eq(flag(c, cid).status, 303, "flag %d" % i)
        eq(sql("SELECT status, under_review FROM contributions WHERE id = %d" % cid),
           [["hidden", "t"]])
        eq(sql("SELECT action, from_status, to_status FROM moderation_log"
               " WHERE contribution_id = %d" % cid), [["threshold", "published", "hidden"]])
        c, _ = harness.signed_in()
        c.port = k.port
        eq(c.get("/contributions/%d/signaler" % cid).status, 404, "hidden: not flaggable")
    finally:
        k.stop()


# ---------------------------------------------------------------- modes

@test
def admin_switches_the_moderation_mode_and_it_is_logged():
    admin, aid = harness.signed_in(roles=("admin",))
    mod, _ = moderator()
    eq(mod.get("/admin/consultation").status, 403, "moderator")
    eq(Client().get("/admin/consultation").status, 401, "anonymous: sign in first")
    page = admin.get("/admin/consultation")
    eq(page.status, 200)
    contains(page.visible_text(), "Mode actuel : a posteriori")
    before = log_count()
    r = admin.post("/admin/consultation", {"csrf": FORGED, "consultation": "1",
                                           "mode": "a_priori"})
    eq(r.status, 403, "forged csrf")
    r = admin.post("/admin/consultation", {"csrf": page.csrf(), "consultation": "1",
                                           "mode": "sans"})
    eq(r.status, 422, "bad mode")
    contains(r.visible_text(), "n'est pas dans la liste")
    eq(log_count(), before, "nothing logged")
    try:
        r = admin.post("/admin/consultation", {"csrf": page.csrf(), "consultation": "1",
                                               "mode": "a_priori"})
        eq(r.status, 303, "switch")
        contains(admin.get("/admin/consultation").visible_text(), "Mode actuel : a priori")
        eq(sql("SELECT action, from_status, to_status, moderator_id, consultation_id"
               " FROM moderation_log ORDER BY id DESC LIMIT 1"),
           [["mode", "a_posteriori", "a_priori", str(aid), "1"]])
        # a priori: a new contribution waits, whatever code inserts it
        _, author = harness.signed_in()
        cid = contribution(author, title="Attend la validation")
        eq(status_of(cid), "pending")
        eq(sql_value("SELECT contribution_initial_status(1, %d, 'un texte neuf %s')"
                     % (author, secrets.token_hex(4))), "pending")
        r = mod.get("/moderation/?motif=attente")
        contains(r.visible_text(), "Attend la validation")
        contains(r.visible_text(), "Modération a priori")
        # publishing it
        decide(mod, cid, "publish")
        eq(status_of(cid), "published")
    finally:
        sql("SELECT consultation_set_mode(1, %d, '%s', 'a_posteriori')"
            % (aid, moderator_ref(aid)))
    _, author = harness.signed_in()
    eq(status_of(contribution(author)), "published", "a posteriori")
    eq(sql_value("SELECT contribution_initial_status(1, %d, 'autre texte %s')"
                 % (author, secrets.token_hex(4))), "published")


# ---------------------------------------------------------------- queue

@test
def queue_is_for_moderators_filters_and_paginates():
    eq(Client().get("/moderation/").status, 401, "anonymous: sign in first")
    c, _ = harness.signed_in()
    eq(c.get("/moderation/").status, 403, "citizen")
    admin, _ = harness.signed_in(roles=("admin",))
    eq(admin.get("/moderation/").status, 200, "admin")
    _, author = harness.signed_in()
    tag = secrets.token_hex(4)
    ids = [contribution(author, title="File %s n%02d" % (tag, i), theme=6, status="pending")
           for i in range(23)]
    sql("UPDATE contributions SET queued_at = now() - interval '1 minute' * (100 - %d)"
        " WHERE id = %d" % (0, ids[0]))
    mod, _ = moderator()
    r = mod.get("/moderation/?theme=sante&motif=attente&statut=pending")
    eq(r.status, 200)
    contains(r.text, '<th scope="col">Dans la file depuis</th>')
    contains(r.text, 'value="sante" selected')
    contains(r.visible_text(), "Page 1 sur")
    contains(r.text, "Page suivante")
    # other themes are filtered out
    r2 = mod.get("/moderation/?theme=ethique&statut=pending")
    lacks(r2.visible_text(), "File %s" % tag)
    # the oldest first: walk every page and check the order
    seen = []
    page = 1
    while True:
        r = mod.get("/moderation/?theme=sante&motif=attente&statut=pending&page=%d" % page)
        seen += re.findall(r"File %s n(\d\d)" % tag, r.text)
        if "Page suivante" not in r.text:
            break
        page += 1
    eq(seen[0], "00", "oldest (earliest queued) first")
    eq(sorted(seen), ["%02d" % i for i in range(23)], "every item once")
    # status filter excludes them
    lacks(mod.get("/moderation/?theme=sante&statut=hidden").visible_text(), "File %s" % tag)
    # clean up: reject them all so later queue checks stay small
    sql("UPDATE contributions SET status = 'rejected' WHERE id IN (%s)"
        % ",".join(map(str, ids)))


@test
def a_page_past_the_end_of_the_queue_still_says_what_waits():
    _, author = harness.signed_in()
    ids = [contribution(author, theme=6, status="pending") for i in range(21)]
    mod, _ = moderator()
    try:
        first = mod.get("/moderation/?theme=sante&statut=pending").visible_text()
        m = re.search(r"(\d+) contributions à modérer\.", first)
        assert m, first[:300]
        last = (int(m.group(1)) + 19) // 20
        r = mod.get("/moderation/?theme=sante&statut=pending&page=%d" % (last + 3))
        eq(r.status, 200)
        t = r.visible_text()
        contains(t, "%s contributions à modérer." % m.group(1))
        lacks(t, "Aucune contribution à modérer")
        contains(t, "Aucune contribution sur cette page.")
        contains(r.text, 'href="/moderation/?theme=sante&amp;motif=&amp;statut=pending'
                 '&amp;page=%d">Page précédente' % last)
    finally:
        sql("UPDATE contributions SET status = 'rejected' WHERE id IN (%s)"
            % ",".join(map(str, ids)))


# ---------------------------------------------------------------- decisions

@test
def every_decision_changes_status_logs_and_notifies_the_author():
    author_client, author = harness.signed_in()
    email = sql_value("SELECT email FROM users WHERE id = %d" % author)
    cid = contribution(author, title="Décidée plusieurs fois", status="pending",
                       body="Mon texte **important** <b>brut</b>")
    mod, mid = moderator()
    item = mod.get("/moderation/%d" % cid)
    eq(item.status, 200)
    contains(item.text, "<strong>important</strong>")
    lacks(item.text, "<b>brut</b>")
    contains(item.text, '<label for="f-decision">')
    before = log_count()
    outbox = int(sql_value("SELECT count(*) FROM outbox WHERE user_id = %d" % author))

    decide(mod, cid, "publish")
    eq(status_of(cid), "published")
    decide(mod, cid, "hide", "R1", "Propos insultants envers un élu")
    eq(status_of(cid), "hidden")
    eq(sql("SELECT moderation_rule, moderation_note FROM contributions WHERE id = %d" % cid),
       [["R1", "Propos insultants envers un élu"]])
    decide(mod, cid, "restore", "", "Après réexamen")
    eq(status_of(cid), "published")
    decide(mod, cid, "reject", "R8")
    eq(status_of(cid), "rejected")
    eq(log_count(), before + 4)
    eq(sql("SELECT action, from_status, to_status, coalesce(rule_code, ''), moderator_id"
           " FROM moderation_log WHERE contribution_id = %d ORDER BY id" % cid),
       [["publish", "pending", "published", "", str(mid)],
        ["hide", "published", "hidden", "R1", str(mid)],
        ["restore", "hidden", "published", "", str(mid)],
        ["reject", "published", "rejected", "R8", str(mid)]])
    # nothing deleted
    eq(sql_value("SELECT count(*) FROM contributions WHERE id = %d" % cid), "1")
    # e-mails in the outbox, in French
    mails = sql("SELECT recipient, subject, kind FROM outbox WHERE user_id = %d"
                " ORDER BY id" % author)
    eq(len(mails), outbox + 4, "one e-mail per decision")
    eq(mails[-1], [email, "Votre contribution a été refusée", "moderation"])
    body = sql_value("SELECT replace(body, E'\\n', ' ') FROM outbox WHERE user_id = %d AND subject LIKE '%%masquée'"
                     % author)
    contains(body, "Règle de la charte : R1 — Insultes et propos haineux")
    contains(body, "Propos insultants envers un élu")
    contains(body, "/compte/notifications")
    # the author's notifications page
    r = author_client.get("/compte/notifications")
    eq(r.status, 200)
    text = r.visible_text()
    contains(text, "Votre contribution « Décidée plusieurs fois » a été refusée")
    contains(text, "a été masquée : elle ne reste visible que pour vous")
    contains(text, "Règle de la charte : R1 — Insultes et propos haineux")
    contains(text, "Note du modérateur : Propos insultants envers un élu")
    contains(text, "Nouveau")
    lacks(author_client.get("/compte/notifications").visible_text(), "Nouveau")
    eq(Client().get("/compte/notifications").status, 401, "anonymous")
    other, _ = harness.signed_in()
    lacks(other.get("/compte/notifications").visible_text(), "Décidée plusieurs fois")
    # the author history on another item of the same author
    cid2 = contribution(author, status="pending")
    contains(mod.get("/moderation/%d" % cid2).visible_text(),
             "2 publiées, 1 masquée, 1 refusée")


@test
def author_without_email_gets_a_notification_but_no_mail():
    _, author = harness.signed_in()
    sql("UPDATE users SET email = NULL WHERE id = %d" % author)
    cid = contribution(author, status="pending")
    mod, _ = moderator()
    decide(mod, cid, "reject", "R7")
    eq(sql_value("SELECT count(*) FROM outbox WHERE user_id = %d" % author), "0")
    eq(sql_value("SELECT count(*) FROM notifications WHERE user_id = %d" % author), "1")


@test
def bad_decisions_are_refused_and_leave_the_log_unchanged():
    _, author = harness.signed_in()
    cid = contribution(author, status="pending", title="Décision refusée")
    mod, mid = moderator()
    page = mod.get("/moderation/%d" % cid)
    fields = {"csrf": page.csrf(), "statut_vu": "pending", "version": "0"}
    before = log_count()

    r = mod.post("/moderation/%d" % cid, dict(fields, decision="hide", regle="",
                                              note="note gardée"))
    eq(r.status, 422, "hide without a rule")
    contains(r.visible_text(), "citez la règle de la charte")
    contains(r.text, "note gardée")
    r = mod.post("/moderation/%d" % cid, dict(fields, decision="reject", regle="R42"))
    eq(r.status, 422, "unknown rule")
    r = mod.post("/moderation/%d" % cid, dict(fields, decision="delete", regle="R1"))
    eq(r.status, 422, "unknown decision")
    r = mod.post("/moderation/%d" % cid, dict(fields, decision="reject", regle="R1",
                                              note="y" * 1001))
    eq(r.status, 422, "long note")
    contains(r.visible_text(), "ne doit pas dépasser 1000 caractères")
    r = mod.post("/moderation/%d" % cid, dict(fields, decision="restore"))
    eq(r.status, 422, "restore a pending item")
    contains(r.visible_text(), "n'est pas possible pour une contribution dans cet état")
    r = mod.post("/moderation/%d" % cid, dict(fields, decision="reject", regle="R1",
                                              csrf=FORGED))
    eq(r.status, 403, "forged csrf")
    citizen, _ = harness.signed_in()
    r = citizen.post("/moderation/%d" % cid, dict(fields, decision="publish"))
    eq(r.status, 403, "citizen")
    r = mod.post("/moderation/999999999", dict(fields, decision="publish"))
    eq(r.status, 404, "unknown contribution")
    for bad in ["99999999999999", "-1", "x", ""]:
        r = mod.post("/moderation/%d" % cid, dict(fields, decision="publish", version=bad))
        eq(r.status, 400, "bad version %r" % bad)
    r = mod.post("/moderation/%d" % cid, dict(fields, decision="publish", version="7"))
    eq(r.status, 409, "stale version")
    r = mod.post("/moderation/%d" % cid, dict(fields, decision="publish",
                                              statut_vu="published"))
    eq(r.status, 409, "stale expected status")
    contains(r.visible_text(), "Cette contribution vient d'être traitée par un autre modérateur")
    # a moderator never decides on their own contribution
    own = contribution(mid, status="pending")
    p2 = mod.get("/moderation/%d" % own)
    r = mod.post("/moderation/%d" % own, {"csrf": p2.csrf(), "decision": "publish",
                                          "statut_vu": "pending", "version": "0"})
    eq(r.status, 403, "own contribution")
    contains(r.visible_text(), "Vous ne pouvez pas modérer votre propre contribution")
    eq(log_count(), before, "log unchanged")
    eq(status_of(cid), "pending")
    eq(status_of(own), "pending")


@test
def two_moderators_deciding_at_once_never_overwrite_each_other():
    _, author = harness.signed_in()
    cid = contribution(author, status="pending", title="Deux modérateurs")
    a, aid = moderator()
    b, _ = moderator()
    pa = a.get("/moderation/%d" % cid)
    pb = b.get("/moderation/%d" % cid)
    before = log_count()
    ra = a.post("/moderation/%d" % cid, {
        "csrf": pa.csrf(), "decision": "publish", "regle": "", "note": "",
        "statut_vu": hidden_field(pa, "statut_vu"), "version": hidden_field(pa, "version")})
    rb = b.post("/moderation/%d" % cid, {
        "csrf": pb.csrf(), "decision": "reject", "regle": "R4", "note": "",
        "statut_vu": hidden_field(pb, "statut_vu"), "version": hidden_field(pb, "version")})
    eq(ra.status, 303, "first moderator")
    eq(rb.status, 409, "second moderator")
    contains(rb.visible_text(), "Cette contribution vient d'être traitée par un autre modérateur")
    eq(status_of(cid), "published")
    eq(log_count(), before + 1)
    eq(sql_value("SELECT moderator_id FROM moderation_log WHERE contribution_id = %d" % cid),
       str(aid))


# ---------------------------------------------------------------- transparency

@test
def transparency_page_counts_by_theme_and_rule_with_median_wait():
    def rule_row(text, code):
        m = re.search(r"<th scope=\"row\">%s</th><td>[^<]*</td><td>(\d+)</td><td>(\d+)</td>"
                      % code, text)
        assert m, "no row for " + code
        return int(m.group(1)), int(m.group(2))

    r = Client().get("/moderation/transparence")
    eq(r.status, 200, "public")
    h0, j0 = rule_row(r.text, "R6")
    _, author = harness.signed_in()
    a = contribution(author, status="pending", theme=5)
    b = contribution(author, status="pending", theme=5)
    sql("UPDATE contributions SET queued_at = now() - interval '3 hours' WHERE id IN (%d, %d)"
        % (a, b))
    mod, _ = moderator()
    decide(mod, a, "reject", "R6")
    decide(mod, b, "publish")
    decide(mod, b, "hide", "R6")
    r = Client().get("/moderation/transparence")
    eq(rule_row(r.text, "R6"), (h0 + 1, j0 + 1))
    contains(r.text, '<th scope="col">Attente médiane</th>')
    contains(r.text, "<caption>")
    m = re.search(r"<th scope=\"row\">Culture et patrimoine numériques</th>"
                  r"<td>(\d+)</td><td>(\d+)</td><td>(\d+)</td><td>([^<]+)</td>", r.text)
    assert m, "culture row"
    assert int(m.group(1)) >= 1 and int(m.group(2)) >= 1, m.groups()
    contains(m.group(4), " h ")


# ---------------------------------------------------------------- the log

@test
def the_log_refuses_update_delete_and_truncate_even_for_a_superuser():
    _, author = harness.signed_in()
    cid = contribution(author, status="pending")
    mod, _ = moderator()
    decide(mod, cid, "reject", "R5")
    lid = sql_value("SELECT max(id) FROM moderation_log")
    before = log_count()
    for stmt in ["UPDATE moderation_log SET note = 'x' WHERE id = %s" % lid,
                 "DELETE FROM moderation_log WHERE id = %s" % lid,
                 "TRUNCATE moderation_log CASCADE"]:
        try:
            sql(stmt)
        except AssertionError as e:
            contains(str(e), "append-only", stmt)
        else:
            raise AssertionError("accepted: " + stmt)
    eq(log_count(), before)
    # the application role has no UPDATE/DELETE/TRUNCATE privilege either
    eq(sql_value("SELECT has_table_privilege('agora', 'moderation_log', 'UPDATE')"
                 " OR has_table_privilege('agora', 'moderation_log', 'DELETE')"
                 " OR has_table_privilege('agora', 'moderation_log', 'TRUNCATE')"), "f")


@test
def verify_log_detects_a_row_altered_behind_the_triggers():
    _, author = harness.signed_in()
    cid = contribution(author, status="pending")
    mod, _ = moderator()
    decide(mod, cid, "reject", "R3", "note d'origine")
    decide(mod, cid, "restore")
    r = harness.agora("verify-log")
    eq(r.returncode, 0, r.stdout + r.stderr)
    contains(r.stdout, "OK: %d rows" % log_count())
    lid = sql_value("SELECT min(id) FROM moderation_log WHERE contribution_id = %d" % cid)
    tamper = ("ALTER TABLE moderation_log DISABLE TRIGGER ALL;"
              " UPDATE moderation_log SET rule_code = %s WHERE id = %s;"
              " ALTER TABLE moderation_log ENABLE TRIGGER ALL;")
    sql(tamper % ("'R1'", lid))
    try:
        r = harness.agora("verify-log")
        eq(r.returncode, 1, "altered row detected")
        contains(r.stdout, "row %s" % lid)
    finally:
        sql(tamper % ("'R3'", lid))
    eq(harness.agora("verify-log").returncode, 0, "restored")
    # The note lives apart from the chain, which holds its commitment.
    sql("UPDATE moderation_notes SET note = 'note falsifiée' WHERE log_id = %s" % lid)
    try:
        r = harness.agora("verify-log")
        eq(r.returncode, 1, "altered note detected")
        contains(r.stdout, "row %s" % lid)
    finally:
        sql("UPDATE moderation_notes SET note = 'note d''origine' WHERE log_id = %s" % lid)
    eq(harness.agora("verify-log").returncode, 0, "note restored")
    # a deleted row breaks the chain at the next row
    nxt = sql_value("SELECT min(id) FROM moderation_log WHERE id > %s" % lid)
    image = sql_value("SELECT row_to_json(l) FROM moderation_log l WHERE id = %s" % lid)
    note = sql_value("SELECT row_to_json(n) FROM moderation_notes n WHERE log_id = %s" % lid)
    sql("ALTER TABLE moderation_log DISABLE TRIGGER ALL;"
        " DELETE FROM moderation_notes WHERE log_id = %s;"
        " DELETE FROM moderation_log WHERE id = %s;"
        " ALTER TABLE moderation_log ENABLE TRIGGER ALL;" % (lid, lid))
    try:
        r = harness.agora("verify-log")
        eq(r.returncode, 1, "deleted row detected")
        contains(r.stdout, "row %s" % nxt)
    finally:
        sql("INSERT INTO moderation_log SELECT * FROM"
            " json_populate_record(NULL::moderation_log, %s::json);"
            " INSERT INTO moderation_notes SELECT * FROM"
            " json_populate_record(NULL::moderation_notes, %s::json)" % (q(image), q(note)))
    eq(harness.agora("verify-log").returncode, 0, "row put back")


# ---------------------------------------------------------------- spam brakes

@test
def a_repeated_text_goes_to_the_queue_as_a_probable_duplicate():
    _, author = harness.signed_in()
    body = "La Région devrait ouvrir un tiers-lieu numérique dans chaque canton %s." \
        % secrets.token_hex(3)
    first = contribution(author, body=body, title="Original")
    eq(status_of(first), "published")
    exact = contribution(author, body=body, title="Copie exacte")
    near = contribution(author, body=body.replace("chaque", "chacun des"), title="Presque")
    for cid in (exact, near):
        eq(sql("SELECT status, queue_reason FROM contributions WHERE id = %d" % cid),
           [["pending", "doublon probable"]])
    # the threshold is a database setting
    eq(status_of(fixtures.proposal(author, "Seuil", body.replace("chaque", "tout"),
                                   setting="SET agora.duplicate_similarity = '0.99'; ")),
       "published")
    # short texts are never held: "D'accord !" twice is normal
    eq(status_of(contribution(author, body="D'accord !", kind="proposal")), "published")
    eq(status_of(contribution(author, body="D'accord !", kind="proposal")), "published")
    # another author may say the same thing
    _, other = harness.signed_in()
    eq(status_of(contribution(other, body=body)), "published")
    # imports are not held
    eq(status_of(contribution(None, body=body, source="test-import")), "published")
    eq(sql_value("SELECT contribution_check_duplicate(%d, %s)" % (author, q(body))), "t")
    eq(sql_value("SELECT contribution_check_duplicate(%d, 'rien à voir du tout')" % author), "f")
    mod, _ = moderator()
    r = mod.get("/moderation/?motif=doublon")
    contains(r.visible_text(), "Copie exacte")
    contains(r.visible_text(), "Doublon probable")
    lacks(r.visible_text(), "Original")
    item = mod.get("/moderation/%d" % exact).visible_text()
    contains(item, "doublon probable")
    contains(item, "Textes semblables du même auteur")
    contains(item, "n° %d : Original (Publiée, 100 %% de ressemblance)" % first)


@test
def new_accounts_are_limited_to_a_few_posts_per_hour():
    _, fresh = harness.signed_in(age_days=0)
    for i in range(4):
        contribution(fresh)
    eq(sql_value("SELECT contribution_rate_ok(%d)" % fresh), "t", "4 posts")
    contribution(fresh)
    eq(sql_value("SELECT contribution_rate_ok(%d)" % fresh), "f", "5 posts in the hour")
    eq(sql_value("SELECT contribution_rate_ok(%d, 24, 10)" % fresh), "t", "higher limit")
    sql("UPDATE users SET created_at = now() - interval '2 days' WHERE id = %d" % fresh)
    eq(sql_value("SELECT contribution_rate_ok(%d)" % fresh), "t", "older account")


@test
def the_queue_says_why_a_new_account_is_held():
    _, fresh = harness.signed_in(age_days=0)
    for i in range(5):
        contribution(fresh)
    held = contribution(fresh, title="Sixième de l'heure")
    eq(sql("SELECT status, queue_reason FROM contributions WHERE id = %d" % held),
       [["pending", "compte récent"]])
    mod, _ = moderator()
    page = mod.get("/moderation/?motif=compte")
    eq(page.status, 200)
    row = re.search(r'<tr><td>[^<]*</td><th scope="row"><a href="/moderation/%d">.*?</tr>'
                    % held, page.text)
    assert row, "the held contribution is in the queue"
    # The reason cell, not the filter's option (which always says it).
    contains(row.group(0), "<td>Compte récent qui publie beaucoup</td>")


# ---------------------------------------------------------------- races

def parallel(fns):
    import threading
    out = [None] * len(fns)

    def run(i):
        try:
            out[i] = fns[i]()
        except Exception as e:  # noqa: BLE001 - reported by the caller
            out[i] = e
    ts = [threading.Thread(target=run, args=(i,)) for i in range(len(fns))]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return out


@test
def simultaneous_flags_are_all_counted_and_cross_the_threshold_once():
    _, author = harness.signed_in()
    cid = contribution(author, title="Signalée en rafale")
    clients = []
    for _ in range(6):
        c, _ = harness.signed_in()
        page = c.get("/contributions/%d/signaler" % cid)
        clients.append((c, page.csrf()))
    res = parallel([lambda c=c, t=t: c.post("/contributions/%d/signaler" % cid,
                                            {"csrf": t, "regle": "R7", "note": ""}).status
                    for c, t in clients])
    eq(res, [303] * 6, "every flag accepted")
    eq(sql("SELECT flag_count, under_review, status FROM contributions WHERE id = %d" % cid),
       [["6", "t", "published"]])
    eq(sql_value("SELECT count(*) FROM moderation_log WHERE contribution_id = %d"
                 " AND action = 'threshold'" % cid), "1", "threshold logged once")


@test
def simultaneous_decisions_keep_the_hash_chain_intact():
    _, author = harness.signed_in()
    ids = [contribution(author, status="pending") for _ in range(8)]
    jobs = []
    for cid in ids:
        m, _ = moderator()
        page = m.get("/moderation/%d" % cid)
        jobs.append((m, cid, page.csrf()))
    before = log_count()
    res = parallel([lambda m=m, cid=cid, t=t: m.post("/moderation/%d" % cid, {
        "csrf": t, "decision": "reject", "regle": "R7", "note": "",
        "statut_vu": "pending", "version": "0"}).status for m, cid, t in jobs])
    eq(res, [303] * 8, "every decision applied")
    eq(log_count(), before + 8)
    r = harness.agora("verify-log")
    eq(r.returncode, 0, r.stdout + r.stderr)
