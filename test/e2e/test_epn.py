# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The EPN directory and the mobile EPN's tour (issue 12, item 1): the agora
epn commands, /admin/epn, the public page /participer-pres-de-chez-vous and
its iCalendar feed, parsed here with the standard library."""

import datetime
import re
import secrets
import zoneinfo

import harness
from harness import Client, contains, eq, lacks, sql, sql_value, test

PAGE = "/participer-pres-de-chez-vous"
FEED = PAGE + "/tournee.ics"


def uniq(prefix):
    return "%s %s" % (prefix, secrets.token_hex(3))


def today():
    return datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Paris")).date()


def day(n):
    """The date n days from today in the region, AAAA-MM-JJ."""
    return (today() + datetime.timedelta(days=n)).isoformat()


def epn(*args):
    return harness.agora("epn", *args)


def add_epn(name, commune="Bourges", dep="18", *extra):
    r = epn("add", "--nom", name, "--commune", commune, "--departement", dep, *extra)
    eq(r.returncode, 0, r.stderr)
    return int(r.stdout.strip())


def add_stop(epn_id, commune, place, date, start, end):
    r = epn("stop", "--epn", str(epn_id), "--commune", commune, "--lieu", place,
            "--date", date, "--debut", start, "--fin", end)
    eq(r.returncode, 0, r.stderr)
    return int(r.stdout.strip())


def refused(r, text, code=1):
    eq(r.returncode, code, "exit status (%s)" % r.stderr)
    contains(r.stderr, text, "stderr")


def admin():
    c, _ = harness.signed_in(roles=("citizen", "admin"), name="Admin EPN")
    return c


@test
def cli_adds_epns_and_stops_and_refuses_bad_input_in_french():
    name = uniq("Médiathèque")
    fid = add_epn(name, "Vierzon", "18", "--adresse", "1 place de la Gare",
                  "--horaires", "mardi–samedi, 10 h–18 h")
    eq(sql("SELECT name, commune, territory_code, address, hours, kind, active"
           " FROM epns WHERE id = %d" % fid),
       [[name, "Vierzon", "18", "1 place de la Gare", "mardi–samedi, 10 h–18 h",
         "fixed", "t"]], "stored EPN")
    mid = add_epn(uniq("Numéribus"), "Saint-Amand-Montrond", "18", "--mobile")
    eq(sql_value("SELECT kind FROM epns WHERE id = %d" % mid), "mobile", "kind")

    refused(epn("add", "--nom", name.upper(), "--commune", "vierzon",
                "--departement", "18"), "porte déjà ce nom")
    refused(epn("add", "--nom", uniq("X"), "--commune", "Y", "--departement", "99"),
            "six départements de la région")
    refused(epn("add", "--nom", uniq("X"), "--commune", "Y", "--departement", "HR"),
            "six départements de la région")
    refused(epn("add", "--commune", "Y", "--departement", "18"), "« Nom » est obligatoire")
    refused(epn("add", "--nom", "x" * 121, "--commune", "Y", "--departement", "18"),
            "ne doit pas dépasser 120 caractères")
    refused(epn("add", "--nom", "X", "--bidule"), "usage", code=2)
    refused(epn("frobnicate"), "usage", code=2)

    sid = add_stop(mid, "Culan", "Place du Château", day(3), "09:30", "12:00")
    eq(sql("SELECT epn_id, commune, place, day, starts, ends FROM epn_stops"
           " WHERE id = %d" % sid),
       [[str(mid), "Culan", "Place du Château", day(3), "09:30:00", "12:00:00"]], "stop")
    stop = ["--commune", "Culan", "--lieu", "Mairie"]
    refused(epn("stop", "--epn", str(fid), *stop, "--date", day(3), "--debut", "14:00",
                "--fin", "15:00"), "cet EPN est fixe")
    refused(epn("stop", "--epn", "999999999", *stop, "--date", day(3), "--debut", "14:00",
                "--fin", "15:00"), "Cet EPN n'existe pas")
    refused(epn("stop", "--epn", str(mid), *stop, "--date", "2026-02-30", "--debut",
                "14:00", "--fin", "15:00"), "AAAA-MM-JJ")
    refused(epn("stop", "--epn", str(mid), *stop, "--date", day(3), "--debut", "14h",
                "--fin", "15:00"), "HH:MM")
    refused(epn("stop", "--epn", str(mid), *stop, "--date", day(3), "--debut", "15:00",
                "--fin", "14:00"), "après l'heure de début")
    refused(epn("stop", "--epn", str(mid), *stop, "--date", day(3), "--debut", "11:00",
                "--fin", "13:00"), "déjà une étape ce jour-là")
    refused(epn("stop", "--epn", str(mid), *stop, "--date", day(-1), "--debut", "11:00",
                "--fin", "13:00"), "date est passée")
    refused(epn("stop", "--epn", "abc", *stop), "numéro de l'EPN")
    eq(sql_value("SELECT count(*) FROM epn_stops WHERE epn_id = %d" % mid), "1",
       "nothing half-written")

    r = epn("list")
    eq(r.returncode, 0, r.stderr)
    contains(r.stdout, "%d\tfixe\t18\tVierzon\t%s\toui\t0\n" % (fid, name), "list")
    contains(r.stdout, "%d\tmobile\t18\tSaint-Amand-Montrond\t" % mid, "list")


@test
def the_database_keeps_stops_to_mobile_epns():
    fid = add_epn(uniq("Fixe"), "Chartres", "28")
    mid = add_epn(uniq("Mobile"), "Dreux", "28", "--mobile")
    for bad in ("INSERT INTO epn_stops (epn_id, commune, place, day, starts, ends)"
                " VALUES (%d, 'A', 'B', current_date, '10:00', '11:00')" % fid,
                "INSERT INTO epn_stops (epn_id, commune, place, day, starts, ends)"
                " VALUES (%d, 'A', 'B', current_date, '11:00', '10:00')" % mid,
                "INSERT INTO epns (name, commune, territory_code) VALUES ('A', 'B', 'HR')"):
        try:
            sql(bad)
        except AssertionError:
            continue
        raise AssertionError("accepted: " + bad)
    add_stop(mid, "Anet", "Halle", day(2), "10:00", "11:00")
    try:
        sql("UPDATE epns SET kind = 'fixed' WHERE id = %d" % mid)
        raise AssertionError("a mobile EPN with stops became fixed")
    except AssertionError as e:
        contains(str(e), "SQL failed", "refused by the foreign key")


def form_kept(r, name, value):
    """The field named name shows value again (escaped as the page writes it)."""
    import html as h
    assert re.search(r'name="%s"[^>]*value="%s"' % (name, re.escape(h.escape(value))),
                     r.text) or re.search(r'name="%s"[^>]*>%s</textarea>' % (
                         name, re.escape(h.escape(value, quote=False))), r.text), \
        "%s not kept as %r" % (name, value)


@test
def admin_page_adds_and_edits_epns_with_refusals_at_the_field():
    c = admin()
    page = c.get("/admin/epn")
    eq(page.status, 200, "list")
    contains(page.text, 'name="departement"', "the form")
    token = page.csrf()

    r = c.post("/admin/epn", {"csrf": token, "nom": "", "commune": "Issoudun <b>",
                              "departement": "99", "horaires": "lundi\nmardi"})
    eq(r.status, 422, "refused")
    contains(r.text, 'id="e-nom"', "error at the name")
    contains(r.visible_text(), "« Nom de l'EPN » est obligatoire.")
    form_kept(r, "commune", "Issoudun <b>")
    form_kept(r, "horaires", "lundi\nmardi")
    lacks(r.text, "Issoudun <b>", "escaped")

    r = c.post("/admin/epn", {"csrf": token, "nom": "EPN du test", "commune": "Issoudun",
                              "departement": "HR"})
    eq(r.status, 422, "outside the region")
    contains(r.text, 'id="e-departement"', "error at the département")

    name = uniq("Espace numérique")
    r = c.post("/admin/epn", {"csrf": token, "nom": name, "commune": "Issoudun",
                              "departement": "36", "adresse": "2 rue du Marché",
                              "horaires": "mercredi 14 h–18 h", "mobile": "1"})
    eq(r.status, 303, r.visible_text()[:300])
    loc = r.header("location")
    eid = int(re.fullmatch(r"/admin/epn/(\d+)", loc).group(1))
    eq(sql("SELECT name, commune, territory_code, kind, active FROM epns WHERE id = %d"
           % eid), [[name, "Issoudun", "36", "mobile", "t"]], "stored")
    page = c.get(loc)
    eq(page.status, 200, "edit page")
    contains(page.visible_text(), "L'EPN est enregistré.", "flash")
    form_kept(page, "nom", name)

    r = c.post("/admin/epn", {"csrf": token, "nom": name.lower(), "commune": "ISSOUDUN",
                              "departement": "36"})
    eq(r.status, 422, "twin")
    contains(r.visible_text(), "Un EPN porte déjà ce nom dans cette commune.")

    # Stops: refusals at the field, the text kept; then one added, one removed.
    r = c.post(loc + "/etapes", {"csrf": token, "action": "ajouter",
                                 "commune_etape": "Reuilly", "lieu": "Place « du marché »",
                                 "date": "31/12/2030", "debut": "9h", "fin": "08:00"})
    eq(r.status, 422, "bad stop")
    contains(r.text, 'id="e-date"', "date error")
    contains(r.text, 'id="e-debut"', "start error")
    form_kept(r, "lieu", "Place « du marché »")
    form_kept(r, "date", "31/12/2030")
    form_kept(r, "nom", name)
    r = c.post(loc + "/etapes", {"csrf": token, "action": "ajouter",
                                 "commune_etape": "Reuilly", "lieu": "Halle",
                                 "date": day(5), "debut": "10:00", "fin": "09:00"})
    eq(r.status, 422, "end before start")
    contains(r.visible_text(), "L'heure de fin doit être après l'heure de début.")
    r = c.post(loc + "/etapes", {"csrf": token, "action": "ajouter",
                                 "commune_etape": "Reuilly", "lieu": "Halle",
                                 "date": day(5), "debut": "10:00", "fin": "12:00"})
    eq(r.status, 303, "stop added")
    page = c.get(loc)
    contains(page.visible_text(), "L'étape est ajoutée à la tournée.", "flash")
    contains(page.visible_text(), "Reuilly", "stop listed")
    r = c.post(loc + "/etapes", {"csrf": token, "action": "ajouter",
                                 "commune_etape": "Reuilly", "lieu": "Église",
                                 "date": day(5), "debut": "11:00", "fin": "13:00"})
    eq(r.status, 422, "overlap")
    contains(r.text, 'id="e-debut"', "overlap at the start")
    sid = int(sql_value("SELECT id FROM epn_stops WHERE epn_id = %d" % eid))

    # Made fixed while it has stops: refused; the stop removed, then allowed.
    fields = {"csrf": token, "nom": name, "commune": "Issoudun", "departement": "36",
              "adresse": "2 rue du Marché", "horaires": "", "actif": "1"}
    r = c.post(loc, fields)
    eq(r.status, 422, "fixed with stops")
    contains(r.text, 'id="e-mobile"', "error at the checkbox")
    contains(r.visible_text(), "retirez-les avant d'en faire un EPN fixe")
    eq(sql_value("SELECT kind FROM epns WHERE id = %d" % eid), "mobile", "unchanged")
    r = c.post(loc + "/etapes", {"csrf": token, "action": "retirer", "etape": str(sid)})
    eq(r.status, 303, "removed")
    r = c.post(loc + "/etapes", {"csrf": token, "action": "retirer", "etape": str(sid)})
    eq(r.status, 404, "removed twice")
    fields["nom"] = name + " (centre social)"
    del fields["actif"]
    r = c.post(loc, fields)
    eq(r.status, 303, "edited")
    eq(sql("SELECT name, kind, active, hours FROM epns WHERE id = %d" % eid),
       [[name + " (centre social)", "fixed", "f", ""]], "edited row")
    r = c.post(loc + "/etapes", {"csrf": token, "action": "ajouter",
                                 "commune_etape": "Reuilly", "lieu": "Halle",
                                 "date": day(5), "debut": "10:00", "fin": "12:00"})
    eq(r.status, 409, "a stop for a fixed EPN")
    contains(r.visible_text(), "cet EPN est fixe")
    r = c.post(loc + "/etapes", {"csrf": token, "action": "ajouter",
                                 "commune_etape": "", "lieu": "Halle", "date": "x",
                                 "debut": "10:00", "fin": "12:00"})
    eq(r.status, 409, "a malformed stop for a fixed EPN")
    contains(r.visible_text(), "cet EPN est fixe")

    eq(c.get("/admin/epn/999999999").status, 404, "unknown EPN")
    eq(c.get("/admin/epn/abc").status, 404, "malformed id")
    eq(c.post("/admin/epn", {"nom": "Sans jeton", "commune": "A",
                             "departement": "18"}).status, 403, "CSRF")
    citizen, _ = harness.signed_in(name="Citoyen EPN")
    eq(citizen.get("/admin/epn").status, 403, "citizens")
    eq(Client().get("/admin/epn").status, 401, "anonymous")


@test
def public_page_lists_epns_by_departement_and_only_the_next_stops():
    cher = add_epn(uniq("Maison France services"), "Aubigny-sur-Nère", "18",
                   "--adresse", "3 rue <du> Prieuré", "--horaires", "lundi 9 h–12 h")
    loiret = add_epn(uniq("Cyber-base"), "Gien", "45")
    gone = add_epn(uniq("Ancien EPN"), "Gien", "45")
    sql("UPDATE epns SET active = false WHERE id = %d" % gone)
    bus = add_epn(uniq("Numéribus"), "Blois", "41", "--mobile")
    later = add_stop(bus, "Mer", "Place de la Halle", day(9), "14:00", "17:00")
    soon = add_stop(bus, "Montoire-sur-le-Loir", "Parking de la mairie", day(1),
                    "09:00", "12:00")
    sql("INSERT INTO epn_stops (epn_id, commune, place, day, starts, ends) VALUES"
        " (%d, 'Hier-sur-Cher', 'Place passée', current_date - 2, '09:00', '10:00')" % bus)
    names = dict(sql("SELECT id, name FROM epns WHERE id IN (%d, %d, %d, %d)"
                     % (cher, loiret, gone, bus)))

    r = Client().get(PAGE)
    eq(r.status, 200, PAGE)
    t = r.visible_text()
    cher_at, loiret_at = t.index("Cher (18)"), t.index("Loiret (45)")
    assert cher_at < t.index(names[str(cher)]) < t.index("Loir-et-Cher (41)") < loiret_at \
        < t.index(names[str(loiret)]), "by département"
    contains(t, "3 rue <du> Prieuré", "address")
    contains(r.text, "3 rue &lt;du&gt; Prieuré", "escaped")
    contains(t, "lundi 9 h–12 h", "hours")
    lacks(t, names[str(gone)], "inactive EPN")
    contains(t, "Montoire-sur-le-Loir", "next stop")
    lacks(t, "Hier-sur-Cher", "past stop")
    assert t.index("Montoire-sur-le-Loir") < t.index("Place de la Halle"), "by date"
    d = today() + datetime.timedelta(days=1)
    weekday = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
               "dimanche"][d.weekday()]
    contains(t, "%s %d " % (weekday, d.day), "French date")
    contains(r.text, 'href="%s"' % FEED, "feed link")
    lacks(r.text, "<script", "no JavaScript")
    assert len(r.body) < 50000, len(r.body)
    contains(Client().get("/").text, 'href="%s"' % PAGE, "the home page points to it")
    assert later and soon


def unescape(v):
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), v)


def parse_ical(body):
    """RFC 5545 §3.1: CRLF line ends, lines of at most 75 octets, unfolded;
    returns the content lines as (name with parameters, value)."""
    assert body.endswith(b"\r\n"), "ends with CRLF"
    physical = body[:-2].split(b"\r\n")
    for line in physical:
        assert b"\n" not in line and b"\r" not in line, "bare line end: %r" % line
        assert len(line) <= 75, "%d octets: %r" % (len(line), line)
    logical = []
    for line in physical:
        if line.startswith(b" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    out = []
    for line in logical:
        text = line.decode("utf-8")  # fails if a fold split a character
        name, _, value = text.partition(":")
        out.append((name, value))
    return out


def events(lines):
    evs, cur = [], None
    for name, value in lines:
        if (name, value) == ("BEGIN", "VEVENT"):
            cur = {}
        elif (name, value) == ("END", "VEVENT"):
            evs.append(cur)
            cur = None
        elif cur is not None:
            cur[name] = value
    return evs


@test
def tour_feed_parses_as_icalendar():
    bus = add_epn(uniq("EPN mobile du Perche"), "Nogent-le-Rotrou", "28", "--mobile")
    place = ("Salle polyvalente « Les Coquelicots », derrière l'église; côté école, "
             "accès par la rue des Écoles\\nord — bâtiment équipé d'une rampe")
    sid = add_stop(bus, "Thiron-Gardais", place, day(4), "09:15", "11:45")
    sql("INSERT INTO epn_stops (epn_id, commune, place, day, starts, ends) VALUES"
        " (%d, 'Passé', 'Hier', current_date - 1, '09:00', '10:00')" % bus)
    name = sql_value("SELECT name FROM epns WHERE id = %d" % bus)

    r = Client().get(FEED)
    eq(r.status, 200, FEED)
    eq(r.header("content-type"), "text/calendar; charset=utf-8", "type")
    lines = parse_ical(r.body)
    eq(lines[0], ("BEGIN", "VCALENDAR"), "first line")
    eq(lines[-1], ("END", "VCALENDAR"), "last line")
    props = dict(lines)
    eq(props["VERSION"], "2.0", "VERSION")
    assert props["PRODID"], "PRODID"
    contains(r.text, "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n", "VTIMEZONE")
    evs = events(lines)
    assert evs, "no VEVENT"
    for e in evs:
        for k in ("UID", "DTSTAMP", "DTSTART;TZID=Europe/Paris",
                  "DTEND;TZID=Europe/Paris", "SUMMARY", "LOCATION"):
            assert k in e, "%s missing in %r" % (k, e)
        assert re.fullmatch(r"\d{8}T\d{6}Z", e["DTSTAMP"]), e["DTSTAMP"]
        assert e["DTSTART;TZID=Europe/Paris"] >= today().strftime("%Y%m%dT000000"), \
            "a past stop in the feed: %r" % e
    mine = [e for e in evs if e["UID"].startswith("etape-%d@" % sid)]
    eq(len(mine), 1, "our stop")
    e = mine[0]
    d = day(4).replace("-", "")
    eq(e["DTSTART;TZID=Europe/Paris"], d + "T091500", "DTSTART")
    eq(e["DTEND;TZID=Europe/Paris"], d + "T114500", "DTEND")
    eq(unescape(e["LOCATION"]), place + ", Thiron-Gardais", "LOCATION")
    eq(unescape(e["SUMMARY"]), name + " à Thiron-Gardais", "SUMMARY")
    contains(e["LOCATION"], "\\, derrière l'église\\; côté", "TEXT escaped")
    contains(e["LOCATION"], "Écoles\\\\nord", "backslash escaped")
    assert not any("Hier" in unescape(x["LOCATION"]) for x in evs), "past stop"
    again = events(parse_ical(Client().get(FEED).body))
    eq([x["UID"] for x in again], [x["UID"] for x in evs], "UIDs stable")
