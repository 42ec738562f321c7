# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Accounts: sign-up, e-mail verification, sign-in and sign-out, forgotten
password, change of password and of address, abuse limits, the outbox
sender (files in var/test/mail, and SMTP through libcurl)."""

import email
import email.policy
import glob
import os
import re
import secrets
import socket
import threading
import time

import harness
from accounts_lib import (PASSWORD, Visitor, field_error, link_in, sign_in,
                          signed_in_as, signup, unique_email, unique_name,
                          verified_account, wait_mail)
from harness import contains, eq, lacks, sql, sql_value, test

# ---------------------------------------------------------------- sign-up

@test
def signup_verify_signin_signout_whole_journey():
    c = Visitor()
    page = c.get("/inscription")
    eq(page.status, 200, "GET /inscription")
    for label in ["Nom d'affichage", "Adresse électronique", "Mot de passe",
                  "Département", "Données personnelles"]:
        contains(page.visible_text(), label)
    contains(page.text, 'href="/confidentialite"')
    for code, name in [("18", "Cher"), ("28", "Eure-et-Loir"), ("36", "Indre"),
                       ("37", "Indre-et-Loire"), ("41", "Loir-et-Cher"),
                       ("45", "Loiret"), ("HR", "Hors région")]:
        contains(page.text, '<option value="%s">%s</option>' % (code, name))

    name = "Élodie Gâteau " + secrets.token_hex(2)
    addr = unique_email("Elodie")
    r, _ = signup(c, name=name, addr=addr, territory="41")
    eq(r.status, 303, "sign-up redirects")
    eq(r.header("location"), "/", "home, signed in (issue 13, item 2)")
    contains(c.get("/").visible_text(), "Votre compte est créé et votre session est ouverte")
    row = sql("SELECT id, display_name, territory_code, verified_at IS NULL,"
              " privacy_accepted_at IS NOT NULL, password_hash LIKE '$scrypt$ln=10,%%'"
              " FROM users WHERE email = '%s'" % addr)
    eq(len(row), 1, "one account")
    uid, dname, terr, unverified, consent, hashed = row[0]
    eq((dname, terr, unverified, consent, hashed), (name, "41", "t", "t", "t"))
    eq(sql_value("SELECT string_agg(role, ',') FROM user_roles WHERE user_id = %s" % uid), "citizen")
    eq(sql_value("SELECT count(*) FROM account_tokens WHERE user_id = %s AND kind = 'verify'" % uid), "1")
    lacks(sql_value("SELECT token_hash FROM account_tokens WHERE user_id = %s" % uid), "jeton")

    oid, msg, raw = wait_mail(addr, "verify")
    eq(str(msg["Subject"]), "Confirmez votre adresse électronique – Agora", "decoded subject")
    contains(raw.decode(), "Subject: =?UTF-8?B?", "RFC 2047 encoded subject")
    eq(msg["To"], addr)
    contains(str(msg["From"]), "ne-pas-repondre@agora.invalid")
    assert msg["Date"] and msg["Message-ID"], "Date and Message-ID"
    eq(msg.get_content_type(), "text/plain")
    eq(msg.get_content_charset(), "utf-8")
    contains(raw.decode(), "\r\n\r\n", "CRLF")
    body = msg.get_content()
    contains(body, "Bonjour " + name)
    contains(body, "valable 48 heures")
    link = link_in(msg, "/verification")
    eq(sql_value("SELECT sent_at IS NOT NULL AND attempts = 1 AND last_error IS NULL"
                 " FROM outbox WHERE id = %d" % oid), "t", "outbox row marked sent")
    eq(sql_value("SELECT position('jeton=(retiré)' IN body) > 0 AND position('%s' IN body) = 0"
                 " FROM outbox WHERE id = %d" % (link.split("=", 1)[1], oid)), "t",
       "the stored copy keeps no usable link")
    eq(len(glob.glob(os.path.join(harness.MAIL_DIR, ".*.tmp"))), 0, "no temporary file left")

    # Signed in but not verified: a notice, no contribution.
    r = sign_in(c, addr.upper())
    eq(r.status, 303, "sign-in with the address in another case")
    home = c.get("/")
    contains(home.visible_text(), "Confirmez votre adresse électronique")
    contains(home.visible_text(), "n'est pas encore confirmée")
    contains(home.visible_text(), "Mon compte (%s)" % name)

    eq(c.request("HEAD", link).status, 200, "HEAD does not use the link")
    r = c.get(link)
    eq(r.status, 200, "verification link")
    contains(r.visible_text(), "Adresse confirmée")
    contains(r.visible_text(), "vous pouvez maintenant contribuer")
    eq(sql_value("SELECT verified_at IS NOT NULL FROM users WHERE id = %s" % uid), "t")
    lacks(c.get("/").visible_text(), "n'est pas encore confirmée")

    r = c.get(link)
    eq(r.status, 410, "the link works once")
    contains(r.visible_text(), "déjà été utilisé")

    # Sign-out is a CSRF-protected POST from the layout.
    token = c.cookies["agora_sid"]
    page = c.get("/")
    r = c.post("/deconnexion", {"csrf": page.csrf()})
    eq(r.status, 303, "sign-out")
    assert "agora_sid" not in c.cookies, "cookie cleared"
    contains(c.get("/").visible_text(), "Déconnexion faite : à bientôt.")
    assert not signed_in_as(c)
    eq(sql_value("SELECT count(*) FROM sessions WHERE user_id = %s AND ended_at IS NULL" % uid), "0")
    replay = Visitor()
    replay.cookies["agora_sid"] = token
    assert not signed_in_as(replay), "an ended session does not come back"


@test
def signup_cookie_is_httponly_and_samesite():
    c, addr, _ = verified_account()
    c2 = Visitor()
    r = sign_in(c2, addr)
    eq(r.status, 303)
    sc = [v for v in r.headers.get("set-cookie", []) if v.startswith("agora_sid=")]
    eq(len(sc), 1, "one session cookie")
    contains(sc[0], "HttpOnly")
    contains(sc[0], "SameSite=Lax")
    contains(sc[0], "Path=/")
    lacks(sc[0], "Secure", "no Secure flag over plain HTTP in tests (cookie_secure = 0)")
    token = c2.cookies["agora_sid"]
    eq(sql_value("SELECT count(*) FROM sessions WHERE token_hash = encode(sha256('%s'::bytea), 'hex')" % token), "1",
       "the database stores the hash of the cookie")
    eq(sql_value("SELECT count(*) FROM sessions WHERE token_hash = '%s'" % token), "0", "never the cookie")


@test
def expired_unknown_and_malformed_verification_links():
    c = Visitor()
    r, f = signup(c)
    eq(r.status, 303)
    _, msg, _ = wait_mail(f["courriel"], "verify")
    link = link_in(msg, "/verification")
    sql("UPDATE account_tokens SET expires_at = now() - interval '1 second'"
        " WHERE user_id = (SELECT id FROM users WHERE email = '%s')" % f["courriel"])
    r = c.get(link)
    eq(r.status, 410, "expired")
    contains(r.visible_text(), "Ce lien a expiré")
    eq(sql_value("SELECT verified_at IS NULL FROM users WHERE email = '%s'" % f["courriel"]), "t")
    r = c.get("/verification?jeton=" + "A" * 43)
    eq(r.status, 400, "unknown token")
    contains(r.visible_text(), "Ce lien n'est pas valide")
    for bad in ["", "abc", "%FF%FE", "A" * 44, "A" * 42 + "%3C"]:
        r = c.get("/verification?jeton=" + bad)
        eq(r.status, 400, "malformed token %r" % bad)

    # The expired link's owner signs in and asks for a new one.
    eq(sign_in(c, f["courriel"]).status, 303)
    page = c.get("/")
    r = c.post("/verification/renvoi", {"csrf": page.csrf()})
    eq(r.status, 303, "new link")
    contains(c.get("/").visible_text(), "nouveau lien de confirmation")
    _, msg2, _ = wait_mail(f["courriel"], "verify")
    link2 = link_in(msg2, "/verification")
    assert link2 != link
    eq(c.get(link2).status, 200, "the new link works")
    eq(c.post("/verification/renvoi", {"csrf": c.get("/").csrf()}).status, 403,
       "a verified account has no use for it")


@test
def duplicate_email_in_another_case_is_refused_next_to_the_field():
    c = Visitor()
    addr = unique_email("Double")
    r, _ = signup(c, addr=addr)
    eq(r.status, 303)
    name = unique_name()
    events = int(sql_value("SELECT count(*) FROM rate_events WHERE bucket = 'signup_ip'"))
    r, _ = signup(Visitor(), name=name, addr=addr.upper())
    eq(r.status, 422, "duplicate")
    contains(field_error(r, "courriel"), "Un compte existe déjà avec cette adresse")
    # Issue 14, item 7: the attempt counts in the sign-up limit.
    eq(int(sql_value("SELECT count(*) FROM rate_events WHERE bucket = 'signup_ip'")),
       events + 1, "a duplicate is counted")
    contains(r.text, 'value="%s"' % name, "name kept")
    contains(r.text, 'value="%s"' % addr.upper(), "e-mail kept")
    lacks(r.text, PASSWORD, "password never written back")
    contains(r.text, '<option value="37" selected>', "territory kept")
    eq(sql_value("SELECT count(*) FROM users WHERE lower(email) = lower('%s')" % addr), "1")


@test
def signup_refuses_the_pseudonym_of_deleted_accounts():
    """A deleted account's contributions show "Membre n°ID" ("Participant·e
    n°ID" before migration 0270): a new account may not take either name
    and pass for it (agora user create already refused it)."""
    c = Visitor()
    addr = unique_email()
    for name in ["Membre n°12", "Participant·e n°12"]:
        r = c.submit("/inscription", "/inscription", {
            "nom": name, "courriel": addr, "mot_de_passe": PASSWORD,
            "departement": "18", "consentement": "1"})
        eq(r.status, 422, "the pseudonym of deleted accounts: " + name)
        contains(field_error(r, "nom"), "Ce nom est réservé aux comptes supprimés")
    contains(r.text, 'value="%s"' % addr, "e-mail kept")
    eq(sql_value("SELECT count(*) FROM users WHERE email = '%s'" % addr), "0",
       "no account created")
    r, f = signup(c, name="Participante n°12", addr=addr)
    eq(r.status, 303, "a name that only looks like it is anybody's")


@test
def each_signup_validation_error_has_its_french_message():
    c = Visitor()
    r = c.submit("/inscription", "/inscription", {})
    eq(r.status, 422, "empty form")
    contains(field_error(r, "nom"), "« Nom d'affichage » est obligatoire")
    contains(field_error(r, "courriel"), "« Adresse électronique » est obligatoire")
    contains(field_error(r, "mot_de_passe"), "Choisissez un mot de passe")
    contains(field_error(r, "departement"), "Choisissez une valeur pour « Département »")
    contains(field_error(r, "consentement"), "acceptez le traitement de vos données")
    contains(r.visible_text(), "Le formulaire contient 5 erreurs")

    cases = [
        ({"nom": "A"}, "nom", "doit contenir au moins 2 caractères"),
        ({"nom": "N" * 61}, "nom", "ne doit pas dépasser 60 caractères"),
        ({"courriel": "pas-une-adresse"}, "courriel", "n'a pas la forme attendue"),
        ({"courriel": "a@b"}, "courriel", "n'a pas la forme attendue"),
        ({"courriel": "x@exa mple.org"}, "courriel", "n'a pas la forme attendue"),
        ({"courriel": "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 63 + ".org"},
         "courriel", "ne doit pas dépasser 254 caractères"),
        ({"mot_de_passe": "court"}, "mot_de_passe", "au moins 12 caractères"),
        ({"mot_de_passe": "x" * 257}, "mot_de_passe", "ne doit pas dépasser 256 caractères"),
        ({"departement": "75"}, "departement", "n'est pas dans la liste"),
        ({"consentement": ""}, "consentement", "acceptez le traitement"),
    ]
    for change, field, message in cases:
        fields = {"nom": "Camille Exemple", "courriel": unique_email(),
                  "mot_de_passe": PASSWORD, "departement": "18", "consentement": "1"}
        fields.update(change)
        if fields["consentement"] == "":
            del fields["consentement"]
        r = c.submit("/inscription", "/inscription", fields)
        eq(r.status, 422, "%s=%r" % (field, change[field][:20]))
        contains(field_error(r, field), message, field)
        for other in ("nom", "courriel"):
            if other != field:
                contains(r.text, 'value="%s"' % fields[other], "%s kept" % other)
        lacks(r.text, fields["mot_de_passe"], "password not written back")
        if field != "departement":
            contains(r.text, '<option value="18" selected>', "territory kept")
        if field != "consentement":
            assert re.search(r'<input type="checkbox" value="1" id="f-consentement"[^>]* checked>',
                             r.text), "consent kept"


@test
def password_may_not_contain_the_name_or_the_address():
    c = Visitor()
    r, _ = signup(c, name="Hélène Martin", password="mon nom est HÉLÈNE MARTIN !")
    eq(r.status, 422, "name, any case, accents too")
    contains(field_error(r, "mot_de_passe"), "ne doit pas contenir votre nom d'affichage")
    addr = "paulette.%s@example.org" % secrets.token_hex(2)
    r, _ = signup(c, addr=addr, password="zz" + addr.split("@")[0].upper() + "zz")
    eq(r.status, 422, "local part of the e-mail")
    contains(field_error(r, "mot_de_passe"), "ne doit pas contenir votre adresse électronique")
    r, _ = signup(c, password="martin et hélène")  # unrelated name: accepted
    eq(r.status, 303, "other passwords are fine")


@test
def invalid_utf8_and_control_characters_are_refused():
    c = Visitor()
    page = c.get("/inscription")
    base = {"csrf": page.csrf(), "courriel": unique_email(), "mot_de_passe": PASSWORD,
            "departement": "45", "consentement": "1"}
    r = c.post("/inscription", dict(base, nom=b"Camille \xff\xfe"))
    eq(r.status, 422, "invalid UTF-8 in the name")
    contains(field_error(r, "nom"), "encodage non UTF-8")
    r = c.post("/inscription", dict(base, nom="Camille Exemple", mot_de_passe=b"\xff" * 20))
    eq(r.status, 422, "invalid UTF-8 in the password")
    contains(field_error(r, "mot_de_passe"), "caractères invalides")
    r = c.post("/inscription", dict(base, nom="Camille\x01 Exemple"))
    eq(r.status, 422, "control character")
    contains(field_error(r, "nom"), "caractères de contrôle")
    r = c.post("/inscription", dict(base, nom="Camille Exemple", courriel=b"\xff@example.org"))
    eq(r.status, 422, "invalid UTF-8 in the address")
    r = c.submit("/connexion", "/connexion", {"courriel": b"\xc3\x28@x.org", "mot_de_passe": "x"})
    eq(r.status, 422, "invalid UTF-8 at sign-in")


@test
def forged_or_missing_csrf_token_gives_403():
    c, addr, uid = verified_account()
    eq(sign_in(c, addr).status, 303)
    anon = Visitor()
    anon.get("/inscription")
    for client, path in [(anon, "/inscription"), (anon, "/connexion"),
                         (anon, "/mot-de-passe-oublie"), (anon, "/reinitialisation"),
                         (c, "/deconnexion"), (c, "/compte/mot-de-passe"),
                         (c, "/compte/adresse"), (c, "/verification/renvoi")]:
        for token in [None, "A" * 43, "forged"]:
            fields = {"courriel": addr, "mot_de_passe": PASSWORD, "nom": "X Y",
                      "actuel": PASSWORD, "nouveau": PASSWORD + "!", "jeton": "A" * 43}
            if token:
                fields["csrf"] = token
            r = client.post(path, fields)
            eq(r.status, 403, "%s with csrf=%r" % (path, token))
            if path != "/verification/renvoi":  # refused earlier: verified
                contains(r.visible_text(), "Le formulaire a expiré", path)
    assert signed_in_as(c), "still signed in after the refused sign-out"
    # A token from another visitor does not work either.
    other = Visitor()
    r = anon.post("/connexion", {"csrf": other.get("/connexion").csrf(),
                                 "courriel": addr, "mot_de_passe": PASSWORD})
    eq(r.status, 403, "someone else's token")


@test
def over_long_fields_are_refused_politely():
    c = Visitor()
    r = c.submit("/inscription", "/inscription", {
        "nom": "n" * 5000, "courriel": "c" * 5000, "mot_de_passe": "p" * 5000,
        "departement": "37", "consentement": "1"})
    eq(r.status, 422)
    contains(field_error(r, "nom"), "ne doit pas dépasser 60 caractères")
    contains(field_error(r, "courriel"), "ne doit pas dépasser 254 caractères")
    contains(field_error(r, "mot_de_passe"), "ne doit pas dépasser 256 caractères")
    r = c.submit("/connexion", "/connexion", {"courriel": "a@b.fr", "mot_de_passe": "p" * 5000})
    eq(r.status, 422, "long password at sign-in is just wrong")


@test
def tampered_session_cookie_signs_nobody_in():
    c, addr, _ = verified_account()
    eq(sign_in(c, addr).status, 303)
    assert signed_in_as(c)
    token = c.cookies["agora_sid"]
    for forged in [token[:-1] + ("A" if token[-1] != "A" else "B"), token + "x",
                   token[:20], "", "../../etc/passwd"]:
        t = Visitor()
        t.cookies["agora_sid"] = forged
        r = t.get("/")
        eq(r.status, 200)
        contains(r.visible_text(), "Se connecter", repr(forged))
        eq(t.get("/compte/mot-de-passe").status, 401, "protected page")


# ---------------------------------------------------------------- sign-in

@test
def signin_failures_say_the_same_thing_and_retour_stays_local():
    c, addr, _ = verified_account()
    s = Visitor()
    r1 = sign_in(s, addr, "mauvais mot de passe")
    r2 = sign_in(s, unique_email("inconnu"), "mauvais mot de passe")
    for r in (r1, r2):
        eq(r.status, 422)
        contains(r.visible_text(), "Adresse électronique ou mot de passe incorrect")
        lacks(r.text, "mauvais mot de passe")
    contains(r1.text, 'value="%s"' % addr, "address kept")
    r = s.get("/compte/mot-de-passe")
    eq(r.status, 401, "protected page")
    contains(r.text, 'href="/connexion?retour=%2Fcompte%2Fmot-de-passe"')
    page = s.get("/connexion?retour=%2Fcompte%2Fmot-de-passe")
    contains(page.text, 'name="retour" value="/compte/mot-de-passe"')
    r = s.post("/connexion", {"csrf": page.csrf(), "courriel": addr,
                              "mot_de_passe": PASSWORD, "retour": "/compte/mot-de-passe"})
    eq(r.status, 303)
    eq(r.header("location"), "/compte/mot-de-passe", "back where they were")
    for bad in ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"]:
        v = Visitor()
        r = sign_in(v, addr, retour=bad)
        eq(r.status, 303, bad)
        eq(r.header("location"), "/", "retour %r ignored" % bad)


@test
def signin_page_when_already_signed_in_offers_sign_out_everywhere():
    c, addr, uid = verified_account()
    other = Visitor()
    eq(sign_in(c, addr).status, 303)
    eq(sign_in(other, addr).status, 303)
    page = c.get("/connexion")
    contains(page.visible_text(), "Votre session est ouverte")
    r = c.post("/deconnexion", {"csrf": page.csrf(), "partout": "1"})
    eq(r.status, 303)
    assert not signed_in_as(c)
    assert not signed_in_as(other), "every session ended"


# ---------------------------------------------------------------- limits

@test
def failed_signins_per_account_are_limited_with_the_wait_time():
    c, addr, _ = verified_account()
    v = Visitor()
    for i in range(5):
        eq(sign_in(v, addr, "faux mot de passe %d" % i).status, 422, "failure %d" % i)
    r = sign_in(Visitor(v.addr), addr)  # even the right password, from there
    eq(r.status, 429, "limited")
    contains(r.visible_text(), "Trop de tentatives")
    m = re.search(r"Réessayez dans (\d+) minutes?", r.visible_text())
    assert m, r.visible_text()
    assert 14 <= int(m.group(1)) <= 15, m.group(1)
    ra = int(r.header("retry-after"))
    assert 800 < ra <= 900, ra
    # Once the window has passed, it works again.
    # Counted for the account seen from that network (issue 14, item 4).
    key = harness.rate_key("signin_account", addr + "|" + v.addr)
    eq(sql_value("SELECT count(*) FROM rate_events WHERE bucket = 'signin_account'"
                 " AND key = '%s'" % key), "5", "counted under the keyed hash")
    eq(sql_value("SELECT count(*) FROM rate_events WHERE key ILIKE '%%%s%%'" % addr), "0",
       "never the address in clear")
    sql("UPDATE rate_events SET created_at = created_at - interval '16 minutes'"
        " WHERE bucket = 'signin_account' AND key = '%s'" % key)
    eq(sign_in(Visitor(v.addr), addr).status, 303, "after the window")


@test
def failed_signins_per_address_are_limited():
    v = Visitor()
    for i in range(20):
        eq(sign_in(v, unique_email("x%d" % i), "nimporte quoi").status, 422, "failure %d" % i)
    r = sign_in(v, unique_email("y"), "nimporte quoi")
    eq(r.status, 429)
    assert r.header("retry-after"), "Retry-After"
    c, addr, _ = verified_account()
    eq(sign_in(v, addr).status, 429, "this address waits, whatever the account")
    eq(sign_in(Visitor(), addr).status, 303, "another address is not affected")


@test
def signups_and_reset_requests_per_address_are_limited():
    v = Visitor()
    for i in range(5):
        r, _ = signup(v)
        eq(r.status, 303, "sign-up %d" % i)
        v.cookies.pop("agora_flash", None)
        v.cookies.pop("agora_sid", None)   # signed in by the sign-up: sign up again
    r, _ = signup(v)
    eq(r.status, 429, "sixth sign-up from one address within the hour")
    contains(r.visible_text(), "Réessayez dans")
    eq(signup(Visitor())[0].status, 303, "another address")
    v = Visitor()
    for i in range(5):
        r = v.submit("/mot-de-passe-oublie", "/mot-de-passe-oublie", {"courriel": unique_email()})
        eq(r.status, 303, "reset %d" % i)
    r = v.submit("/mot-de-passe-oublie", "/mot-de-passe-oublie", {"courriel": unique_email()})
    eq(r.status, 429, "sixth reset request")
    contains(r.visible_text(), "Réessayez dans")
    eq(sql_value("SELECT count(*) FROM rate_events WHERE key = '%s'"
                 % harness.rate_key("reset_ip", v.addr)), "5",
       "rate events live in PostgreSQL, under a keyed hash of the address")
    eq(sql_value("SELECT count(*) FROM rate_events WHERE key = '%s'" % v.addr), "0",
       "never the address in clear")


# ---------------------------------------------------------------- reset

@test
def password_reset_flow_ends_every_session():
    c, addr, uid = verified_account()
    eq(sign_in(c, addr).status, 303)
    other = Visitor()
    eq(sign_in(other, addr).status, 303)
    v = Visitor()
    page = v.get("/mot-de-passe-oublie")
    eq(page.status, 200)
    r_known = v.submit("/mot-de-passe-oublie", "/mot-de-passe-oublie", {"courriel": addr.upper()})
    r_unknown = Visitor().submit("/mot-de-passe-oublie", "/mot-de-passe-oublie",
                                 {"courriel": unique_email("personne")})
    eq((r_known.status, r_known.header("location")), (303, "/connexion"))
    eq((r_unknown.status, r_unknown.header("location")), (303, "/connexion"), "same answer")
    contains(v.get("/connexion").visible_text(), "Si un compte existe pour cette adresse")
    _, msg, _ = wait_mail(addr, "reset")
    eq(str(msg["Subject"]), "Nouveau mot de passe – Agora")
    contains(msg.get_content(), "valable 60 minutes")
    link = link_in(msg, "/reinitialisation")

    form = v.get(link)
    eq(form.status, 200, "reset form")
    lacks(form.text, addr, "no address on the reset page (issue 14, item 2)")
    jeton = link.split("=", 1)[1]
    r = v.post("/reinitialisation", {"csrf": form.csrf(), "jeton": jeton, "nouveau": "court"})
    eq(r.status, 422, "rules apply")
    contains(field_error(r, "nouveau"), "au moins 12 caractères")
    new = "un tout nouveau mot de passe"
    r = v.post("/reinitialisation", {"csrf": form.csrf(), "jeton": jeton, "nouveau": new})
    eq((r.status, r.header("location")), (303, "/connexion"))
    contains(v.get("/connexion").visible_text(), "toutes vos sessions ont été fermées")
    assert not signed_in_as(c), "first session ended"
    assert not signed_in_as(other), "second session ended"
    eq(sign_in(Visitor(), addr).status, 422, "old password")
    eq(sign_in(Visitor(), addr, new).status, 303, "new password")
    r = v.get(link)
    eq(r.status, 410, "reset link used")
    contains(r.visible_text(), "déjà été utilisé")
    r = v.post("/reinitialisation", {"csrf": v.get("/connexion").csrf(), "jeton": jeton,
                                     "nouveau": "encore un autre mot de passe"})
    eq(r.status, 410, "and cannot be posted again")


@test
def expired_reset_link_is_refused():
    c, addr, uid = verified_account()
    v = Visitor()
    v.submit("/mot-de-passe-oublie", "/mot-de-passe-oublie", {"courriel": addr})
    _, msg, _ = wait_mail(addr, "reset")
    link = link_in(msg, "/reinitialisation")
    form = v.get(link)
    eq(form.status, 200)
    sql("UPDATE account_tokens SET expires_at = now() - interval '1 second'"
        " WHERE user_id = %d AND kind = 'reset'" % uid)
    r = v.get(link)
    eq(r.status, 410)
    contains(r.visible_text(), "Ce lien a expiré")
    r = v.post("/reinitialisation", {"csrf": form.csrf(), "jeton": link.split("=", 1)[1],
                                     "nouveau": "un tout nouveau mot de passe"})
    eq(r.status, 410)
    eq(sign_in(Visitor(), addr).status, 303, "password unchanged")
    eq(v.get("/reinitialisation?jeton=" + "B" * 43).status, 400, "unknown")


# ---------------------------------------------------------------- /compte/

@test
def change_of_password_keeps_this_session_and_ends_the_others():
    c, addr, uid = verified_account()
    eq(sign_in(c, addr).status, 303)
    other = Visitor()
    eq(sign_in(other, addr).status, 303)
    eq(Visitor().get("/compte/mot-de-passe").status, 401, "signed-in only")
    page = c.get("/compte/mot-de-passe")
    eq(page.status, 200)
    r = c.post("/compte/mot-de-passe", {"csrf": page.csrf(), "actuel": "pas le bon",
                                        "nouveau": "un nouveau mot de passe"})
    eq(r.status, 422, "wrong current password")
    contains(field_error(r, "actuel"), "Le mot de passe actuel est incorrect")
    r = c.post("/compte/mot-de-passe", {"csrf": page.csrf(), "actuel": PASSWORD,
                                        "nouveau": "court"})
    eq(r.status, 422)
    contains(field_error(r, "nouveau"), "au moins 12 caractères")
    assert signed_in_as(other), "nothing changed yet"
    new = "un nouveau mot de passe solide"
    r = c.post("/compte/mot-de-passe", {"csrf": page.csrf(), "actuel": PASSWORD, "nouveau": new})
    eq((r.status, r.header("location")), (303, "/compte/mot-de-passe"))
    contains(c.get("/compte/mot-de-passe").visible_text(), "Vos autres sessions ont été fermées")
    assert signed_in_as(c), "this session stays"
    assert not signed_in_as(other), "the other one is ended"
    eq(sign_in(Visitor(), addr).status, 422, "old password")
    eq(sign_in(Visitor(), addr, new).status, 303, "new password")


@test
def change_of_address_is_confirmed_from_the_new_address():
    c, addr, uid = verified_account()
    eq(sign_in(c, addr).status, 303)
    page = c.get("/compte/adresse")
    eq(page.status, 200)
    contains(page.visible_text(), addr)
    # Another account's address gets the answer any address gets (issue 14,
    # item 7): test_one_person_one_vote.py.
    for fields, field, message in [
            ({"courriel": "pas une adresse", "mot_de_passe": PASSWORD}, "courriel", "forme attendue"),
            ({"courriel": addr.upper(), "mot_de_passe": PASSWORD}, "courriel", "déjà l'adresse de votre compte"),
            ({"courriel": unique_email(), "mot_de_passe": "mauvais"}, "mot_de_passe", "incorrect"),
            ({"courriel": unique_email()}, "mot_de_passe", "Saisissez votre mot de passe")]:
        r = c.post("/compte/adresse", dict(fields, csrf=page.csrf()))
        eq(r.status, 422, message)
        contains(field_error(r, field), message)
        lacks(r.text, 'value="%s"' % PASSWORD)
    new = unique_email("nouvelle")
    r = c.post("/compte/adresse", {"csrf": page.csrf(), "courriel": new, "mot_de_passe": PASSWORD})
    eq((r.status, r.header("location")), (303, "/compte/adresse"))
    contains(c.get("/compte/adresse").visible_text(), "Votre adresse actuelle reste celle du compte")
    eq(sql_value("SELECT email FROM users WHERE id = %d" % uid), addr, "unchanged until confirmed")
    _, notice, _ = wait_mail(addr, "email_change_notice")
    contains(notice.get_content(), new, "the old address is told")
    _, msg, _ = wait_mail(new, "email_change")
    eq(str(msg["Subject"]), "Confirmez votre nouvelle adresse – Agora")
    link = link_in(msg, "/verification")
    eq(sign_in(Visitor(), new).status, 422, "the new address does not work yet")
    r = Visitor().get(link)
    eq(r.status, 200)
    contains(r.visible_text(), new)
    eq(sql_value("SELECT email FROM users WHERE id = %d" % uid), new)
    eq(sign_in(Visitor(), new).status, 303, "new address")
    eq(sign_in(Visitor(), addr).status, 422, "old address")
    eq(c.get(link).status, 410, "used once")


@test
def change_of_address_to_one_taken_meanwhile_is_refused():
    c, addr, uid = verified_account()
    eq(sign_in(c, addr).status, 303)
    new = unique_email("course")
    page = c.get("/compte/adresse")
    eq(c.post("/compte/adresse", {"csrf": page.csrf(), "courriel": new,
                                  "mot_de_passe": PASSWORD}).status, 303)
    _, msg, _ = wait_mail(new, "email_change")
    r, _ = signup(Visitor(), addr=new)   # someone else takes it first
    eq(r.status, 303)
    r = c.get(link_in(msg, "/verification"))
    eq(r.status, 409)
    contains(r.visible_text(), "désormais utilisée par un autre compte")
    eq(sql_value("SELECT email FROM users WHERE id = %d" % uid), addr)


# ---------------------------------------------------------------- SMTP

class FakeSMTP:
    """A minimal SMTP server on 127.0.0.1 that keeps what it receives."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.5)
        self.port = self.sock.getsockname()[1]
        self.messages = []      # (mail from, [rcpt], data)
        self.stop = False
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            try:
                self.session(conn)
            except OSError:
                pass
            finally:
                conn.close()

    def session(self, conn):
        conn.settimeout(10)
        f = conn.makefile("rb")
        conn.sendall(b"220 fake ESMTP\r\n")
        sender, rcpt = None, []
        while True:
            line = f.readline()
            if not line:
                return
            cmd = line.strip().upper()
            if cmd.startswith(b"EHLO") or cmd.startswith(b"HELO"):
                conn.sendall(b"250-fake\r\n250 8BITMIME\r\n")
            elif cmd.startswith(b"MAIL FROM:"):
                sender = line.strip()[10:].decode()
                conn.sendall(b"250 ok\r\n")
            elif cmd.startswith(b"RCPT TO:"):
                rcpt.append(line.strip()[8:].decode())
                conn.sendall(b"250 ok\r\n")
            elif cmd == b"DATA":
                conn.sendall(b"354 go\r\n")
                data = b""
                while True:
                    l = f.readline()
                    if l in (b".\r\n", b""):
                        break
                    data += l[1:] if l.startswith(b"..") else l
                self.messages.append((sender, rcpt, data))
                conn.sendall(b"250 queued\r\n")
            elif cmd == b"QUIT":
                conn.sendall(b"221 bye\r\n")
                return
            else:
                conn.sendall(b"250 ok\r\n")

    def close(self):
        self.stop = True
        self.thread.join(2)
        self.sock.close()


