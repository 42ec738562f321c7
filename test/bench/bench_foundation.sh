#!/bin/sh
# The static stylesheet and the home page: kore's rate against the rate
# pgbench reaches on the same SQL (same database, same run). The theme pages
# are measured by participation.sh, with all their statements.
set -eu
. test/bench/lib.sh

static=$(wrk_rate "/static/agora.css")
echo "static stylesheet                  kore $static req/s (the ceiling)"

cid=$(psql -X -tA -h 127.0.0.1 -p "$PG_PORT" -U agora -d "$BENCH_DB" \
    -c "SELECT id FROM consultations WHERE is_primary")
cat "$(pg_script home_consultation)" "$(pg_script home_themes "'$cid'")" > var/bench/home.sql
home=$(wrk_rate "/")
home_pg=$(pg_rate var/bench/home.sql)
report "home page (2 queries)" "$home" "$home_pg"
awk -v h="$home" -v s="$static" 'BEGIN { printf "home / static: %.2f\n", h / s }'

