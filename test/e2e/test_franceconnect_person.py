# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""One verified person, one vote, beyond the link (issue 17; migration
0370_account_persons.sql), end to end over HTTP against PostgreSQL and the
real OpenID provider (test_franceconnect.py's helpers): an account that
links, votes, unlinks and votes again still has one vote per proposal, in
the counters, the report and a recount; it cannot then be linked to
another person; its data export lists the link (the fact and the dates,
never the claims) and the votes counted for the person."""

import json
import re

import fixtures
import harness
from harness import Client, contains, eq, lacks, sql, sql_value, test
from participation_lib import vote, word
from test_franceconnect import account_of, authorize, creds, forget_links, sign_up, with_fc


def counts(pid):
    """The proposal's counters, then a recount of its votes rows."""
    return sql("SELECT c.votes_agree, c.votes_mixed, c.votes_disagree,"
               " (SELECT count(*) FROM votes v WHERE v.contribution_id = c.contribution_id),"
               " (SELECT count(*) FILTER (WHERE choice = 'agree') || '/'"
               " || count(*) FILTER (WHERE choice = 'mixed') || '/'"
               " || count(*) FILTER (WHERE choice = 'disagree')"
               " FROM votes v WHERE v.contribution_id = c.contribution_id)"
               " FROM proposal_votes c WHERE c.contribution_id = %d" % pid)[0]


def report_votes(slug):
    """The "Votes" figure of the theme's public report."""
    t = Client().get("/rapports/" + slug).text
    m = re.search(r"<dt>Votes</dt><dd>([^<]*)</dd>", t)
    assert m, "no Votes figure in /rapports/" + slug
    return int(re.sub(r"\D", "", m.group(1)))


def link(c):
    r = c.get(authorize(c, start="/compte/franceconnect",
                        fields={"csrf": c.get("/compte/").csrf()}))
    eq(r.status, 303, "linked: " + r.visible_text()[:300])


def unlink(c):
    r = c.post("/compte/franceconnect/delier", {"csrf": c.get("/compte/").csrf()})
    eq(r.status, 303, "unlinked: " + r.visible_text()[:300])


@test
def linking_voting_unlinking_and_voting_again_is_still_one_vote():
    forget_links()
    author = harness.make_user()
    pid = fixtures.proposal(author, "Proposition " + word(), "Texte de la proposition " + word())
    pid2 = fixtures.proposal(author, "Proposition " + word(), "Texte de la proposition " + word())
    slug = sql_value("SELECT t.slug FROM themes t JOIN contributions c ON c.theme_id = t.id"
                     " WHERE c.id = %d" % pid)
    before = report_votes(slug)

    def run(k):
        c, uid = harness.signed_in()
        sql("UPDATE users SET password_hash = 'x' WHERE id = %d" % uid)
        eq(vote(c, pid, "agree").status, 303, "a vote before linking")
        link(c)
        eq(counts(pid), ["1", "0", "0", "1", "1/0/0"], "linked: the vote moved to the person")
        eq(vote(c, pid, "mixed").status, 303)
        eq(counts(pid), ["0", "1", "0", "1", "0/1/0"], "linked: a change")
        unlink(c)
        page = c.get("/compte/").visible_text()
        contains(page, "ce compte vote toujours pour elle", "the unlink notice says so")
        lacks(page, "Compte vérifié par FranceConnect", "no longer linked")
        # The hole: voting again from the unlinked account.
        r = vote(c, pid, "disagree")
        eq(r.status, 303, r.visible_text()[:300])
        eq(counts(pid), ["0", "0", "1", "1", "0/0/1"], "unlinked: still one vote, the later")
        eq(sql_value("SELECT count(*) FROM votes WHERE user_id = %d" % uid), "0",
           "nothing under the account")
        eq(vote(c, pid2, "agree").status, 303)
        n = sql_value("SELECT count(*) FROM votes WHERE user_id = vote_person(%d)" % uid)
        assert int(n) >= 2, n
        contains(c.get("/compte/").visible_text(), "avis sur %s propositions" % n,
                 "the account sees the person's votes")
        # The person signs in with FranceConnect: a new account (the link
        # is free again), the same person, the same row.
        e = Client()
        sign_up(e)
        eq(vote(e, pid, "agree").status, 303)
        eq(counts(pid), ["1", "0", "0", "1", "1/0/0"], "a second account: one vote")
        eq(vote(c, pid, "mixed").status, 303)
        eq(counts(pid), ["0", "1", "0", "1", "0/1/0"], "the unlinked one again: one vote")
        eq(report_votes(slug), before + 2, "the report counts one vote per proposal")
        # Bound to Camille, the account cannot become José.
        r = c.get(authorize(c, "jose", start="/compte/franceconnect",
                            fields={"csrf": c.get("/compte/").csrf()}))
        eq(r.status, 409, "another person refused")
        contains(r.visible_text(), "déjà été vérifié par FranceConnect pour une autre personne")
        eq(sql_value("SELECT count(*) FROM oidc_links WHERE user_id = %d" % uid), "0",
           "nothing linked")
        eq(vote(c, pid, "agree").status, 303)
        eq(counts(pid), ["1", "0", "0", "1", "1/0/0"], "still Camille's one vote")
        # Linking again to the same person is fine (once the other
        # account lets the FranceConnect identity go).
        sql("DELETE FROM oidc_links WHERE user_id = %d" % account_of(e))
        link(c)
        contains(c.get("/compte/").visible_text(), "Compte vérifié par FranceConnect")
    with_fc(run)


@test
def the_data_export_lists_the_link_and_the_votes_counted_for_the_person():
    forget_links()
    author = harness.make_user()
    pid = fixtures.proposal(author, "Proposition " + word(), "Texte de la proposition " + word())
    plain, _ = harness.signed_in()
    d = json.loads(plain.get("/compte/donnees.json").text)
    eq(d["franceconnect"]["lie"], False, "an account never linked")
    eq(d["franceconnect"]["identite"], None)

    def run(k):
        c, uid = harness.signed_in()
        sql("UPDATE users SET password_hash = 'x' WHERE id = %d" % uid)
        link(c)
        eq(vote(c, pid, "agree").status, 303)
        r = c.get("/compte/donnees.json")
        eq(r.status, 200)
        for claim in ("Hélène", "LEFÈVRE", "LEFEVRE", "camille.lefevre",
                      "1984-05-17", "17/05/1984"):
            lacks(r.text, claim, "no claim in the export")
        # The birth year and the birthplace's INSEE code are numbers: look
        # for them as whole numbers, since any timestamp's microseconds or
        # any id may hold "1984" or "45234" among other digits.
        for claim in ("1984", "45234"):
            eq(re.findall(r"(?<![0-9])%s(?![0-9])" % claim, r.text), [],
               "no claim in the export: " + claim)
        h = sql_value("SELECT identity_hash FROM oidc_links WHERE user_id = %d" % uid)
        lacks(r.text, h, "nor the identity hash")
        d = json.loads(r.text)
        fc = d["franceconnect"]
        eq(fc["lie"], True)
        eq(fc["fournisseur"], creds()["issuer"])
        assert fc["lie_le"] and fc["personne_verifiee_depuis_le"], fc
        contains(fc["identite"], "empreinte")
        mine = [v for v in d["votes"] if v["proposition"] == pid]
        eq(len(mine), 1, "the vote counted for the person is listed")
        eq((mine[0]["avis"], mine[0]["canal"], mine[0]["compte_pour_la_personne_verifiee"]),
           ("agree", "web", True))
        unlink(c)
        d = json.loads(c.get("/compte/donnees.json").text)
        eq(d["franceconnect"]["lie"], False, "unlinked")
        assert d["franceconnect"]["personne_verifiee_depuis_le"], "still bound"
        eq(d["franceconnect"]["lie_le"], None)
        eq([v["avis"] for v in d["votes"] if v["proposition"] == pid], ["agree"],
           "still the person's vote")
        eq(account_of(c), uid)
    with_fc(run)


@test
def an_administrator_may_require_franceconnect_to_vote_in_one_consultation():
    """The consultation's own choice (migration 0371), set on
    /admin/consultation, wins over the platform setting."""
    from participation_lib import post_argument
    pid = fixtures.proposal(harness.make_user(), "Proposition " + word(),
                            "Texte de la proposition " + word())
    kid = sql_value("SELECT consultation_id FROM contributions WHERE id = %d" % pid)
    admin, _ = harness.signed_in(roles=("admin",))

    def choose(value, status=303):
        page = admin.get("/admin/consultation")
        r = admin.post("/admin/consultation/vote", {"csrf": page.csrf(), "consultation": kid,
                                                    "vote_fc": value})
        eq(r.status, status, "%s: %s" % (value, r.visible_text()[:300]))
        return r

    try:
        contains(admin.get("/admin/consultation").visible_text(),
                 "Vote : le réglage de la plateforme (ouvert à tous les comptes)")
        choose("required")
        eq(sql_value("SELECT vote_requires_franceconnect FROM consultations WHERE id = %s" % kid),
           "t")
        contains(admin.get("/admin/consultation").visible_text(),
                 "Vote : réservé aux comptes vérifiés par FranceConnect")
        c, uid = harness.signed_in()
        r = vote(c, pid, "agree")
        eq(r.status, 403, "the consultation requires FranceConnect")
        contains(r.visible_text(), "vérifié par FranceConnect")
        eq(sql_value("SELECT count(*) FROM votes WHERE contribution_id = %d" % pid), "0",
           "nothing recorded")
        r = post_argument(c, pid, "pour", "Un argument tout à fait recevable " + word())
        eq(r.status, 303, "arguing stays open")
        # Not an administrator: refused; bad input: refused, nothing changed.
        eq(c.post("/admin/consultation/vote", {"csrf": c.get("/compte/").csrf(),
                                               "consultation": kid, "vote_fc": "open"}).status, 403)
        choose("n'importe", 400)
        page = admin.get("/admin/consultation")
        eq(admin.post("/admin/consultation/vote", {"csrf": page.csrf(), "consultation": "999999",
                                                   "vote_fc": "open"}).status, 404)
        eq(sql_value("SELECT vote_requires_franceconnect FROM consultations WHERE id = %s" % kid),
           "t", "unchanged")
        # Open, while the platform requires FranceConnect: the vote is open here.
        def platform_requires(k):
            choose("open")
            eq(vote(c, pid, "agree").status, 303, "open in this consultation")
            choose("platform")
            eq(vote(c, pid, "mixed").status, 403, "the platform setting again")
        with_fc(platform_requires, extra={"AGORA_VOTE_REQUIRES_FRANCECONNECT": "1"})
        eq(sql_value("SELECT choice FROM votes WHERE contribution_id = %d" % pid), "agree")
    finally:
        sql("UPDATE consultations SET vote_requires_franceconnect = NULL WHERE id = %s" % kid)


@test
def the_vote_setting_of_a_consultation_is_written_to_the_moderation_log():
    """Each change of who may vote (POST /admin/consultation/vote) is a
    row of the hash-chained moderation log, as a mode change is
    (consultation_set_vote_fc(), migration 0410): the administrator's
    pseudonym, the consultation, the old choice and the new; nothing for
    a choice that changes nothing or is refused; the application's role
    cannot change the column behind the log's back; agora verify-log
    still passes and the public file shows the rows."""
    from modlog_lib import APP_ROLE, LOG_URL, psql_as
    pid = fixtures.proposal(harness.make_user(), "Proposition " + word(),
                            "Texte de la proposition " + word())
    kid = int(sql_value("SELECT consultation_id FROM contributions WHERE id = %d" % pid))
    admin, aid = harness.signed_in(roles=("admin",))
    since = int(sql_value("SELECT coalesce(max(id), 0) FROM moderation_log"))

    def choose(value):
        page = admin.get("/admin/consultation")
        return admin.post("/admin/consultation/vote", {
            "csrf": page.csrf(), "consultation": str(kid), "vote_fc": value})

    def rows():
        return sql("SELECT moderator_id, moderator_ref IS NOT NULL, contribution_id IS NULL,"
                   " from_status, to_status, rule_code IS NULL, note_mac IS NULL"
                   " FROM moderation_log WHERE action = 'vote_fc' AND consultation_id = %d"
                   " AND id > %d ORDER BY id" % (kid, since))

    try:
        eq(rows(), [], "nothing logged yet")
        r = choose("required")
        eq(r.status, 303, r.visible_text()[:300])
        contains(admin.get("/admin/consultation").visible_text(),
                 "le changement est inscrit au journal de modération")
        eq(choose("required").status, 303, "the same choice again")
        contains(admin.get("/admin/consultation").visible_text(), "rien n'a changé")
        eq(choose("n'importe").status, 400, "unknown choice")
        eq(choose("open").status, 303)
        eq(choose("platform").status, 303)
        one = [str(aid), "t", "t"]
        eq(rows(), [one + ["platform", "required", "t", "t"],
                    one + ["required", "open", "t", "t"],
                    one + ["open", "platform", "t", "t"]], "three changes, three rows")
        # Behind the log's back: refused to the application's role.
        r = psql_as(APP_ROLE, "UPDATE consultations SET vote_requires_franceconnect = true"
                              " WHERE id = %d" % kid)
        assert r.returncode != 0 and "permission denied" in r.stderr, r.stdout + r.stderr
        eq(sql_value("SELECT vote_requires_franceconnect IS NULL FROM consultations"
                     " WHERE id = %d" % kid), "t", "unchanged")
        r = harness.agora("verify-log")
        eq(r.returncode, 0, "agora verify-log: " + r.stdout[-500:] + r.stderr[-500:])
        log = json.loads(Client().get(LOG_URL).text)
        mine = [(e["action"], e["statut_avant"], e["statut_apres"]) for e in log
                if e["id"] > since and e["consultation"] == kid]
        eq(mine, [("vote_fc", "platform", "required"), ("vote_fc", "required", "open"),
                  ("vote_fc", "open", "platform")], "in the public file")
        ref = [e["moderateur"] for e in log if e["id"] > since][0]
        assert re.fullmatch(r"[0-9a-f]{12}", ref), ref
    finally:
        sql("UPDATE consultations SET vote_requires_franceconnect = NULL WHERE id = %d" % kid)