def with_other_kore(env, fn):
    """Runs fn(kore) with the main kore stopped (so it sends nothing) and
    another one started with env; the main one is back afterwards."""
    harness.MAIN.stop()
    k = harness.Kore("mail", port=harness.PORT + 1, env=env)
    try:
        k.start()
        fn(k)
    finally:
        k.stop()
        harness.MAIN = harness.Kore().start()
    lacks(k.log_text(), "sandbox violation", "kore log")
    lacks(k.log_text(), "died", "kore log")
    return k


@test
def mail_goes_out_through_smtp_with_libcurl():
    smtp = FakeSMTP()
    addr = unique_email("smtp")
    try:
        def run(k):
            oid = sql_value("INSERT INTO outbox (recipient, subject, body, kind) VALUES"
                            " ('%s', 'Essai d''envoi – Agora', E'Ligne 1\\n.point\\nFin', 'test')"
                            " RETURNING id" % addr)
            deadline = time.time() + 15
            mine = []
            while time.time() < deadline and not mine:
                mine = [m for m in smtp.messages if m[1] == ["<%s>" % addr]]
                time.sleep(0.1)
            assert mine, "nothing received; kore log: " + k.log_text()[-800:]
            sender, rcpt, data = mine[0]
            eq(sender, "<ne-pas-repondre@agora.invalid>")
            eq(rcpt, ["<%s>" % addr])
            msg = email.message_from_bytes(data, policy=email.policy.default)
            eq(str(msg["Subject"]), "Essai d'envoi – Agora")
            eq(msg.get_content().replace("\r\n", "\n"), "Ligne 1\n.point\nFin\n", "dot-stuffing undone")
            for _ in range(50):
                if sql_value("SELECT sent_at IS NOT NULL FROM outbox WHERE id = %s" % oid) == "t":
                    break
                time.sleep(0.1)
            eq(sql_value("SELECT sent_at IS NOT NULL FROM outbox WHERE id = %s" % oid), "t")
            assert not os.path.exists(os.path.join(harness.MAIL_DIR, "%s.eml" % oid)), \
                "SMTP replaces the mail folder"
        with_other_kore({"AGORA_SMTP_URL": "smtp://127.0.0.1:%d" % smtp.port}, run)
    finally:
        smtp.close()


