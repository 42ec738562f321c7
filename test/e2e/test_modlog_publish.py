# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The moderation log in the open data, checked as an outsider would with
nothing but HTTP, Python's hashlib and the openssl command: the signed head
(/export/journal-moderation/tete.json), the public key, every row with its
hash (/export/journal-moderation.json), moderators as pseudonyms, and the
head on /moderation/transparence."""

import base64
import hashlib
import hmac
import json
import os
import subprocess
import tempfile

import harness
from harness import Client, contains, eq, lacks, sql, sql_value, test
from modlog_lib import (HEAD_URL, KEY_URL, LOG_URL, contribution, decide, restored_log, sign,
                        some_decisions, verify_head)


def secret():
    with open(os.path.join(harness.ROOT, "var", "secret"), "rb") as f:
        return f.read()[:64]


def pseudonym(prefix, uid):
    return hmac.new(secret(), ("%s:%d" % (prefix, uid)).encode(),
                    hashlib.sha256).hexdigest()[:12]


def canonical_v2(row):
    """The text a form-2 or form-3 row's hash covers, from its published
    fields (documented on /export/): form 3, a public act, adds its
    subject and the hash of its text before the previous hash."""
    def f(v):
        return "" if v is None else str(v)
    act = [row["objet"], row["texte_empreinte"]] if row["forme"] == 3 else []
    return "|".join([str(row["forme"]), f(row["id"]), row["date"], f(row["moderateur"]),
                     f(row["contribution"]), f(row["consultation"]), row["action"],
                     f(row["statut_avant"]), f(row["statut_apres"]), f(row["regle"]),
                     f(row["note_empreinte"]), f(row["entree_file"])] + act
                    + [row["empreinte_precedente"]])


def openssl_verify(pem, message, signature):
    d = tempfile.mkdtemp(prefix="agora-sig-")
    paths = {}
    for name, data in (("key.pem", pem), ("msg", message), ("sig", signature)):
        paths[name] = os.path.join(d, name)
        with open(paths[name], "wb") as f:
            f.write(data)
    return subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", paths["key.pem"],
                           "-rawin", "-in", paths["msg"], "-sigfile", paths["sig"]],
                          capture_output=True, text=True)


@test
def the_public_key_and_the_signed_head_are_published_and_verify_with_openssl():
    some_decisions(2)
    sign()
    c = Client()
    k = c.get(KEY_URL)
    eq(k.status, 200, KEY_URL)
    assert k.text.startswith("-----BEGIN PUBLIC KEY-----\n"), k.text[:80]
    lacks(k.text, "PRIVATE")
    der = subprocess.run(["openssl", "pkey", "-pubin", "-outform", "DER"], input=k.body,
                         capture_output=True, check=True).stdout
    fingerprint = hashlib.sha256(der).hexdigest()
    r = c.get(HEAD_URL)
    eq(r.status, 200, HEAD_URL)
    contains(r.header("content-type"), "application/json")
    eq(r.header("access-control-allow-origin"), "*")
    head = json.loads(r.text)
    eq(head["cle_empreinte_sha256"], fingerprint, "the key's fingerprint")
    eq(head["cle_url"], KEY_URL)
    last = sql("SELECT count(*), max(id), (SELECT hash FROM moderation_log ORDER BY id DESC"
               " LIMIT 1) FROM moderation_log")[0]
    eq([str(head["lignes"]), str(head["dernier_id"]), head["derniere_empreinte"]], last,
       "the head is the log's head")
    signed = head["texte_signe"]
    eq(signed, "agora-journal-moderation-tete/1\nlignes=%d\ndernier_id=%d\n"
       "derniere_empreinte=%s\nsigne_le=%s\ncle=%s\n" % (
           head["lignes"], head["dernier_id"], head["derniere_empreinte"], head["signe_le"],
           fingerprint), "what is signed")
    v = openssl_verify(k.body, signed.encode(), base64.b64decode(head["signature_ed25519"]))
    eq(v.returncode, 0, "openssl verifies the signature: " + v.stdout + v.stderr)
    v = openssl_verify(k.body, signed.replace("lignes=", "lignes=1").encode(),
                       base64.b64decode(head["signature_ed25519"]))
    assert v.returncode != 0, "a changed text must not verify"
    # The same fingerprint as the key file of the server (var/).
    der2 = subprocess.run(["openssl", "pkey", "-in", os.path.join(harness.ROOT, "var",
                                                                   "log-signing-key.pem"),
                           "-pubout", "-outform", "DER"], capture_output=True,
                          check=True).stdout
    eq(hashlib.sha256(der2).hexdigest(), fingerprint, "the server's key")


@test
def the_whole_log_is_open_data_with_pseudonyms_and_its_chain_recomputes():
    mod, mid = harness.signed_in(roles=("moderator",), name="Modératrice Publique")
    mid_email = sql_value("SELECT email FROM users WHERE id = %d" % mid)
    _, author = harness.signed_in()
    decide(mod, contribution(author, status="published"), "hide", "R2",
           "Rappel à l'ordre de Martin Durand")
    sign()
    c = Client()
    r = c.get(LOG_URL)
    eq(r.status, 200, LOG_URL)
    contains(r.header("content-type"), "application/json")
    eq(r.header("access-control-allow-origin"), "*")
    rows = json.loads(r.text)
    eq(len(rows), int(sql_value("SELECT count(*) FROM moderation_log")), "every row")
    eq([x["id"] for x in rows], sorted(x["id"] for x in rows), "in id order")
    keys = {"id", "forme", "date", "moderateur", "contribution", "consultation", "action",
            "statut_avant", "statut_apres", "regle", "note_empreinte", "entree_file",
            "objet", "texte_empreinte", "empreinte_precedente", "empreinte"}
    prev = "0" * 64
    for x in rows:
        eq(set(x), keys, "fields of row %d" % x["id"])
        eq(x["empreinte_precedente"], prev, "row %d links to the row before" % x["id"])
        if x["forme"] in (2, 3):
            eq(hashlib.sha256(canonical_v2(x).encode()).hexdigest(), x["empreinte"],
               "row %d's hash recomputed from its published fields" % x["id"])
        prev = x["empreinte"]
    # Moderators appear as pseudonyms, never as names, addresses or ids.
    db = {int(i): (m, n) for i, m, n in sql(
        "SELECT l.id, coalesce(l.moderator_id::text, ''), coalesce(n.note, '')"
        " FROM moderation_log l LEFT JOIN moderation_notes n ON n.log_id = l.id")}
    for x in rows:
        m, note = db[x["id"]]
        eq(x["moderateur"], pseudonym("moderator", int(m)) if m else None,
           "pseudonym of row %d" % x["id"])
        if m:
            assert x["moderateur"] != pseudonym("author", int(m)), \
                "a moderator's pseudonym differs from their author pseudonym"
        if note:
            eq(x["note_empreinte"], hmac.new(secret(), ("moderation-note:" + note).encode(),
                                             hashlib.sha256).hexdigest(),
               "the note's commitment")
    lacks(r.text, "Martin Durand", "notes are not published")
    lacks(r.text, "Modératrice", "no display name")
    lacks(r.text, "@", "no e-mail address")
    lacks(r.text, mid_email or "nobody@", "no e-mail address")
    lacks(r.text, "moderator_id")
    # The published head is inside the published log.
    head = json.loads(c.get(HEAD_URL).text)
    at = [x for x in rows if x["id"] == head["dernier_id"]]
    eq(len(at), 1, "the head's last row is in the file")
    eq(at[0]["empreinte"], head["derniere_empreinte"])
    eq(len([x for x in rows if x["id"] <= head["dernier_id"]]), head["lignes"])


@test
def a_head_saved_from_the_site_verifies_with_the_cli():
    some_decisions(1)
    sign()
    path = os.path.join(harness.TEST_DIR, "tete-site.json")
    with open(path, "wb") as f:
        f.write(Client().get(HEAD_URL).body)
    r = verify_head(path)
    eq(r.returncode, 0, r.stdout + r.stderr)
    contains(r.stdout, "contains the head signed")
    # With the public key downloaded from the site instead of the server's.
    pem = os.path.join(harness.TEST_DIR, "cle-site.pem")
    with open(pem, "wb") as f:
        f.write(Client().get(KEY_URL).body)
    r = harness.agora("verify-log", "--head", path, "--key", pem)
    eq(r.returncode, 0, r.stdout + r.stderr)


@test
def transparency_page_and_export_index_show_the_head_and_the_files():
    some_decisions(1)
    sign()
    head = json.loads(Client().get(HEAD_URL).text)
    r = Client().get("/moderation/transparence")
    eq(r.status, 200)
    t = r.visible_text()
    contains(t, "Journal de modération")
    contains(t, "%d ligne" % head["lignes"])
    contains(t, head["derniere_empreinte"])
    contains(t, head["cle_empreinte_sha256"])
    for url in (HEAD_URL, LOG_URL, KEY_URL):
        contains(r.text, 'href="%s"' % url, "transparency links " + url)
    contains(t, "agora verify-log --head")
    r = Client().get("/export/")
    eq(r.status, 200)
    for url in (HEAD_URL, LOG_URL, KEY_URL):
        contains(r.text, 'href="%s"' % url, "/export/ links " + url)
    contains(r.visible_text(), "empreinte_precedente")
    contains(r.visible_text(), "Ed25519")


@test
def before_any_head_the_urls_say_so_in_french():
    with restored_log():
        sql("ALTER TABLE moderation_log_heads DISABLE TRIGGER ALL; DELETE FROM moderation_log_heads;"
            " ALTER TABLE moderation_log_heads ENABLE TRIGGER ALL")
        r = Client().get(HEAD_URL)
        eq(r.status, 404, "no head yet")
        contains(json.loads(r.text)["erreur"], "Aucune tête")
        r = Client().get("/moderation/transparence")
        eq(r.status, 200)
        contains(r.visible_text(), "Aucune tête signée")
