# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Erasure (issue 10, item 6): after a person deletes their account, a dump
of the whole database and the development mail files hold neither their
address nor their name; `agora purge` forgets what is kept for a while and
deletes, after a warning, the accounts without a sign-in for three years,
through the same erasure as a person's own deletion."""

import glob
import json
import os
import re
import shlex
import subprocess
import time

import harness
from accounts_lib import (PASSWORD, Visitor, delete_account, link_in, member,
                          sign_in, wait_mail)
from harness import contains, eq, lacks, sql, sql_value, test
from participation_lib import db_proposal, propose, vote, word

PG_DUMP = "/usr/lib/postgresql/15/bin/pg_dump"


def dump():
    """The whole test database as pg_dump writes it, lower-cased."""
    r = subprocess.run([PG_DUMP if os.path.exists(PG_DUMP) else "pg_dump",
                        "-h", "127.0.0.1", "-p", harness.PG_PORT, "-U", "postgres",
                        "agora_test"], capture_output=True)
    assert r.returncode == 0, r.stderr.decode(errors="replace")
    return r.stdout.decode("utf-8").lower()


def tables_holding(text, needles):
    """The tables (COPY blocks of a dump) whose rows hold one of needles."""
    found = set()
    for block in re.split(r"\ncopy ", text)[1:]:
        table = block.split(" ", 1)[0]
        rows = block.split("\n\\.\n", 1)[0]
        if any(n in rows for n in needles):
            found.add(table)
    return sorted(found)


def mail_files_holding(needles):
    """Files under the test mail directory holding one of needles (any case)."""
    found = []
    for path in glob.glob(os.path.join(harness.MAIL_DIR, "*")) + \
            glob.glob(os.path.join(harness.MAIL_DIR, ".*")):
        try:
            with open(path, "rb") as f:
                text = f.read().decode("utf-8", errors="replace").lower()
        except FileNotFoundError:
            continue    # removed by the erasure while we looked: holds nothing
        if any(n.lower() in text for n in needles):
            found.append(os.path.basename(path))
    return found


def moderator_hides(cid, note):
    mod, _ = harness.signed_in(roles=("moderator",))
    page = mod.get("/moderation/%d" % cid)
    eq(page.status, 200)
    fields = {"csrf": page.csrf(), "decision": "hide", "regle": "R1", "note": note}
    for name in ("statut_vu", "version"):
        m = re.search(r'name="%s" value="([^"]*)"' % name, page.text)
        assert m, name
        fields[name] = m.group(1)
    eq(mod.post("/moderation/%d" % cid, fields).status, 303, "hidden")


