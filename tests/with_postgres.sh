#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster (tests/pg_cluster.sh: a temp dir, a Unix
# socket inside it, no TCP), with AGENTHQ_TEST_PG and AGENTHQ_TEST_PG_BIN exported, then stops and
# deletes the cluster whatever happens. ctest starts its cluster with the same script (the pg_start
# and pg_stop fixtures); this wrapper is for a single command: the browser test, bench/run.sh, or
# a test binary run by hand.
set -euo pipefail

cluster="$(dirname "$0")/pg_cluster.sh"
state=$(mktemp -d /tmp/agenthq-testpg-state.XXXXXX)
cleanup() {
  "$cluster" stop "$state" || true
  rm -rf "$state"
}
trap cleanup EXIT INT TERM

"$cluster" start "$state"
while IFS='=' read -r key value; do
  case $key in
    AGENTHQ_TEST_PG | AGENTHQ_TEST_PG_BIN) export "$key=$value" ;;
  esac
done <"$state/pg.env"
"$@"
