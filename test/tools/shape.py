#!/usr/bin/env python3
# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""The shape of the C code, as the tests hold it (test/e2e/test_code_shape.py):

  shape.py long [DIR...]        functions over 80 lines whose comment does not
                                say why ("long because ..."), with their length
  shape.py positional [DIR...]  reads of a query's result by column number

Functions are found in style(9) form: the name at the start of a line, the
opening brace alone on a line, the closing one too. Prints one line per
finding; exits 1 when there is any."""

import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
LIMIT = 80
NAME = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\(")
POSITIONAL = re.compile(r"web_value\(w, [^,]*, [^,]*, [0-9]")


def c_files(dirs):
    for d in dirs:
        for top, _, files in os.walk(os.path.join(ROOT, d)):
            for f in sorted(files):
                if f.endswith(".c"):
                    yield os.path.join(top, f)


def functions(path):
    """(name, first line number, length, comment above) of each function."""
    lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
    i = 0
    while i < len(lines):
        m = NAME.match(lines[i])
        if not m:
            i += 1
            continue
        start = i
        j = i
        while j < len(lines) and lines[j] != "{" and not lines[j].endswith(";"):
            j += 1
        if j >= len(lines) or lines[j] != "{":
            i += 1
            continue
        k = j + 1
        while k < len(lines) and lines[k] != "}":
            k += 1
        # The comment ends right above the return type's line.
        c = start - 2
        comment = []
        if c >= 0 and lines[c].rstrip().endswith("*/"):
            while c >= 0:
                comment.insert(0, lines[c])
                if lines[c].lstrip().startswith("/*"):
                    break
                c -= 1
        yield m.group(1), start + 1, k - start + 1, " ".join(comment)
        i = k + 1


def long_functions(dirs):
    out = []
    for path in c_files(dirs):
        for name, line, n, comment in functions(path):
            if n > LIMIT and "long because" not in comment.lower():
                out.append("%s:%d: %s is %d lines" % (os.path.relpath(path, ROOT),
                                                      line, name, n))
    return out


def positional(dirs):
    out = []
    for path in c_files(dirs):
        for no, text in enumerate(open(path, encoding="utf-8").read().split("\n"), 1):
            if POSITIONAL.search(text):
                out.append("%s:%d: %s" % (os.path.relpath(path, ROOT), no, text.strip()))
    return out


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("long", "positional"):
        print(__doc__)
        return 2
    dirs = sys.argv[2:] or ["app"]
    found = (long_functions if sys.argv[1] == "long" else positional)(dirs)
    for f in found:
        print(f)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