@test
def a_failed_send_is_kept_and_retried_later():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    closed_port = s.getsockname()[1]
    s.close()
    addr = unique_email("echec")
    holder = {}

    def run(k):
        oid = sql_value("INSERT INTO outbox (recipient, subject, body, kind) VALUES"
                        " ('%s', 'Essai', 'Corps', 'test') RETURNING id" % addr)
        holder["oid"] = oid
        deadline = time.time() + 15
        while time.time() < deadline:
            if sql_value("SELECT attempts FROM outbox WHERE id = %s" % oid) != "0":
                break
            time.sleep(0.1)
        row = sql("SELECT attempts, sent_at IS NULL, last_error IS NOT NULL,"
                  " next_attempt_at > now() + interval '30 seconds'"
                  " FROM outbox WHERE id = %s" % oid)[0]
        eq(row, ["1", "t", "t", "t"], "attempt counted, error kept, retried later")
        contains(sql_value("SELECT last_error FROM outbox WHERE id = %s" % oid), "smtp")
    with_other_kore({"AGORA_SMTP_URL": "smtp://127.0.0.1:%d" % closed_port}, run)
    # Back on the main kore (files): once due again, it is delivered.
    sql("UPDATE outbox SET next_attempt_at = now() WHERE id = %s" % holder["oid"])
    oid, msg, _ = wait_mail(addr)
    eq(sql_value("SELECT attempts FROM outbox WHERE id = %d" % oid), "2")


