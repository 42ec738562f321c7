# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Reports at scale: the rollup tables the report pages read (report_counts,
report_people, report_themes) always equal a plain recount from
contributions and votes: after `agora generate`, after votes cast over HTTP,
after a moderator hides a contribution, after an account is deleted
(pseudonymised: its votes stay). The
pages show exactly the recounted figures, and the cached text analyses of
a big theme say when they were computed and when they are out of date."""

import html
import json
import re

import harness
from harness import Client, contains, eq, lacks, sql, sql_value, test
from participation_lib import vote

PASSWORD = "une phrase de passe assez longue"

# Rows of the rollups that differ from a recount (0 when they agree).
COUNTS_DIFF = """
WITH r AS (SELECT theme_id, week, territory_code, kind, status, assisted, n
    FROM report_counts WHERE n <> 0),
 c AS (SELECT theme_id, date_trunc('week', created_at AT TIME ZONE 'Europe/Paris')::date,
    coalesce(territory_code, ''), kind, status, assisted_by IS NOT NULL, count(*)
    FROM contributions GROUP BY 1, 2, 3, 4, 5, 6)
SELECT (SELECT count(*) FROM (TABLE r EXCEPT TABLE c) x)
     + (SELECT count(*) FROM (TABLE c EXCEPT TABLE r) y)"""

PEOPLE_DIFF = """
WITH r AS (SELECT theme_id, user_id, contributions, votes FROM report_people
    WHERE contributions <> 0 OR votes <> 0),
 c AS (SELECT t, u, sum(c)::bigint, sum(v)::bigint FROM (
    SELECT theme_id AS t, author_id AS u, count(*) AS c, 0 AS v FROM contributions
    WHERE status = 'published' AND author_id IS NOT NULL GROUP BY 1, 2
    UNION ALL SELECT c.theme_id, v.user_id, 0, count(*) FROM votes v
    JOIN contributions c ON c.id = v.contribution_id WHERE c.status = 'published'
    GROUP BY 1, 2) x GROUP BY t, u)
