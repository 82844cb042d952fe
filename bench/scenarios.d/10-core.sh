# Issue 3 scenarios, sourced by bench/scenarios.sh (which defines port, key, org_id, admin_url,
# app_url, work, psql, load, pg_ceiling, record, field). All requests use an agent API key.

# A second hub at LOG_LEVEL=trace logs every statement; sql_replay turns the statements of one
# request into the pgbench script, so the ceiling is PostgreSQL running exactly our SQL.
cap_port=$((port + 1))
DATABASE_ADMIN_URL="$admin_url" DATABASE_URL="$app_url" PORT=$cap_port HOST=127.0.0.1 LOG_LEVEL=trace \
  AGENTHQ_DATA_DIR="$work/capdata" RATE_LIMIT_MAX=100000000 AGENTHQ_THREADS=1 AGENTHQ_READ_CACHE_ENTRIES=0 \
  ./build/agenthq serve >"$work/capture.log" 2>&1 &
capture_hub=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$cap_port/health" >/dev/null && break; sleep 0.1; done

capture() {  # out-file curl-args... : runs the request twice on the capture hub, keeps the last one's SQL
  local out=$1; shift
  curl -s "$@" >/dev/null
  curl -s "$@" >"$work/capture.reply"
  sleep 1.2  # the hub flushes info lines each second
  ./build/sql_replay "$work/capture.log" ${FRESH:-} >"$out"
}
scope_pgbench_role() { psql "$admin_url" -c "ALTER ROLE bench_app IN DATABASE bench SET app.org_id = '$1'"; }
agent_id=$(psql "$admin_url" -c "SELECT id FROM agents WHERE org_id = '$org_id' LIMIT 1")
channel=$(curl -s "http://127.0.0.1:$port/api/v1/channels" -H 'content-type: application/json' \
  -H "Authorization: Bearer $key" -d '{"name":"bench-posts"}' | field id)
# 20,000 posts in one channel; every 7th mentions "zebra" (2,857 hits).
psql "$admin_url" -c "INSERT INTO posts (id, org_id, channel_id, author_id, author_type, type, title, content, metadata, created_at)
  SELECT 'BP' || lpad(g::text, 24, '0'), '$org_id', '$channel', '$agent_id', 'agent', 'update', 'Bench post ' || g,
         CASE WHEN g % 7 = 0 THEN 'zebra crossing report number ' || g ELSE 'ordinary market update number ' || g END,
         '{}', now() - g * interval '1 second'
  FROM generate_series(1, 20000) g"

# The feed org: 2,000 posts, 5,000 activity rows and 500 insights inside the last 24 hours.
feed_reg=$(curl -sf "http://127.0.0.1:$port/api/v1/auth/register" -H 'content-type: application/json' \
  -d '{"orgName":"Feed","orgSlug":"bench-feed","email":"feed@example.com","password":"bench-password","name":"F"}')
feed_org=$(echo "$feed_reg" | sed -n 's/.*"org":{"id":"\([^"]*\)".*/\1/p')
feed_key=$(curl -sf "http://127.0.0.1:$port/api/v1/auth/agents/register" -H 'content-type: application/json' \
  -H "Authorization: Bearer $(echo "$feed_reg" | field accessToken)" -d '{"name":"feed-agent"}' | field apiKey)
feed_channel=$(psql "$admin_url" -c "SELECT id FROM channels WHERE org_id = '$feed_org' AND name = 'general'")
psql "$admin_url" -c "INSERT INTO posts (id, org_id, channel_id, author_id, author_type, type, title, content, metadata, created_at)
  SELECT 'FP' || lpad(g::text, 24, '0'), '$feed_org', '$feed_channel', 'a', 'agent', 'update', NULL, 'feed post ' || g, '{}',
         now() - g * interval '40 seconds' FROM generate_series(1, 2000) g" \
  -c "INSERT INTO activity_log (id, org_id, actor_id, actor_type, action, resource_type, resource_id, details, created_at)
  SELECT 'FA' || lpad(g::text, 24, '0'), '$feed_org', 'a', 'agent', 'bench.action', 'thing', 'x', '{}',
         now() - g * interval '17 seconds' FROM generate_series(1, 5000) g" \
  -c "INSERT INTO insights (id, org_id, type, title, content, created_at)
  SELECT 'FI' || lpad(g::text, 24, '0'), '$feed_org', 'trend', 'Insight ' || g, 'content ' || g,
         now() - g * interval '170 seconds' FROM generate_series(1, 500) g" \
  -c "ANALYZE"

api="http://127.0.0.1:$port/api/v1"
cap="http://127.0.0.1:$cap_port/api/v1"
auth=(-H "Authorization: Bearer $key")

# POST /posts: the new post's id and its audit entry's id become fresh ids in the replay.
capture "$work/post.sql" -H 'content-type: application/json' "${auth[@]}" \
  -d "{\"channel_id\":\"$channel\",\"content\":\"bench post body\"}" "$cap/posts"
new_post=$(field id <"$work/capture.reply" | head -c 26)
audit_id=$(psql "$admin_url" -c "SELECT id FROM activity_log WHERE resource_id = '$new_post'")
FRESH="--fresh $new_post --fresh $audit_id" capture "$work/post.sql" -H 'content-type: application/json' "${auth[@]}" \
  -d "{\"channel_id\":\"$channel\",\"content\":\"bench post body\"}" "$cap/posts"
new_post=$(field id <"$work/capture.reply" | head -c 26)
audit_id=$(psql "$admin_url" -c "SELECT id FROM activity_log WHERE resource_id = '$new_post'")
./build/sql_replay "$work/capture.log" --fresh "$new_post" --fresh "$audit_id" >"$work/post.sql"
cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"channel_id":"$channel","content":"bench post body"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $key"
LUA
scope_pgbench_role "$org_id"
scenario "POST /posts" "$work/post.sql" -s "$work/post.lua" "$api/posts"

capture "$work/list.sql" "${auth[@]}" "$cap/posts?channel_id=$channel&limit=20"
scenario "GET /posts?channel_id (20k)" "$work/list.sql" "${auth[@]}" "$api/posts?channel_id=$channel&limit=20"

capture "$work/search.sql" "${auth[@]}" "$cap/posts/search?q=zebra"
scenario "GET /posts/search (2.8k hits)" "$work/search.sql" "${auth[@]}" "$api/posts/search?q=zebra"

scope_pgbench_role "$feed_org"
capture "$work/feed.sql" -H "Authorization: Bearer $feed_key" "$cap/feed"
scenario "GET /feed (2k+5k+500)" "$work/feed.sql" -H "Authorization: Bearer $feed_key" "$api/feed"
scope_pgbench_role "$org_id"
# The capture hub keeps running for the issue 8 scenarios (15-hot-reads.sh), which stop it.
