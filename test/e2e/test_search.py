# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The site-wide search, /recherche: themes and proposals of every
consultation (archives included), the words found marked and escaped,
"wi-fi" finding "wifi" and back, the order and the pages, the <title>, the
page without results, the parameters refused in French."""

import html
import re
import secrets

import harness
from harness import Client, contains, eq, lacks, sql, sql_value, test
from archive_lib import make_archive, retire_archive
from opendata_fixtures import contribution


def word():
    """A made-up word only this run's rows hold (letters only)."""
    return "Quibbl" + "".join(chr(ord("a") + b % 26) for b in secrets.token_bytes(6))


def title_of(r):
    m = re.search(r"<title>(.*?)</title>", r.text, re.S)
    # The title's no-break spaces (« », :) compared as spaces.
    return harness.same_spaces(html.unescape(m.group(1))) if m else ""


@test
def search_finds_proposals_and_themes_everywhere_with_marks():
    w = word()
    p1 = contribution("education", "proposal", "Le wi-fi gratuit au lycée, dit %s." % w,
                      title="Du wi-fi %s pour les lycées" % w)
    p2 = contribution("culture", "proposal", "Un réseau wifi dans les cars %s." % w,
                      title="Des cars <i>connectés</i> & <script>x</script>")
    hidden = contribution("education", "proposal", "Le wifi caché %s." % w,
                          title="Cachée %s" % w, status="hidden")
    slug = "archive-" + w.lower()
    cid, tid, pid = make_archive(slug, "theme-" + w.lower())
    sql("UPDATE contributions SET body = 'Le wi-fi des gares %s <script>x</script>'"
        " WHERE id = %s" % (w, pid))
    sql("UPDATE themes SET summary = 'Thème importé sur le wifi %s & les <b>gares</b>.'"
        " WHERE id = %s" % (w, tid))
    try:
        for q in ["wifi " + w, "wi-fi " + w]:
            r = Client().get("/recherche?q=" + harness.quote(q))
            eq(r.status, 200, q)
            t = r.visible_text()
            contains(t, "3 propositions et 1 thème pour « %s »" % q, q)
            contains(r.text, "Du <mark>wi</mark>-<mark>fi</mark> <mark>%s</mark> pour les lycées" % w)
            # ts_headline copies a whole title as it is: escaped here.
            contains(r.text, "Des cars &lt;i&gt;connectés&lt;/i&gt; &amp; &lt;script&gt;x&lt;/script&gt;")
            contains(t, "Proposition archivée homonyme")
            contains(t, "(consultation archivée)")
            lacks(t, "Cachée " + w, "a hidden proposal is not found")
            contains(r.text, 'href="/propositions/%d"' % p1)
            contains(r.text, 'href="/propositions/%d"' % p2)
            contains(r.text, 'href="/propositions/%s"' % pid)
            contains(r.text, 'href="/consultations/%s/themes/theme-%s"' % (slug, w.lower()))
            # The words found, marked; everything else escaped.
            contains(r.text, "<mark>wifi</mark>")
            contains(r.text, "<mark>wi</mark>-<mark>fi</mark>")
            contains(r.text, "<mark>%s</mark>" % w)
            contains(r.text, "&amp; les")
            lacks(r.text, "<script>x")
            lacks(r.text, "<i>connectés")
            lacks(r.text, "\x02")
            eq(title_of(r), "Recherche « %s », par pertinence — Agora, consultation citoyenne"
               % q)
            contains(r.text, 'value="%s"' % q)
        # A proposal's own listing search finds both spellings too.
        r = Client().get("/themes/education?q=wifi+" + w)
        eq(r.status, 200)
        contains(r.visible_text(), "Du wi-fi %s pour les lycées" % w, r.visible_text()[-600:])
    finally:
        retire_archive(cid)


@test
def search_sorts_and_pages():
    w = word()
    ids = []
    for i in range(23):
        ids.append(contribution("education", "proposal", "Texte %s numéro %d." % (w, i),
                                title="Titre %d" % i,
                                created="now() - interval '%d hours'" % (i + 1)))
    # The most relevant: the word in the title (weight A), but the oldest.
    best = contribution("education", "proposal", "Encore %s, %s et %s." % (w, w, w),
                        title="%s %s" % (w, w), created="now() - interval '30 days'")
    r = Client().get("/recherche?q=" + w)
    eq(r.status, 200)
    contains(r.visible_text(), "24 propositions et 0 thème")
    first = re.findall(r'<h3><a href="/propositions/(\d+)"', r.text)
    eq(len(first), 20)
    eq(int(first[0]), best, "relevance first")
    eq(title_of(r), "Recherche « %s », par pertinence, page 1 sur 2 — Agora, consultation citoyenne" % w)
    contains(r.text, 'href="/recherche?q=%s&amp;page=2"' % w)
    r = Client().get("/recherche?q=%s&tri=date" % w)
    by_date = re.findall(r'<h3><a href="/propositions/(\d+)"', r.text)
    eq([int(x) for x in by_date], ids[:20], "the most recent first")
    contains(r.text, '<option value="date" selected>')
    r = Client().get("/recherche?q=%s&tri=date&page=2" % w)
    eq(r.status, 200)
    eq([int(x) for x in re.findall(r'<h3><a href="/propositions/(\d+)"', r.text)],
       ids[20:] + [best])
    eq(title_of(r), "Recherche « %s », les plus récentes d'abord, page 2 sur 2"
       " — Agora, consultation citoyenne" % w)
    contains(r.text, 'rel="prev" href="/recherche?q=%s&amp;tri=date"' % w)
    # Past the last page: the count is still said (it comes with the
    # page's rows: app/db/search.c), and no proposal is listed.
    r = Client().get("/recherche?q=%s&page=3" % w)
    eq(r.status, 200)
    contains(r.visible_text(), "24 propositions et 0 thème")
    contains(r.visible_text(), "Aucune proposition sur cette page.")
    eq(re.findall(r'<h3><a href="/propositions/(\d+)"', r.text), [])


