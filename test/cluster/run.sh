#!/bin/sh
# make cluster-test (and, with --short, make test): Agora on several
# machines on loopback; see test/cluster/run.py. The full form then runs
# again with a pgbouncer beside each server (run.py --pgbouncer) when
# pgbouncer is installed (make cluster-test installs it: GNUmakefile,
# cluster-deps; make test does not). Each run ends with "cluster: N passed, N failed";
# exits non-zero on failure.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
case " $* " in
*" --short "*|*" --pgbouncer "*) exec python3 test/cluster/run.py "$@" ;;
esac
python3 test/cluster/run.py "$@"
rc=$?
if command -v pgbouncer >/dev/null 2>&1; then
	python3 test/cluster/run.py --pgbouncer "$@" || rc=1
else
	echo "cluster (pgbouncer): skipped, pgbouncer is not installed"
fi
exit $rc
