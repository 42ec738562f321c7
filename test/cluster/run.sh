#!/bin/sh
# make cluster-test (and, with --short, make test): Agora on several
# machines on loopback; see test/cluster/run.py. Ends with
# "cluster: N passed, N failed"; exits non-zero on failure.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
exec python3 test/cluster/run.py "$@"
