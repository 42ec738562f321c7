# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""A proposal's thread in pages (issue 18, item 2): 20 arguments per side
and 20 comments a page, read from an index from a cursor, links
"suivants" / "précédents" that keep the rest of the page where it is, a
bounded number of replies under each row with a link to the rest, and
permalinks (?voir=) that land on the page holding the row, for visitors
and signed-in people alike."""

import html
import re
import time

from fixtures import argument, comment, proposal
from harness import Client, contains, eq, lacks, make_user, signed_in, sql, test
from participation_lib import csrf_of, post_comment

PAGE = 20


def spread_dates(pid):
    """Every reply of pid gets a date of its own, not in id order, so that
    an order by date is not an order by id."""
    sql("UPDATE contributions SET created_at = now() - interval '2 days'"
        " + ((id * 7919) %% 5000) * interval '1 second'"
        " WHERE proposal_id = %d AND kind <> 'proposal'" % pid)


def busy_proposal(pour=45, contre=27, comments=25):
    """A proposal with many arguments and comments from several people."""
    people = [make_user(name="Débatteur %d" % i) for i in range(6)]
    pid = proposal(people[0])
    for i in range(pour):
        argument(people[i % 6], pid, "pour", "Argument pour numéro %d." % i)
    for i in range(contre):
        argument(people[(i + 1) % 6], pid, "contre", "Argument contre numéro %d." % i)
    for i in range(comments):
        comment(people[(i + 2) % 6], pid, "Commentaire numéro %d." % i)
    spread_dates(pid)
    return pid, people


def expected(pid, side, useful=False):
    """A list's ids in the page's order, from the table itself."""
    where = ("kind = 'comment' AND parent_id = %d" % pid if side == "commentaires"
             else "kind = 'argument' AND parent_id = %d AND position = '%s'" % (pid, side))
    key = ("CASE WHEN withdrawn_at IS NULL THEN -useful ELSE 1 END, " if useful else "")
    return [int(r[0]) for r in sql("SELECT id FROM contributions WHERE %s AND status = 'published'"
                                   " ORDER BY %screated_at, id" % (where, key))]


def shown(page, side):
    """The ids of one list on the page, in page order."""
    t = page.text
    if side == "commentaires":
        block = t[t.index('id="commentaires"'):]
        return [int(x) for x in re.findall(r'<li id="c(\d+)" class="comment">', block)
                if sql("SELECT parent_id FROM contributions WHERE id = %s" % x)[0][0]
                == sql("SELECT proposal_id FROM contributions WHERE id = %s" % x)[0][0]]
    return [int(x) for x in re.findall(r'<li id="c(\d+)" class="argument argument-%s">' % side, t)]


def link(page, label):
    """The href of the link labelled label, or None."""
    m = re.search(r'<a href="([^"]+)" rel="(?:next|prev)">%s</a>' % re.escape(label), page.text)
    # a browser keeps the fragment to itself
    return html.unescape(m.group(1)).split("#")[0] if m else None


NEXT = {"pour": "Arguments pour suivants", "contre": "Arguments contre suivants",
        "commentaires": "Commentaires suivants"}
PREV = {"pour": "Arguments pour précédents", "contre": "Arguments contre précédents",
        "commentaires": "Commentaires précédents"}


def walk(client, url, side):
    """Follows side's "suivants" links from url; the pages' ids and pages."""
    pages = []
    while url is not None:
        page = client.get(url)
        eq(page.status, 200, url)
        pages.append(page)
        url = link(page, NEXT[side])
        assert len(pages) < 20, "no end"
    return pages


def check_walk(client, pid, side, start, want, words, useful=False):
    pages = walk(client, start, side)
    ids = [shown(p, side) for p in pages]
    eq([len(x) for x in ids], [min(PAGE, len(want) - i) for i in range(0, len(want), PAGE)],
       "pages of 20, the last one the rest")
    flat = [i for x in ids for i in x]
    eq(flat, want, "every row once, in the list's order")
    for n, p in enumerate(pages):
        a = n * PAGE + 1
        contains(p.visible_text(), "%d %s, affichés %d à %d" % (len(want), words, a,
                                                                 a + len(ids[n]) - 1))
    # back again, page by page: the same pages
    for n in range(len(pages) - 1, 0, -1):
        prev = link(pages[n], PREV[side])
        assert prev is not None, "page %d has a link back" % n
        eq(shown(client.get(prev), side), ids[n - 1], "précédents: the page before")
    eq(link(pages[0], PREV[side]), None, "nothing before the first page")
    return pages, ids


@test
def every_argument_and_comment_appears_once_across_pages_in_a_stable_order():
    pid, _ = busy_proposal()
    base = "/propositions/%d" % pid
    for client in (Client(), signed_in()[0]):
        first = client.get(base)
        contains(first.visible_text(), "Pour (45)")
        contains(first.visible_text(), "Contre (27)")
        contains(first.visible_text(), "Commentaires (25)")
        check_walk(client, pid, "pour", base, expected(pid, "pour"), "arguments pour")
        check_walk(client, pid, "contre", base, expected(pid, "contre"), "arguments contre")
        check_walk(client, pid, "commentaires", base, expected(pid, "commentaires"),
                   "commentaires sur la proposition")
    # the same walk twice gives the same pages (a stable order)
    a = [shown(p, "pour") for p in walk(Client(), base, "pour")]
    eq(a, [shown(p, "pour") for p in walk(Client(), base, "pour")])


@test
def a_list_s_links_keep_the_other_lists_and_the_order():
    pid, people = busy_proposal()
    pour, contre = expected(pid, "pour"), expected(pid, "contre")
    page = Client().get("/propositions/%d" % pid)
    page = Client().get(link(page, NEXT["pour"]))
    eq(shown(page, "pour"), pour[20:40])
    eq(shown(page, "contre"), contre[:20])
    page = Client().get(link(page, NEXT["contre"]))
    eq(shown(page, "pour"), pour[20:40], "pour stays on its page")
    eq(shown(page, "contre"), contre[20:27])
    contains(page.visible_text(), "27 arguments contre, affichés 21 à 27")
    contains(page.visible_text(), "45 arguments pour, affichés 21 à 40")
    # by "utile": marks change the order, pages follow it
    for i, a in enumerate(pour[30:36]):
        for u in people[:1 + i % 3]:
            sql("SELECT participation_useful(%d, %d)" % (make_user(), a))
    want = expected(pid, "pour", useful=True)
    assert want != pour
    pages = walk(Client(), "/propositions/%d?tri=utile" % pid, "pour")
    eq([i for p in pages for i in shown(p, "pour")], want)
    assert "tri=utile" in link(pages[0], NEXT["pour"]), "the order kept"
    # a malformed cursor is answered, not ignored
    for q in ("pour=x", "pour=de-", "contre=apres-3", "commentaires=de-1x", "voir=abc"):
        r = Client().get("/propositions/%d?%s" % (pid, q))
        eq(r.status, 400, q)
        contains(r.visible_text(), "La page demandée du débat n'existe pas")


@test
def replies_are_bounded_with_a_link_to_the_rest():
    pid, people = busy_proposal(pour=3, contre=1, comments=2)
    arg = expected(pid, "pour")[1]
    replies = [comment(people[i % 6], pid, "Réponse numéro %d." % i, parent=arg)
               for i in range(12)]
    # two of them answered in turn (nested)
    replies.append(comment(people[3], pid, "Réponse imbriquée.", parent=replies[11]))
    replies.append(comment(people[4], pid, "Réponse imbriquée deux.", parent=replies[12]))
    page = Client().get("/propositions/%d" % pid)
    shown_replies = [r for r in replies if 'id="c%d"' % r in page.text]
    eq(shown_replies, replies[:10], "the ten oldest")
    m = re.search(r'<p class="more-replies"><a href="([^"]+)">Afficher les 14 réponses', page.text)
    assert m, "a link to the rest"
    contains(page.text, "(10 affichées)")
    full = Client().get(html.unescape(m.group(1)).split("#")[0])
    for r in replies:
        contains(full.text, 'id="c%d"' % r)
    lacks(full.text, "Afficher les 14 réponses")
    # the comments section counts the comments under the proposal only
    contains(page.visible_text(), "Commentaires (2)")


@test
def permalinks_land_on_the_page_holding_the_row():
    pid, people = busy_proposal()
    pour, com = expected(pid, "pour"), expected(pid, "commentaires")
    for client in (Client(), signed_in()[0]):
        for i in (0, 19, 20, 33, 44):
            p = client.get("/propositions/%d?voir=%d" % (pid, pour[i]))
            eq(p.status, 200)
            eq(shown(p, "pour"), pour[i - i % 20:i - i % 20 + 20], "its aligned page")
            eq(shown(p, "contre"), expected(pid, "contre")[:20], "the other lists: first page")
        p = client.get("/propositions/%d?voir=%d" % (pid, com[23]))
        eq(shown(p, "commentaires"), com[20:25])
        contains(p.visible_text(), "25 commentaires sur la proposition, affichés 21 à 25")
    # a reply deep under an argument of page 3, past the ten shown
    deep = pour[42]
    replies = [comment(people[i % 6], pid, "Sous l'argument %d." % i, parent=deep)
               for i in range(12)]
    p = Client().get("/propositions/%d?voir=%d" % (pid, replies[11]))
    contains(p.text, 'id="c%d"' % replies[11], "the reply is on the page")
    eq(shown(p, "pour"), pour[40:45])
    # the link a person is sent: their argument answered, via HTTP
    author_client, author = signed_in(name="Autrice Lointaine")
    sql("UPDATE contributions SET author_id = %d WHERE id = %d" % (author, pour[37]))
    other, _ = signed_in(name="Répondeur")
    r = post_comment(other, pid, "Une réponse qui doit se retrouver.", parent=pour[37])
    eq(r.status, 303)
    loc = r.header("location")
    new = int(loc.split("#c")[1])
    eq(loc, "/propositions/%d?voir=%d#c%d" % (pid, new, new))
    contains(Client().get(loc.split("#")[0]).text, 'id="c%d"' % new)
    deadline = time.time() + 20
    while sql("SELECT count(*) FROM notification_events WHERE fanned_out_at IS NULL") != [["0"]]:
        assert time.time() < deadline, "events fanned out"
        time.sleep(0.1)
    notes = author_client.get("/compte/notifications").text
    href = html.unescape(re.search(r'href="(/propositions/%d\?voir=\d+#c\d+)"' % pid,
                                   notes).group(1))
    target = int(href.split("#c")[1])
    contains(author_client.get(href.split("#")[0]).text, 'id="c%d"' % target, "the notification lands")
    # the moderators' decision page links to the page holding the row
    mod, _ = signed_in(roles=("moderator",))
    d = mod.get("/moderation/%d" % pour[37])
    eq(d.status, 200)
    contains(d.text, 'href="/propositions/%d?voir=%d#c%d">voir le fil de discussion'
             % (pid, pour[37], pour[37]))
    eq(shown(mod.get("/propositions/%d?voir=%d" % (pid, pour[37])), "pour"), pour[20:40])


@test
def a_person_s_own_hidden_argument_is_in_their_pages_only():
    pid, people = busy_proposal(pour=21, contre=0, comments=0)
    mine_client, me = signed_in(name="Auteur Masqué")
    sql("UPDATE contributions SET author_id = %d WHERE id = %d"
        % (me, expected(pid, "pour")[5]))
    hidden = expected(pid, "pour")[5]
    sql("UPDATE contributions SET status = 'hidden', moderation_rule = 'R1'"
        " WHERE id = %d" % hidden)
    visitor = [i for p in walk(Client(), "/propositions/%d" % pid, "pour") for i in shown(p, "pour")]
    eq(len(visitor), 20)
    assert hidden not in visitor
    contains(Client().get("/propositions/%d" % pid).visible_text(),
             "20 arguments pour, tous affichés")
    own = [i for p in walk(mine_client, "/propositions/%d" % pid, "pour") for i in shown(p, "pour")]
    eq(len(own), 21)
    assert hidden in own
    contains(mine_client.get("/propositions/%d" % pid).visible_text(),
             "21 arguments pour, affichés 1 à 20")