@test
def search_without_results_helps():
    r = Client().get("/recherche?q=zzqxwvnothing")
    eq(r.status, 200)
    t = r.visible_text()
    contains(t, "0 proposition et 0 thème pour « zzqxwvnothing »")
    contains(t, "Aucun résultat pour « zzqxwvnothing »")
    contains(t, "vérifiez l'orthographe")
    contains(t, "Parcourir les thèmes de la consultation")
    contains(r.text, 'href="/themes/education"')
    contains(r.text, 'href="/consultations/"')
    # Nothing asked yet: the form only.
    r = Client().get("/recherche")
    eq(r.status, 200)
    eq(title_of(r), "Rechercher sur Agora — Agora, consultation citoyenne")
    contains(r.text, 'role="search"')
    lacks(r.visible_text(), "Aucun résultat")
    # The home page offers the search.
    contains(Client().get("/").text, 'action="/recherche"')


@test
def search_refuses_bad_parameters_in_french():
    for qs, message in [("q=x&tri=nom", "Le tri demandé (paramètre « tri ») n'existe pas"),
                        ("q=x&page=0", "doit être un nombre entier de 1 à 50"),
                        ("q=x&page=51", "doit être un nombre entier de 1 à 50"),
                        ("q=" + "a" * 201, "ne doit pas dépasser 200 caractères"),
                        ("q=%ff%fe", "n'est pas valide")]:
        r = Client().get("/recherche?" + qs)
        eq(r.status, 400, qs)
        contains(r.visible_text(), message, qs)
    # Websearch syntax and stacked dashes are no 500.
    for q in ["-" * 40 + "x", '"wi-fi', "OR", "-", "l'école & (x | y)"]:
        eq(Client().get("/recherche?q=" + harness.quote(q)).status, 200, q)


@test
def a_frequent_word_ranks_its_newest_matches_and_caps_the_count():
    """More than 1 000 matches: the count says "plus de 1 000" (both
    searches stop counting there), and the results are the 1 000 newest
    matches, by relevance: the best and newest comes first though it is the
    last row written (the first 1 000 found in the table's order, as
    before, would leave it out)."""
    w = word()
    slug = "archive-" + w.lower()
    cid, tid, pid = make_archive(slug, "theme-" + w.lower())
    try:
        sql("INSERT INTO contributions (consultation_id, theme_id, kind, title, body,"
            " body_html, source, source_id, created_at)"
            " SELECT %s, %s, 'proposal', 'Titre ' || i, 'Texte %s numéro ' || i, '<p>x</p>',"
            " '%s', 'q/' || i, '2019-01-10'::date + (i %% 20) FROM generate_series(1, 1100) i"
            % (cid, tid, w, slug))
        sql("UPDATE contributions SET proposal_id = id WHERE consultation_id = %s"
            " AND proposal_id IS NULL" % cid)
        best = int(sql_value(
            "INSERT INTO contributions (consultation_id, theme_id, kind, title, body, body_html,"
            " source, source_id, created_at) VALUES (%s, %s, 'proposal', '%s %s',"
            " 'Encore %s, %s et %s.', '<p>x</p>', '%s', 'q/best', '2019-02-15') RETURNING id"
            % (cid, tid, w, w, w, w, w, slug)))
        sql("UPDATE contributions SET proposal_id = id WHERE id = %d" % best)
        sql("ANALYZE contributions")
        r = Client().get("/recherche?q=" + w)
        eq(r.status, 200)
        t = r.visible_text()
        contains(t, "Plus de 1 000 propositions et 0 thème pour « %s »" % w)
        contains(t, "parmi les 1 000 propositions les plus récentes")
        first = re.findall(r'<h3><a href="/propositions/(\d+)"', r.text)
        eq(len(first), 20)
        eq(int(first[0]), best, "the best match first, though written last")
        # Equal ranks: the newest first (2019-01-29, the last 20 days' rows).
        eq(sql_value("SELECT created_at::date FROM contributions WHERE id = %s"
                     % first[1]), "2019-01-29")
        eq(title_of(r), "Recherche « %s », par pertinence, page 1 sur 50"
           " — Agora, consultation citoyenne" % w)
        r = Client().get("/recherche?q=%s&tri=date&page=50" % w)
        eq(r.status, 200)
        eq(len(re.findall(r'<h3><a href="/propositions/(\d+)"', r.text)), 20)
        r = Client().get("/consultations/%s/themes/theme-%s?q=%s" % (slug, w.lower(), w))
        eq(r.status, 200)
        contains(r.visible_text(), "Plus de 1 000 propositions pour la recherche « %s »" % w)
    finally:
        retire_archive(cid)
