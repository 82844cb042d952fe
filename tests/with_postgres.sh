#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster: initdb into a temp dir, start it on a
# Unix socket inside that dir (no TCP), export AGENTHQ_TEST_PG, run "$@", stop and delete the
# cluster whatever happens. PostgreSQL refuses to run as root, so as root the cluster belongs
# to an unprivileged user (postgres if it exists, else nobody).
set -euo pipefail

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pg_bin/initdb" ] || { echo "with_postgres: PostgreSQL server binaries not found" >&2; exit 1; }

dir=$(mktemp -d /tmp/agenthq-testpg.XXXXXX)
chmod 755 "$dir"
as_db_user=()
if [ "$(id -u)" = 0 ]; then
  db_user=postgres; id "$db_user" >/dev/null 2>&1 || db_user=nobody
  chown "$db_user" "$dir"
  as_db_user=(runuser -u "$db_user" --)
fi

cleanup() {
  "${as_db_user[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM

"${as_db_user[@]}" "$pg_bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
port=${AGENTHQ_TEST_PG_PORT:-5432}
"${as_db_user[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
  -o "-c listen_addresses='' -c unix_socket_directories='$dir' -p $port -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$dir/postgres.log" >&2; exit 1; }

export AGENTHQ_TEST_PG="host=$dir port=$port user=postgres dbname=postgres"
export AGENTHQ_TEST_PG_BIN="$pg_bin"
"$@"
