# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The moderation log anchored outside the database: `agora sign-log` signs
its head (row count, last id, last hash, time) with the server's Ed25519
key, and `agora verify-log --head FILE` checks a head saved from the public
URL at any earlier time against the log, recomputing every row's canonical
text in C. Each attack the audit found is applied as the application role
(PostgreSQL refuses it) and as the superuser (verify-log catches it)."""

import os
import subprocess

import harness
from harness import contains, eq, sql, sql_value, test
from modlog_lib import (APP_ROLE, BEHIND, RECHAIN, assert_broken, assert_ok, q, psql_as,
                        restored_log, save_head, sign, some_decisions, verify, verify_head)

SUPER = "postgres"


@test
def a_head_signed_and_saved_from_the_public_url_verifies():
    some_decisions(2)
    path = save_head()
    r = verify_head(path)
    assert_ok(r, "fresh head")
    n = sql_value("SELECT count(*) FROM moderation_log")
    contains(r.stdout, "OK: %s rows, hash chain intact" % n)
    contains(r.stdout, "contains the head signed")
    # Later rows are fine: the head only vouches for what it covered.
    _, later = some_decisions(2)
    r = verify_head(path)
    assert_ok(r, "older head, later rows")
    contains(r.stdout, "2 row(s) after that head")
    # The plain command checks every head stored in the database too.
    r = verify()
    assert_ok(r, "plain verify-log")
    contains(r.stdout, "signed head(s) stored in the database")


@test
def an_altered_head_or_another_key_is_refused():
    some_decisions(1)
    path = save_head()
    with open(path) as f:
        text = f.read()
    # Claim one row fewer in the signed text: the signature no longer fits.
    import json
    head = json.loads(text)
    forged = dict(head)
    forged["texte_signe"] = head["texte_signe"].replace(
        "lignes=%d\n" % head["lignes"], "lignes=%d\n" % (head["lignes"] - 1))
    forged["lignes"] = head["lignes"] - 1
    bad = path + ".forged"
    with open(bad, "w") as f:
        json.dump(forged, f)
    assert_broken(verify_head(bad), "altered head", "signature")
    # Readable fields that say another head than the signed text.
    misleading = dict(head)
    misleading["derniere_empreinte"] = "0" * 64
    with open(bad, "w") as f:
        json.dump(misleading, f)
    assert_broken(verify_head(bad), "misleading fields", "fields")
    # A head verified against another public key (a stolen-key substitute).
    other = os.path.join(harness.TEST_DIR, "other-key.pem")
    subprocess.run(["openssl", "genpkey", "-algorithm", "ED25519", "-out", other], check=True)
    pub = other + ".pub"
    subprocess.run(["openssl", "pkey", "-in", other, "-pubout", "-out", pub], check=True)
    assert_broken(verify("--head", path, "--key", pub), "another key", "key")
    # Garbage is an error, not OK.
    with open(bad, "w") as f:
        f.write("{}")
    r = verify_head(bad)
    assert r.returncode != 0 and not r.stdout.startswith("OK"), r.stdout + r.stderr


def run(role, stmt):
    return psql_as(APP_ROLE if role == "app" else SUPER, stmt)


def refused(role, stmt, what):
    r = run(role, stmt)
    assert r.returncode != 0, "%s accepted for the %s role: %s" % (what, role, stmt)
    return r


def attack(name, role, stmt, plain_catches, needle):
    """Applies stmt as role after a head was saved. As the application
    role, PostgreSQL refuses and the head still verifies; as the superuser,
    verify-log --head names the first row or the head that no longer
    matches (and plain verify-log does when plain_catches)."""
    path = save_head()
    with restored_log():
        if role == "app":
            refused(role, stmt, name)
            assert_ok(verify_head(path), name + " refused: head still verifies")
            return
        r = run(role, stmt)
        eq(r.returncode, 0, "%s: %s" % (name, r.stderr))
        assert_broken(verify_head(path), name, needle)
        if plain_catches:
            assert_broken(verify(), name + " (plain verify-log)", plain_catches)
        else:
            assert_ok(verify(), name + " goes unseen without a saved head")
    assert_ok(verify_head(path), name + ": log put back")


def last_ids(n):
    return [int(r[0]) for r in sql("SELECT id FROM moderation_log ORDER BY id DESC LIMIT %d" % n)]


ERASE_HEADS = "DELETE FROM moderation_log_heads"
# What a careful attacker adds: the heads the database holds go too, so
# that only a head saved elsewhere remains.
AND_HEADS = ("; ALTER TABLE moderation_log_heads DISABLE TRIGGER ALL; " + ERASE_HEADS +
             "; ALTER TABLE moderation_log_heads ENABLE TRIGGER ALL")


@test
def deleting_the_last_rows_is_caught():
    for role in ("app", "super"):
        some_decisions(3)
        ids = last_ids(2)
        # The attacker also deletes the heads the database holds.
        stmt = BEHIND % ("DELETE FROM moderation_notes WHERE log_id >= %d;"
                         " DELETE FROM moderation_log WHERE id >= %d;"
                         " ALTER TABLE moderation_log_heads DISABLE TRIGGER ALL; %s;"
                         " ALTER TABLE moderation_log_heads ENABLE TRIGGER ALL"
                         % (min(ids), min(ids), ERASE_HEADS))
        attack("delete the last rows", role, stmt, None, "fewer than")
    # Without erasing the stored heads, the plain command sees it too.
    some_decisions(2)
    path = save_head()
    with restored_log():
        sql(BEHIND % ("DELETE FROM moderation_notes WHERE log_id = %d;"
                      " DELETE FROM moderation_log WHERE id = %d" % (last_ids(1)[0],
                                                                     last_ids(1)[0])))
        assert_broken(verify(), "plain verify-log, heads kept", "signed head")
        assert_broken(verify_head(path), "saved head", "fewer than")
    assert_ok(verify_head(path), "put back")


@test
def truncating_the_log_is_caught():
    some_decisions(2)
    stmt = BEHIND % ("ALTER TABLE moderation_log_heads DISABLE TRIGGER ALL;"
                     " TRUNCATE moderation_log, moderation_notes, moderation_log_heads;"
                     " ALTER TABLE moderation_log_heads ENABLE TRIGGER ALL")
    attack("truncate", "app", "TRUNCATE moderation_log, moderation_notes, moderation_log_heads",
           None, "")
    attack("truncate", "super", stmt, None, "0 rows")


@test
def a_consistent_rewrite_is_caught():
    for role in ("app", "super"):
        _, ids = some_decisions(3)
        target = ids[0]
        stmt = BEHIND % ("UPDATE moderation_log SET rule_code = 'R2', action = 'hide',"
                         " to_status = 'hidden' WHERE id = %d; %s"
                         % (target, RECHAIN % {"from": target})) + AND_HEADS
        # The chain is consistent again: only a saved head shows it.
        attack("consistent rewrite", role, stmt, None,
               "no longer has the signed hash")
    # Had the attacker left the heads the database holds, the plain
    # command would see it too.
    _, ids = some_decisions(2)
    sign()
    with restored_log():
        sql(BEHIND % ("UPDATE moderation_log SET rule_code = 'R5' WHERE id = %d; %s"
                      % (ids[0], RECHAIN % {"from": ids[0]})))
        assert_broken(verify(), "rewrite, stored heads kept", "no longer has the signed hash")


@test
def reordering_rows_is_caught():
    for role in ("app", "super"):
        _, ids = some_decisions(3)
        a, b = ids[0], ids[1]
        # Swap what two rows say, then recompute the chain.
        swap = ("UPDATE moderation_log l SET action = o.action, from_status = o.from_status,"
                " to_status = o.to_status, rule_code = o.rule_code,"
                " contribution_id = o.contribution_id FROM moderation_log o"
                " WHERE (l.id, o.id) IN ((%d, %d), (%d, %d))" % (a, b, b, a))
        attack("reorder (rechained)", role,
               BEHIND % (swap + "; " + RECHAIN % {"from": a}) + AND_HEADS,
               None, "no longer has the signed hash")
    # Not rechained: the plain command names the first row.
    _, ids = some_decisions(2)
    a, b = ids
    swap = ("UPDATE moderation_log l SET action = o.action, to_status = o.to_status,"
            " rule_code = o.rule_code, contribution_id = o.contribution_id"
            " FROM moderation_log o WHERE (l.id, o.id) IN ((%d, %d), (%d, %d))" % (a, b, b, a))
    with restored_log():
        sql(BEHIND % swap)
        assert_broken(verify(), "reorder", "row %d" % a)


@test
def a_forged_row_before_the_head_is_caught():
    for role in ("app", "super"):
        mid, ids = some_decisions(3)
        m = ids[1]
        # Room for a row at id m: every later row moves up by one.
        shift = ("ALTER TABLE moderation_notes DISABLE TRIGGER ALL;"
                 " UPDATE moderation_notes SET log_id = -log_id WHERE log_id >= %(m)d;"
                 " UPDATE moderation_log SET id = -id WHERE id >= %(m)d;"
                 " UPDATE moderation_log SET id = 1 - id WHERE id < 0;"
                 " UPDATE moderation_notes SET log_id = 1 - log_id WHERE log_id < 0;"
                 " ALTER TABLE moderation_notes ENABLE TRIGGER ALL;"
                 " INSERT INTO moderation_log (id, form, at, moderator_id, moderator_ref,"
                 "  contribution_id, action, from_status, to_status, rule_code, prev_hash, hash)"
                 " SELECT %(m)d, 2, at, moderator_id, moderator_ref, contribution_id, 'hide',"
                 "  'published', 'hidden', 'R6', '', '' FROM moderation_log WHERE id = %(m)d + 1;"
                 % {"m": m})
        attack("forged row before the head", role,
               BEHIND % (shift + RECHAIN % {"from": m}) + AND_HEADS, None,
               "no longer has the signed hash")


@test
def a_forged_append_is_refused_to_the_application_and_caught_or_listed():
    mid, ids = some_decisions(2)
    cid = int(sql_value("SELECT contribution_id FROM moderation_log WHERE id = %d" % ids[0]))
    forged = ("SELECT moderation_log_append(%d, 'abcdefabcdef', %d, NULL, 'hide', 'published',"
              " 'hidden', 'R1', NULL, NULL, NULL)" % (mid, cid))
    attack("forged append", "app", forged, None, "")
    # As the superuser, through the function itself: the row is chained as
    # any other, but the moderator's pseudonym needs the server's secret,
    # which the database does not hold.
    path = save_head()
    with restored_log():
        eq(run("super", forged).returncode, 0)
        r = verify_head(path)
        assert_broken(r, "forged append with a moderator", "pseudonym")
        assert_broken(verify(), "forged append (plain)", "pseudonym")
    # A forged automatic row (no moderator) appended after the latest head
    # is the one thing a head cannot vouch for until the next one: it is
    # listed as not covered, and the README says so.
    path = save_head()
    with restored_log():
        eq(run("super", "SELECT moderation_log_append(NULL, NULL, %d, NULL, 'threshold',"
                        " 'published', 'hidden', 'R1', NULL, NULL, NULL)" % cid).returncode, 0)
        r = verify_head(path)
        assert_ok(r, "forged automatic row after the head")
        contains(r.stdout, "1 row(s) after that head, not covered by it")
        # Backdated (written straight into the table with an old date and
        # a well-chained hash): dated before a head that does not hold it.
        lid = last_ids(1)[0]
        sql(BEHIND % ("UPDATE moderation_log SET at = at - interval '3 hours'"
                      " WHERE id = %d; %s" % (lid, RECHAIN % {"from": lid})))
        assert_broken(verify_head(path), "backdated forged row", "row %d" % lid)
    assert_ok(verify_head(path), "put back")


@test
def a_redefined_canonical_function_does_not_fool_the_verifier():
    for role in ("app", "super"):
        _, ids = some_decisions(3)
        target = ids[1]
        original = sql_value("SELECT moderation_log_canonical(l) FROM moderation_log l"
                             " WHERE id = %d" % target)
        # The function now hides the change of row target; the rows'
        # hashes all match it.
        redefine = ("CREATE OR REPLACE FUNCTION moderation_log_canonical(l moderation_log)"
                    " RETURNS text LANGUAGE sql IMMUTABLE AS $f$ SELECT CASE WHEN l.id = %d"
                    " THEN %s ELSE concat_ws('|', l.form::text, l.id::text, to_char(l.at AT TIME ZONE"
                    " 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), coalesce(l.moderator_ref, ''),"
                    " coalesce(l.contribution_id::text, ''), coalesce(l.consultation_id::text, ''),"
                    " l.action, coalesce(l.from_status, ''), coalesce(l.to_status, ''),"
                    " coalesce(l.rule_code, ''), coalesce(l.note_mac, ''),"
                    " coalesce(to_char(l.queued_at AT TIME ZONE 'UTC',"
                    " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), ''),"
                    " CASE WHEN l.form = 3 THEN l.subject || '|' || l.text_hash END,"
                    " l.prev_hash) END $f$"
                    % (target, q(original)))
        stmt = redefine + "; " + BEHIND % (
            "UPDATE moderation_log SET rule_code = 'R7', to_status = 'rejected'"
            " WHERE id = %d" % target)
        if role == "app":
            attack("redefined canonical function", role, stmt, None, "")
            continue
        path = save_head()
        with restored_log():
            eq(run(role, stmt).returncode, 0)
            # What the old verifier trusted: every hash matches the function.
            eq(sql_value("SELECT count(*) FROM moderation_log WHERE hash <> encode(sha256("
                         "convert_to(moderation_log_canonical(moderation_log), 'UTF8')), 'hex')"),
               "0", "the database's own check is fooled")
            assert_broken(verify(), "redefined function (plain)", "row %d" % target)
            assert_broken(verify_head(path), "redefined function", "row %d" % target)
        assert_ok(verify_head(path), "put back")


@test
def an_altered_note_or_moderator_is_caught_with_the_server_secret():
    mid, ids = some_decisions(2, note="Note d'origine")
    target = ids[0]
    with restored_log():
        sql("UPDATE moderation_notes SET note = 'Note falsifiée' WHERE log_id = %d" % target)
        assert_broken(verify(), "altered note", "row %d" % target)
    other = harness.make_user(roles=("moderator",))
    with restored_log():
        sql(BEHIND % ("UPDATE moderation_log SET moderator_id = %d WHERE id = %d"
                      % (other, target)))
        assert_broken(verify(), "altered moderator", "row %d" % target)
    assert_ok(verify(), "put back")


@test
def sign_log_refuses_to_sign_a_broken_chain():
    _, ids = some_decisions(2)
    sign()
    before = sql_value("SELECT count(*) FROM moderation_log_heads")
    with restored_log():
        sql(BEHIND % ("UPDATE moderation_log SET rule_code = 'R3' WHERE id = %d" % ids[0]))
        r = harness.agora("sign-log")
        eq(r.returncode, 1, "sign-log on a broken chain: " + r.stdout + r.stderr)
        contains(r.stdout, "row %d" % ids[0])
        eq(sql_value("SELECT count(*) FROM moderation_log_heads"), before, "nothing signed")
    with restored_log():
        # A consistent rewrite: the chain is whole, but no longer holds the
        # last head signed.
        sql(BEHIND % ("UPDATE moderation_log SET rule_code = 'R3' WHERE id = %d; %s"
                      % (ids[0], RECHAIN % {"from": ids[0]})))
        r = harness.agora("sign-log")
        eq(r.returncode, 1, "sign-log on a rewritten chain: " + r.stdout + r.stderr)
        contains(r.stdout, "signed head")
        eq(sql_value("SELECT count(*) FROM moderation_log_heads"), before, "nothing signed")
    sign()
