# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Reports at scale: the rollup tables the report pages read (report_counts,
report_people, report_themes) always equal a plain recount from
contributions and votes: after `agora generate`, after votes cast over HTTP,
after a moderator hides a contribution, after busy threads are hidden,
rejected, held and restored, after an account is deleted (pseudonymised:
its votes stay). Recounts count the public contributions from the statuses
alone (PUBLIC_IDS: published under a public parent), never from the
is_public column the triggers keep, which they check too. The pages show
exactly the recounted figures, and the cached text analyses of a big theme
say when they were computed and when they are out of date."""

import html
import json
import re

import fixtures
import harness
from harness import Client, contains, eq, lacks, sql, sql_value, test
from opendata_fixtures import PUBLIC_CTE, PUBLIC_IDS
from participation_lib import vote

PASSWORD = "une phrase de passe assez longue"

# Rows of the rollups that differ from a recount (0 when they agree).
COUNTS_DIFF = """
WITH RECURSIVE %(pub)s,
 r AS (SELECT theme_id, week, territory_code, kind, status, assisted, is_public, n
    FROM report_counts WHERE n <> 0),
 c AS (SELECT x.theme_id, date_trunc('week', x.created_at AT TIME ZONE 'Europe/Paris')::date,
    coalesce(x.territory_code, ''), x.kind, x.status, x.assisted_by IS NOT NULL,
    p.id IS NOT NULL, count(*)
    FROM contributions x LEFT JOIN pub p ON p.id = x.id GROUP BY 1, 2, 3, 4, 5, 6, 7)
SELECT (SELECT count(*) FROM (TABLE r EXCEPT TABLE c) x)
     + (SELECT count(*) FROM (TABLE c EXCEPT TABLE r) y)""" % {"pub": PUBLIC_CTE}

PEOPLE_DIFF = """
WITH RECURSIVE %(pub)s,
 pc AS (SELECT c.* FROM contributions c JOIN pub ON pub.id = c.id),
 r AS (SELECT theme_id, user_id, contributions, votes FROM report_people
    WHERE contributions <> 0 OR votes <> 0),
 c AS (SELECT t, u, sum(c)::bigint, sum(v)::bigint FROM (
    SELECT theme_id AS t, author_id AS u, count(*) AS c, 0 AS v FROM pc
    WHERE author_id IS NOT NULL GROUP BY 1, 2
    UNION ALL SELECT c.theme_id, v.user_id, 0, count(*) FROM votes v
    JOIN pc c ON c.id = v.contribution_id GROUP BY 1, 2) x GROUP BY t, u)
SELECT (SELECT count(*) FROM (TABLE r EXCEPT TABLE c) x)
     + (SELECT count(*) FROM (TABLE c EXCEPT TABLE r) y)""" % {"pub": PUBLIC_CTE}

THEMES_DIFF = """
WITH RECURSIVE %(pub)s,
 pc AS (SELECT c.* FROM contributions c JOIN pub ON pub.id = c.id),
 a AS (SELECT theme_id, count(DISTINCT author_id) AS n FROM pc GROUP BY 1),
 v AS (SELECT c.theme_id, count(DISTINCT v.user_id) AS voters, count(*) AS votes
    FROM votes v JOIN pc c ON c.id = v.contribution_id GROUP BY 1)
SELECT count(*) FROM themes t LEFT JOIN report_theme_totals r ON r.theme_id = t.id
LEFT JOIN a ON a.theme_id = t.id LEFT JOIN v ON v.theme_id = t.id
WHERE (coalesce(r.contributors, 0), coalesce(r.voters, 0), coalesce(r.votes, 0)) <>
    (coalesce(a.n, 0), coalesce(v.voters, 0), coalesce(v.votes, 0))""" % {"pub": PUBLIC_CTE}

CONSULTATIONS_DIFF = """
WITH RECURSIVE %(pub)s,
 a AS (SELECT t.consultation_id, count(DISTINCT c.author_id) AS n
    FROM contributions c JOIN pub ON pub.id = c.id JOIN themes t ON t.id = c.theme_id
    GROUP BY 1)
