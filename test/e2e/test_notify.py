# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Notifications and following (issue 13, item 8): a reply to my
contribution, an argument on my proposal, the Region's answer, the activity
of what I follow; follow / unfollow a proposal or a theme; the header's
unread count; e-mail preferences per kind; the daily digest; the one-click
unsubscribe of every notification mail (RFC 8058). Events are written in
the transaction of the change and fanned out by the mail sender, so the
tests wait for the sender's next tick."""

import re
import secrets
import time

import fixtures
import harness
from accounts_lib import wait_mail
from harness import Client, contains, eq, lacks, make_user, signed_in, sql, sql_value, test
from participation_lib import csrf_of, post_argument, post_comment
from test_moderation import decide, moderator

TODAY = "(now() AT TIME ZONE 'Europe/Paris')::date"


def person(tag, **kw):
    """An account with an address of its own; returns (client, id, address)."""
    addr = "%s-%s@example.org" % (tag, secrets.token_hex(5))
    uid = make_user(email=addr, **kw)
    return harness.login(Client(), uid), uid, addr


def notes(uid, kind=None):
    """[(kind, contribution_id)] of uid's notifications, oldest first."""
    cond = " AND kind = '%s'" % kind if kind else ""
    return [(r[0], int(r[1])) for r in sql(
        "SELECT kind, contribution_id FROM notifications WHERE user_id = %d%s"
        " ORDER BY id" % (uid, cond))]