@test
def signin_rehashes_a_password_hashed_with_another_cost():
    import base64
    import hashlib
    salt = secrets.token_bytes(16)
    key = hashlib.scrypt(PASSWORD.encode(), salt=salt, n=2 ** 11, r=8, p=1, dklen=32)
    b64 = lambda b: base64.b64encode(b).decode().rstrip("=")
    old = "$scrypt$ln=11,r=8,p=1$%s$%s" % (b64(salt), b64(key))
    addr = unique_email("ancien")
    uid = harness.make_user(email=addr)
    sql("UPDATE users SET password_hash = '%s' WHERE id = %d" % (old, uid))
    eq(sign_in(Visitor(), addr, "pas le bon mot de passe").status, 422)
    eq(sql_value("SELECT password_hash FROM users WHERE id = %d" % uid), old, "unchanged on failure")
    eq(sign_in(Visitor(), addr).status, 303, "the old hash still verifies")
    new = sql_value("SELECT password_hash FROM users WHERE id = %d" % uid)
    assert new.startswith("$scrypt$ln=10,r=8,p=1$"), new
    eq(sign_in(Visitor(), addr).status, 303, "and the new one too")


@test
def a_module_reload_is_refused_and_mail_keeps_flowing():
    import signal
    harness.MAIN.proc.send_signal(signal.SIGHUP)
    time.sleep(1)
    # The parent ignores it: kore would reload the module there whatever
    # the module says, and a worker forked after would have no secret
    # (test_fault.py kills one after a SIGHUP).
    contains(harness.MAIN.log_text(), "SIGHUP is ignored", "SIGHUP")
    lacks(harness.MAIN.log_text(), "reloaded", "SIGHUP")
    c, addr, _ = verified_account()
    eq(sign_in(c, addr).status, 303, "sessions and CSRF still work")
    r, f = signup(Visitor())
    eq(r.status, 303, "sign-up after the reload")
    _, msg, _ = wait_mail(f["courriel"], "verify")
    link_in(msg, "/verification")
    eq(harness.MAIN.crashes(), [], "no worker died")


@test
def two_hosts_never_send_the_same_message_twice():
    k = harness.Kore("second", port=harness.PORT + 1).start()   # same database and folder
    try:
        tag = secrets.token_hex(4)
        ids = [r[0] for r in sql(
            "INSERT INTO outbox (recipient, subject, body, kind)"
            " SELECT 'lot.%s.' || g || '@example.org', 'Lot ' || g, 'Corps', 'test'"
            " FROM generate_series(1, 120) g RETURNING id" % tag)]
        deadline = time.time() + 30
        while time.time() < deadline:
            if sql_value("SELECT count(*) FROM outbox WHERE recipient LIKE 'lot.%s.%%'"
                         " AND sent_at IS NULL" % tag) == "0":
                break
            time.sleep(0.2)
        eq(sql_value("SELECT count(*) FROM outbox WHERE recipient LIKE 'lot.%s.%%'"
                     " AND sent_at IS NOT NULL AND attempts = 1" % tag), "120",
           "each message sent exactly once by four senders")
        for oid in ids:
            assert os.path.exists(os.path.join(harness.MAIL_DIR, "%s.eml" % oid)), oid
    finally:
        k.stop()
    eq(k.crashes(), [], "second kore log")
