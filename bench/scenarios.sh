#!/usr/bin/env bash
# Runs inside tests/with_postgres.sh (AGENTHQ_TEST_PG, AGENTHQ_TEST_PG_BIN are set).
set -euo pipefail
cd "$(dirname "$0")/.."
ulimit -n "$(ulimit -Hn)"  # thousands of WebSocket connections on both ends
secs=${BENCH_SECONDS:-10}
conns=64
work=$(mktemp -d /tmp/agenthq-bench.XXXXXX)
psql() { "$AGENTHQ_TEST_PG_BIN/psql" -qAtX "$@"; }
psql "$AGENTHQ_TEST_PG" -c "CREATE ROLE bench_app LOGIN" -c "CREATE DATABASE bench"
admin_url="${AGENTHQ_TEST_PG/dbname=postgres/dbname=bench}"
app_url="${admin_url/user=postgres/user=bench_app}"
port=$((20000 + RANDOM % 20000))

DATABASE_ADMIN_URL="$admin_url" DATABASE_URL="$app_url" PORT=$port HOST=127.0.0.1 \
  AGENTHQ_DATA_DIR="$work/data" RATE_LIMIT_MAX=100000000 DATABASE_POOL_MAX=${BENCH_POOL:-16} \
  ./build/agenthq serve >"$work/hub.log" 2>&1 &
hub=$!
trap 'kill $hub 2>/dev/null; wait $hub 2>/dev/null; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$port/health" >/dev/null || { echo "the hub did not start:" >&2; cat "$work/hub.log" >&2; exit 1; }

field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
reg=$(curl -sf "http://127.0.0.1:$port/api/v1/auth/register" -H 'content-type: application/json' \
  -d '{"orgName":"Bench","orgSlug":"bench","email":"bench@example.com","password":"bench-password","name":"B"}')
jwt=$(echo "$reg" | field accessToken)
org_id=$(echo "$reg" | sed -n 's/.*"org":{"id":"\([^"]*\)".*/\1/p')
key=$(curl -sf "http://127.0.0.1:$port/api/v1/auth/agents/register" -H 'content-type: application/json' \
  -H "Authorization: Bearer $jwt" -d '{"name":"bench-agent"}' | field apiKey)
prefix=${key:0:12}
export BENCH_PORT=$port BENCH_KEY=$key BENCH_JWT=$jwt BENCH_ORG=$org_id BENCH_APP_URL=$app_url BENCH_ADMIN_URL=$admin_url

# wrk: prints "rps p50_ms p99_ms"
load() {
  local out
  out=$(wrk -t2 -c$conns -d${secs}s --latency "$@" 2>&1)
  local rps p50 p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  echo "$rps $(to_ms "$p50") $(to_ms "$p99")"
}
to_ms() { awk -v v="$1" 'BEGIN { n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /ms$/) n=n; else if (v ~ /s$/) n*=1000; printf "%.3f", n }'; }
# pgbench with the same 64 clients: prints tps of the given SQL file, run as the hub's role.
pg_ceiling() {
  "$AGENTHQ_TEST_PG_BIN/pgbench" -n -M prepared -c $conns -j 2 -T "$secs" -f "$1" "$app_url" 2>/dev/null | awk '/^tps/ {print $3; exit}'
}

results="$work/results.tsv"
: > "$results"
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >> "$results"; }

scenario() {  # name sql-file wrk-args... (the URL last)
  local name=$1 sql=$2; shift 2
  # Warm-up, then the steady state is measured: the first use of an API key costs one bcrypt,
  # and one second of the same load (not recorded) lets every pooled connection prepare and
  # plan its statements and the read caches fill, as they are after a hub's first moments.
  local args=("$@"); local auth=()
  [ "${args[0]}" = "-H" ] && auth=(-H "${args[1]}")
  curl -s "${auth[@]}" "${args[-1]}" >/dev/null
  wrk -t2 -c$conns -d1s "$@" >/dev/null 2>&1
  read -r rps p50 p99 <<<"$(load "$@")"
  local ceiling; ceiling=$(pg_ceiling "$sql")
  record "$name" "$rps" "$p50" "$p99" "$ceiling"
}

# --- issue 2: the foundation ---------------------------------------------------------------
echo "SELECT 1;" > "$work/select1.sql"
scenario "GET /health" "$work/select1.sql" "http://127.0.0.1:$port/health"
# What an authenticated GET /org sends once its connection is scoped to the tenant (the hub sets
# app.org_id only when a pooled connection last served another org; pgbench gets it per role).
psql "$admin_url" -c "ALTER ROLE bench_app IN DATABASE bench SET app.org_id = '$org_id'"
cat > "$work/org.sql" <<SQL
SELECT id, name, slug, plan, settings, created_at, updated_at FROM orgs WHERE id = '$org_id';
SQL
scenario "GET /api/v1/org (API key)" "$work/org.sql" -H "Authorization: Bearer $key" "http://127.0.0.1:$port/api/v1/org"
scenario "GET /api/v1/org (JWT)" "$work/org.sql" -H "Authorization: Bearer $jwt" "http://127.0.0.1:$port/api/v1/org"

# The cost of authentication itself: one connection, no queueing, p50 of /health against
# GET /org with an API key (which adds the key check and one database round trip).
one_conn() { local out; out=$(wrk -t1 -c1 -d${secs}s --latency "$@" 2>&1); to_ms "$(echo "$out" | awk '$1=="50%" {print $2}')"; }
health_p50=$(one_conn "http://127.0.0.1:$port/health")
org_p50=$(one_conn -H "Authorization: Bearer $key" "http://127.0.0.1:$port/api/v1/org")
jwt_p50=$(one_conn -H "Authorization: Bearer $jwt" "http://127.0.0.1:$port/api/v1/org")
printf '1 connection, p50: GET /health %s ms, GET /org with API key %s ms, with JWT %s ms\n' \
  "$health_p50" "$org_p50" "$jwt_p50" > "$work/single.txt"

# Later issues add their scenarios here (bench/scenarios.d/*.sh are sourced in name order).
for extra in bench/scenarios.d/*.sh; do [ -e "$extra" ] && source "$extra"; done

bench/report.sh "$results" "$work/yardsticks.tsv"
echo; cat "$work/single.txt"
if [ -f "$work/fanout.txt" ]; then echo; grep -v '^FANOUT' "$work/fanout.txt"; grep '^FANOUT' "$work/fanout.txt" > bench/results/fanout.tsv; fi
