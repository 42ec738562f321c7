# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Participation: the theme listing (search, filters, sorts, pages) and the
home page counts."""

import re

import harness
from harness import Client, contains, eq, lacks, quote, signed_in, sql, sql_value, test
from opendata_fixtures import PUBLIC_CTE
from participation_lib import (counters_match, db_proposal, db_votes, new_proposal, post_argument,
                               post_comment, vote, word)


def listed(r):
    """Proposal ids in the order the listing shows them."""
    return [int(x) for x in re.findall(r'<h3><a href="/propositions/(\d+)">', r.text)]


@test
def theme_page_lists_proposals_with_counts():
    key = word()
    pid = db_proposal("Réseau de tiers-lieux " + key, territory="36")
    db_votes(pid, agree=3, mixed=2, disagree=1)
    r = Client().get("/themes/ethique?q=" + key)
    eq(r.status, 200)
    eq(listed(r), [pid])
    text = r.visible_text()
    contains(text, "1 proposition pour la recherche « %s »" % key)
    contains(text, "3 d'accord · 2 mitigé · 1 pas d'accord · 0 argument")
    contains(text, "(Indre)")
    contains(text, "Texte de la proposition")
    contains(r.text, '<h2 id="propositions">Propositions</h2>')
    contains(r.text, 'role="search"')
    for name in ("q", "territoire", "statut", "tri"):
        contains(r.text, 'name="%s"' % name)


@test
def a_search_counts_exactly_whether_its_word_is_frequent_or_rare():
    """The capped count reads a word frequent among the theme's 200 newest
    proposals by walking the newest, a rarer one from the full-text index
    (app/db/participation.c, sql_part_list_count): the same exact figures
    either way, with a territory too."""
    common, rare = word(), word()
    for i in range(45):
        db_proposal("Proposition %s %d%s" % (common, i, " " + rare if i < 3 else ""),
                    territory="36" if i % 2 else "37")
    for q, extra, n in [(common, "", "45 propositions"), (rare, "", "3 propositions"),
                        (common, "&territoire=36", "22 propositions"),
                        (rare, "&territoire=36", "1 proposition"),
                        (common + " " + rare, "", "3 propositions")]:
        r = Client().get("/themes/ethique?q=" + quote(q) + extra)
        eq(r.status, 200, q)
        contains(r.visible_text(), "%s pour la recherche « %s »" % (n, q), q + extra)


@test
def search_ignores_accents_and_word_endings():
    key = word()
    a = db_proposal("Écoles numériques rurales " + key)
    b = db_proposal("Santé connectée " + key)
    sql("UPDATE contributions SET body = 'Des médiathèques ouvertes le dimanche' WHERE id = %d" % b)
    c = Client()
    for q, expected in [("ecole " + key, [a]), ("écoles " + key, [a]), ("ECOLE " + key, [a]),
                        ("numerique " + key, [a]), ("mediatheque " + key, [b]),
                        ("sante " + key, [b]), (key, None)]:
        r = c.get("/themes/ethique?q=" + quote(q))
        eq(r.status, 200, q)
        if expected is None:
            eq(sorted(listed(r)), sorted([a, b]), q)
        else:
            eq(listed(r), expected, q)
    r = c.get("/themes/sante?q=" + key)
    eq(listed(r), [], "other theme")
    contains(r.visible_text(), "Aucune proposition ne correspond.")


@test
def sorts_recent_votes_agreement_debate_random():
    key = word()
    p1 = db_proposal("Un seul vote " + key, created="now() - interval '3 hours'")
    p2 = db_proposal("Large accord " + key, created="now() - interval '2 hours'")
    p3 = db_proposal("Partagé " + key, created="now() - interval '1 hour'")
    p4 = db_proposal("Débattue " + key, created="now()")
    db_votes(p1, agree=1)                 # raw ratio 1.0, Wilson 0.21
    db_votes(p2, agree=9, disagree=1)     # 0.9, Wilson 0.60
    db_votes(p3, agree=5, mixed=5, disagree=2)   # 0.42, Wilson 0.19
    c, _ = signed_in()
    post_argument(c, p4, "pour", "Premier argument.")
    post_argument(c, p4, "contre", "Second argument.")
    post_comment(c, p4, "Un commentaire.")
    post_argument(c, p3, "pour", "Un argument.")
    base = "/themes/ethique?q=%s&tri=" % key
    v = Client()
    eq(listed(v.get(base + "recent")), [p4, p3, p2, p1], "recent")
    eq(listed(v.get("/themes/ethique?q=" + key)), [p4, p3, p2, p1], "default is recent")
    eq(listed(v.get(base + "votes")), [p3, p2, p1, p4], "votes")
    eq(listed(v.get(base + "accord")), [p2, p1, p3, p4], "Wilson, not raw ratio")
    eq(listed(v.get(base + "debat")), [p4, p3, p2, p1], "debate")
    fresh = Client()
    first_visit = fresh.get(base + "hasard")
    assert "agora_csrf" in fresh.cookies, "a first-time visitor gets a key for the seed"
    eq(listed(fresh.get(base + "hasard")), listed(first_visit), "stable from the first visit")
    first = listed(v.get(base + "hasard"))
    eq(sorted(first), sorted([p1, p2, p3, p4]))
    eq(listed(v.get(base + "hasard")), first, "random is stable for one visitor")
    eq(listed(v.get(base + "hasard&page=1")), first)
    page = v.get(base + "accord")
    contains(page.text, '<option value="accord" selected>')
    # the SQL and C maths agree with the expected values
    eq(sql_value("SELECT round(agree_score::numeric, 4) FROM proposal_votes WHERE contribution_id=%d" % p2), "0.5958")


@test
def random_pages_hold_every_proposal_once_whatever_the_seed():
    # The order starts at the visitor's seed on the circle of keys and wraps
    # round (migration 0360): the pages, read by several visitors, must each
    # be a permutation of the matches, none repeated, none missing, and not
    # all visitors the same order.
    key = word()
    ids = [db_proposal("Hasard %02d %s" % (i, key)) for i in range(25)]
    base = "/themes/ethique?q=%s&tri=hasard" % key
    orders = set()
    for _ in range(6):
        v = Client()
        v.get(base)
        seen = listed(v.get(base + "&page=1")) + listed(v.get(base + "&page=2"))
        eq(len(seen), 25, "20 then 5")
        eq(sorted(seen), sorted(ids), "every proposal once")
        eq(listed(v.get(base + "&page=2")), seen[20:], "stable from page to page")
        orders.add(tuple(seen))
    assert len(orders) > 1, "visitors' seeds start the circle at different points"


@test
def territory_filter_and_pagination():
    key = word()
    ids = [db_proposal("Page %02d %s" % (i, key), territory="18" if i % 5 == 0 else "28",
                       created="now() - interval '%d minutes'" % i) for i in range(25)]
    c = Client()
    r = c.get("/themes/ethique?q=%s&page=1" % key)
    eq(listed(r), ids[:20])
    contains(r.visible_text(), "25 propositions")
    contains(r.visible_text(), "Page 1 sur 2")
    contains(r.text, 'href="/themes/ethique?tri=recent&amp;q=%s&amp;page=2"' % key)
    r = c.get("/themes/ethique?q=%s&page=2" % key)
    eq(listed(r), ids[20:])
    contains(r.text, 'rel="prev"')
    lacks(r.text, 'rel="next"')
    r = c.get("/themes/ethique?q=%s&page=3" % key)
    eq(r.status, 200)
    eq(listed(r), [])
    contains(r.visible_text(), "Aucune proposition sur cette page.")
    r = c.get("/themes/ethique?q=%s&territoire=18" % key)
    eq(listed(r), [i for n, i in enumerate(ids) if n % 5 == 0])
    contains(r.text, '<option value="18" selected>Cher</option>')
    r = c.get("/themes/ethique?q=%s&territoire=&tri=&page=&statut=publiees" % key)
    eq(r.status, 200, "empty values mean defaults")
    eq(listed(r), ids[:20])


@test
def counts_without_a_search_equal_a_recount():
    """Without a search the total comes from the report rollups: it must be
    what counting the listed proposals gives, per département too, with
    hidden and pending ones left out."""
    key = word()
    for i in range(4):
        db_proposal("Compte %d %s" % (i, key), theme="territoires", territory="36")
    hidden = db_proposal("Masquée %s" % key, theme="territoires", territory="36")
    sql("UPDATE contributions SET status = 'hidden' WHERE id = %d" % hidden)
    base = ("SELECT count(*) FROM contributions c JOIN themes t ON t.id = c.theme_id"
            " JOIN consultations k ON k.id = t.consultation_id WHERE k.is_primary"
            " AND t.slug = 'territoires' AND c.kind = 'proposal' AND c.status = 'published'")
    c = Client()
    for query, extra in [("", ""), ("?territoire=36", " AND c.territory_code = '36'"),
                         ("?territoire=45&tri=votes", " AND c.territory_code = '45'")]:
        n = int(sql_value(base + extra))
        t = c.get("/themes/territoires" + query).visible_text()
        contains(t, "%d proposition" % n, "count of /themes/territoires" + query)


@test
def invalid_listing_parameters_give_400():
    c = Client()
    for qs, what in [("tri=alpha", "« tri »"), ("tri=RECENT", "« tri »"),
                     ("page=0", "« page »"), ("page=-1", "« page »"), ("page=abc", "« page »"),
                     ("page=01", "« page »"), ("page=999999999", "« page »"),
                     ("territoire=99", "« territoire »"), ("territoire=hr", "« territoire »"),
                     ("territoire=12345", "« territoire »"),
                     ("statut=hidden", "« statut »"), ("statut=pending", "« statut »"),
                     ("q=%FF", "« q »"), ("q=" + "a" * 201, "« q »")]:
        r = c.get("/themes/ethique?" + qs)
        eq(r.status, 400, qs)
        contains(r.visible_text(), what, qs)
    eq(c.get("/themes/ethique?q=" + quote("'); DROP TABLE votes; --")).status, 200)
    eq(c.get("/themes/ethique?q=" + quote('"non fermé & | ! :* <->')).status, 200)


@test
def hidden_and_pending_proposals_are_not_listed():
    key = word()
    shown = db_proposal("Visible " + key)
    hidden = db_proposal("Masquée " + key)
    pending = db_proposal("En attente " + key)
    sql("UPDATE contributions SET status='hidden' WHERE id=%d" % hidden)
    sql("UPDATE contributions SET status='pending' WHERE id=%d" % pending)
    eq(listed(Client().get("/themes/ethique?q=" + key)), [shown])


@test
def home_counts_proposals_and_debate_per_theme():
    def counts():
        r = Client().get("/")
        m = re.search(r'href="/themes/culture">.*?<p class="counts">([^<]*)</p>', r.text, re.S)
        return m.group(1)
    before = counts()
    n_prop = int(sql_value("SELECT count(*) FROM contributions c JOIN themes t ON t.id=c.theme_id"
                           " WHERE t.slug='culture' AND c.kind='proposal' AND c.status='published'"))
    _, _, pid = new_proposal(slug="culture")
    c, _ = signed_in()
    post_argument(c, pid, "pour", "Un argument culturel.")
    after = counts()
    assert after != before
    contains(after, "%d proposition" % (n_prop + 1))


@test
def generate_makes_consistent_load_data():
    before = {k: int(sql_value(q)) for k, q in [
        ("proposals", "SELECT count(*) FROM contributions WHERE kind = 'proposal'"),
        ("replies", "SELECT count(*) FROM contributions WHERE kind <> 'proposal'"),
        ("votes", "SELECT count(*) FROM votes")]}
    r = harness.agora("generate", "--proposals", "200", "--arguments", "400", "--votes", "2000")
    eq(r.returncode, 0, r.stderr)
    contains(r.stderr, "100% 2000/2000")
    contains(r.stdout, "200 proposals, 400 arguments and comments, 2000 votes")
    eq(int(sql_value("SELECT count(*) FROM contributions WHERE kind = 'proposal'")),
       before["proposals"] + 200)
    eq(int(sql_value("SELECT count(*) FROM contributions WHERE kind <> 'proposal'")),
       before["replies"] + 400)
    eq(int(sql_value("SELECT count(*) FROM votes")), before["votes"] + 2000)
    eq(sql_value("SELECT count(DISTINCT theme_id) FROM contributions WHERE source LIKE 'generate-%'"), "7")
    assert int(sql_value("SELECT count(DISTINCT territory_code) FROM contributions"
                         " WHERE source LIKE 'generate-%'")) >= 6
    bad = sql_value(
        "WITH RECURSIVE " + PUBLIC_CTE + ", replies AS (SELECT r.proposal_id, count(*) AS n"
        " FROM contributions r JOIN pub ON pub.id = r.id WHERE r.kind <> 'proposal'"
        " GROUP BY 1)"
        " SELECT count(*) FROM contributions c"
        " LEFT JOIN proposal_votes pv ON pv.contribution_id = c.id"
        " WHERE c.kind = 'proposal' AND (pv.contribution_id IS NULL"
        " OR pv.theme_id <> c.theme_id"
        " OR pv.votes_agree <> (SELECT count(*) FROM votes v WHERE v.contribution_id = c.id AND v.choice = 'agree')"
        " OR pv.votes_mixed <> (SELECT count(*) FROM votes v WHERE v.contribution_id = c.id AND v.choice = 'mixed')"
        " OR pv.votes_disagree <> (SELECT count(*) FROM votes v WHERE v.contribution_id = c.id AND v.choice = 'disagree')"
        " OR c.replies <> coalesce((SELECT n FROM replies r WHERE r.proposal_id = c.id), 0))")
    eq(bad, "0", "counters equal recounts")
    # the triggers are back on
    pid = sql_value("SELECT id FROM contributions WHERE source LIKE 'generate-%' AND kind = 'proposal' LIMIT 1")
    c, _ = signed_in()
    vote(c, int(pid), "agree")
    counters_match(int(pid))
    eq(harness.agora("generate", "--votes", "x").returncode, 2)
    # the listing still answers, sorted
    eq(Client().get("/themes/economie?tri=accord").status, 200)
