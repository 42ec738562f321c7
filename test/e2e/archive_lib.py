# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The imported consultations (archives) the tests read, and what their
source files say, read with Python's own csv module."""

import csv
import math
import os
import re

import harness
from harness import sql, sql_value

DATA = os.path.join(harness.ROOT, "..", "shared", "data")
RN = os.path.join(DATA, "republique_numerique_2015")
DC = os.path.join(DATA, "decidim_grand_debat_mel_nancy_2019")
RN_SLUG = "republique-numerique-2015"
DC_SLUG = "grand-debat-2019"


def read_csv(path, sep):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter=sep))


def ensure_imported():
    """Both real datasets, imported once (test_opendata_import does it
    first when the whole suite runs)."""
    for fmt, folder, slug in (("republique-numerique", RN, RN_SLUG),
                              ("decidim", DC, DC_SLUG)):
        if sql_value("SELECT count(*) FROM consultations WHERE slug = '%s'" % slug) == "0":
            r = harness.agora("import", fmt, folder)
            assert r.returncode == 0, r.stderr


def contribution_id(source_id, source):
    return sql_value("SELECT id FROM contributions WHERE source = '%s'"
                     " AND source_id = '%s'" % (source, source_id))


def source_ids(ids):
    """{contribution id: source id} for ids (strings)."""
    if not ids:
        return {}
    return dict(sql("SELECT id::text, source_id FROM contributions WHERE id IN (%s)"
                    % ",".join(ids)))


def listed_ids(page):
    """The proposal ids a listing page shows, in order."""
    return re.findall(r'<li class="proposal">\n<h3><a href="/propositions/(\d+)"', page.text)


def wilson(agree, total):
    """Same maths as app/core/ranking.c, written again here."""
    if total <= 0:
        return 0.0
    p = agree / total
    return ((p + 1.9208 / total - 1.96 * math.sqrt(p * (1 - p) / total
            + 0.9604 / (total * total))) / (1 + 3.8416 / total))


def hrefs(html_text, within=None):
    """Local hrefs of the page (or of the first <nav class="crumbs">)."""
    if within == "crumbs":
        m = re.search(r'(?s)<nav aria-label="Fil d\'Ariane" class="crumbs">(.*?)</nav>', html_text)
        assert m, "no breadcrumb"
        html_text = m.group(1)
    return [h.replace("&amp;", "&") for h in re.findall(r'href="(/[^"]*)"', html_text)]


def make_archive(slug, theme_slug):
    """A small archive made in SQL (its theme slug may be a primary theme's):
    (consultation id, theme id, proposal id)."""
    cid = sql_value("INSERT INTO consultations (slug, title, summary, opens_at, closes_at, source,"
                    " source_name) VALUES ('%s', 'Archive de test', 'Pour les slugs.',"
                    " '2019-01-01', '2019-02-01', '%s', 'exemple.org') RETURNING id"
                    % (slug, slug))
    tid = sql_value("INSERT INTO themes (consultation_id, slug, position, title, summary, body)"
                    " VALUES (%s, '%s', 1, 'Éthique importée', 'Un thème homonyme.', '')"
                    " RETURNING id" % (cid, theme_slug))
    pid = sql_value("INSERT INTO contributions (consultation_id, theme_id, kind, title, body,"
                    " body_html, source, source_id, created_at) VALUES (%s, %s, 'proposal',"
                    " 'Proposition archivée homonyme', 'Texte importé.', '<p>Texte importé.</p>',"
                    " '%s', 'p/1', '2019-01-15') RETURNING id" % (cid, tid, slug))
    sql("UPDATE contributions SET proposal_id = id WHERE id = %s" % pid)
    sql("INSERT INTO imported_tallies (contribution_id, votes_total, source, theme_id, kind)"
        " VALUES (%s, 12, '%s', %s, 'proposal')" % (pid, slug, tid))
    return cid, tid, pid


def retire_archive(cid):
    """Gives a test archive's themes slugs no other test uses (imported
    contributions are never deleted: the moderation log refers to them)."""
    sql("UPDATE themes SET slug = 'retire-' || id WHERE consultation_id = %s" % cid)
    sql("UPDATE contributions SET under_review = false WHERE consultation_id = %s" % cid)
