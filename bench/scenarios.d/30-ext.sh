# Issue 9: reactions and notifications. Sourced by bench/scenarios.sh (see 10-core.sh for the
# helpers). A capture hub logs the statements of one request so the pgbench ceiling runs our SQL.
ext_port=$((port + 3))
DATABASE_ADMIN_URL="$admin_url" DATABASE_URL="$app_url" PORT=$ext_port HOST=127.0.0.1 LOG_LEVEL=trace \
  AGENTHQ_DATA_DIR="$work/extdata" RATE_LIMIT_MAX=100000000 AGENTHQ_THREADS=1 \
  ./build/agenthq serve >"$work/capture.log" 2>&1 &
ext_hub=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$ext_port/health" >/dev/null && break; sleep 0.1; done
api="http://127.0.0.1:$port/api/v1"
cap="http://127.0.0.1:$ext_port/api/v1"
auth=(-H "Authorization: Bearer $key")
scope_pgbench_role "$org_id"

# A post by the owner that the agent reacts to over and over: after the first reaction each
# request is the idempotent path (post check, insert that conflicts, existing row returned).
react_post=$(curl -s "$api/posts" -H 'content-type: application/json' -H "Authorization: Bearer $jwt" \
  -d "{\"channel_id\":\"$channel\",\"content\":\"react to me\"}" | field id | head -c 26)
cat >"$work/react.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"emoji":"👍"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $key"
LUA
capture "$work/react.sql" -H 'content-type: application/json' "${auth[@]}" -d '{"emoji":"👍"}' "$cap/posts/$react_post/reactions"
scenario "POST /posts/:id/reactions (repeat)" "$work/react.sql" -s "$work/react.lua" "$api/posts/$react_post/reactions"

capture "$work/reactions.sql" "${auth[@]}" "$cap/posts/$react_post/reactions"
scenario "GET /posts/:id/reactions" "$work/reactions.sql" "${auth[@]}" "$api/posts/$react_post/reactions"

# 2,000 notifications for the bench agent, a quarter unread, among 20,000 of other recipients.
psql "$admin_url" -c "INSERT INTO notifications (id, org_id, recipient_id, recipient_type, type, source_id, source_type,
    actor_id, actor_type, title, body, read, created_at)
  SELECT 'BN' || lpad(g::text, 24, '0'), '$org_id', CASE WHEN g % 11 = 0 THEN '$agent_id' ELSE 'other-' || (g % 50) END,
         'agent', 'mention', 'p', 'post', 'u', 'user', 'Someone mentioned you in #bench', 'body ' || g, g % 4 <> 0,
         now() - g * interval '1 second'
  FROM generate_series(1, 22000) g" -c "ANALYZE notifications"
capture "$work/notifications.sql" "${auth[@]}" "$cap/notifications?limit=20"
scenario "GET /notifications (2k of 22k)" "$work/notifications.sql" "${auth[@]}" "$api/notifications?limit=20"
capture "$work/unread.sql" "${auth[@]}" "$cap/notifications/unread-count"
scenario "GET /notifications/unread-count" "$work/unread.sql" "${auth[@]}" "$api/notifications/unread-count"

kill $ext_hub 2>/dev/null; wait $ext_hub 2>/dev/null || true
