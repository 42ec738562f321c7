# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The outsider's check of the promise on /export/: every figure of a
theme's report (/rapports/<slug> and /api/v1/rapports/<slug>), of the
report index, of the home page, of /export/ itself, of the API's themes and
totals, of the theme listing and of the proposal pages is recomputed from
the open-data files alone, downloaded over HTTP and read with Python's csv
and json modules (opendata_recount.py: no SQL of the project), after busy
threads were moderated over HTTP, and found equal. The figures that cannot
be recomputed are named, with the reason, on the report and on /export/.

Data: people of every département post proposals, arguments, comments and
replies to comments, vote and answer through the real forms; moderators
hide, reject and restore busy threads and hide a comment that has replies,
through the moderation form; a repeated text is held as a probable
duplicate. Then a documented fixture spreads the threads over several
weeks (the forms stamp now()): it moves created_at back in SQL, which the
real triggers see like any other change, and puts one reply at 00:30 on a
Monday in Paris (Sunday in UTC)."""

import html
import json
import re
import secrets

import harness
import opendata_recount as od
from harness import Client, contains, eq, sql, sql_value, test
from participation_lib import csrf_of, new_proposal, post_argument, post_comment, vote

LABELS = {"retenue": "Retenue", "a_l_etude": "À l'étude", "non_retenue": "Non retenue",
          "deja_en_cours": "Déjà en cours"}
PLACES = ("18", "28", "36", "37", "41", "45", "HR")
TITLES = ["Ouvrir les données des transports régionaux",
          "Ouvrir les données des transports régionaux en temps réel",
          "Numériser les archives départementales",
          "Numériser les archives départementales anciennes",
          "Des tiers-lieux numériques dans chaque bourg",
          "Former les élus à la cybersécurité",
          "Un guichet humain pour les démarches en ligne",
          "La fibre pour les écoles rurales du Perche",
          "Des ateliers de médiation pour les seniors",
          "Publier le code source des logiciels régionaux",
          "Des tiers-lieux numériques dans chaque bourg rural"]
WORDS = ["médiation", "tiers-lieux", "données", "Orléans", "l'école", "d'accès", "fibre",
         "bibliothèque", "logiciels", "numérique", "Sologne", "seniors", "réseau", "mairie"]


def theme():
    slug = "recomptage-" + secrets.token_hex(3)
    sql("INSERT INTO themes (consultation_id, slug, position, title, summary, body)"
        " SELECT id, '%s', (SELECT max(position) + 1 FROM themes t"
        " WHERE t.consultation_id = c.id), 'Recomptage (tests des données ouvertes)',"
        " 'Thème de test.', 'Thème créé par le recomptage.' FROM consultations c"
        " WHERE is_primary" % slug)
    return slug


def hidden_field(page, name):
    m = re.search(r'name="%s" value="([^"]*)"' % name, page.text)
    assert m, "no hidden field " + name
    return html.unescape(m.group(1))


def decide(mod, cid, decision, rule="R1"):
    page = mod.get("/moderation/%d" % cid)
    eq(page.status, 200, "moderation page of %d" % cid)
    r = mod.post("/moderation/%d" % cid, {
        "csrf": page.csrf(), "decision": decision, "regle": rule, "note": "",
        "statut_vu": hidden_field(page, "statut_vu"), "version": hidden_field(page, "version")})
    eq(r.status, 303, "%s %d: %s" % (decision, cid, r.visible_text()[:200]))


def new_id(r):
    eq(r.status, 303, r.visible_text()[150:600])
    return int(sql_value("SELECT max(id) FROM contributions"))


def text(i):
    return "%s %s, %s." % (WORDS[i % len(WORDS)].capitalize(), WORDS[(i * 5 + 3) % len(WORDS)],
                           WORDS[(i * 3 + 1) % len(WORDS)])


def busy_thread(people, pid, n):
    """n replies under pid from everyone: arguments, comments, comments on
    arguments and replies to replies (3 levels at most). Returns the ids of
    the comments."""
    comments, args, k = [], [], 0
    for i in range(n):
        c, tok = people[i % len(people)]
        kind = i % 5
        if kind < 2:
            args.append(new_id(post_argument(c, pid, "pour" if kind == 0 else "contre",
                                             text(i), tok)))
            continue
        parent, depth = None, 1
        if kind == 3 and comments:
            open_ = [x for x in comments if x[1] < 3]
            parent, depth = open_[k % len(open_)][0], open_[k % len(open_)][1] + 1
            k += 1
        elif kind == 4 and args:
            parent = args[k % len(args)]
        comments.append((new_id(post_comment(c, pid, text(i), parent, tok)), depth))
    return [x[0] for x in comments]


def build():
    slug = theme()
    people = []
    for t in PLACES:
        c, _ = harness.signed_in(territory=t)
        people.append((c, csrf_of(c)))
    ids = []
    for i, title in enumerate(TITLES):
        c = people[i % len(people)][0]
        body = "%s : %s, %s et %s pour la région (%d)." % (
            title, WORDS[i], WORDS[(i + 4) % len(WORDS)], WORDS[(i + 9) % len(WORDS)], i)
        ids.append(new_proposal(title, body, PLACES[i % len(PLACES)], slug, c)[2])
    # A text its author already sent: held as a probable duplicate (pending).
    first = people[0][0]
    dup = new_proposal(TITLES[0] + " (bis)", "%s : %s, %s et %s pour la région (0)." % (
        TITLES[0], WORDS[0], WORDS[4], WORDS[9]), "18", slug, first)[2]
    eq(sql_value("SELECT status FROM contributions WHERE id = %d" % dup), "pending")
    # Busy threads; a's title is close to the last one's (no group once a
    # is hidden), the first four titles make two groups.
    a, b, c3, d = ids[4], ids[5], ids[8], ids[6]
    busy_thread(people, a, 24)
    busy_thread(people, b, 18)
    busy_thread(people, c3, 12)
    under_d = busy_thread(people, d, 10)
    busy_thread(people, ids[7], 3)
    # Votes from people of every département, and from fresh voters.
    voters = people + [(c, csrf_of(c)) for c, _ in (harness.signed_in() for _ in range(5))]
    for j, (c, tok) in enumerate(voters):
        for i, pid in enumerate(ids):
            choice = ("agree", "mixed", "disagree")[(i * 7 + j * 3) % 3 if i % 4 else j % 2 * 2]
            if (i + j) % 3:
                eq(vote(c, pid, choice, tok).status, 303, "vote")
    official, _ = harness.signed_in(roles=("official",))
    for pid, st in [(a, "retenue"), (ids[1], "a_l_etude"), (ids[3], "non_retenue"),
                    (ids[9], "deja_en_cours"), (c3, "retenue")]:
        path = "/propositions/%d/reponse" % pid
        eq(official.submit(path, path, {"action": "publier", "statut": st, "reponse": "Réponse %d." % pid}).status,
           303, "answer")
    # Moderation of busy threads, over HTTP.
    mod, _ = harness.signed_in(roles=("moderator",))
    decide(mod, a, "hide")
    decide(mod, b, "reject", "R2")
    decide(mod, c3, "hide")
    decide(mod, c3, "restore", "")
    decide(mod, under_d[0], "hide")
    # Several weeks: each thread moved back a few weeks (documented above).
    for i, pid in enumerate(ids):
        sql("UPDATE contributions SET created_at = created_at - interval '%d weeks'"
            " WHERE proposal_id = %d" % ((i * 3) % 7, pid))
    sql("UPDATE contributions SET created_at = '2026-11-29 23:30:00+00' WHERE id ="
        " (SELECT max(id) FROM contributions WHERE proposal_id = %d AND status = 'published')"
        % ids[7])
    return dict(slug=slug, ids=ids, hidden=[a, b])


# ---------------------------------------------------------------- pages

def cells(fragment):
    return [html.unescape(x) for x in re.findall(r"<td[^>]*>([^<]*)</td>", fragment)]


def section(page, ident):
    start = page.index('<section aria-labelledby="%s">' % ident)
    return page[start:page.index("</section>", start)]


def table_rows(fragment):
    """[(head, [cells])] of the rows whose head is a link or a text."""
    out = []
    for m in re.finditer(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', fragment):
        link = re.match(r'<a href="/propositions/(\d+)">([^<]*)</a>', m.group(1))
        head = (int(link.group(1)), html.unescape(link.group(2))) if link \
            else html.unescape(m.group(1))
        out.append((head, cells(m.group(2))))
    return out


def figure(page, label):
    m = re.search(r"<dt>%s</dt><dd>([^<]*)</dd>" % re.escape(label), page)
    assert m, "figure " + label
    return int(m.group(1))


def export_page(files, primary):
    """/export/: the counts beside each file, and the reference populations."""
    page = fetch_page("/export/")
    for slug in {r["consultation"] for r in files["all"]}:
        n = sum(r["consultation"] == slug for r in files["all"])
        contains(page, "<li><code>%s</code> : " % slug)
        m = re.search(r"<li><code>%s</code>[ \u00a0]: [^\n]*?\((\d+) contributions publiées"
                      % slug, page)
        assert m, "consultation " + slug
        eq(int(m.group(1)), n, "/export/: contributions of " + slug)
    for slug, rows in files["themes"].items():
        m = re.search(r'<td>(\d+)</td><td><a href="/export/themes/%s\.csv">' % slug, page)
        assert m, "theme row " + slug
        eq(int(m.group(1)), len(rows), "/export/: contributions of theme " + slug)
        eq(rows, [r for r in files["all"] if r["consultation"] == primary
                  and r["theme"] == slug], "theme file = its rows of the whole file")
    places = []
    for code, name, pop in re.findall(r'<tr><th scope="row">(\w+)</th><td>([^<]*)</td>'
                                      r'<td class="num">(\d*)</td>', page):
        places.append((code, html.unescape(name), int(pop) if pop else None))
    eq([p[0] for p in places], list(PLACES), "reference populations on /export/")
    return page, places


def fetch_page(path):
    r = Client().get(path)
    eq(r.status, 200, path)
    return r.text


def home(files, primary):
    page = fetch_page("/")
    rows = [r for r in files["all"] if r["consultation"] == primary]
    n = od.counts(rows)
    contains(page, "Participation à ce jour : %d participant" % n["contributeurs"])
    contains(page, ", %d contribution" % n["publiees"])
    for slug, trows in files["themes"].items():
        m = re.search(r'<a href="/themes/%s">.*?<p class="counts">(\d+)[ \u00a0]propositions? · '
                      r'(\d+)[ \u00a0]argument' % slug, page, re.S)
        assert m, "home, theme " + slug
        c = od.counts(trows)
        eq((int(m.group(1)), int(m.group(2))),
           (c["propositions"], c["arguments"] + c["commentaires"]), "home, theme " + slug)


def index_and_api_themes(files):
    page = fetch_page("/rapports/")
    api = {t["slug"]: t for t in json.loads(fetch_page("/api/v1/themes"))["themes"]}
    eq(set(api), set(files["themes"]), "API themes")
    for slug, rows in files["themes"].items():
        n = od.counts(rows)
        want = [n[k] for k in ("contributeurs", "propositions", "arguments", "commentaires",
                               "votes", "reponses_officielles")]
        m = re.search(r'<a href="/rapports/%s">[^<]*</a></th>((?:<td[^>]*>[^<]*</td>)+)' % slug,
                      page)
        assert m, "index row " + slug
        eq([int(x) for x in cells(m.group(1))], want, "/rapports/ row of " + slug)
        eq([api[slug][k] for k in ("contributeurs", "propositions", "arguments",
                                   "commentaires", "votes", "reponses_officielles")],
           want, "/api/v1/themes " + slug)


def api_totals(files, slug):
    kinds = {"proposition": "proposition", "argument": "argument", "commentaire": "commentaire"}
    for query, rows in [("", files["all"]), ("?theme=" + slug, files["themes"][slug])] + \
            [("?theme=%s&type=%s" % (slug, k), [r for r in files["themes"][slug]
                                                if r["type"] == v]) for k, v in kinds.items()] + \
            [("?type=" + k, [r for r in files["all"] if r["type"] == v])
             for k, v in kinds.items()]:
        data = json.loads(fetch_page("/api/v1/contributions" + query))
        eq(data["total"], len(rows), "API total " + query)
        eq([c["id"] for c in data["contributions"]], [r["id"] for r in rows[:50]],
           "API first page " + query)


def report_page(slug, rows, places, stopwords, extra):
    """/rapports/<slug> and /api/v1/rapports/<slug> against the recount."""
    page = fetch_page("/rapports/" + slug)
    api = json.loads(fetch_page("/api/v1/rapports/" + slug))
    n = od.counts(rows)
    part = api["participation"]
    for label, key in [("Contributeurs", "contributeurs"), ("Propositions", "propositions"),
                       ("Arguments", "arguments"), ("Commentaires", "commentaires"),
                       ("Votes", "votes")]:
        eq(figure(page, label), n[key], "report, " + label)
        eq(part[key], n[key], "API report, " + key)
    eq(part["publiees"], n["publiees"], "API report, publiees")
    contains(page, " sur %d (" % n["publiees"], "report, published contributions")
    # The figures the files cannot give are named, with why.
    m = re.search(r'<p class="note" id="non-recalculables">(.*?)</p>', page, re.S)
    assert m, "the report names what is not recomputable"
    for words in ("votants", "votes par canal", "masquées", "en attente", "/export/#recalcul",
                  "/export/#non-recalculables"):
        contains(m.group(1), words, "report says what is not recomputable")

    weeks = od.weeks(rows)
    assert len(weeks) >= 4, "several weeks"
    eq([(h, c) for h, c in table_rows(section(page, "semaines"))],
       [(label, [str(k)]) for _, label, k in weeks], "report, weeks")
    eq([(w["semaine"], w["libelle"], w["contributions"]) for w in api["par_semaine"]], weeks,
       "API report, weeks")

    terr = od.territories(rows, places)
    eq(table_rows(section(page, "departements")),
       [(name, [str(k), rate or "—"]) for _, name, k, rate in terr], "report, départements")
    eq([(t["code"], t["nom"], t["contributions"], t["pour_10000_habitants"])
        for t in api["par_departement"]], terr, "API report, départements")
    assert len({t[0] for t in terr if t[2]}) >= 5, "several départements"

    for ident, key, want in [("consensus", "consensus", od.consensus(rows)),
                             ("divisent", "divisent", od.divided(rows))]:
        assert want, ident
        eq(table_rows(section(page, ident)),
           [((i, t), [str(x), str(y), str(z), s, LABELS.get(a, "—")])
            for i, t, x, y, z, s, a in want], "report, " + ident)
        eq([(o["id"], o["titre"], o["d_accord"], o["mitige"], o["pas_d_accord"], o["indice"],
             o["reponse"]) for o in api[key]],
           [(i, t, x, y, z, s, LABELS.get(a)) for i, t, x, y, z, s, a in want],
           "API report, " + key)
    deb = od.debated(rows)
    eq(table_rows(section(page, "debattues")),
       [((i, t), [str(p), str(c), str(m), str(s)]) for i, t, p, c, m, s in deb],
       "report, most debated")
    eq([(o["id"], o["titre"], o["arguments_pour"], o["arguments_contre"], o["commentaires"],
         o["total"]) for o in api["debattues"]], deb, "API report, most debated")

    terms = od.terms(rows, stopwords, extra)
    eq(api["termes_calcul"]["source"], "live")
    eq([(html.unescape(w), int(k)) for w, k in re.findall(
        r'<li><a href="/themes/[^"?]*\?q=[^"]*">([^<]*)</a> \((\d+)\)</li>',
        section(page, "termes"))], [(w, k) for w, k, _ in terms], "report, terms")
    eq([(t["terme"], t["occurrences"], t["contributions"]) for t in api["termes"]], terms,
       "API report, terms")

    dup = page[page.index('<section aria-labelledby="doublons">'):]
    dup = dup[:dup.index("</section>")]
    groups = {frozenset(int(x) for x in re.findall(r'href="/propositions/(\d+)"', g))
              for g in re.findall(r"<li><ul>\n(.*?)</ul></li>", dup, re.S)}
    want = od.similar_groups(rows)
    assert want, "near-duplicate titles"
    eq(groups, want, "report, near-duplicate groups")

    answered = [r for r in rows if r["reponse_statut"]]
    ans = section(page, "reponses")
    n = [len(answered)] + [sum(r["reponse_statut"] == s for r in answered)
                           for s in ("retenue", "a_l_etude", "non_retenue", "deja_en_cours")]
    pl = harness.fr_plural
    contains(html.unescape(ans), "%d %s : %d %s, %d à l'étude, %d %s, %d déjà en cours." % (
        n[0], pl(n[0], "réponse", "réponses"), n[1], pl(n[1], "retenue", "retenues"), n[2],
        n[3], pl(n[3], "non retenue", "non retenues"), n[4]))
    eq({int(x) for x in re.findall(r'<li><a href="/propositions/(\d+)"', ans)},
       {r["id"] for r in answered}, "report, answered proposals")
    eq({(o["id"], o["statut"]) for o in api["reponses"]},
       {(r["id"], r["reponse_statut"]) for r in answered}, "API report, answers")


def listing_and_proposals(slug, rows, hidden):
    """The theme listing's counts and each proposal page's counts."""
    root = od.threads(rows)
    by_id = {r["id"]: r for r in rows}
    props = [r for r in rows if r["type"] == "proposition"]
    page = fetch_page("/themes/" + slug)
    contains(page, "%d propositions." % len(props), "listing total")
    for p in props:
        thread = [r for r in rows if root[r["id"]] == p["id"] and r["id"] != p["id"]]
        args = sum(r["type"] == "argument" for r in thread)
        m = re.search(r'<a href="/propositions/%d">.*?(\d+) arguments? · (\d+) contributions? '
                      r'au débat' % p["id"], page, re.S)
        assert m, "listing item %d" % p["id"]
        eq((int(m.group(1)), int(m.group(2))), (args, len(thread)), "listing counts %d" % p["id"])

        def top_comment(r):
            while r["parent_id"] != p["id"]:
                r = by_id[r["parent_id"]]
                if r["type"] != "commentaire":
                    return False
            return True
        want = (sum(r["type"] == "argument" and r["position"] == "pour" for r in thread),
                sum(r["type"] == "argument" and r["position"] == "contre" for r in thread),
                sum(r["type"] == "commentaire" and top_comment(r) for r in thread))
        t = fetch_page("/propositions/%d" % p["id"])
        got = tuple(int(re.search(pat, t).group(1)) for pat in (
            r'id="arguments-pour">Pour \((\d+)\)', r'id="arguments-contre">Contre \((\d+)\)',
            r"Commentaires \((\d+)\)</h2>"))
        eq(got, want, "proposal page counts %d" % p["id"])
    for pid in hidden:
        eq(Client().get("/propositions/%d" % pid).status, 404, "hidden thread")


@test
def every_published_figure_is_recomputed_from_the_open_data():
    d = build()
    slug = d["slug"]
    # Only what an outsider can fetch: the files listed on /export/.
    page = fetch_page("/export/")
    slugs = re.findall(r'<a href="/export/themes/([a-z0-9-]+)\.csv">', page)
    assert slug in slugs, "the new theme is listed"
    files = {"all": od.download("/export/contributions"),
             "themes": {s: od.download("/export/themes/" + s) for s in slugs}}
    primary = {r["consultation"] for rows in files["themes"].values() for r in rows}
    eq(len(primary), 1, "theme files are of one consultation")
    primary = primary.pop()
    od.threads(files["all"])            # every reply's thread is in the file
    rows = files["themes"][slug]
    ids = {r["id"] for r in rows}
    for pid in d["hidden"]:
        assert pid not in ids, "hidden thread exported"
    eq(sql_value("SELECT count(*) FROM contributions WHERE proposal_id IN (%s)"
                 " AND status = 'published' AND kind <> 'proposal'"
                 % ",".join(map(str, d["hidden"]))) != "0", True, "busy hidden threads")

    _, places = export_page(files, primary)
    home(files, primary)
    index_and_api_themes(files)
    api_totals(files, slug)
    with open("/usr/share/postgresql/15/tsearch_data/french.stop", encoding="utf-8") as f:
        stopwords = {w.strip() for w in f if w.strip()}
    m = re.search(r'<p id="mots-vides">([^<]*)\.</p>', page)
    assert m, "the extra stop words are listed on /export/"
    extra = set(html.unescape(m.group(1)).split(", "))
    assert len(extra) > 50, "the extra stop words are listed on /export/"
    for ident in ("recalcul", "non-recalculables", "populations", "formules"):
        contains(page, 'id="%s"' % ident, "/export/ documents it")
    report_page(slug, rows, places, stopwords, extra)
    listing_and_proposals(slug, rows, d["hidden"])