def fanned_out(timeout=20):
    """Waits until the sender has fanned out every event."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if sql_value("SELECT count(*) FROM notification_events"
                     " WHERE fanned_out_at IS NULL") == "0":
            return
        time.sleep(0.1)
    raise AssertionError("events not fanned out within %ds" % timeout)


def mails(uid, kind):
    return int(sql_value("SELECT count(*) FROM outbox WHERE user_id = %d AND kind = '%s'"
                         % (uid, kind)))


def unsubscribe_url(msg):
    """The path of a mail's List-Unsubscribe URL, checking both headers."""
    lu = msg["List-Unsubscribe"]
    assert lu, "no List-Unsubscribe header"
    eq(msg["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
    base = "http://127.0.0.1:%d" % harness.PORT
    m = re.fullmatch(r"<%s(/desabonnement/[0-9]+-[a-z]+-[A-Za-z0-9_-]{43})>" % re.escape(base),
                     str(lu))
    assert m, "List-Unsubscribe: %r" % lu
    return m.group(1)


def one_click(path):
    """The POST a mail client sends (RFC 8058): no cookie, no CSRF token."""
    return Client().request("POST", path, body=b"List-Unsubscribe=One-Click",
                            headers={"Content-Type": "application/x-www-form-urlencoded"})


def mode(uid, kind):
    return sql_value("SELECT notify_mode(%d, '%s')" % (uid, kind))


@test
def an_argument_on_my_proposal_and_a_reply_to_my_argument_are_notified_and_mailed():
    author, a_id, a_addr = person("autrice")
    pid = fixtures.proposal(a_id, "Des jardins partagés " + secrets.token_hex(3))
    other, o_id, o_addr = person("argumente")
    r = post_argument(other, pid, "pour", "Les jardins rapprochent les voisins du quartier.")
    eq(r.status, 303, r.visible_text()[:300])
    arg = int(sql_value("SELECT max(id) FROM contributions WHERE author_id = %d" % o_id))
    fanned_out()
    eq(notes(a_id), [("argument", arg)], "the proposal's author is told of the argument")
    eq(notes(o_id), [], "never of one's own action")
    _, msg, raw = wait_mail(a_addr, "argument")
    contains(str(msg["Subject"]), "Nouvel argument sur votre proposition")
    body = msg.get_content()
    contains(body, "Les jardins rapprochent les voisins")
    contains(body, "/propositions/%d?voir=%d#c%d" % (pid, arg, arg))
    contains(body, "/compte/courriels")
    unsubscribe_url(msg)
    # The author answers the argument: its author gets a reply.
    r = post_comment(author, pid, "Merci, bonne idée pour les écoles aussi.", parent=arg)
    eq(r.status, 303, r.visible_text()[:300])
    com = int(sql_value("SELECT max(id) FROM contributions WHERE author_id = %d" % a_id))
    fanned_out()
    eq(notes(o_id), [("reply", com)], "the argument's author is told of the reply")
    eq(notes(a_id), [("argument", arg)], "the replier is not told of their own reply")
    _, msg, _ = wait_mail(o_addr, "reply")
    contains(str(msg["Subject"]), "Réponse à votre contribution")
    contains(msg.get_content(), "/propositions/%d?voir=%d#c%d" % (pid, com, com))
    # The notifications page lists both kinds, linking to the contribution.
    page = other.get("/compte/notifications")
    eq(page.status, 200)
    contains(page.visible_text(), "Réponse à votre contribution, proposition « Des jardins partagés")
    contains(page.text, 'href="/propositions/%d?voir=%d#c%d"' % (pid, com, com))


@test
def a_pending_contribution_notifies_only_once_published_and_only_once():
    author, a_id, _ = person("autrice")
    pid = fixtures.proposal(a_id)
    _, o_id, _ = person("attente")
    arg = fixtures.argument(o_id, pid, "contre", "Un argument tenu pour relecture.", pending=True)
    eq(sql_value("SELECT count(*) FROM notification_events WHERE contribution_id = %d" % arg), "0",
       "a pending contribution is not public: no event")
    mod, _ = moderator()
    decide(mod, arg, "publish")
    fanned_out()
    eq(notes(a_id, "argument"), [("argument", arg)], "published: the author is told")
    decide(mod, arg, "hide", rule="R3")
    decide(mod, arg, "restore")
    fanned_out()
    eq(notes(a_id, "argument"), [("argument", arg)], "restored: not told twice")


@test
def following_a_proposal_brings_its_activity_and_unfollowing_stops_it():
    _, a_id, _ = person("autrice")
    pid = fixtures.proposal(a_id)
    fan, f_id, f_addr = person("suiveuse")
    page = fan.get("/propositions/%d" % pid)
    contains(page.text, 'action="/propositions/%d/suivre"' % pid)
    contains(page.visible_text(), "Suivre cette proposition")
    lacks(Client().get("/propositions/%d" % pid).text, "/suivre", "a visitor sees no follow form")
    r = fan.post("/propositions/%d/suivre" % pid, {"csrf": page.csrf(), "action": "suivre"})
    eq(r.status, 303)
    eq(r.header("location"), "/propositions/%d" % pid)
    page = fan.get("/propositions/%d" % pid)
    contains(page.visible_text(), "Vous suivez cette proposition")
    contains(page.visible_text(), "Ne plus suivre cette proposition")
    contains(page.visible_text(), "Vous suivez cette proposition : ses nouveaux arguments")
    # Twice is still one follow.
    r = fan.post("/propositions/%d/suivre" % pid, {"csrf": page.csrf(), "action": "suivre"})
    eq(r.status, 303)
    eq(sql_value("SELECT count(*) FROM follows WHERE user_id = %d" % f_id), "1")
    # Someone comments: the follower is told (activity), in the digest by default.
    _, c_id, _ = person("commente")
    com = fixtures.comment(c_id, pid, "Un commentaire sur la proposition suivie.")
    fanned_out()
    eq(notes(f_id), [("activity", com)])
    eq(notes(c_id), [], "not the commenter")
    eq(notes(a_id), [("reply", com)], "the author is told as author, once")
    eq(mails(f_id, "activity"), 0, "activity comes in the daily digest by default")
    # The follower's own comment notifies the author, not the follower.
    own = fixtures.comment(f_id, pid, "Mon propre commentaire de suiveuse.")
    fanned_out()
    eq(notes(f_id), [("activity", com)], "never of one's own comment")
    # Unfollow: nothing more.
    r = fan.post("/propositions/%d/suivre" % pid, {"csrf": csrf_of(fan), "action": "arreter"})
    eq(r.status, 303)
    contains(fan.get("/propositions/%d" % pid).visible_text(), "Suivre cette proposition")
    fixtures.comment(c_id, pid, "Un autre commentaire, après le désabonnement.")
    fanned_out()
    eq(notes(f_id), [("activity", com)], "unfollowed: no more notifications")
    assert own


@test
def follow_forms_refuse_visitors_forged_posts_bad_actions_and_unknown_targets():
    _, a_id, _ = person("autrice")
    pid = fixtures.proposal(a_id)
    fan, f_id, _ = person("suiveur")
    r = Client().post("/propositions/%d/suivre" % pid, {"action": "suivre"})
    eq(r.status, 401, "a visitor must sign in")
    r = fan.post("/propositions/%d/suivre" % pid, {"action": "suivre", "csrf": "A" * 43})
    eq(r.status, 403, "a forged form is refused")
    r = fan.post("/propositions/%d/suivre" % pid, {"action": "peut-etre", "csrf": csrf_of(fan)})
    eq(r.status, 400)
    contains(r.visible_text(), "Choisissez de suivre cette proposition")
    eq(fan.post("/propositions/999999999/suivre",
                {"action": "suivre", "csrf": csrf_of(fan)}).status, 404)
    hidden = fixtures.proposal(a_id, pending=True)
    eq(fan.post("/propositions/%d/suivre" % hidden,
                {"action": "suivre", "csrf": csrf_of(fan)}).status, 404, "not a public proposal")
    eq(fan.post("/themes/pas-un-theme/suivre",
                {"action": "suivre", "csrf": csrf_of(fan)}).status, 404)
    eq(sql_value("SELECT count(*) FROM follows WHERE user_id = %d" % f_id), "0")


@test
def following_a_theme_brings_its_new_proposals():
    fan, f_id, _ = person("theme")
    page = fan.get("/themes/ethique")
    contains(page.text, 'action="/themes/ethique/suivre"')
    contains(page.visible_text(), "Suivre ce thème")
    r = fan.post("/themes/ethique/suivre", {"csrf": page.csrf(), "action": "suivre"})
    eq(r.status, 303)
    eq(r.header("location"), "/themes/ethique")
    contains(fan.get("/themes/ethique").visible_text(), "Vous suivez ce thème")
    _, p_id, _ = person("propose")
    pid = fixtures.proposal(p_id, "Une proposition du thème suivi")
    other_theme = fixtures.proposal(p_id, slug="culture")
    own = fixtures.proposal(f_id)
    fanned_out()
    eq(notes(f_id), [("theme", pid)], "the theme's new proposal, not another theme's nor mine")
    page = fan.get("/compte/notifications")
    contains(page.visible_text(), "Nouvelle proposition dans un thème que vous suivez : "
             "« Une proposition du thème suivi »")
    r = fan.post("/themes/ethique/suivre", {"csrf": csrf_of(fan), "action": "arreter"})
    eq(r.status, 303)
    eq(sql_value("SELECT count(*) FROM follows WHERE user_id = %d" % f_id), "0")
    assert other_theme and own


@test
def the_regions_first_answer_notifies_author_voters_and_followers_once():
    _, a_id, a_addr = person("autrice")
    pid = fixtures.proposal(a_id, "Une proposition à répondre " + secrets.token_hex(3))
    _, v_id, v_addr = person("votant")
    fixtures.vote(v_id, pid, "agree")
    _, quiet, _ = person("discret")
    fixtures.vote(quiet, pid, "mixed")
    sql("INSERT INTO notification_prefs (user_id, kind, mode) VALUES (%d, 'answer', 'none')"
        % quiet)
    fan, f_id, f_addr = person("suiveur")
    eq(fan.post("/propositions/%d/suivre" % pid,
                {"csrf": csrf_of(fan), "action": "suivre"}).status, 303)
    official, o_id = signed_in(roles=("official",))
    path = "/propositions/%d/reponse" % pid
    r = official.submit(path, path, {"action": "publier", "statut": "retenue", "reponse": "Nous le ferons en 2027."})
    eq(r.status, 303, r.visible_text()[:300])
    fanned_out()
    for uid in (a_id, v_id, f_id):
        eq(notes(uid), [("answer", pid)], "told of the answer: %d" % uid)
    eq(notes(o_id), [], "not the official")
    # The author and voters get the answer's own mail; the follower one of its own.
    _, msg, _ = wait_mail(f_addr, "answer_follow")
    contains(str(msg["Subject"]), "Réponse de la Région à la proposition")
    contains(msg.get_content(), "que vous suivez")
    unsubscribe_url(msg)
    eq(mails(v_id, "answer_follow"), 0, "a voter is not mailed twice")
    eq(notes(quiet), [("answer", pid)], "a voter who chose no mail is told on the site")
    eq(mails(quiet, "answer") + mails(quiet, "answer_follow"), 0, "and gets no mail")
    _, msg, _ = wait_mail(v_addr, "answer")
    unsubscribe_url(msg)
    # A correction notifies nobody again.
    r = official.submit(path, path, {"action": "publier", "statut": "retenue", "reponse": "Nous le ferons en 2028."})
    eq(r.status, 303)
    fanned_out()
    eq(notes(f_id), [("answer", pid)], "a correction is not a new notification")


@test
def the_header_counts_unread_notifications_in_words_for_screen_readers():
    me, m_id, _ = person("compte")
    pid = fixtures.proposal(m_id)
    lacks(me.get("/").text, "non lue", "none yet")
    for i in range(3):
        _, o, _ = person("arg%d" % i)
        fixtures.argument(o, pid, "pour", "Argument numéro %d pour la proposition." % i)
    fanned_out()
    page = me.get("/")
    contains(page.text, '<span class="badge" aria-hidden="true">3</span>'
             '<span class="visually-hidden"> : 3 notifications non lues</span>')
    contains(page.text, 'href="/compte/notifications"')
    # Reading them clears the count, on that very page too.
    page = me.get("/compte/notifications")
    lacks(page.text, "non lues")
    eq(page.visible_text().count("Argument sur votre proposition"), 3)
    lacks(me.get("/").text, "non lue")
    lacks(Client().get("/").text, "/compte/notifications", "a visitor has no count")


@test
def mail_preferences_per_kind_are_kept_and_followed():
    me, m_id, m_addr = person("prefs")
    page = me.get("/compte/courriels")
    eq(page.status, 200)
    contains(page.visible_text(), "Mes courriels de notification")
    contains(page.text, '<option value="immediate" selected>')
    m = re.search(r'<select[^>]*name="courriels_activite".*?</select>', page.text, re.S)
    assert m and '<option value="digest" selected>' in m.group(0), "activity: digest by default"
    contains(me.get("/compte/").text, 'href="/compte/courriels"')
    # A value outside the list: said at the field, the choices kept.
    fields = {"courriels_reponse": "none", "courriels_argument": "jamais",
              "courriels_region": "digest", "courriels_activite": "immediate",
              "courriels_theme": "none"}
    r = me.submit("/compte/courriels", "/compte/courriels", fields)
    eq(r.status, 422)
    contains(r.visible_text(), "La valeur choisie pour « Argument sur votre proposition » "
             "n'est pas dans la liste.")
    m = re.search(r'<select[^>]*name="courriels_region".*?</select>', r.text, re.S)
    assert m and '<option value="digest" selected>' in m.group(0), "the person's choice kept"
    eq(sql_value("SELECT count(*) FROM notification_prefs WHERE user_id = %d" % m_id), "0")
    fields["courriels_argument"] = "none"
    r = me.submit("/compte/courriels", "/compte/courriels", fields)
    eq(r.status, 303)
    eq(r.header("location"), "/compte/courriels")
    eq([mode(m_id, k) for k in ("reply", "argument", "answer", "activity", "theme")],
       ["none", "none", "digest", "immediate", "none"])
    contains(me.get("/compte/courriels").visible_text(), "Vos choix de courriels sont enregistrés.")
    # None: the notification, no mail.
    pid = fixtures.proposal(m_id)
    _, o, _ = person("arg")
    arg = fixtures.argument(o, pid, "contre", "Un argument sans courriel à l'autrice.")
    fanned_out()
    eq(notes(m_id), [("argument", arg)])
    eq(mails(m_id, "argument"), 0, "mode none: no mail")
    eq(sql_value("SELECT digest_pending FROM notifications WHERE user_id = %d" % m_id), "f")


@test
def the_daily_digest_lists_the_days_notifications_in_one_mail():
    me, m_id, m_addr = person("resume")
    sql("INSERT INTO notification_prefs (user_id, kind, mode) VALUES (%d, 'argument', 'digest')"
        % m_id)
    # Today's digest already went: these wait for tomorrow's.
    sql("INSERT INTO notification_digests (user_id, sent_on) VALUES (%d, %s)" % (m_id, TODAY))
    pid = fixtures.proposal(m_id, "Proposition résumée " + secrets.token_hex(3))
    args = []
    for i in range(2):
        _, o, _ = person("dig%d" % i)
        args.append(fixtures.argument(o, pid, "pour", "Argument %d pour le résumé du jour." % i))
    fanned_out()
    eq(notes(m_id), [("argument", a) for a in args])
    eq(sql_value("SELECT count(*) FROM notifications WHERE user_id = %d AND digest_pending"
                 % m_id), "2")
    time.sleep(1)
    eq(mails(m_id, "digest"), 0, "one digest a day: not a second one today")
    eq(mails(m_id, "argument"), 0, "digest mode: no mail each time")
    # The next day: one mail listing both.
    sql("UPDATE notification_digests SET sent_on = %s - 1 WHERE user_id = %d" % (TODAY, m_id))
    deadline = time.time() + 20
    while mails(m_id, "digest") == 0:
        assert time.time() < deadline, "no digest written"
        time.sleep(0.1)
    _, msg, _ = wait_mail(m_addr, "digest")
    eq(mails(m_id, "digest"), 1)
    contains(str(msg["Subject"]), "Votre résumé du jour")
    body = msg.get_content()
    contains(body, "(2)")
    for a in args:
        contains(body, "/propositions/%d?voir=%d#c%d" % (pid, a, a))
    eq(harness.same_spaces(body).count("Nouvel argument sur votre proposition « Proposition résumée"), 2)
    eq(sql_value("SELECT sent_on = %s FROM notification_digests WHERE user_id = %d"
                 % (TODAY, m_id)), "t")
    eq(sql_value("SELECT count(*) FROM notifications WHERE user_id = %d AND digest_pending"
                 % m_id), "0")
    # Its one-click unsubscribe stops every kind mailed in the digest.
    path = unsubscribe_url(msg)
    eq(one_click(path).status, 200)
    eq([mode(m_id, k) for k in ("argument", "activity", "theme", "reply")],
       ["none", "none", "none", "immediate"])


@test
def one_click_unsubscribe_works_without_cookies_and_a_get_changes_nothing():
    _, a_id, a_addr = person("desabo")
    pid = fixtures.proposal(a_id)
    _, o, _ = person("arg")
    fixtures.argument(o, pid, "pour", "Un argument qui fait écrire à l'autrice.")
    fanned_out()
    _, msg, raw = wait_mail(a_addr, "argument")
    path = unsubscribe_url(msg)
    contains(path, "/desabonnement/%d-argument-" % a_id)
    # GET: a confirmation page with its form; nothing changes.
    page = Client().get(path)
    eq(page.status, 200)
    contains(page.visible_text(), "Ne plus recevoir par courriel : Argument sur votre proposition")
    contains(page.text, 'method="post"')
    contains(page.text, 'action="%s"' % path)
    eq(mode(a_id, "argument"), "immediate", "a GET changes nothing")
    # Forged, or another person's id or kind with this mac: refused, nothing changes.
    mac = path.rsplit("-", 1)[1]
    for bad in ("/desabonnement/%d-argument-%s" % (a_id, "A" * 43),
                "/desabonnement/%d-argument-%s" % (o, mac),
                "/desabonnement/%d-reply-%s" % (a_id, mac),
                "/desabonnement/pas-un-jeton"):
        eq(one_click(bad).status, 404, bad)
        eq(Client().get(bad).status, 404, bad)
    eq(mode(a_id, "argument"), "immediate")
    eq(mode(o, "argument"), "immediate")
    # The mail client's POST: no cookie, no CSRF token, urlencoded.
    r = one_click(path)
    eq(r.status, 200, r.visible_text()[:300])
    contains(r.visible_text(), "Désabonnement enregistré")
    eq(mode(a_id, "argument"), "none")
    eq(mode(a_id, "reply"), "immediate", "only that kind")
    # The browser form's POST (multipart, no session) works the same, twice.
    eq(Client().post(path, {}).status, 200)
    # Other POSTs still need their CSRF token.
    eq(Client().request("POST", "/connexion", body=b"x=1",
                        headers={"Content-Type": "application/x-www-form-urlencoded"}).status, 415)
    _, o2, _ = person("arg2")
    fixtures.argument(o2, pid, "contre", "Un second argument, sans courriel cette fois.")
    fanned_out()
    eq(len(notes(a_id, "argument")), 2, "still notified on the site")
    eq(mails(a_id, "argument"), 1, "but no more mail")
    assert raw.count(b"List-Unsubscribe: <") == 1


@test
def ten_thousand_followers_cost_a_comment_nothing_and_are_fanned_out_in_batches():
    _, a_id, _ = person("populaire")
    pid = fixtures.proposal(a_id)
    sql("WITH u AS (INSERT INTO users (email, display_name, verified_at)"
        " SELECT 'suiveur' || md5(random()::text) || '@example.org', 'Suiveur', now()"
        " FROM generate_series(1, 10000) RETURNING id)"
        " INSERT INTO follows (user_id, proposal_id) SELECT id, %d FROM u" % pid)
    # Their mode for activity: none (so the test's mail dir stays small).
    sql("INSERT INTO notification_prefs (user_id, kind, mode) SELECT user_id, 'activity', 'none'"
        " FROM follows WHERE proposal_id = %d" % pid)
    commenter, c_id, _ = person("commente")
    token = csrf_of(commenter)
    t0 = time.time()
    r = post_comment(commenter, pid, "Un commentaire suivi par dix mille personnes.", token=token)
    took = time.time() - t0
    eq(r.status, 303, r.visible_text()[:300])
    assert took < 1.0, "the comment took %.2f s" % took
    com = int(sql_value("SELECT max(id) FROM contributions WHERE author_id = %d" % c_id))
    eq(sql_value("SELECT count(*) FROM notification_events WHERE contribution_id = %d" % com), "1",
       "one event row, in the comment's transaction")
    fanned_out(timeout=60)
    spread = time.time() - t0
    eq(sql_value("SELECT count(*) FROM notifications WHERE contribution_id = %d"
                 " AND kind = 'activity'" % com), "10000")
    eq(sql_value("SELECT count(*) FROM notifications WHERE contribution_id = %d" % com), "10001",
       "and the author's reply")
    print("    comment with 10,000 followers: %.0f ms; all notified after %.1f s"
          % (took * 1000, spread))
