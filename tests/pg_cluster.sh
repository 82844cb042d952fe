#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, in two steps:
#
#   tests/pg_cluster.sh start <state-dir>   initdb into a fresh temp dir, start the server on a Unix
#                                           socket inside that dir (no TCP), write <state-dir>/pg.env
#   tests/pg_cluster.sh stop <state-dir>    stop the server and delete the cluster (never fails)
#
# <state-dir>/pg.env holds KEY=VALUE lines (the value is the rest of the line, unquoted):
#   AGENTHQ_TEST_PG       a libpq conninfo for the superuser `postgres`
#   AGENTHQ_TEST_PG_BIN   the PostgreSQL bin directory (psql, pgbench, ...)
#   AGENTHQ_TEST_PG_DIR   the cluster's temp dir (data/, the socket, the server log)
# The tests read it through AGENTHQ_TEST_PG_FILE when AGENTHQ_TEST_PG is unset (ctest's pg_start
# and pg_stop fixtures); tests/with_postgres.sh exports its values around a single command.
#
# The cluster lives in a temp dir of its own (see cluster_parent) rather than in <state-dir>: a Unix
# socket path must stay short, and as root the cluster belongs to an unprivileged user (PostgreSQL
# refuses to run as root: postgres if it exists, else nobody), who need not be able to enter the
# build directory. max_wal_size bounds its WAL when it lives in memory.
set -euo pipefail

usage() { echo "usage: $0 start|stop <state-dir>" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
state=$2
env_file="$state/pg.env"

as_db_user=()
if [ "$(id -u)" = 0 ]; then
  db_user=postgres; id "$db_user" >/dev/null 2>&1 || db_user=nobody
  as_db_user=(runuser -u "$db_user" --)
fi

# Stops and deletes the cluster named in $env_file, if any.
stop() {
  [ -f "$env_file" ] || return 0
  local dir="" bin="" key value
  while IFS='=' read -r key value; do
    case $key in
      AGENTHQ_TEST_PG_DIR) dir=$value ;;
      AGENTHQ_TEST_PG_BIN) bin=$value ;;
    esac
  done <"$env_file"
  if [[ "$dir" == */agenthq-testpg.* ]] && [ -d "$dir" ]; then  # only ever a dir start made
    "${as_db_user[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
  fi
  rm -f "$env_file"
}

# Where the cluster goes: AGENTHQ_TEST_PG_TMPDIR if set, else /dev/shm when it is a writable tmpfs
# with 2 GiB free (in memory, CREATE and DROP DATABASE, which nearly every test case does, are ~10x
# faster than on a disk-backed /tmp: ~15 ms instead of ~150), else /tmp.
cluster_parent() {
  local free_kib
  if [ -n "${AGENTHQ_TEST_PG_TMPDIR:-}" ]; then
    echo "$AGENTHQ_TEST_PG_TMPDIR"
    return
  fi
  if [ -d /dev/shm ] && [ -w /dev/shm ] && [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ]; then
    free_kib=$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 {print $4}')
    if [ "${free_kib:-0}" -ge $((2 * 1024 * 1024)) ]; then
      echo /dev/shm
      return
    fi
  fi
  echo /tmp
}

start() {
  local pg_bin dir port
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$pg_bin/initdb" ] || { echo "pg_cluster: PostgreSQL server binaries not found" >&2; exit 1; }
  mkdir -p "$state"
  stop  # a cluster an interrupted run left behind (one cluster per state dir, so one run at a time)

  dir=$(mktemp -d "$(cluster_parent)/agenthq-testpg.XXXXXX")
  chmod 755 "$dir"
  # Recorded first, so that stop cleans up even if the start below fails.
  printf 'AGENTHQ_TEST_PG_DIR=%s\nAGENTHQ_TEST_PG_BIN=%s\n' "$dir" "$pg_bin" >"$env_file"
  [ ${#as_db_user[@]} -eq 0 ] || chown "$db_user" "$dir"

  "${as_db_user[@]}" "$pg_bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  port=${AGENTHQ_TEST_PG_PORT:-5432}
  "${as_db_user[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$dir' -p $port -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=256MB -c min_wal_size=32MB" \
    start >/dev/null || { cat "$dir/postgres.log" >&2; exit 1; }

  printf 'AGENTHQ_TEST_PG=host=%s port=%s user=postgres dbname=postgres\n' "$dir" "$port" >>"$env_file"
}

case $action in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
