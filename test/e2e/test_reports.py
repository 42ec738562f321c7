# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Reports: /rapports/ and /rapports/<slug> show exactly the figures of a
plain SQL recount, with accessible charts, and the official answers."""

import html
import math
import re
import secrets

import harness
from harness import Client, contains, eq, lacks, sql, sql_value, test
from opendata_fixtures import PUBLIC_IDS, contribution, vote

_THEME = []


def theme():
    """A theme of the primary consultation that only these tests fill, so
    the figures they check are not pushed out of the top-10 tables by what
    other test files add to the seven real themes. Created on first use: the
    database is migrated after the test files are loaded."""
    if not _THEME:
        slug = "rapports-e2e-" + secrets.token_hex(3)
        sql("INSERT INTO themes (consultation_id, slug, position, title, summary, body)"
            " SELECT id, '%s', (SELECT max(position) + 1 FROM themes t"
            " WHERE t.consultation_id = c.id), 'Culture (tests des rapports)',"
            " 'Thème de test.', 'Thème créé par les tests des rapports.'"
            " FROM consultations c WHERE is_primary" % slug)
        _THEME.append(slug)
    return _THEME[0]


def tid():
    return int(sql_value("SELECT t.id FROM themes t JOIN consultations k ON k.id = t.consultation_id"
                         " WHERE k.is_primary AND t.slug = '%s'" % theme()))


def known_data():
    tag = secrets.token_hex(3)
    u37 = harness.make_user(territory="37")
    u45 = harness.make_user(territory="45")
    mediator = harness.make_user(roles=("mediator",))
    p1 = contribution(theme(), "proposal", "Ouvrir les archives au public.", author=u37,
                      title="Numériser les archives départementales %s" % tag, territory="37",
                      created="'2026-11-17 10:00:00+01'")
    p2 = contribution(theme(), "proposal", "Les archives anciennes d'abord.", author=u45,
                      title="Numériser les archives départementales anciennes %s" % tag,
                      territory="45", created="'2026-11-25 10:00:00+01'")
    p3 = contribution(theme(), "proposal", "Des lieux partagés dans les villages.", author=u45,
                      title="Tiers-lieux culturels ruraux %s" % tag,
                      assisted_by=mediator, created="'2026-12-09 10:00:00+01'")
    hidden = contribution(theme(), "proposal", "Hors sujet", title="Masquée %s" % tag,
                          status="hidden")
    contribution(theme(), "argument", "Les archives sont fragiles.", parent=p2, position="pour",
                 author=u37, territory="37")
    contribution(theme(), "argument", "Priorité aux archives.", parent=p2, position="pour",
                 author=u45, territory="45")
    contribution(theme(), "argument", "Trop cher.", parent=p2, position="contre", author=u37,
                 territory="37")
    contribution(theme(), "comment", "Et les photos ?", parent=p2, author=u45, territory="45")
    voters = [harness.make_user() for _ in range(6)]
    for v in voters[:5]:
        vote(v, p1, "agree")
    for v in voters[:3]:
        vote(v, p2, "agree")
    for v in voters[3:6]:
        vote(v, p2, "disagree")
    vote(voters[0], p3, "agree")
    return dict(tag=tag, p1=p1, p2=p2, p3=p3, hidden=hidden)


def figure(text, label):
    m = re.search(r"<dt>%s</dt><dd>([^<]*)</dd>" % re.escape(label), text)
    assert m, "figure %s" % label
    return m.group(1)


def row(text, head):
    """The cells of the table row whose header cell is head."""
    m = re.search(r'<tr><th scope="row">%s</th>(.*?)</tr>' % re.escape(html.escape(head, quote=True)),
                  text)
    assert m, "row " + head
    return re.findall(r"<td[^>]*>([^<]*)</td>", m.group(1))


def wilson(agree, total):
    z = 1.96
    p = agree / total
    return (p + z * z / (2 * total) - z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total))) \
        / (1 + z * z / total)


def section(text, ident):
    start = text.index('<section aria-labelledby="%s">' % ident)
    return text[start:text.index("</section>", start)]


@test
def report_figures_equal_a_sql_recount():
    d = known_data()
    t = tid()
    r = Client().get("/rapports/" + theme())
    eq(r.status, 200)
    page = r.text
    eq(page.count("<h1>"), 1)
    pub = "theme_id = %d AND id IN %s" % (t, PUBLIC_IDS)
    recount = {
        "Contributeurs": "SELECT count(DISTINCT author_id) FROM contributions WHERE " + pub,
        "Votants": "SELECT count(DISTINCT v.user_id) FROM votes v JOIN contributions c"
                   " ON c.id = v.contribution_id WHERE c.theme_id = %d AND c.id IN %s" % (t, PUBLIC_IDS),
        "Propositions": "SELECT count(*) FROM contributions WHERE kind = 'proposal' AND " + pub,
        "Arguments": "SELECT count(*) FROM contributions WHERE kind = 'argument' AND " + pub,
        "Commentaires": "SELECT count(*) FROM contributions WHERE kind = 'comment' AND " + pub,
        "Votes": "SELECT count(*) FROM votes v JOIN contributions c ON c.id = v.contribution_id"
                 " WHERE c.theme_id = %d AND c.id IN %s" % (t, PUBLIC_IDS),
    }
    for label, q in recount.items():
        eq(figure(page, label), sql_value(q), label)
    assert int(figure(page, "Votes")) >= 12
    # Mediators and moderation.
    assisted = sql_value("SELECT count(*) FROM contributions WHERE assisted_by IS NOT NULL AND " + pub)
    total = sql_value("SELECT count(*) FROM contributions WHERE " + pub)
    contains(r.visible_text(), "pour une personne : %s sur %s (%d %%)"
             % (assisted, total, round(int(assisted) * 100 / int(total))))
    hidden = sql_value("SELECT count(*) FROM contributions WHERE theme_id = %d"
                       " AND status IN ('hidden', 'rejected')" % t)
    contains(r.visible_text(), "Modération : %s %s" % (hidden, harness.fr_plural(
        int(hidden), "contribution masquée ou refusée", "contributions masquées ou refusées")))
    # Weeks: every week from the first to the last, zeros included.
    weeks = section(page, "semaines")
    for day, date in [("16/11/2026", "2026-11-16"), ("23/11/2026", "2026-11-23"),
                      ("30/11/2026", "2026-11-30"), ("07/12/2026", "2026-12-07")]:
        n = sql_value("SELECT count(*) FROM contributions WHERE %s AND date_trunc('week',"
                      " created_at AT TIME ZONE 'Europe/Paris')::date = '%s'" % (pub, date))
        eq(row(weeks, day), [n], day)
    contains(weeks, 'role="img"')
    contains(weeks, '<title id="c-semaines-t">')
    lacks(page, "style=")
    # Départements: counts and rate per 10,000 inhabitants.
    deps = section(page, "departements")
    contains(deps, "millésime 2020")
    for code, name, pop in sql("SELECT code, name, coalesce(population, 0) FROM territories"):
        n = int(sql_value("SELECT count(*) FROM contributions WHERE territory_code = '%s' AND %s"
                          % (code, pub)))
        rate = ("%.2f" % (n * 10000 / int(pop))).replace(".", ",") if int(pop) else "—"
        eq(row(deps, name), [str(n), rate], name)
    n = sql_value("SELECT count(*) FROM contributions WHERE territory_code IS NULL AND " + pub)
    eq(row(deps, "Non renseigné"), [n, "—"])
    # Broadest agreement and most divided, with the Wilson bound.
    cons = section(page, "consensus")
    title1 = "Numériser les archives départementales %s" % d["tag"]
    m = re.search(r'<a href="/propositions/%d">[^<]*</a></th>((?:<td[^>]*>[^<]*</td>)+)' % d["p1"], cons)
    assert m, "p1 in the consensus table"
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", m.group(1))
    eq(cells[:4], ["5", "0", "0", ("%.1f" % (100 * wilson(5, 5))).replace(".", ",")])
    contains(cons, html.escape(title1))
    assert cons.index("/propositions/%d" % d["p1"]) < cons.index("/propositions/%d" % d["p2"])
    div = section(page, "divisent")
    contains(div, "/propositions/%d" % d["p2"])
    lacks(div, "/propositions/%d\"" % d["p1"])
    deb = section(page, "debattues")
    m = re.search(r'<a href="/propositions/%d">[^<]*</a></th>((?:<td[^>]*>[^<]*</td>)+)' % d["p2"], deb)
    eq(re.findall(r"<td[^>]*>([^<]*)</td>", m.group(1)), ["2", "1", "1", "4"])
    # Recurring terms: counted like a reader would.
    terms = section(page, "termes")
    texts = sql("SELECT lower(coalesce(title, '') || ' ' || body) FROM contributions WHERE " + pub)
    occurrences = sum(len(re.findall(r"(?<!\w)archives(?!\w)", x[0])) for x in texts)
    contains(terms, '<a href="/themes/%s?q=archives">archives</a> (%d)' % (theme(), occurrences))
    # Near-duplicate titles grouped together, the third one not.
    dup = section(page, "doublons")
    group = re.search(r"<li><ul>\n(?:(?!</ul>).)*/propositions/%d\"(?:(?!</ul>).)*</ul>"
                      % d["p1"], dup, re.S)
    assert group and "/propositions/%d\"" % d["p2"] in group.group(0), "p1 and p2 grouped"
    lacks(dup, "/propositions/%d\"" % d["p3"])
    lacks(page, "Masquée " + d["tag"])


@test
def report_shows_official_answers():
    d = known_data()
    c, _ = harness.signed_in(roles=("official",))
    path = "/propositions/%d/reponse" % d["p1"]
    eq(c.submit(path, path, {"action": "publier", "statut": "retenue", "reponse": "Nous le ferons."}).status, 303)
    r = Client().get("/rapports/" + theme())
    ans = section(r.text, "reponses")
    n = sql_value("SELECT count(*) FROM official_answers a JOIN contributions c ON c.id = a.contribution_id"
                  " WHERE c.theme_id = %d AND c.id IN %s" % (tid(), PUBLIC_IDS))
    contains(html.unescape(ans), "%s %s" % (n, harness.fr_plural(int(n), "réponse", "réponses")))
    contains(ans, '<a href="/propositions/%d">' % d["p1"])
    contains(ans, "<strong>Retenue</strong>")
    m = re.search(r'<a href="/propositions/%d">[^<]*</a></th>((?:<td[^>]*>[^<]*</td>)+)' % d["p1"],
                  section(r.text, "consensus"))
    eq(re.findall(r"<td[^>]*>([^<]*)</td>", m.group(1))[-1], "Retenue")


@test
def report_index_lists_the_seven_themes_with_recounts():
    known_data()
    r = Client().get("/rapports/")
    eq(r.status, 200)
    for slug, t in sql("SELECT t.slug, t.id FROM themes t JOIN consultations k"
                       " ON k.id = t.consultation_id WHERE k.is_primary ORDER BY t.position"):
        contains(r.text, 'href="/rapports/%s"' % slug)
    title = sql_value("SELECT title FROM themes WHERE id = %d" % tid())
    m = re.search(r'<a href="/rapports/%s">[^<]*</a></th>((?:<td[^>]*>[^<]*</td>)+)' % theme(), r.text)
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", m.group(1))
    pub = "theme_id = %d AND id IN %s" % (tid(), PUBLIC_IDS)
    eq(cells, [
        sql_value("SELECT count(DISTINCT author_id) FROM contributions WHERE " + pub),
        sql_value("SELECT count(*) FROM contributions WHERE kind = 'proposal' AND " + pub),
        sql_value("SELECT count(*) FROM contributions WHERE kind = 'argument' AND " + pub),
        sql_value("SELECT count(*) FROM contributions WHERE kind = 'comment' AND " + pub),
        sql_value("SELECT count(*) FROM votes v JOIN contributions c ON c.id = v.contribution_id"
                  " WHERE c.theme_id = %d AND c.id IN %s" % (tid(), PUBLIC_IDS)),
        sql_value("SELECT count(*) FROM official_answers a JOIN contributions c"
                  " ON c.id = a.contribution_id WHERE c.theme_id = %d AND c.id IN %s"
                  % (tid(), PUBLIC_IDS)),
    ])
    contains(r.visible_text(), title)
    for path in ["/rapports/inconnu", "/rapports/CULTURE", "/rapports/%3Cx%3E"]:
        eq(Client().get(path).status, 404, path)


@test
def empty_report_page_renders():
    r = Client().get("/rapports/formation")
    eq(r.status, 200)
    contains(r.visible_text(), "Participation")


@test
def report_speaks_plain_french_and_keeps_the_method_apart():
    known_data()
    r = Client().get("/rapports/" + theme())
    eq(r.status, 200)
    t = r.visible_text()
    body, method = t.split("Méthode", 1)[0], t.rsplit("Méthode", 1)[1]
    for jargon in ["Wilson", "pg_trgm", "trigramme", "borne basse", "mots vides", "lexème"]:
        lacks(body, jargon, "in the report's sections")
    contains(body, "en tenant compte du nombre de votes")
    contains(body, "voir la méthode en fin de rapport")
    contains(r.text, '<h2 id="methode">Méthode</h2>')
    for term in ["intervalle de confiance de Wilson à 95 %", "pg_trgm", "mots vides"]:
        contains(method, term)
    # When the figures were read, in French, Paris time (on paper too: the
    # line is not hidden by the print style).
    day = sql_value("SELECT fr_date(now())")
    m = re.search(r"Données extraites le (.*?) à (\d{1,2}) h (\d\d) \(heure de Paris\)\.", t)
    assert m, "extraction line"
    eq(m.group(1), day)
    now = sql("SELECT extract(hour FROM now() AT TIME ZONE 'Europe/Paris')::int,"
              " extract(minute FROM now() AT TIME ZONE 'Europe/Paris')::int")[0]
    assert abs(int(m.group(2)) * 60 + int(m.group(3)) - int(now[0]) * 60 - int(now[1])) <= 1, m.group(0)
    css = Client().get(re.search(r'<link rel="stylesheet" href="([^"]+)"', r.text).group(1)).text
    prints = " ".join(re.findall(r"@media print \{(.*?)\n\}", css, re.S))
    lacks(prints, ".extracted")
    contains(prints, "h1, h2, h3, h4, caption, dt { break-after: avoid;")
    # A printed proposal: no reply, flag or vote controls.
    for control in ["a.flag", "details.reply", "fieldset.vote"]:
        contains(prints, control)
    # Charts scroll in their frame rather than shrink their labels.
    contains(r.text, '<div class="chart-frame" tabindex="0" role="group" aria-label="Contributions'
                     ' publiées par semaine (graphique)">')


@test
def report_of_one_departement_counts_from_the_rollups():
    d = known_data()
    t = tid()
    pub = "theme_id = %d AND id IN %s" % (t, PUBLIC_IDS)
    r = Client().get("/rapports/%s?territoire=37" % theme())
    eq(r.status, 200)
    page = r.text
    v = r.visible_text()
    contains(page, '<p class="territory-view">Vue du département : <strong>Indre-et-Loire</strong>.',
             page[page.find("<h1>"):page.find("<h1>") + 1800])
    contains(v, "Voir tout l'enjeu")
    contains(html.unescape(re.search(r"<title>(.*?)</title>", page).group(1)),
             "Rapport : Culture (tests des rapports), Indre-et-Loire")
    contains(page, '<option value="37" selected>Indre-et-Loire</option>')
    for label, kind in [("Propositions", "proposal"), ("Arguments", "argument"),
                        ("Commentaires", "comment")]:
        eq(figure(page, label), sql_value("SELECT count(*) FROM contributions WHERE kind = '%s'"
                                          " AND territory_code = '37' AND %s" % (kind, pub)), label)
    assert int(figure(page, "Arguments")) >= 2
    # People and votes are not kept per département: not shown, not faked.
    lacks(page, "<dt>Votants</dt>")
    lacks(page, "<dt>Votes</dt>")
    weeks = section(page, "semaines")
    n = sql_value("SELECT count(*) FROM contributions WHERE %s AND territory_code = '37'"
                  " AND date_trunc('week', created_at AT TIME ZONE 'Europe/Paris')::date"
                  " = '2026-11-16'" % pub)
    eq(row(weeks, "16/11/2026"), [n])
    # The whole theme differs, so the filter did something.
    whole = Client().get("/rapports/" + theme()).text
    assert figure(whole, "Arguments") != figure(page, "Arguments")
    for bad in ["99", "abcd", "'"]:
        r = Client().get("/rapports/%s?territoire=%s" % (theme(), harness.quote(bad)))
        eq(r.status, 400, bad)
        contains(r.visible_text(), "Le département demandé (paramètre « territoire ») n'existe pas")
