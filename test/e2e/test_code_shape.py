# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The shape the renovation left (issue 11), kept: no result cell read by
its column number anywhere in app/, no function over ~80 lines without a
"long because" comment saying why, and no handler left on the positional
query API (web_sql, web_value, w->data) that the named slots replaced."""

import os
import re
import subprocess
import sys

import harness
from harness import eq, test

SHAPE = os.path.join(harness.ROOT, "test", "tools", "shape.py")
OLD_API = re.compile(r"\b(web_sql|web_sqlv|web_value|web_isnull|web_nrows|web_result)\s*\("
                     r"|w->data\b|->data_free\b")


def shape(what, *dirs):
    r = subprocess.run([sys.executable, SHAPE, what] + list(dirs), cwd=harness.ROOT,
                       capture_output=True, text=True)
    return [line for line in r.stdout.splitlines() if line.strip()]


@test
def no_cell_is_read_by_its_column_number():
    eq(shape("positional", "app"), [], "positional reads")


@test
def no_function_is_long_without_saying_why():
    eq(shape("long", "app"), [], "functions over the limit")


@test
def the_positional_query_api_is_gone():
    found = []
    for top, _, names in os.walk(os.path.join(harness.ROOT, "app")):
        for n in names:
            if n.endswith((".c", ".h")):
                path = os.path.join(top, n)
                for no, line in enumerate(open(path, encoding="utf-8"), 1):
                    if OLD_API.search(line):
                        found.append("%s:%d" % (os.path.relpath(path, harness.ROOT), no))
    eq(found, [], "old API still used")


@test
def every_image_and_file_the_readme_links_to_exists():
    """The README's screenshots (make screenshots) and the files it links
    to are in the repository: a renamed page or a forgotten image would
    leave a newcomer with a broken picture."""
    with open(os.path.join(harness.ROOT, "README.md"), encoding="utf-8") as f:
        text = f.read()
    links = re.findall(r"\]\(((?!https?:|#|mailto:)[^)\s]+)\)", text)
    images = [l for l in links if l.endswith(".png")]
    assert len(images) >= 10, "the README shows the main pages (%d images)" % len(images)
    missing = [l for l in links if not os.path.exists(os.path.join(harness.ROOT, l))]
    eq(missing, [], "README links to missing files")
