# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""One person, one vote (issue 10, item 5): one account per address once
normalised (case, +tags), and a person who deletes their account and comes
back with the same address gets their earlier votes back instead of voting
a second time. Everything goes through the forms and the links of the
mails, as a person would."""

import os
import re

import fixtures
import harness
from accounts_lib import (PASSWORD, Visitor, delete_account, field_error,
                          link_in, member, sign_in, signup, unique_name,
                          wait_mail)
from harness import contains, eq, lacks, sql, sql_value, test
from participation_lib import csrf_of, db_proposal, vote, word

DUPLICATE = "Un compte existe déjà avec cette adresse"


def counts(pid):
    return sql("SELECT votes_agree, votes_mixed, votes_disagree FROM proposal_votes"
               " WHERE contribution_id = %d" % pid)[0]


def an_argument(pid):
    """An argument "pour" by an account of its own, through
    participation_reply() (fixtures)."""
    return fixtures.argument(harness.make_user(), pid, "pour", "Un argument pour")


def tagged(addr, tag="retour"):
    """The same mailbox, another spelling: a +tag and upper case."""
    local, domain = addr.split("@")
    return ("%s+%s@%s" % (local, tag, domain)).upper()


# ---------------------------------------------------------------- the rule

@test
def the_sql_rule_and_the_c_rule_agree_on_every_shared_case():
    path = os.path.join(harness.ROOT, "test", "data", "email_canonical.tsv")
    cases = [l.rstrip("\n").split("\t") for l in open(path, encoding="utf-8")
             if l.strip() and not l.startswith("#")]
    assert len(cases) >= 10, cases
    for addr, expected in cases:
        got = sql_value("SELECT email_canonical($q$%s$q$)" % addr)
        eq(got, expected, "email_canonical(%r)" % addr)
        eq(harness.email_canonical(addr), expected, "the tests' own copy, %r" % addr)


@test
def case_and_plus_tag_variants_make_no_second_account():
    local = "Prenom.Nom" + word(6)
    addr = "%s@Example.org" % local
    r, _ = signup(Visitor(), addr=addr)
    eq(r.status, 303, "first account")
    for variant in ["%s+agora@example.org" % local.lower(), "%s@EXAMPLE.ORG" % local.upper(),
                    "%s+a+b@Example.org" % local]:
        name = unique_name()
        r, _ = signup(Visitor(), name=name, addr=variant)
        eq(r.status, 422, variant)
        contains(field_error(r, "courriel"), DUPLICATE, variant)
        contains(r.text, 'value="%s"' % variant, "what was typed is kept")
        contains(r.text, 'value="%s"' % name, "name kept")
        lacks(r.text, PASSWORD, "password never written back")
    eq(sql_value("SELECT count(*) FROM users WHERE email_canonical(email) = '%s'"
                 % harness.email_canonical(addr)), "1", "one account")
    # Dots are kept: at most providers they make another mailbox.
    r, _ = signup(Visitor(), addr="%s@example.org" % local.replace(".", ""))
    eq(r.status, 303, "without the dot: another address")
    # The address shown and mailed is the one typed.
    eq(sql_value("SELECT email FROM users WHERE lower(email) = lower('%s')" % addr), addr)
    _, msg, _ = wait_mail(addr, "verify")
    eq(msg["To"], addr, "mail goes to the address as typed")
    # The command line applies the same rule.
    r = harness.agora("user", "create", "--email", "%s+cli@example.org" % local,
                      "--name", "Autre Personne", env={"AGORA_NEW_PASSWORD": PASSWORD})
    eq(r.returncode, 1, "agora user create with a +tag variant")
    contains(r.stderr, "already uses")


@test
def change_of_address_to_a_variant_of_another_account_is_refused():
    _, taken, tid = member()
    c, addr, uid = member()
    page = c.get("/compte/adresse")
    # Issue 14, item 7: the answer is the one any address gets (the form
    # must not tell which addresses have accounts); nothing changes, the
    # owner of the address is told, and the attempt counts in the limit.
    events = sql_value("SELECT count(*) FROM rate_events WHERE bucket = 'email_change'")
    r = c.post("/compte/adresse", {"csrf": page.csrf(), "courriel": tagged(taken),
                                   "mot_de_passe": PASSWORD})
    eq(r.status, 303, "another account's address with a +tag: the usual answer")
    eq(r.header("location"), "/compte/adresse")
    contains(c.get("/compte/adresse").visible_text(), "Un lien de confirmation a été envoyé")
    eq(sql_value("SELECT count(*) FROM account_tokens WHERE user_id = %d"
                 " AND kind = 'email_change'" % uid), "0", "no link to another's address")
    eq(sql_value("SELECT email FROM users WHERE id = %d" % uid), addr)
    _, msg, _ = wait_mail(taken, "email_taken")
    contains(msg.get_content(), "rien n'a changé")
    contains(msg.get_content(), taken)
    eq(int(sql_value("SELECT count(*) FROM rate_events WHERE bucket = 'email_change'")),
       int(events) + 1, "counted like a change")
    # A wrong password is still refused at its field, whatever the address.
    r = c.post("/compte/adresse", {"csrf": page.csrf(), "courriel": tagged(taken),
                                   "mot_de_passe": "pas le bon mot de passe"})
    eq(r.status, 422)
    contains(field_error(r, "mot_de_passe"), "incorrect")
    # The account's own address with a +tag (for a mail filter) is allowed.
    own = tagged(addr, "filtre").lower()
    r = c.post("/compte/adresse", {"csrf": page.csrf(), "courriel": own,
                                   "mot_de_passe": PASSWORD})
    eq(r.status, 303, "own address with a +tag")
    _, msg, _ = wait_mail(own, "email_change")
    eq(Visitor().get(link_in(msg, "/verification")).status, 200)
    eq(sql_value("SELECT email FROM users WHERE id = %d" % uid), own, "shown as typed")
    eq(sign_in(Visitor(), own).status, 303, "signs in with the new spelling")


# ---------------------------------------------------------------- return

@test
def a_returning_person_s_votes_are_replaced_not_added():
    p1 = db_proposal("Retour " + word())
    p2 = db_proposal("Retour " + word())
    arg = an_argument(p1)
    c, addr, old = member()
    eq(vote(c, p1, "agree").status, 303)
    eq(vote(c, p2, "disagree").status, 303)
    eq(c.post("/arguments/%d/utile" % arg, {"csrf": csrf_of(c)}).status, 303, "utile")
    before = (counts(p1), counts(p2))
    delete_account(c)
    eq((counts(p1), counts(p2)), before, "deletion keeps the votes counted")

    # The same person signs up again, spelling the address another way,
    # and votes again: the new vote replaces the earlier one.
    c2, addr2, new = member(addr=tagged(addr))
    eq(addr2, tagged(addr))
    eq(vote(c2, p1, "disagree").status, 303)
    a, m, d = [int(x) for x in before[0]]
    eq(counts(p1), [str(a - 1), str(m), str(d + 1)], "replaced, not added")
    eq(vote(c2, p2, "disagree").status, 303)
    eq(counts(p2), before[1], "the same vote again changes nothing")
    eq(c2.post("/arguments/%d/utile" % arg, {"csrf": csrf_of(c2)}).status, 303)
    eq(sql_value("SELECT useful FROM contributions WHERE id = %d" % arg), "0",
       "the earlier 'utile' mark is the one toggled off")
    contains(c2.get("/compte/").visible_text(), "Vous avez donné votre avis sur 2 propositions")

    # How: the earlier votes became the new account's when it confirmed
    # the address; nothing is left under the pseudonym.
    eq(sql_value("SELECT count(*) FROM votes WHERE user_id = %d" % old), "0",
       "nothing left under the pseudonym")
    eq(sql("SELECT contribution_id, choice FROM votes WHERE user_id = %d ORDER BY 1" % new),
       [[str(p1), "disagree"], [str(p2), "disagree"]])


@test
def a_deletion_keeps_only_a_keyed_hash_of_the_address_until_it_returns():
    pid = db_proposal("Empreinte " + word())
    c, addr, old = member()
    eq(vote(c, pid, "agree").status, 303)
    delete_account(c)
    eq(sql("SELECT user_id, email_key FROM departed_accounts WHERE user_id = %d" % old),
       [[str(old), harness.email_key(addr)]], "the departed account's keyed address")
    lacks(str(sql("SELECT * FROM departed_accounts")).lower(), addr.split("@")[0].lower())
    member(addr=tagged(addr, "x"))
    eq(sql_value("SELECT count(*) FROM departed_accounts WHERE user_id = %d" % old), "0",
       "forgotten once the person is back")


@test
def a_password_reset_proves_the_address_and_takes_over_too():
    pid = db_proposal("Retour par réinitialisation " + word())
    c, addr, old = member()
    eq(vote(c, pid, "mixed").status, 303)
    before = counts(pid)
    delete_account(c)
    # Signs up again but uses "mot de passe oublié" instead of the link.
    v = Visitor()
    r, _ = signup(v, addr=addr)
    eq(r.status, 303)
    r = v.submit("/mot-de-passe-oublie", "/mot-de-passe-oublie", {"courriel": addr})
    eq(r.status, 303)
    _, msg, _ = wait_mail(addr, "reset")
    link = link_in(msg, "/reinitialisation")
    page = v.get(link)
    eq(page.status, 200)
    r = v.post("/reinitialisation", {"csrf": page.csrf(), "jeton": link.split("=", 1)[1],
                                     "nouveau": "une autre phrase de passe longue"})
    eq(r.status, 303, r.visible_text()[:200])
    new = int(sql_value("SELECT id FROM users WHERE email = '%s'" % addr))
    eq(sql_value("SELECT verified_at IS NOT NULL FROM users WHERE id = %d" % new), "t")
    eq(sign_in(v, addr, "une autre phrase de passe longue").status, 303)
    eq(vote(v, pid, "agree").status, 303)
    a, m, d = [int(x) for x in before]
    eq(counts(pid), [str(a + 1), str(m - 1), str(d)], "replaced, not added")
    eq(sql_value("SELECT count(*) FROM votes WHERE user_id = %d" % old), "0", "taken over")


@test
def an_address_change_to_a_departed_address_takes_over_and_keeps_its_own_votes():
    p1 = db_proposal("Changement " + word())
    p2 = db_proposal("Changement " + word())
    c, addr, old = member()
    eq(vote(c, p1, "agree").status, 303)
    eq(vote(c, p2, "agree").status, 303)
    delete_account(c)
    # The same person, with another account made meanwhile, moves it to
    # the old address: where both voted, the live account's vote stands.
    c2, _, live = member()
    eq(vote(c2, p1, "disagree").status, 303)
    before = (counts(p1), counts(p2))
    page = c2.get("/compte/adresse")
    r = c2.post("/compte/adresse", {"csrf": page.csrf(), "courriel": addr,
                                    "mot_de_passe": PASSWORD})
    eq(r.status, 303)
    _, msg, _ = wait_mail(addr, "email_change")
    eq(Visitor().get(link_in(msg, "/verification")).status, 200)
    a, m, d = [int(x) for x in before[0]]
    eq(counts(p1), [str(a - 1), str(m), str(d)], "one voice on p1: the live one")
    eq(counts(p2), before[1], "p2 unchanged")
    eq(sql("SELECT contribution_id, choice FROM votes WHERE user_id = %d ORDER BY 1" % live),
       [[str(p1), "disagree"], [str(p2), "agree"]])
    eq(sql_value("SELECT count(*) FROM votes WHERE user_id = %d" % old), "0")


@test
def no_keyed_address_without_votes_and_none_after_the_consultation_closed():
    c, addr, uid = member()
    delete_account(c)
    eq(sql_value("SELECT count(*) FROM departed_accounts WHERE user_id = %d" % uid), "0",
       "nothing voted: nothing to remember")
    eq(sql_value("SELECT count(*) FROM departed_accounts WHERE email_key = '%s'"
                 % harness.email_key(addr)), "0")

    pid = db_proposal("Clôture " + word())
    c, addr, uid = member()
    eq(vote(c, pid, "agree").status, 303)
    delete_account(c)
    eq(sql_value("SELECT count(*) FROM departed_accounts WHERE user_id = %d" % uid), "1")
    r = harness.agora("purge")
    eq(r.returncode, 0, r.stderr)
    eq(sql_value("SELECT count(*) FROM departed_accounts WHERE user_id = %d" % uid), "1",
       "kept while the consultation is open")
    saved = sql("SELECT opens_at, closes_at FROM consultations WHERE is_primary")[0]
    try:
        sql("UPDATE consultations SET opens_at = now() - interval '90 days',"
            " closes_at = now() - interval '29 days' WHERE is_primary")
        harness.agora("purge")
        eq(sql_value("SELECT count(*) FROM departed_accounts WHERE user_id = %d" % uid), "1",
           "kept for 30 days after the closing")
        sql("UPDATE consultations SET closes_at = now() - interval '31 days' WHERE is_primary")
        r = harness.agora("purge")
        eq(r.returncode, 0, r.stderr)
        assert re.search(r"purge: .* [1-9][0-9]* departed address key\(s\)", r.stdout), r.stdout
        eq(sql_value("SELECT count(*) FROM departed_accounts WHERE user_id = %d" % uid), "0",
           "forgotten 30 days after the closing")
    finally:
        sql("UPDATE consultations SET opens_at = '%s', closes_at = '%s' WHERE is_primary"
            % tuple(saved))


@test
def agora_user_create_verified_takes_over_too():
    pid = db_proposal("Retour en ligne de commande " + word())
    c, addr, old = member()
    eq(vote(c, pid, "agree").status, 303)
    before = counts(pid)
    delete_account(c)
    r = harness.agora("user", "create", "--email", addr, "--name", "Revenue Par Commande",
                      "--verified", env={"AGORA_NEW_PASSWORD": PASSWORD})
    eq(r.returncode, 0, r.stderr)
    new = int(r.stdout.strip())
    eq(sql_value("SELECT choice FROM votes WHERE user_id = %d AND contribution_id = %d"
                 % (new, pid)), "agree", "taken over")
    eq(counts(pid), before)
    # Without --verified the address is not proved: nothing is taken over.
    c, addr, old = member()
    eq(vote(c, pid, "mixed").status, 303)
    delete_account(c)
    r = harness.agora("user", "create", "--email", addr, "--name", "Pas Encore Vérifiée",
                      env={"AGORA_NEW_PASSWORD": PASSWORD})
    eq(r.returncode, 0, r.stderr)
    eq(sql_value("SELECT count(*) FROM votes WHERE user_id = %d" % old), "1",
       "still the departed account's")
