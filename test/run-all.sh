#!/bin/sh
# make test: the test database (agora_test on the development cluster),
# the unit tests, the SQL suite (test/sql/, pgTAP, no kore), then the
# end-to-end tests against a real kore, then the short cluster test
# (test/cluster/: two kore hosts, nginx, a replica promoted). Ends with
# one line "N passed, N failed" over everything; exits non-zero on failure.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export RESULTS=var/test/results
rm -rf var/test
mkdir -p "$RESULTS" var/test/mail

started_db=0
if ! sh conf/devdb.sh status | grep -q running; then
	started_db=1
fi
sh conf/devdb.sh start || exit 1
sh conf/devdb.sh recreate agora_test >/dev/null || exit 1

cat > var/test/agora.ini <<INI
# kore and the everyday commands: the application's role, which owns nothing;
# agora migrate (and generate): the owner role (conf/devdb.sh makes both).
database = host=127.0.0.1 port=${PG_PORT:-25432} dbname=agora_test user=agora sslmode=disable gssencmode=disable
owner_database = host=127.0.0.1 port=${PG_PORT:-25432} dbname=agora_test user=agora_owner sslmode=disable gssencmode=disable
secret_file = var/secret
log_signing_key = var/log-signing-key.pem
cookie_secure = 0
base_url = http://127.0.0.1:${TEST_HTTP_PORT:-8898}
mail_dir = var/test/mail
flag_threshold = 3
flag_threshold_action = review
# Accounts (test_accounts.py): fast hashing, the sender polls often, and the
# tests give each client its own address through X-Forwarded-For.
password_scrypt_ln = 10
mail_interval_ms = 200
# Notifications (test_notify.py): the daily digest is due at any hour.
digest_hour = 0
trust_proxy = 1
mail_from = Agora <ne-pas-repondre@agora.invalid>
proposal_title_min = 5
proposal_title_max = 140
proposal_body_min = 20
proposal_body_max = 5000
argument_max = 2000
comment_max = 2000
comment_max_depth = 3
edit_window_minutes = 30
# Paper forms (test_paper.py fills the bucket to this limit; the browser
# checks load the form page often from one address).
limit_paper_ip_max = 1000
INI
export AGORA_CONFIG=var/test/agora.ini

# make snapshot: the pages of a fixed content, instead of the tests;
# make screenshots: the main pages of that content, in chromium.
if [ -n "${SNAPSHOT_DIR:-}" ] || [ -n "${SCREENSHOTS_DIR:-}" ]; then
	if [ -n "${SCREENSHOTS_DIR:-}" ]; then
		python3 test/e2e/screenshots.py "$SCREENSHOTS_DIR"
	else
		python3 test/e2e/snapshot.py "$SNAPSHOT_DIR"
	fi
	rc=$?
	if [ "$started_db" = 1 ] && [ -z "${KEEP_DB:-}" ]; then
		sh conf/devdb.sh stop
	fi
	exit $rc
fi

# The OpenID provider (glewlwyd on 127.0.0.1:OIDC_PORT), for the OpenID
# flow and the end-to-end tests; stopped at the end unless KEEP_DB is set.
sh test/oidc/provider.sh start || echo "0 1" > "$RESULTS/oidc-provider"
# make test-security and make test-fault run end-to-end tests only.
if [ -z "${SUITE_ONLY:-}" ]; then
	sh test/run-unit.sh "$@"
	sh test/opinion/run.sh
	sh test/oidc/run.sh
	sh test/sql/run.sh
	sh test/fuzz/run.sh --short
fi
python3 test/e2e/run.py ${E2E_ONLY:-}
# Several machines (issue 18, item 3), short: primary and synchronous
# replica, two kore hosts behind nginx; one host killed under load, the
# primary crashed and the replica promoted (make cluster-test: more load
# and a failback).
if [ -z "${SUITE_ONLY:-}" ]; then
	sh test/cluster/run.sh --short
fi
if [ -z "${KEEP_DB:-}" ]; then
	sh test/oidc/provider.sh stop
fi

if [ "$started_db" = 1 ] && [ -z "${KEEP_DB:-}" ]; then
	sh conf/devdb.sh stop
fi

passed=0
failed=0
for f in "$RESULTS"/*; do
	read -r p fl < "$f"
	passed=$((passed + p))
	failed=$((failed + fl))
done
[ -n "${SUITE_ONLY:-}" ] || [ -f "$RESULTS/unit" ] || failed=$((failed + 1))
[ -n "${SUITE_ONLY:-}" ] || [ -f "$RESULTS/sql" ] || { echo "sql: the suite did not finish"; failed=$((failed + 1)); }
[ -f "$RESULTS/e2e" ] || { echo "e2e: the runner did not finish"; failed=$((failed + 1)); }
[ -n "${SUITE_ONLY:-}" ] || [ -f "$RESULTS/cluster" ] || { echo "cluster: the test did not finish"; failed=$((failed + 1)); }
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
