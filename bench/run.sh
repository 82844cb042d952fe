#!/usr/bin/env bash
# One command: builds Release, starts a throwaway PostgreSQL and a fresh hub, loads it with wrk
# (64 connections) and prints requests/s, p50 and p99 per scenario next to PostgreSQL's own
# ceiling measured by pgbench with the same 64 clients, and next to the previous recorded run
# (bench/baseline.tsv). Usage: bench/run.sh [seconds per scenario, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_SECONDS=${1:-10}
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target agenthq sql_replay ws_fanout >/dev/null
command -v wrk >/dev/null || { echo "wrk is missing: run make deps" >&2; exit 1; }
exec tests/with_postgres.sh bench/scenarios.sh
