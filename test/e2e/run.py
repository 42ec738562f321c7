# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Runs every test in test/e2e/test_*.py against one kore, then checks the
kore log for sandbox violations and crashes. Usage: run.py [name-filter]"""

import importlib.util
import glob
import os
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(__file__))
import harness  # noqa: E402


def main():
    # One text, or several separated by commas (make test-security).
    only = [o for o in (sys.argv[1] if len(sys.argv) > 1 else "").split(",") if o]
    for path in sorted(glob.glob(os.path.join(os.path.dirname(__file__), "test_*.py"))):
        name = os.path.splitext(os.path.basename(path))[0]
        if name in sys.modules:
            continue    # imported by an earlier test file: its tests are in
        spec = importlib.util.spec_from_file_location(name, path)
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)

    r = harness.agora("migrate")
    if r.returncode != 0:
        print("e2e: migrate failed:\n" + r.stdout + r.stderr)
        write(0, 1)
        return 1
    kore = harness.Kore().start()
    harness.MAIN = kore
    passed = failed = 0
    for fn in harness.TESTS:
        full = "%s.%s" % (fn.__module__, fn.__name__)
        if only and not any(o in full for o in only):
            continue
        t0 = time.time()
        try:
            fn()
            passed += 1
            print("ok      %s (%.2fs)" % (full, time.time() - t0))
        except Exception as e:  # noqa: BLE001 - every failure is reported
            failed += 1
            print("FAILED  %s: %s" % (full, e))
            if not isinstance(e, AssertionError):
                traceback.print_exc()
        if harness.MAIN.proc is None or harness.MAIN.proc.poll() is not None:
            print("        kore is down after %s: restarting" % full)
            harness.MAIN = harness.Kore().start()
    harness.MAIN.stop()
    bad = harness.MAIN.crashes()
    if bad:
        failed += 1
        print("FAILED  kore log: " + " | ".join(bad[:5]))
    else:
        passed += 1
        print("ok      kore log has no sandbox violation or worker crash")
    print("e2e: %d passed, %d failed" % (passed, failed))
    write(passed, failed)
    return 1 if failed else 0


def write(passed, failed):
    d = os.environ.get("RESULTS", os.path.join(harness.TEST_DIR, "results"))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "e2e"), "w") as f:
        f.write("%d %d\n" % (passed, failed))


if __name__ == "__main__":
    sys.exit(main())