SELECT count(*) FROM consultations k
LEFT JOIN report_consultations r ON r.consultation_id = k.id
LEFT JOIN a ON a.consultation_id = k.id
WHERE coalesce(r.contributors, 0) <> coalesce(a.n, 0)""" % {"pub": PUBLIC_CTE}

# is_public and the replies counters against the statuses.
PUBLIC_DIFF = """
WITH RECURSIVE %(pub)s,
 x AS (SELECT c.id, c.kind, c.proposal_id, c.is_public, c.replies, p.id IS NOT NULL AS pub
    FROM contributions c LEFT JOIN pub p ON p.id = c.id),
 n AS (SELECT proposal_id, count(*) AS n FROM x WHERE kind <> 'proposal' AND pub GROUP BY 1)
SELECT (SELECT count(*) FROM x WHERE is_public <> pub)
     + (SELECT count(*) FROM x LEFT JOIN n ON n.proposal_id = x.id
        WHERE x.kind = 'proposal' AND x.replies <> coalesce(n.n, 0))""" % {"pub": PUBLIC_CTE}


def rollups_equal_recounts(when):
    eq(sql_value(COUNTS_DIFF), "0", "report_counts = recount " + when)
    eq(sql_value(PEOPLE_DIFF), "0", "report_people = recount " + when)
    eq(sql_value(THEMES_DIFF), "0", "report_themes = recount " + when)
    eq(sql_value(CONSULTATIONS_DIFF), "0", "report_consultations = recount " + when)
    eq(sql_value(PUBLIC_DIFF), "0", "is_public and replies = recount " + when)
    home_equals_recount(when)


def home_equals_recount(when):
    """The home page's participants and contributions, and each theme's
    counts, are those a plain count gives."""
    k = sql_value("SELECT id FROM consultations WHERE is_primary")
    people = int(sql_value("SELECT count(DISTINCT author_id) FROM contributions"
                           " WHERE consultation_id = %s AND id IN %s" % (k, PUBLIC_IDS)))
    total = int(sql_value("SELECT count(*) FROM contributions"
                          " WHERE consultation_id = %s AND id IN %s" % (k, PUBLIC_IDS)))
    t = Client().get("/").visible_text()
    contains(t, "%d participant" % people, "home, participants " + when)
    contains(t, "%d contribution" % total, "home, contributions " + when)
    for slug, props, others in sql(
            "WITH RECURSIVE %s SELECT t.slug, count(c.id) FILTER (WHERE c.kind = 'proposal'),"
            " count(c.id) FILTER (WHERE c.kind <> 'proposal') FROM themes t"
            " LEFT JOIN (contributions c JOIN pub ON pub.id = c.id) ON c.theme_id = t.id"
            " WHERE t.consultation_id = %s GROUP BY t.id" % (PUBLIC_CTE, k)):
        contains(t, "%s proposition" % props, "home, proposals of %s %s" % (slug, when))
        contains(t, "%s argument" % others, "home, replies of %s %s" % (slug, when))


def figure(text, label):
    m = re.search(r"<dt>%s</dt><dd>([^<]*)</dd>" % re.escape(label), text)
    assert m, "figure %s" % label
    return m.group(1)


def recount(tid):
    pub = "c.theme_id = %d AND c.id IN %s" % (tid, PUBLIC_IDS)
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
                      " c.theme_id = %d AND c.id IN %s" % (code, tid, PUBLIC_IDS))
        contains(page.text, '<tr><th scope="row">%s</th><td class="num">%s</td>'
                 % (html.escape(name), n), "département %s %s" % (code, when))
    return page


def busiest_proposal(slug):
    return int(sql_value("SELECT c.id FROM contributions c JOIN themes t ON t.id = c.theme_id"
                         " JOIN proposal_votes pv ON pv.contribution_id = c.id"
                         " WHERE t.slug = '%s' AND c.kind = 'proposal' AND c.status = 'published'"
                         " ORDER BY pv.votes_total DESC, c.id LIMIT 1" % slug))


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
    fixtures.proposal(uid, "Rollup après generate", "Texte.")
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


def thread(slug, n):
    """A proposal of slug with n replies in SQL (arguments, comments, replies
    to comments, comments under arguments) from a few authors, and votes;
    returns (proposal, [reply ids in order])."""
    from opendata_fixtures import contribution, vote as vote_sql
    authors = [harness.make_user(territory=t) for t in ("18", "37", "45")]
    p = contribution(slug, "proposal", "Fil très débattu.", author=authors[0],
                     title="Fil très débattu %d" % n, territory="18")
    ids, comments = [], []
    for i in range(n):
        a = authors[i % 3]
        if i % 4 < 2:
            ids.append(contribution(slug, "argument", "Argument %d." % i, author=a, parent=p,
                                    position="pour" if i % 4 == 0 else "contre"))
        else:
            parent = comments[-1] if i % 4 == 3 and comments else ids[-1] if ids else p
            ids.append(contribution(slug, "comment", "Commentaire %d." % i, author=a,
                                    parent=parent))
            comments.append(ids[-1])
    for u in authors:
        vote_sql(harness.make_user(), p, "agree")
    return p, ids


@test
def busy_threads_leave_and_reenter_every_count_with_their_proposal():
    """Hiding, rejecting or holding a proposal takes its whole thread out of
    every figure in the same transaction; restoring it brings it back; a
    hidden comment takes its replies with it; a statement that changes a
    parent and its child at once ends right in either order; a rebuild
    repairs an is_public written by hand."""
    slug = "territoires"
    p, ids = thread(slug, 40)
    rollups_equal_recounts("after a busy thread")
    eq(sql_value("SELECT replies FROM contributions WHERE id = %d" % p), "40")
    for status in ("hidden", "rejected", "pending", "published"):
        sql("UPDATE contributions SET status = '%s' WHERE id = %d" % (status, p))
        rollups_equal_recounts("after the thread became " + status)
    eq(sql_value("SELECT count(*) FROM contributions WHERE proposal_id = %d AND is_public"
                 % p), "41")
    # A hidden comment: its replies leave with it, and come back.
    c = int(sql_value("SELECT min(parent_id) FROM contributions WHERE kind = 'comment'"
                      " AND parent_id <> %d AND proposal_id = %d AND parent_id IN (SELECT id"
                      " FROM contributions WHERE kind = 'comment')" % (p, p)))
    sql("UPDATE contributions SET status = 'hidden' WHERE id = %d" % c)
    rollups_equal_recounts("after hiding a comment that has replies")
    assert int(sql_value("SELECT replies FROM contributions WHERE id = %d" % p)) < 39
    # A reply restored under a hidden parent stays out.
    sql("UPDATE contributions SET status = 'hidden' WHERE id = %d" % p)
    sql("UPDATE contributions SET status = 'published' WHERE id = %d" % c)
    eq(sql_value("SELECT is_public FROM contributions WHERE id = %d" % c), "f")
    rollups_equal_recounts("after restoring a reply under a hidden proposal")
    # Parent and child in one statement, both ways.
    for a, b in (("published", "hidden"), ("hidden", "published"), ("published", "published")):
        sql("UPDATE contributions SET status = CASE id WHEN %d THEN '%s' ELSE '%s' END"
            " WHERE id IN (%d, %d)" % (p, a, b, p, ids[0]))
        rollups_equal_recounts("after %s proposal and %s argument at once" % (a, b))
    # Written by hand behind the triggers: the rebuild repairs it.
    sql("UPDATE contributions SET status = 'hidden' WHERE id = %d" % p)
    sql("UPDATE contributions SET is_public = true WHERE id = %d" % ids[0])
    assert sql_value(PUBLIC_DIFF) != "0", "the recount sees the hand-written value"
    r = harness.agora("refresh-reports", "--rebuild")
    eq(r.returncode, 0, r.stderr)
    rollups_equal_recounts("after a rebuild")
    sql("UPDATE contributions SET status = 'published' WHERE id = %d" % p)
    rollups_equal_recounts("after publishing the thread again")
    page_equals_recount(slug, "after busy threads")


@test
def big_theme_analyses_come_from_a_dated_cache():
    slug = "ethique"
    tid = int(sql_value("SELECT id FROM themes WHERE slug = '%s'" % slug))
    uid = harness.make_user()
    for title in ("Ouvrir les données des transports régionaux",
                  "Ouvrir les données des transports régionaux en temps réel"):
        fixtures.proposal(uid, title, "Texte.", theme_id=tid)
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
        fixtures.proposal(uid, "Cache périmé", "Texte.", theme_id=tid)
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