@test
def a_deleted_person_leaves_neither_address_nor_name_in_a_dump_or_a_mail_file():
    tag = word(8)
    name = "Zéphyrine Quillard %s" % tag
    first = "zephyrine.%s@example.org" % tag
    second = "Z.Quillard.%s@Example.net" % tag
    c, _, uid = member(addr=first, name=name)
    # A password reset request: a mail, and limiter events keyed on the address.
    r = Visitor().submit("/mot-de-passe-oublie", "/mot-de-passe-oublie", {"courriel": first})
    eq(r.status, 303)
    wait_mail(first, "reset")
    # Participation: a proposal, a vote, a flag whose note names the person.
    body = "Texte de la proposition %s, assez long pour passer." % tag
    r = propose(c, "Proposition à effacer " + tag, body)
    eq(r.status, 303, r.visible_text()[:200])
    mine = int(re.match(r"^/propositions/(\d+)$", r.header("location")).group(1))
    other = db_proposal("Proposition d'un autre " + tag)
    eq(vote(c, other, "agree").status, 303)
    r = c.submit("/contributions/%d/signaler" % other, "/contributions/%d/signaler" % other,
                 {"regle": "R1", "note": "Signalé par %s (%s)" % (name, first)})
    eq(r.status, 303, "flag")
    # A change of address, confirmed: mails to both addresses.
    page = c.get("/compte/adresse")
    eq(c.post("/compte/adresse", {"csrf": page.csrf(), "courriel": second,
                                  "mot_de_passe": PASSWORD}).status, 303)
    wait_mail(first, "email_change_notice")
    _, msg, _ = wait_mail(second, "email_change")
    eq(Visitor().get(link_in(msg, "/verification")).status, 200)
    # A moderation decision on the proposal: a notification and a mail
    # ("Bonjour <name>").
    moderator_hides(mine, "Hors sujet")
    wait_mail(second, "moderation")
    # An appeal of it and a message to the moderators, both naming the
    # person: in their data download, then erased with the account (the
    # appeal stays, without its reason).
    path = "/contributions/%d/reexamen" % mine
    r = c.submit(path, path, {"raison": "Réexamen demandé par %s, merci." % name})
    eq(r.status, 303, "appeal: " + r.visible_text()[:200])
    r = c.submit("/contact-moderation", "/contact-moderation",
                 {"sujet": "autre", "texte": "Message de %s à l'équipe." % name})
    eq(r.status, 303, "contact: " + r.visible_text()[:200])
    mine_data = json.loads(c.get("/compte/donnees.json").text)
    eq([a["motif"] for a in mine_data["reexamens"]], ["Réexamen demandé par %s, merci." % name])
    eq([m["texte"] for m in mine_data["messages_a_la_moderation"]],
       ["Message de %s à l'équipe." % name])
    # Rate-limited: failed sign-ins with both addresses, from one network
    # (which alone waits: issue 14, item 4).
    v = Visitor()
    for addr in (second, first):
        for i in range(5):
            eq(sign_in(v, addr, "pas le bon mot de passe %d" % i).status, 422)
    eq(sign_in(Visitor(v.addr), second).status, 429, "limited")

    needles = [first.lower(), second.lower(), name.lower(),
               first.split("@")[0], second.split("@")[0].lower()]
    before = dump()
    for n in needles:
        contains(before, n, "the dump before the deletion (the search works)")
    assert "public.users" in tables_holding(before, needles), "the search sees tables"
    assert mail_files_holding([first, second]), "mail files before the deletion"

    delete_account(c)

    deadline = time.time() + 15
    while (mail_files_holding([first, second]) or sql_value(
            "SELECT count(*) FROM outbox_erased") != "0") and time.time() < deadline:
        time.sleep(0.1)
    after = dump()
    leftovers = tables_holding(after, needles) + mail_files_holding(needles)
    eq(leftovers, [], "tables of the dump and mail files holding the address or the name")
    for n in needles:
        lacks(after, n, "the dump after the deletion (outside any table too)")
    # What stays, as documented: the text the person wrote (under the
    # pseudonym), the vote, the flag without its note.
    contains(after, body.lower(), "the proposal's text")
    eq(sql_value("SELECT count(*) FROM appeals WHERE contribution_id = %d"
                 " AND reason IS NULL" % mine), "1", "the appeal stays, without its reason")
    contains(after, "membre n°%d" % uid)
    eq(sql_value("SELECT count(*) FROM flags WHERE user_id = %d AND note IS NULL" % uid), "1")
    eq(sql_value("SELECT count(*) FROM notifications WHERE user_id = %d" % uid), "0")
    eq(sql_value("SELECT count(*) FROM votes WHERE user_id = %d" % uid), "1")
    eq(sql_value("SELECT count(*) FROM outbox_erased"), "0", "every file removed")
    # Neither the server's log nor PostgreSQL's holds them either.
    logs = harness.MAIN.log_text()
    pg_log = os.path.join(harness.ROOT, "var", "pg", "log")
    if os.path.exists(pg_log):
        with open(pg_log, errors="replace") as f:
            logs += f.read()
    for n in needles:
        lacks(logs.lower(), n, "logs")