SELECT (SELECT count(*) FROM (TABLE r EXCEPT TABLE c) x)
     + (SELECT count(*) FROM (TABLE c EXCEPT TABLE r) y)"""

THEMES_DIFF = """
SELECT count(*) FROM themes t LEFT JOIN report_themes r ON r.theme_id = t.id
WHERE (coalesce(r.contributors, 0), coalesce(r.voters, 0), coalesce(r.votes, 0)) <> (
    (SELECT count(DISTINCT author_id) FROM contributions
     WHERE theme_id = t.id AND status = 'published'),
    (SELECT count(DISTINCT v.user_id) FROM votes v JOIN contributions c
     ON c.id = v.contribution_id WHERE c.theme_id = t.id AND c.status = 'published'),
    (SELECT count(*) FROM votes v JOIN contributions c
     ON c.id = v.contribution_id WHERE c.theme_id = t.id AND c.status = 'published'))"""


CONSULTATIONS_DIFF = """
SELECT count(*) FROM consultations k
LEFT JOIN report_consultations r ON r.consultation_id = k.id
WHERE coalesce(r.contributors, 0) <> (SELECT count(DISTINCT c.author_id)
    FROM contributions c JOIN themes t ON t.id = c.theme_id
    WHERE t.consultation_id = k.id AND c.status = 'published')"""


def rollups_equal_recounts(when):
    eq(sql_value(COUNTS_DIFF), "0", "report_counts = recount " + when)
    eq(sql_value(PEOPLE_DIFF), "0", "report_people = recount " + when)
    eq(sql_value(THEMES_DIFF), "0", "report_themes = recount " + when)
    eq(sql_value(CONSULTATIONS_DIFF), "0", "report_consultations = recount " + when)
    home_equals_recount(when)


def home_equals_recount(when):
    """The home page's participants and contributions, and each theme's
    counts, are those a plain count gives."""
    k = sql_value("SELECT id FROM consultations WHERE is_primary")
    people = int(sql_value("SELECT count(DISTINCT author_id) FROM contributions"
                           " WHERE consultation_id = %s AND status = 'published'" % k))
    total = int(sql_value("SELECT count(*) FROM contributions"
                          " WHERE consultation_id = %s AND status = 'published'" % k))
    t = Client().get("/").visible_text()
    contains(t, "%d participant" % people, "home, participants " + when)
    contains(t, "%d contribution" % total, "home, contributions " + when)
    for slug, props, others in sql(
            "SELECT t.slug, count(c.id) FILTER (WHERE c.kind = 'proposal'),"
            " count(c.id) FILTER (WHERE c.kind <> 'proposal') FROM themes t"
            " LEFT JOIN contributions c ON c.theme_id = t.id AND c.status = 'published'"
            " WHERE t.consultation_id = %s GROUP BY t.id" % k):
        contains(t, "%s proposition" % props, "home, proposals of %s %s" % (slug, when))
        contains(t, "%s argument" % others, "home, replies of %s %s" % (slug, when))


def figure(text, label):
    m = re.search(r"<dt>%s</dt><dd>([^<]*)</dd>" % re.escape(label), text)
    assert m, "figure %s" % label
    return m.group(1)


def recount(tid):
    pub = "c.theme_id = %d AND c.status = 'published'" % tid
    return {
        "Contributeurs": sql_value("SELECT count(DISTINCT c.author_id) FROM contributions c WHERE " + pub),
        "Votants": sql_value("SELECT count(DISTINCT v.user_id) FROM votes v JOIN contributions c"
                             " ON c.id = v.contribution_id WHERE " + pub),
        "Propositions": sql_value("SELECT count(*) FROM contributions c WHERE c.kind = 'proposal' AND " + pub),
        "Arguments": sql_value("SELECT count(*) FROM contributions c WHERE c.kind = 'argument' AND " + pub),
        "Commentaires": sql_value("SELECT count(*) FROM contributions c WHERE c.kind = 'comment' AND " + pub),
        "Votes": sql_value("SELECT count(*) FROM votes v JOIN contributions c"
                           " ON c.id = v.contribution_id WHERE " + pub),
    }


def page_equals_recount(slug, when):
    """The HTML report, the API and the index show the recounted figures."""
    tid = int(sql_value("SELECT id FROM themes WHERE slug = '%s'" % slug))
    expected = recount(tid)
    page = Client().get("/rapports/%s" % slug)
    eq(page.status, 200)
    for label, value in expected.items():
        eq(figure(page.text, label), value, "%s %s" % (label, when))
    api = json.loads(Client().get("/api/v1/rapports/%s" % slug).text)["participation"]
    for label, key in [("Contributeurs", "contributeurs"), ("Votants", "votants"),
                       ("Propositions", "propositions"), ("Arguments", "arguments"),
                       ("Commentaires", "commentaires"), ("Votes", "votes")]:
        eq(api[key], int(expected[label]), "API %s %s" % (key, when))
    index = Client().get("/rapports/")
    m = re.search(r'<a href="/rapports/%s">[^<]*</a></th>((?:<td[^>]*>[^<]*</td>)+)' % slug,
                  index.text)
    assert m, "theme in the index"
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", m.group(1))
    eq(cells[:5], [expected[k] for k in ("Contributeurs", "Propositions", "Arguments",
                                          "Commentaires", "Votes")], "index " + when)
    # Per département: the table rows equal a recount.
    for code, name in sql("SELECT code, name FROM territories"):
        n = sql_value("SELECT count(*) FROM contributions c WHERE c.territory_code = '%s' AND"
                      " c.theme_id = %d AND c.status = 'published'" % (code, tid))
        contains(page.text, '<tr><th scope="row">%s</th><td class="num">%s</td>'
                 % (html.escape(name), n), "département %s %s" % (code, when))
    return page


def busiest_proposal(slug):
    return int(sql_value("SELECT c.id FROM contributions c JOIN themes t ON t.id = c.theme_id"
                         " WHERE t.slug = '%s' AND c.kind = 'proposal' AND c.status = 'published'"
                         " ORDER BY c.votes_total DESC, c.id LIMIT 1" % slug))


@test
def generate_keeps_rollups_equal_to_recounts():
    r = harness.agora("generate", "--proposals", "140", "--arguments", "420",
                      "--votes", "2100", "--users", "60")
    eq(r.returncode, 0, r.stderr)
    contains(r.stdout, "generated 60 users, 140 proposals")
    rollups_equal_recounts("after generate")
    page_equals_recount("ethique", "after generate")
    # The triggers are back on after generate: a new contribution counts.
    before = int(sql_value("SELECT coalesce(sum(n), 0) FROM report_counts r JOIN themes t"
                           " ON t.id = r.theme_id WHERE t.slug = 'ethique'"
                           " AND r.status = 'published' AND r.kind = 'proposal'"))
    uid = harness.make_user()
    sql("INSERT INTO contributions (consultation_id, theme_id, kind, author_id, title, body,"
        " body_html) SELECT t.consultation_id, t.id, 'proposal', %d, 'Rollup après generate',"
        " 'Texte.', '<p>Texte.</p>' FROM themes t WHERE t.slug = 'ethique'" % uid)
    eq(int(sql_value("SELECT sum(n) FROM report_counts r JOIN themes t ON t.id = r.theme_id"
                     " WHERE t.slug = 'ethique' AND r.status = 'published'"
                     " AND r.kind = 'proposal'")), before + 1)
    rollups_equal_recounts("after an insert")


@test
def votes_moderation_and_deletion_keep_rollups_exact():
    slug = "ethique"
    pid = busiest_proposal(slug)
    # Votes over HTTP: a new vote, a changed vote.
    c, uid = harness.signed_in()
    eq(vote(c, pid, "agree").status, 303, "vote")
    rollups_equal_recounts("after a vote")
    eq(vote(c, pid, "disagree").status, 303, "vote changed")
    rollups_equal_recounts("after a changed vote")
    eq(vote(c, pid, "none").status, 303, "vote withdrawn")
    rollups_equal_recounts("after a withdrawn vote")
    eq(vote(c, pid, "mixed").status, 303, "vote cast again")
    rollups_equal_recounts("after a vote cast again")
    # Statements of several rows (imports, scripts) take the batch path.
    sql("INSERT INTO votes (user_id, contribution_id, choice)"
        " SELECT u.id, %d, 'agree' FROM users u WHERE u.deleted_at IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.user_id = u.id"
        " AND v.contribution_id = %d) ORDER BY u.id LIMIT 3" % (pid, pid))
    rollups_equal_recounts("after a three-row insert")
    sql("UPDATE votes SET choice = 'mixed' WHERE contribution_id = %d" % pid)
    rollups_equal_recounts("after a many-row change of choice")
    other = busiest_proposal("sante")
    sql("UPDATE votes SET contribution_id = %d WHERE user_id = %d AND contribution_id = %d"
        % (other, uid, pid))
    rollups_equal_recounts("after a vote moved to another theme")
    sql("UPDATE votes SET contribution_id = %d WHERE user_id = %d AND contribution_id = %d"
        % (pid, uid, other))
    page_equals_recount(slug, "after votes")

    # A moderator hides the proposal: it and its votes leave the counts.
    before = recount(int(sql_value("SELECT id FROM themes WHERE slug = '%s'" % slug)))
    mod, _ = harness.signed_in(roles=("moderator",))
    page = mod.get("/moderation/%d" % pid)
    eq(page.status, 200)
    fields = {"csrf": page.csrf(), "decision": "hide", "regle": "R1",
              "note": "Test des rapports"}
    for name in ("statut_vu", "version"):
        m = re.search(r'name="%s" value="([^"]*)"' % name, page.text)
        assert m, name
        fields[name] = html.unescape(m.group(1))
    r = mod.post("/moderation/%d" % pid, fields)
    eq(r.status, 303, r.visible_text()[:300])
    eq(sql_value("SELECT status FROM contributions WHERE id = %d" % pid), "hidden")
    rollups_equal_recounts("after hiding a proposal")
    after = page_equals_recount(slug, "after hiding")
    eq(int(figure(after.text, "Propositions")), int(before["Propositions"]) - 1)
    assert int(figure(after.text, "Votes")) < int(before["Votes"]), "its votes left"
    lacks(after.text, '/propositions/%d"' % pid)

    # Put back by SQL (a moderator's "publish"): everything comes back.
    sql("UPDATE contributions SET status = 'published' WHERE id = %d" % pid)
    rollups_equal_recounts("after publishing again")
    eq(recount(int(sql_value("SELECT id FROM themes WHERE slug = '%s'" % slug))), before)

    # Account deletion: the voter's votes leave the counts.
    r = harness.agora("hash-password", env={"AGORA_NEW_PASSWORD": PASSWORD})
    eq(r.returncode, 0, r.stderr)
    sql("UPDATE users SET password_hash = '%s' WHERE id = %d" % (r.stdout.strip(), uid))
    voters = int(before["Votants"])
    r = c.submit("/compte/suppression", "/compte/suppression", {"mot_de_passe_actuel": PASSWORD})
    eq(r.status, 200, r.visible_text()[:300])
    contains(r.visible_text(), "Votre compte est supprimé")
    # The account is pseudonymised; its vote stays counted (see /compte/suppression).
    eq(sql_value("SELECT count(*) FROM votes WHERE user_id = %d" % uid), "1")
    rollups_equal_recounts("after an account deletion")
    after = page_equals_recount(slug, "after deletion")
    eq(int(figure(after.text, "Votants")), voters)
    # And a full rebuild finds nothing to change.
    r = harness.agora("refresh-reports", "--rebuild")
    eq(r.returncode, 0, r.stderr)
    rollups_equal_recounts("after a rebuild")


@test
def big_theme_analyses_come_from_a_dated_cache():
    slug = "ethique"
    tid = int(sql_value("SELECT id FROM themes WHERE slug = '%s'" % slug))
    uid = harness.make_user()
    for title in ("Ouvrir les données des transports régionaux",
                  "Ouvrir les données des transports régionaux en temps réel"):
        sql("INSERT INTO contributions (consultation_id, theme_id, kind, author_id, title,"
            " body, body_html) SELECT consultation_id, id, 'proposal', %d, '%s', 'Texte.',"
            " '<p>Texte.</p>' FROM themes WHERE id = %d" % (uid, title, tid))
    sql("DELETE FROM report_cache_state WHERE theme_id = %d" % tid)
    # Other test files fill this theme: make sure it counts as small first.
    sql("UPDATE report_config SET live_limit = 1000000000")
    live = Client().get("/rapports/%s" % slug).text
    lacks(live, "Calculé le", "small theme, no cache: computed for the page")
    eq(json.loads(Client().get("/api/v1/rapports/%s" % slug).text)["termes_calcul"]["source"],
       "live")
    sql("UPDATE report_config SET live_limit = 0")
    try:
        sql("DELETE FROM report_cache_state WHERE theme_id = %d" % tid)
        page = Client().get("/rapports/%s" % slug)
        contains(page.text, "Analyse pas encore calculée")
        lacks(page.text, "?q=")
        r = harness.agora("refresh-reports")
        eq(r.returncode, 0, r.stderr)
        contains(r.stdout, slug)
        page = Client().get("/rapports/%s" % slug).text
        contains(page, "Calculé le ")
        lacks(page, "à actualiser")
        api = json.loads(Client().get("/api/v1/rapports/%s" % slug).text)["termes_calcul"]
        eq((api["source"], api["a_actualiser"]), ("cache", False), "API says fresh")
        assert re.match(r"^\d\d?h?\d*", api["heure"]), api["heure"]
        eq(re.findall(r'\?q=([^"]*)"', page), re.findall(r'\?q=([^"]*)"', live),
           "cached terms = live terms")
        dup = lambda text: re.findall(r'<li><a href="/propositions/(\d+)"',
                                      text[text.index('id="doublons"'):])
        assert dup(live), "generated titles have near duplicates"
        eq(dup(page), dup(live), "cached near duplicates = live ones")
        eq(sql_value("SELECT count(*) FROM ((SELECT * FROM report_similar_scan(%d)"
                     " EXCEPT SELECT * FROM report_similar_live(%d)) UNION ALL"
                     " (SELECT * FROM report_similar_live(%d) EXCEPT"
                     " SELECT * FROM report_similar_scan(%d))) x" % (tid, tid, tid, tid)), "0")
        # A new published text: the cached figures are labelled out of date.
        uid = harness.make_user()
        sql("INSERT INTO contributions (consultation_id, theme_id, kind, author_id, title, body,"
            " body_html) SELECT consultation_id, id, 'proposal', %d, 'Cache périmé',"
            " 'Texte.', '<p>Texte.</p>' FROM themes WHERE id = %d" % (uid, tid))
        page = Client().get("/rapports/%s" % slug).text
        contains(page, "à actualiser")
        api = json.loads(Client().get("/api/v1/rapports/%s" % slug).text)["termes_calcul"]
        eq((api["source"], api["a_actualiser"]), ("cache", True), "API says stale")
        r = harness.agora("refresh-reports", "--max-age", "60")
        eq(r.returncode, 0, r.stderr)
        contains(r.stdout, "0 theme(s) refreshed", "computed less than 60 min ago")
        r = harness.agora("refresh-reports")
        contains(r.stdout, slug)
        lacks(Client().get("/rapports/%s" % slug).text, "à actualiser")
        eq(harness.agora("refresh-reports", "--max-age", "x").returncode, 2)
    finally:
        sql("UPDATE report_config SET live_limit = 2000")


@test
def a_returning_person_s_votes_keep_rollups_equal_to_recounts():
    """One person, one vote (issue 10): an account deleted and made again
    with the same address takes over its votes (account_takeover()); every
    rollup and figure still equals a recount, and the person is one voter."""
    from accounts_lib import delete_account, member
    slug = "ethique"
    tid = int(sql_value("SELECT id FROM themes WHERE slug = '%s'" % slug))
    pid, other = busiest_proposal(slug), busiest_proposal("sante")
    before = recount(tid)
    c, addr, old = member()
    eq(vote(c, pid, "agree").status, 303)
    eq(vote(c, other, "mixed").status, 303)
    voted = recount(tid)
    eq(int(voted["Votants"]), int(before["Votants"]) + 1)
    delete_account(c)
    rollups_equal_recounts("after the deletion of a voter")
    local, domain = addr.split("@")
    c2, _, new = member(addr="%s+retour@%s" % (local.upper(), domain))
    rollups_equal_recounts("after the takeover of a departed account's votes")
    eq(recount(tid), voted, "the same person is still one voter with one vote")
    page_equals_recount(slug, "after a takeover")
    eq(vote(c2, pid, "disagree").status, 303)
    rollups_equal_recounts("after a vote that replaces the earlier one")
    eq(recount(tid)["Votes"], voted["Votes"], "replaced, not added")
    page_equals_recount(slug, "after a replaced vote")
    r = harness.agora("refresh-reports", "--rebuild")
    eq(r.returncode, 0, r.stderr)
    rollups_equal_recounts("after a rebuild")
