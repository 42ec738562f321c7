#!/bin/sh
# The development and test PostgreSQL cluster under var/pg.
#   sh conf/devdb.sh start | stop | restart | status
#   sh conf/devdb.sh ensure DB     create the roles "agora_owner" (owns the schema,
#                                  runs the migrations) and "agora" (kore and the
#                                  everyday commands: owns nothing) and database DB
#                                  owned by agora_owner; an older DB whose objects
#                                  "agora" owned is handed over to agora_owner
#   sh conf/devdb.sh recreate DB   drop and create DB (tests)
#   sh conf/devdb.sh psql [args]   psql as the superuser
# PostgreSQL refuses to run as root: as root, the cluster runs as the
# "postgres" system user. When that user cannot enter the project folder (a
# private clone, as CI makes), the cluster lives in /var/lib/agora-dev/<hash>
# and var/pg is a symbolic link to it, so the data is still kept between runs.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PGBIN=/usr/lib/postgresql/15/bin
PG_PORT=${PG_PORT:-25432}
SYSUSER=${AGORA_PG_SYSTEM_USER:-postgres}

as_owner() {
	if [ "$(id -u)" = 0 ]; then
		# -s: the system user may have no login shell; cd /: root's cwd may be private
		(cd / && su -s /bin/sh "$SYSUSER" -c "$*")
	else
		sh -c "$*"
	fi
}

pgdir() {
	if [ -e "$ROOT/var/pg" ]; then
		(cd "$ROOT/var/pg" && pwd -P)
		return
	fi
	mkdir -p "$ROOT/var"
	if [ "$(id -u)" != 0 ]; then
		mkdir -p "$ROOT/var/pg"
	else
		mkdir -p "$ROOT/var/pg"
		chown "$SYSUSER:" "$ROOT/var/pg"
		if ! as_owner "test -w '$ROOT/var/pg'" 2>/dev/null; then
			rmdir "$ROOT/var/pg"
			hash=$(printf '%s' "$ROOT" | sha256sum | cut -c1-16)
			alt=/var/lib/agora-dev/$hash
			echo "devdb: $SYSUSER cannot enter $ROOT; cluster kept in $alt" >&2
			mkdir -p "$alt"
			chown "$SYSUSER:" "$alt"
			chmod 700 "$alt"
			ln -s "$alt" "$ROOT/var/pg"
		fi
	fi
	(cd "$ROOT/var/pg" && pwd -P)
}

DIR=$(pgdir)
DATA=$DIR/data

psql_super() {
	psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"
}

running() {
	as_owner "$PGBIN/pg_ctl -D '$DATA' status" >/dev/null 2>&1
}

start() {
	if [ ! -f "$DATA/PG_VERSION" ]; then
		echo "devdb: creating the cluster in $DATA"
		as_owner "$PGBIN/initdb -D '$DATA' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
	fi
	if running; then
		return 0
	fi
	if ! as_owner "$PGBIN/pg_ctl -D '$DATA' -l '$DIR/log' -w -t 60 -o \"-p $PG_PORT -k '$DIR' -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB\" start" >/dev/null; then
		echo "devdb: PostgreSQL did not start (is port $PG_PORT taken?); its log:" >&2
		tail -n 20 "$DIR/log" >&2
		exit 1
	fi
}

stop() {
	if running; then
		as_owner "$PGBIN/pg_ctl -D '$DATA' -m fast -w stop" >/dev/null
	fi
}

ensure() {
	db=$1
	for role in agora_owner agora; do
		psql_super -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$role'" | grep -q 1 ||
			psql_super -d postgres -c "CREATE ROLE $role LOGIN"
	done
	if psql_super -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
		# A database of the time when "agora" owned everything: the owner
		# role takes the database and every object in it (README,
		# "Running in production"); migrate then applies the grants.
		psql_super -d postgres -c "ALTER DATABASE \"$db\" OWNER TO agora_owner"
		psql_super -d "$db" -c "REASSIGN OWNED BY agora TO agora_owner"
	else
		psql_super -d postgres -c "CREATE DATABASE \"$db\" OWNER agora_owner"
	fi
	# Extensions need a superuser; migrations then find them installed.
	psql_super -d "$db" -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF NOT EXISTS pg_trgm"
}

case "${1:-}" in
start)		start ;;
stop)		stop ;;
restart)	stop; start ;;
status)		running && echo "running on 127.0.0.1:$PG_PORT ($DATA)" || echo "stopped ($DATA)" ;;
ensure)		ensure "$2" ;;
recreate)	psql_super -d postgres -c "DROP DATABASE IF EXISTS \"$2\" WITH (FORCE)"; ensure "$2" ;;
psql)		shift; psql_super "$@" ;;
*)		echo "usage: $0 start|stop|restart|status|ensure DB|recreate DB|psql" >&2; exit 2 ;;
esac
