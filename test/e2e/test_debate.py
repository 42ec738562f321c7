# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The debate on a proposal page (issue 13, item 6): both sides alternate
in one list (a phone, which shows one column, no longer lists every "pour"
before the first "contre"), and ?tri=utile puts the most useful first,
through links that need no script."""

import re

from fixtures import argument, proposal
from harness import Client, contains, eq, lacks, make_user, signed_in, sql, test


def debate_order(page):
    """The argument ids of the page's debate list, in page order."""
    t = page.text
    start = t.index('<ul class="arguments debate">')
    block = t[start:t.index('id="commentaires"')]
    return [int(x) for x in re.findall(r'<li id="c(\d+)" class="argument argument-', block)]


def mark_useful(argument_id, n):
    """n new accounts mark argument_id "utile" through the SQL function."""
    for _ in range(n):
        uid = make_user()
        eq(sql("SELECT participation_useful(%d, %d)" % (uid, argument_id)), [["on"]])


def thread(pour, contre):
    """A proposal with pour then contre arguments, oldest first, written in
    that order (every pour before the first contre)."""
    author = make_user(name="Autrice Débat")
    pid = proposal(author)
    ps = [argument(make_user(), pid, "pour", "Pour numéro %d" % i) for i in range(pour)]
    cs = [argument(make_user(), pid, "contre", "Contre numéro %d" % i) for i in range(contre)]
    return pid, ps, cs


@test
def debate_alternates_pour_and_contre():
    pid, ps, cs = thread(3, 2)
    page = Client().get("/propositions/%d" % pid)
    eq(page.status, 200)
    eq(debate_order(page), [ps[0], cs[0], ps[1], cs[1], ps[2]], "pour, contre, pour, ...")
    text = page.visible_text()
    contains(text, "Pour (3)")
    contains(text, "Contre (2)")
    # each argument says its side in words, not only by its colour
    contains(page.text, '<li id="c%d" class="argument argument-contre">\n'
             '<p class="side">Contre</p>' % cs[0])
    # the order is stated and the current one marked
    contains(page.text, 'href="/propositions/%d?tri=date#arguments" aria-current="true">'
             'par date</a>' % pid)
    contains(page.text, 'href="/propositions/%d?tri=utile#arguments">' % pid)


@test
def arguments_sort_by_useful_without_script():
    pid, ps, cs = thread(3, 2)
    mark_useful(ps[2], 2)
    mark_useful(ps[1], 1)
    mark_useful(cs[1], 1)
    page = Client().get("/propositions/%d?tri=utile" % pid)
    eq(page.status, 200)
    eq(debate_order(page), [ps[2], cs[1], ps[1], cs[0], ps[0]],
       "most useful first on each side, ties oldest first, still alternating")
    contains(page.text, 'href="/propositions/%d?tri=utile#arguments" aria-current="true">'
             'les plus utiles d\'abord</a>' % pid)
    lacks(page.text, 'tri=date#arguments" aria-current')
    # by date: the default, and asked for
    eq(debate_order(Client().get("/propositions/%d?tri=date" % pid)),
       [ps[0], cs[0], ps[1], cs[1], ps[2]])
    eq(debate_order(Client().get("/propositions/%d?tri=" % pid)),
       [ps[0], cs[0], ps[1], cs[1], ps[2]])
    r = Client().get("/propositions/%d?tri=pertinence" % pid)
    eq(r.status, 400)
    contains(r.visible_text(), "L'ordre demandé (paramètre « tri ») n'existe pas")


@test
def one_sided_debate_lists_the_rest_in_order():
    pid, ps, cs = thread(1, 3)
    eq(debate_order(Client().get("/propositions/%d" % pid)), [ps[0], cs[0], cs[1], cs[2]])
    pid, _, _ = thread(0, 0)
    page = Client().get("/propositions/%d" % pid)
    contains(page.visible_text(), "Aucun argument pour l'instant.")
    contains(page.visible_text(), "Pour (0)")
    lacks(page.text, 'class="sort"', "no order to choose among nothing")


@test
def no_useful_mark_on_ones_own_argument():
    """Issue 13, item 11: the author of an argument is offered no "Utile"
    on it, and the SQL refuses the mark if sent anyway."""
    from participation_lib import csrf_of, new_proposal, post_argument
    _, _, pid = new_proposal()
    author, uid = signed_in(name="Auteur Modeste")
    r = post_argument(author, pid, "pour", "Mon argument à moi.")
    eq(r.status, 303)
    aid = int(r.header("location").split("#c")[1])
    other, _ = signed_in(name="Lectrice Juste")
    mine = author.get("/propositions/%d" % pid).text
    block = mine[mine.index('id="c%d"' % aid):mine.index('id="commentaires"')]
    lacks(block, 'action="/arguments/%d/utile"' % aid, "no button for its author")
    contains(block, "Utile : 0", "the count is still shown")
    contains(block, 'name="parent" value="%d"' % aid, "replying stays possible")
    theirs = other.get("/propositions/%d" % pid).text
    contains(theirs, 'action="/arguments/%d/utile"' % aid, "others have the button")
    r = author.post("/arguments/%d/utile" % aid, {"csrf": csrf_of(author)})
    eq(r.status, 403)
    contains(r.visible_text(), "Vous ne pouvez pas marquer votre propre argument comme utile")
    eq(sql("SELECT count(*) FROM argument_useful WHERE contribution_id = %d" % aid), [["0"]])
    eq(other.post("/arguments/%d/utile" % aid, {"csrf": csrf_of(other)}).status, 303)
    eq(sql("SELECT useful FROM contributions WHERE id = %d" % aid), [["1"]])
