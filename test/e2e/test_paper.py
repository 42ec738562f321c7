# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Paper forms (issue 12, item 5): each load of a theme's printable form
(/themes/<slug>/formulaire) issues fresh sheet references; a mediator
types the sheets in at /mediation/saisie-papier, one after another; a
reference is taken once; every refusal says why at its field and keeps
what was typed; the open data and the report count the paper channel,
with the collection day and the entry time, and equal a recount.
Everything through HTTP against PostgreSQL."""

import datetime
import re
import zoneinfo

import harness
import opendata_recount as od
from harness import Client, contains, eq, lacks, sql, sql_value, test
from participation_lib import word
from test_epn import add_epn, form_kept, uniq
from test_mediation import CONSENT, attach, mediator, report_cells

CODE = re.compile(r'<strong class="paper-code">([0-9A-Z]{4}-[0-9A-Z]{4})</strong>')
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PAGE = "/mediation/saisie-papier"


def today():
    return datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Paris")).date()


def fr(d):
    return d.strftime("%d/%m/%Y")


def sheets(slug="ethique", n=1):
    r = Client().get("/themes/%s/formulaire%s" % (slug, "?exemplaires=%d" % n if n > 1 else ""))
    eq(r.status, 200, "the form page")
    codes = CODE.findall(r.text)
    eq(len(codes), n, "one reference per sheet")
    return codes


def check_symbol(payload):
    """Luhn mod 32 over Crockford's base 32, as app/core/sheet.c (a second
    implementation, so that the test does not trust the C one)."""
    factor, total = 2, 0
    for ch in reversed(payload):
        a = factor * ALPHABET.index(ch)
        total += a // 32 + a % 32
        factor = 1 if factor == 2 else 2
    return ALPHABET[(32 - total % 32) % 32]


def desk(name=None):
    """A mediator attached to a fresh EPN: (client, EPN id, CSRF token)."""
    eid = add_epn(uniq("EPN papier"), "Issoudun", "36")
    c, _, mail = mediator(name)
    attach(eid, mail)
    page = c.get(PAGE)
    eq(page.status, 200, "the batch screen")
    return c, eid, page.csrf()


def sheet_fields(eid, code, token, **kw):
    f = {"csrf": token, "epn": str(eid), "enjeu": "ethique", "recueil": fr(today()),
         "feuille": code, "titre": "Une proposition écrite sur papier " + word(4),
         "texte": "Écrite à la main lors du passage du bus numérique, puis saisie.",
         "territoire": "36", "contact": "", "version_consentement": "v1",
         "consentement": "1"}
    f.update(kw)
    return {k: v for k, v in f.items() if v is not None}


def paper_rows(code):
    return sql("SELECT channel, epn_id, sheet_code, collected_on, consent_version,"
               " assisted_by IS NOT NULL, author_id IS NULL FROM contributions"
               " WHERE sheet_code = '%s'" % code)


@test
def the_form_page_prints_a_fresh_reference_the_theme_and_the_consent():
    r = Client().get("/themes/ethique/formulaire")
    eq(r.status, 200)
    text = r.visible_text()
    title = sql_value("SELECT t.title FROM themes t JOIN consultations c"
                      " ON c.id = t.consultation_id WHERE c.is_primary AND t.slug = 'ethique'")
    contains(text, "Formulaire papier : " + title, "the theme")
    contains(text, "Comment remplir cette feuille", "the instructions")
    contains(text, "N'écrivez pas votre nom", "what not to write")
    contains(text, CONSENT, "the consent wording")
    contains(text, "Votre texte", "a place to write")
    eq(r.text.count('class="paper-lines"'), 3, "blank lines: title, text, contact")
    contains(text, "Cher", "the départements to tick")
    contains(r.header("cache-control") or "", "no-store", "a reference is never cached")
    first = CODE.findall(r.text)
    eq(len(first), 1, "one sheet")
    code = first[0].replace("-", "")
    eq(code[7], check_symbol(code[:7]), "the last symbol checks the others")
    eq(sql("SELECT t.slug, p.consent_version FROM paper_sheets p JOIN themes t"
           " ON t.id = p.theme_id WHERE p.code = '%s'" % code), [["ethique", "v1"]],
       "issued for that theme, with the wording printed")
    again = sheets()
    assert again[0] != first[0], "each load prints a new reference"
    many = sheets("sante", 3)
    eq(len(set(many)), 3, "three sheets, three references")
    eq(sql_value("SELECT count(DISTINCT theme_id) FROM paper_sheets WHERE code IN (%s)"
                 % ",".join("'%s'" % c.replace("-", "") for c in many)), "1")
    eq(Client().get("/themes/inexistant/formulaire").status, 404, "no such theme")
    r = Client().get("/themes/sante/formulaire?exemplaires=99")
    eq(len(CODE.findall(r.text)), 1, "a count out of bounds prints one sheet")
    listing = Client().get("/themes/ethique")
    contains(listing.text, 'href="/themes/ethique/formulaire"', "the theme links to it")


@test
def a_mediator_types_sheets_in_and_a_reference_counts_once():
    c, eid, token = desk()
    code = sheets()[0]
    fields = sheet_fields(eid, code, token)
    r = c.post(PAGE, fields)
    eq(r.status, 303, r.visible_text()[:400])
    raw = code.replace("-", "")
    eq(r.header("location"), PAGE + "?derniere=" + raw, "back, ready for the next")
    eq(paper_rows(raw), [["paper", str(eid), raw, today().isoformat(), "v1", "t", "t"]],
       "stored: channel, EPN, sheet, collection day, consent, no author")
    eq(sql_value("SELECT created_at > now() - interval '1 minute' FROM contributions"
                 " WHERE sheet_code = '%s'" % raw), "t", "the entry time too")
    nxt = c.get(r.header("location"))
    eq(nxt.status, 200)
    contains(nxt.visible_text(), "Feuille %s enregistrée" % code, "the confirmation")
    assert re.search(r'id="saisie-annonce" role="status"><p class="notice">Feuille %s'
                     % code, nxt.text), "in the live region"
    assert re.search(r'<input type="text" id="f-feuille" name="feuille"[^>]*autofocus',
                     nxt.text), "focus on the next reference"
    lacks(re.search(r'id="f-feuille"[^>]*>', nxt.text).group(0), "value=", "an empty reference")
    assert re.search(r'<option value="ethique" selected>', nxt.text), "theme kept"
    assert re.search(r'<option value="%d" selected>' % eid, nxt.text), "EPN kept"
    form_kept(nxt, "recueil", fr(today()))
    eq(Client().get("/propositions/" + sql_value(
        "SELECT id FROM contributions WHERE sheet_code = '%s'" % raw)).status, 200, "public")

    # The same sheet again, typed the lenient way: refused at its field.
    again = sheet_fields(eid, raw.lower()[:4] + " " + raw.lower()[4:], token,
                         titre="Le même titre tapé deux fois")
    r = c.post(PAGE, again)
    eq(r.status, 409, "entered already")
    contains(r.text, 'id="e-feuille"', "at the reference")
    contains(r.visible_text(), "Cette feuille est déjà saisie")
    form_kept(r, "titre", "Le même titre tapé deux fois")
    form_kept(r, "texte", again["texte"])
    eq(sql_value("SELECT count(*) FROM contributions WHERE sheet_code = '%s'" % raw), "1")
    # Another mediator, at another EPN: the same answer.
    c2, eid2, token2 = desk()
    r = c2.post(PAGE, sheet_fields(eid2, code, token2))
    eq(r.status, 409, "whichever EPN enters it")


@test
def a_refused_sheet_says_why_at_its_field_and_keeps_what_was_typed():
    c, eid, token = desk()
    code = sheets()[0]
    raw = code.replace("-", "")
    wrong = raw[:3] + ALPHABET[(ALPHABET.index(raw[3]) + 1) % 32] + raw[4:]
    made_up = "ZZZZZZZ" + check_symbol("ZZZZZZZ")
    other = sheets("sante")[0]
    tomorrow = fr(today() + datetime.timedelta(days=1))
    yesterday = fr(today() - datetime.timedelta(days=1))
    cases = [
        (dict(feuille=wrong), 422, "feuille", "mal recopié"),
        (dict(feuille="ABC"), 422, "feuille", "8 caractères"),
        (dict(feuille=""), 422, "feuille", "Recopiez la référence"),
        (dict(feuille=made_up), 422, "feuille", "Aucun formulaire imprimé"),
        (dict(feuille=other), 422, "feuille", "imprimée pour un autre enjeu"),
        (dict(enjeu=""), 422, "enjeu", "une feuille sans enjeu ne peut pas être saisie"),
        (dict(consentement=None), 422, "consentement", "La case d'accord n'est pas cochée"),
        (dict(recueil=tomorrow), 422, "recueil", "dans le futur"),
        (dict(recueil=yesterday), 422, "recueil", "antérieure à l'impression"),
        (dict(recueil="hier"), 422, "recueil", "JJ/MM/AAAA"),
        (dict(recueil=""), 422, "recueil", "Saisissez la date de recueil"),
        (dict(titre=""), 422, "titre", "Titre"),
        (dict(territoire="99"), 422, "territoire", "pas dans la liste"),
    ]
    for change, status, field, words in cases:
        f = sheet_fields(eid, code, token, titre="Titre gardé " + word(4))
        f.update({k: v for k, v in change.items()})
        f = {k: v for k, v in f.items() if v is not None}
        r = c.post(PAGE, f)
        eq(r.status, status, "%s: %s" % (change, r.visible_text()[:300]))
        contains(r.text, 'id="e-%s"' % field, "%s: the error at %s" % (change, field))
        contains(r.visible_text(), words, str(change))
        form_kept(r, "texte", f["texte"])
        if f.get("titre"):
            form_kept(r, "titre", f["titre"])
        assert not re.search(r'id="f-[a-z_]+"[^>]*autofocus', r.text), \
            "the error summary takes the focus, no field"
        eq(sql_value("SELECT count(*) FROM contributions WHERE sheet_code = '%s'" % raw), "0",
           "%s: nothing saved" % change)
    # An EPN the mediator is not attached to.
    stranger = add_epn(uniq("EPN voisin"), "Vierzon", "18")
    r = c.post(PAGE, sheet_fields(stranger, code, token))
    eq(r.status, 403, "not attached")
    contains(r.text, 'id="e-epn"', "at the EPN")
    contains(r.visible_text(), "n'est pas rattaché à cet EPN")
    # The day typed without separators, and in ISO form, both read.
    r = c.post(PAGE, sheet_fields(eid, code, token, recueil=today().strftime("%d%m%Y"),
                                  territoire=""))
    eq(r.status, 303, r.visible_text()[:300])
    eq(sql_value("SELECT territory_code IS NULL FROM contributions WHERE sheet_code = '%s'"
                 % raw), "t", "no département ticked")


@test
def a_sheet_collected_before_the_close_is_typed_in_after_it_within_the_delay():
    c, eid, token = desk()
    code, code2 = sheets(n=2)
    raw, raw2 = code.replace("-", ""), code2.replace("-", "")
    dates = sql("SELECT opens_at, closes_at FROM consultations WHERE is_primary")[0]
    days = 30   # paper_entry_days, by default
    sql("UPDATE paper_sheets SET issued_at = now() - interval '60 days'"
        " WHERE code IN ('%s', '%s')" % (raw, raw2))
    try:
        # Closed two days ago: a sheet of the day before is typed in; one
        # collected after the close is refused at its date, the text kept.
        sql("UPDATE consultations SET opens_at = least(opens_at, now() - interval '90 days'),"
            " closes_at = now() - interval '2 days' WHERE is_primary")
        r = c.post(PAGE, sheet_fields(eid, code, token,
                                      recueil=fr(today() - datetime.timedelta(days=1))))
        eq(r.status, 422, r.visible_text()[:300])
        contains(r.text, 'id="e-recueil"')
        contains(r.visible_text(), "postérieure à la clôture de la consultation")
        eq(sql_value("SELECT count(*) FROM contributions WHERE sheet_code = '%s'" % raw), "0")
        r = c.post(PAGE, sheet_fields(eid, code, token,
                                      recueil=fr(today() - datetime.timedelta(days=3))))
        eq(r.status, 303, r.visible_text()[:300])
        eq(sql_value("SELECT collected_on = current_date - 3 FROM contributions"
                     " WHERE sheet_code = '%s'" % raw), "t", "kept, with its day")
        # Past the delay: closed for paper too.
        sql("UPDATE consultations SET closes_at = now() - interval '%d days' - interval '1 hour'"
            " WHERE is_primary" % days)
        r = c.post(PAGE, sheet_fields(eid, code2, token,
                                      recueil=fr(today() - datetime.timedelta(days=days + 5))))
        eq(r.status, 409, r.visible_text()[:300])
        contains(r.visible_text(), "La consultation est close")
        eq(sql_value("SELECT count(*) FROM contributions WHERE sheet_code = '%s'" % raw2), "0")
    finally:
        sql("UPDATE consultations SET opens_at = '%s', closes_at = '%s' WHERE is_primary"
            % (dates[0], dates[1]))


@test
def printing_forms_is_limited_per_network_before_any_reference_is_written():
    """Each load of the form writes up to 20 references: a network that
    reached limit_paper_ip_max (1,000 in the tests' settings) gets 429 and
    no new row, and the others still print."""
    sql("DELETE FROM rate_events WHERE bucket = 'paper_ip'")
    before = sql_value("SELECT count(*) FROM paper_sheets")
    sheets()
    eq(int(sql_value("SELECT count(*) FROM paper_sheets")), int(before) + 1)
    key = harness.rate_key("paper_ip", "127.0.0.1")
    sql("INSERT INTO rate_events (bucket, key) SELECT 'paper_ip', '%s'"
        " FROM generate_series(1, 999)" % key)
    try:
        r = Client().get("/themes/ethique/formulaire?exemplaires=20")
        eq(r.status, 429)
        contains(r.visible_text(), "Réessayez dans")
        eq(int(sql_value("SELECT count(*) FROM paper_sheets")), int(before) + 1,
           "no reference written once the limit is reached")
    finally:
        sql("DELETE FROM rate_events WHERE bucket = 'paper_ip'")
    sheets()


@test
def only_mediators_type_sheets_in():
    eq(Client().get(PAGE).status, 401, "anonymous: sign in first")
    citizen, _ = harness.signed_in()
    eq(citizen.get(PAGE).status, 403, "a citizen")
    r = citizen.post(PAGE, sheet_fields(1, sheets()[0], "A" * 43))
    eq(r.status, 403, "a citizen's POST")
    desk_client, _, _ = desk()
    contains(desk_client.get("/mediation/").text, 'href="%s"' % PAGE, "linked from /mediation/")
    c, _, _ = mediator()
    r = c.get(PAGE)
    eq(r.status, 200, "a mediator")
    contains(r.visible_text(), "Votre compte n'est rattaché à aucun EPN")
    lacks(r.text, 'name="feuille"', "no form before being attached")


@test
def open_data_and_the_report_count_the_paper_channel_with_both_dates():
    c, eid, token = desk()
    codes = sheets(n=2)
    for code in codes:
        r = c.post(PAGE, sheet_fields(eid, code, token))
        eq(r.status, 303, r.visible_text()[:300])
    rows = od.download("/export/themes/ethique")
    mine = [x for x in rows if x["epn"] == eid]
    eq([(x["canal"], x["recueilli_le"]) for x in mine], [("papier", today().isoformat())] * 2,
       "channel and collection day")
    for x in mine:
        eq(x["cree_le"][:10], datetime.datetime.now(datetime.timezone.utc).date().isoformat(),
           "the entry time")
        eq(x["auteur"], None, "no author")
    assert all(x["recueilli_le"] is None for x in rows if x["canal"] != "papier"), \
        "a collection day only on paper"
    csv_text = od.fetch("/export/themes/ethique.csv")
    contains(csv_text.split("\r\n", 1)[0], ",canal,epn,recueilli_le", "the column")
    doc = Client().get("/export/")
    contains(doc.visible_text(), "recueilli_le", "documented")

    report = Client().get("/rapports/ethique")
    eq(report.status, 200)
    name = sql_value("SELECT name FROM epns WHERE id = %d" % eid)
    eq(report_cells(report.text, name), [0, 2, 0], "the EPN's row: 2 paper sheets")
    by = {}
    for x in rows:
        by[x["canal"]] = by.get(x["canal"], 0) + 1
    eq(report_cells(report.text, "Formulaire papier")[0], by.get("papier", 0), "paper = recount")
    eq(report_cells(report.text, "En ligne")[0], by.get("web", 0), "web = recount")
    eq(report_cells(report.text, "Saisie assistée en EPN")[0], by.get("epn", 0),
       "EPN = recount")
    eq(sum(by.values()), od.counts(rows)["publiees"], "every row has its channel")
