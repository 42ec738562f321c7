# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Every e-mail has its text in one home, app/core/mail_texts.def. Runs
after the other tests (the name sorts last but one): every message they
made Agora queue must be of a declared kind and read as its declared
subject and body, placeholders aside."""

import json
import os
import re

import harness
from harness import eq, sql_value, test

LITERAL = r'"(?:[^"\\]|\\.)*"'
ENTRY = re.compile(r'MAIL_TEXT\((\w+),\s*(\w+),\s*((?:%s\s*)+),\s*((?:%s\s*)+)\)'
                   % (LITERAL, LITERAL))


def c_string(literals):
    out = ""
    for lit in re.findall(LITERAL, literals):
        out += lit[1:-1].replace("\\n", "\n").replace('\\"', '"').replace("\\\\", "\\")
    return out


def declared():
    with open(os.path.join(harness.ROOT, "app", "core", "mail_texts.def")) as f:
        text = f.read()
    return {kind: (c_string(subject), c_string(body))
            for _, kind, subject, body in ENTRY.findall(text)}


def pattern(template):
    """The text with each {placeholder} as "anything": the rest verbatim."""
    parts = re.split(r"\{[a-z_]+\}", template)
    return re.compile("(?s)" + "(.*?)".join(re.escape(p) for p in parts) + r"\Z")


# Rows the tests write by hand, not Agora: kind 'test' (the sender's tests),
# and a few of real kinds with a made-up text (test_erasure.py,
# test_people.py: what an erasure or a data export does with them).
FIXTURE_BODIES = {"x", "lien secret"}


@test
def every_queued_mail_has_its_text_in_mail_texts_def():
    texts = declared()
    assert {"verify", "reset", "email_change", "email_change_notice",
            "inactivity", "answer", "moderation"} <= set(texts), texts.keys()
    rows = json.loads(sql_value(
        "SELECT coalesce(json_agg(json_build_object('kind', kind, 'subject',"
        " subject, 'body', body)), '[]') FROM outbox"))
    seen = set()
    for r in rows:
        if r["kind"] == "test" or r["body"] in FIXTURE_BODIES:
            continue
        assert r["kind"] in texts, "outbox kind %r not in mail_texts.def" % r["kind"]
        subject, body = texts[r["kind"]]
        assert pattern(subject).match(r["subject"]), (r["kind"], r["subject"])
        assert pattern(body).match(r["body"]), (r["kind"], r["body"])
        seen.add(r["kind"])
    # The whole suite makes Agora send every kind (inactivity warnings are
    # erased with their accounts); E2E_ONLY runs a part of it.
    if os.environ.get("E2E_ONLY"):
        return
    for kind in ("verify", "reset", "email_change", "email_change_notice",
                 "answer", "moderation"):
        assert kind in seen, "no %s mail in the outbox after the tests" % kind


@test
def a_placeholder_is_filled_once_never_in_a_value():
    eq(sql_value("SELECT mail_fill('Bonjour {name}, « {title} » {x}',"
                 " ARRAY['name', 'title'], ARRAY['{title}', NULL])"),
       "Bonjour {title}, «  » {x}", "one pass, NULL as empty, unknown kept")
