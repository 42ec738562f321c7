# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Moderator notes can name people, and the log can never be erased: the
chain holds a keyed commitment to each note (HMAC-SHA-256 with the server's
secret), the note itself lives in moderation_notes, and deleting an account
erases the notes about that person's contributions while every head and the
chain still verify."""

import hashlib
import hmac
import os
import secrets
import subprocess

import harness
from harness import contains, eq, lacks, sql, sql_value, test
from modlog_lib import (APP_ROLE, LOG_URL, contribution, decide, psql_as, save_head,
                        verify, verify_head)

PASSWORD = "une phrase de passe assez longue"


def set_password(uid):
    r = harness.agora("hash-password", env={"AGORA_NEW_PASSWORD": PASSWORD})
    eq(r.returncode, 0, r.stderr)
    sql("UPDATE users SET password_hash = '%s' WHERE id = %d" % (r.stdout.strip(), uid))


def note_mac(note):
    with open(os.path.join(harness.ROOT, "var", "secret"), "rb") as f:
        key = f.read()[:64]
    return hmac.new(key, ("moderation-note:" + note).encode(), hashlib.sha256).hexdigest()


def dump():
    return subprocess.run(["pg_dump", "-h", "127.0.0.1", "-p", harness.PG_PORT, "-U", "postgres",
                           "-a", "agora_test"], capture_output=True, text=True, check=True).stdout


@test
def a_note_is_kept_apart_and_only_its_commitment_is_chained():
    mod, _ = harness.signed_in(roles=("moderator",))
    _, author = harness.signed_in()
    cid = contribution(author, status="published")
    note = "Propos visant Mme Lefèvre %s, voisine de l'auteur" % secrets.token_hex(3)
    decide(mod, cid, "hide", "R2", note)
    lid, col, mac = sql("SELECT id, coalesce(note, ''), note_mac FROM moderation_log"
                        " WHERE contribution_id = %d" % cid)[0]
    eq(col, "", "no note in the chained row")
    eq(mac, note_mac(note), "HMAC-SHA-256 of the note with the server's secret")
    eq(sql_value("SELECT note FROM moderation_notes WHERE log_id = %s" % lid), note)
    contains(mod.get("/moderation/%d" % cid).visible_text(), note, "moderators read it")
    lacks(harness.Client().get(LOG_URL).text, "Lefèvre", "not in the open data")
    eq(verify().returncode, 0)


@test
def deleting_an_account_erases_the_notes_about_it_and_the_chain_still_verifies():
    c, author = harness.signed_in(name="Auteure Effacée")
    set_password(author)
    mod, _ = harness.signed_in(roles=("moderator",))
    _, bystander = harness.signed_in()
    token = secrets.token_hex(5)
    mine = contribution(author, status="published")
    theirs = contribution(bystander, status="published")
    note = "Signalée par Paul Girard, son voisin (%s)" % token
    decide(mod, mine, "hide", "R1", note)
    decide(mod, mine, "restore", "", "Rétablie après échange avec Paul Girard (%s)" % token)
    decide(mod, theirs, "hide", "R3", "Publicité pour un garage (%s)" % token)
    ids = [int(r[0]) for r in sql("SELECT id FROM moderation_log WHERE contribution_id = %d"
                                  " ORDER BY id" % mine)]
    head = save_head()
    contains(dump(), "Paul Girard (%s)" % token, "the note is there before")

    r = c.submit("/compte/suppression", "/compte/suppression", {"mot_de_passe_actuel": PASSWORD})
    eq(r.status, 200, "account deleted: " + r.visible_text()[:200])
    eq(sql_value("SELECT deleted_at IS NOT NULL FROM users WHERE id = %d" % author), "t")

    eq(sql_value("SELECT count(*) FROM moderation_notes WHERE log_id IN (%s)"
                 % ",".join(map(str, ids))), "0", "notes about the person erased")
    eq(sql_value("SELECT count(*) FROM moderation_log WHERE id IN (%s) AND note_mac IS NOT NULL"
                 % ",".join(map(str, ids))), "2", "their commitments stay in the chain")
    eq(sql_value("SELECT moderation_note IS NULL FROM contributions WHERE id = %d" % mine), "t")
    eq(sql_value("SELECT count(*) FROM notifications WHERE user_id = %d AND note IS NOT NULL"
                 % author), "0", "notes in the person's notifications")
    eq(sql_value("SELECT n.note FROM moderation_notes n JOIN moderation_log l ON l.id = n.log_id"
                 " WHERE l.contribution_id = %d" % theirs), "Publicité pour un garage (%s)" % token,
       "other people's notes stay")
    text = dump()
    lacks(text, "Paul Girard", "pg_dump after erasure")
    contains(text, "Publicité pour un garage (%s)" % token)
    page = mod.get("/moderation/%d" % mine).visible_text()
    lacks(page, "Paul Girard")
    contains(page, "note effacée")

    r = verify()
    eq(r.returncode, 0, "chain verifies after erasure: " + r.stdout + r.stderr)
    erased = sql_value("SELECT count(*) FROM moderation_log l WHERE l.note_mac IS NOT NULL"
                       " AND NOT EXISTS (SELECT 1 FROM moderation_notes n WHERE n.log_id = l.id)")
    assert int(erased) >= 2, erased
    contains(r.stdout, "%s erased" % erased, "verify-log counts the erased notes")
    r = verify_head(head)
    eq(r.returncode, 0, "a head signed before the erasure still verifies: " + r.stdout)


@test
def the_application_cannot_erase_the_notes_about_a_person_still_here():
    mod, _ = harness.signed_in(roles=("moderator",))
    _, author = harness.signed_in()
    cid = contribution(author, status="published")
    decide(mod, cid, "hide", "R1", "Note qui doit rester")
    r = psql_as(APP_ROLE, "SELECT moderation_notes_erase_about(%d)" % author)
    eq(r.returncode, 0, r.stderr)
    eq(r.stdout.strip(), "0", "nothing erased for an account that is not deleted")
    eq(sql_value("SELECT count(*) FROM moderation_notes n JOIN moderation_log l"
                 " ON l.id = n.log_id WHERE l.contribution_id = %d" % cid), "1")
