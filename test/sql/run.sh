#!/bin/sh
# The SQL suite: every test/sql/test_*.sql, pgTAP assertions run by pg_prove
# (Debian's postgresql-15-pgtap and libtap-parser-sourcehandler-pgtap-perl)
# against the test database, freshly migrated, without kore. Each file runs
# in one transaction that ends in ROLLBACK (fixtures.psql creates the pgtap
# extension inside it, so nothing stays behind). Writes "passed failed" to
# $RESULTS/sql: one per assertion, and one more failure for a file that
# stopped early, planned wrong or could not run.
#   PG_PORT=... sh test/sql/run.sh [file...]   (after a make test with
#   KEEP_DB=1: the cluster running, var/test/agora.ini written)
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
RESULTS=${RESULTS:-var/test/results}
mkdir -p "$RESULTS"
out=var/test/sql.tap
[ $# -gt 0 ] || set -- test/sql/test_*.sql

# The numbered migrations and the current text of every function, on the
# test database (test/run-all.sh writes its settings).
export AGORA_CONFIG=${AGORA_CONFIG:-var/test/agora.ini}
if [ ! -f "$AGORA_CONFIG" ]; then
	echo "sql: no $AGORA_CONFIG (make test writes it)"
	echo "0 1" > "$RESULTS/sql"
	exit 1
fi
if ! build/agora migrate >var/test/sql-migrate.log 2>&1; then
	echo "sql: migrate failed:"; tail -5 var/test/sql-migrate.log
	echo "0 1" > "$RESULTS/sql"
	exit 1
fi
# The superuser: creating the pgtap extension needs it.
pg_prove --verbose -h 127.0.0.1 -p "${PG_PORT:-25432}" -U postgres \
    -d agora_test "$@" > "$out" 2>&1
rc=$?
passed=$(grep -c '^ok ' "$out")
failed=$(grep -c '^not ok ' "$out")
grep -E '^(not ok |#|psql:)' "$out" | sed 's/^/sql: /'
if [ "$rc" -ne 0 ]; then
	sed -n '/^Test Summary Report/,$p' "$out" | sed 's/^/sql: /'
	[ "$failed" -gt 0 ] || failed=1
fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
	echo "sql: ran no test:"; tail -5 "$out"
	failed=1
fi
echo "sql: $passed passed, $failed failed ($# files, $out)"
echo "$passed $failed" > "$RESULTS/sql"
[ "$failed" -eq 0 ]
