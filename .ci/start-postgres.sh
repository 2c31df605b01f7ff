#!/usr/bin/env bash
# CI: a throw-away PostgreSQL server for the store tests. Installs the Debian package if missing, creates a cluster in a
# temporary directory owned by the postgres user, starts it on a local port and creates a database and user. Prints
# the JDBC URL on stdout; everything else goes to stderr.
set -euo pipefail
PORT="${FRACTURE_PG_PORT:-55432}"
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  echo "ci: installing PostgreSQL from Debian packages" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
BIN="$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)")"
DATA="$(mktemp -d /tmp/fracture-pg.XXXXXX)"
chown postgres:postgres "$DATA"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 >/dev/null
as_pg "$BIN/pg_ctl" -D "$DATA" -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1" -l "$DATA/log" \
  -w start >&2
as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE USER fracture PASSWORD 'fracture'" >&2
as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE fracture OWNER fracture" >&2
echo "ci: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on port $PORT, data in $DATA" >&2
echo "jdbc:postgresql://127.0.0.1:$PORT/fracture?user=fracture&password=fracture"