@test
def purge_warns_a_month_before_three_years_without_sign_in_then_deletes():
    pid = db_proposal("Proposition pour la purge " + word())

    def account(signed_in_ago, created_ago="4 years"):
        uid = harness.make_user()
        sql("UPDATE users SET created_at = now() - interval '%s', last_signin_at = %s"
            " WHERE id = %d" % (created_ago, "NULL" if signed_in_ago is None else
                                "now() - interval '%s'" % signed_in_ago, uid))
        return uid, sql_value("SELECT email FROM users WHERE id = %d" % uid)

    old, old_addr = account("3 years 1 day")
    never, _ = account(None, "3 years 2 days")
    due, due_addr = account("3 years -10 days")
    back, back_addr = account("3 years -20 days")
    recent, _ = account("1 day")
    # What the old account leaves, as a person would.
    sql("INSERT INTO votes (user_id, contribution_id, choice) VALUES (%d, %d, 'agree')"
        % (old, pid))
    sql("INSERT INTO flags (contribution_id, user_id, rule_code, note) VALUES"
        " (%d, %d, 'R2', 'note de %s')" % (pid, old, old_addr))
    sql("INSERT INTO outbox (user_id, recipient, subject, body, kind) VALUES"
        " (%d, '%s', 'Ancien', 'x', 'verify')" % (old, old_addr))
    harness.login(harness.Client(), old)
    # Limiter events and sessions past their time, and fresh ones.
    sql("INSERT INTO rate_events (bucket, key, created_at) VALUES"
        " ('signin_ip', 'purge-vieux', now() - interval '25 hours'),"
        " ('signin_ip', 'purge-frais', now() - interval '23 hours')")
    sql("INSERT INTO sessions (user_id, token_hash, created_at, last_seen_at, ended_at)"
        " VALUES (%d, 'purge-%s', now() - interval '100 days', now() - interval '99 days',"
        " now() - interval '99 days')" % (recent, word()))

    r = harness.agora("purge")
    eq(r.returncode, 0, r.stderr)
    contains(r.stdout, "account %d deleted" % old)
    contains(r.stdout, "account %d deleted" % never, "never signed in: its creation counts")
    for uid in (old, never):
        eq(sql("SELECT email IS NULL, password_hash IS NULL, display_name, deleted_at IS NOT NULL"
               " FROM users WHERE id = %d" % uid)[0],
           ["t", "t", "Membre n°%d" % uid, "t"], "erased like a deletion")
    eq(sql_value("SELECT count(*) FROM flags WHERE user_id = %d AND note IS NULL" % old), "1")
    eq(sql_value("SELECT count(*) FROM outbox WHERE user_id = %d" % old), "0")
    eq(sql_value("SELECT count(*) FROM sessions WHERE user_id = %d" % old), "0")
    eq(sql_value("SELECT count(*) FROM votes WHERE user_id = %d" % old), "1", "its vote stays")
    eq(sql_value("SELECT email_key FROM departed_accounts WHERE user_id = %d" % old),
       harness.email_key(old_addr), "and its keyed address, as any deletion's")
    eq(sql_value("SELECT count(*) FROM rate_events WHERE key LIKE 'purge-%%'"), "1",
       "limiter events forgotten after a day")
    eq(sql_value("SELECT count(*) FROM sessions WHERE token_hash LIKE 'purge-%%'"), "0",
       "sessions over for 90 days forgotten")

    # 30 days before: warned once, by mail, with the date; not deleted.
    for uid, addr in ((due, due_addr), (back, back_addr)):
        eq(sql_value("SELECT deleted_at IS NULL AND inactivity_warned_at IS NOT NULL"
                     " FROM users WHERE id = %d" % uid), "t", "warned, kept")
        _, msg, _ = wait_mail(addr, "inactivity")
        eq(str(msg["Subject"]), "Votre compte Agora sera bientôt supprimé")
        text = msg.get_content()
        contains(text, sql_value("SELECT fr_date(last_signin_at + interval '3 years')"
                                 " FROM users WHERE id = %d" % uid), "the date")
        contains(text, "http://127.0.0.1:%d/connexion" % harness.PORT)
    for uid in (recent,):
        eq(sql_value("SELECT deleted_at IS NULL AND inactivity_warned_at IS NULL"
                     " FROM users WHERE id = %d" % uid), "t", "recent: nothing")
    r = harness.agora("purge")
    eq(r.returncode, 0, r.stderr)
    eq(sql_value("SELECT count(*) FROM outbox WHERE user_id = %d AND kind = 'inactivity'"
                 % due), "1", "warned once only")

    # One of them signs in: the count starts again.
    r = harness.agora("hash-password", env={"AGORA_NEW_PASSWORD": PASSWORD})
    sql("UPDATE users SET password_hash = '%s' WHERE id = %d" % (r.stdout.strip(), back))
    v = Visitor()
    eq(sign_in(v, back_addr).status, 303)
    contains(v.get("/compte/").visible_text(),
             "Dernière connexion le " + sql_value("SELECT fr_date(now())"), "shown to the person")
    eq(sql_value("SELECT inactivity_warned_at IS NULL AND last_signin_at > now() - interval"
                 " '1 minute' FROM users WHERE id = %d" % back), "t", "sign-in dated")
    # The other lets the month pass.
    sql("UPDATE users SET last_signin_at = last_signin_at - interval '11 days' WHERE id = %d"
        % due)
    r = harness.agora("purge")
    eq(r.returncode, 0, r.stderr)
    contains(r.stdout, "account %d deleted" % due)
    eq(sql_value("SELECT deleted_at IS NOT NULL FROM users WHERE id = %d" % due), "t")
    eq(sql_value("SELECT count(*) FROM outbox WHERE user_id = %d" % due), "0",
       "its warning erased with it")
    for uid in (back, recent):
        eq(sql_value("SELECT deleted_at IS NULL FROM users WHERE id = %d" % uid), "t", "kept")
    lacks(r.stdout, "account %d deleted" % back)
    contains(r.stdout, "erased rows vacuumed")


@test
def the_privacy_notice_says_what_is_kept_and_for_how_long():
    t = harness.Client().get("/confidentialite").visible_text()
    for text in ["Une personne, une voix", "empreinte de votre adresse électronique",
                 "HMAC-SHA256", "30 jours après la clôture",
                 "un message vous prévient 30 jours avant la suppression",
                 "Sauvegardes de la base de données : 35 jours au plus",
                 "journal des transactions", "au plus deux heures",
                 "ni l'adresse électronique ni l'adresse IP",
                 "plusieurs adresses", "étiquette placée après un « + »"]:
        contains(t, text, "privacy notice")


@test
def the_production_timer_runs_the_purge_hourly():
    conf = os.path.join(harness.ROOT, "conf", "production")
    with open(os.path.join(conf, "agora-purge.service")) as f:
        service = f.read()
    with open(os.path.join(conf, "agora-purge.timer")) as f:
        timer = f.read()
    contains(timer, "OnUnitActiveSec=1h")
    contains(service, "Type=oneshot")
    m = re.search(r"^ExecStart=(.*)$", service, re.M)
    assert m, "ExecStart"
    argv = shlex.split(m.group(1))
    eq(argv[0], "/usr/bin/agora")
    r = harness.agora(*argv[1:])
    eq(r.returncode, 0, "the timer's command: " + r.stderr)
    contains(r.stdout, "account(s) deleted")
    eq(harness.agora("purge", "--now").returncode, 2, "no other argument")
