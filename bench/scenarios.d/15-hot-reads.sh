# Issue 8: hot reads independent of the data. Sourced after 10-core.sh (its channel, orgs, keys
# and capture hub). Prints C, the pgbench yardstick of the bare page query, and the insert
# yardstick into $work/yardsticks.tsv; report.sh turns them into the issue's ratios.

yardstick() { printf '%s\t%s\n' "$1" "$2" >> "$work/yardsticks.tsv"; }
: > "$work/yardsticks.tsv"
post_cols="id, org_id, channel_id, author_id, author_type, type, title, content, metadata, parent_id, pinned, created_at, updated_at"

# C: the bare page query of a channel, no count, no channel check, 64 clients.
bare_page() {
  cat > "$work/bare_page.sql" <<SQL
SELECT $post_cols FROM posts WHERE org_id = '$org_id' AND channel_id = '$channel' AND parent_id IS NULL
ORDER BY pinned DESC, created_at DESC, id DESC LIMIT 20;
SQL
  pg_ceiling "$work/bare_page.sql"
}
# POST /posts' yardstick: a one-row INSERT ... RETURNING into posts (its indexes and triggers).
cat > "$work/insert.sql" <<SQL
INSERT INTO posts (id, org_id, channel_id, author_id, author_type, type, content)
VALUES (md5(random()::text || clock_timestamp()::text), '$org_id', '$channel', '$agent_id', 'agent', 'update',
        'bench post body') RETURNING $post_cols;
SQL
scope_pgbench_role "$org_id"
yardstick "C" "$(bare_page)"
yardstick "INSERT" "$(pg_ceiling "$work/insert.sql")"

# A feed org shaped like the issue's target: 2,000 posts, 500 activity rows, 50 insights in
# the default window. seed_feed ORG CHANNEL POSTS ACTIVITY INSIGHTS (spread over 23 hours).
seed_feed() {
  psql "$admin_url" -c "INSERT INTO posts (id, org_id, channel_id, author_id, author_type, type, title, content, metadata, created_at)
    SELECT 'TP' || lpad(g::text, 24, '0') || '$1', '$1', '$2', 'a', 'agent', 'update', NULL, 'feed post ' || g, '{}',
           now() - g * (interval '23 hours' / $3) FROM generate_series(1, $3) g" \
    -c "INSERT INTO activity_log (id, org_id, actor_id, actor_type, action, resource_type, resource_id, details, created_at)
    SELECT 'TA' || lpad(g::text, 24, '0') || '$1', '$1', 'a', 'agent', 'bench.action', 'thing', 'x', '{}',
           now() - g * (interval '23 hours' / $4) FROM generate_series(1, $4) g" \
    -c "INSERT INTO insights (id, org_id, type, title, content, created_at)
    SELECT 'TI' || lpad(g::text, 24, '0') || '$1', '$1', 'trend', 'Insight ' || g, 'content ' || g,
           now() - g * (interval '23 hours' / $5) FROM generate_series(1, $5) g"
}
new_org() {  # slug -> "org_id key channel_id"
  local reg org k ch
  reg=$(curl -sf "$api/auth/register" -H 'content-type: application/json' \
    -d "{\"orgName\":\"$1\",\"orgSlug\":\"$1\",\"email\":\"$1@example.com\",\"password\":\"bench-password\",\"name\":\"F\"}")
  org=$(echo "$reg" | sed -n 's/.*"org":{"id":"\([^"]*\)".*/\1/p')
  k=$(curl -sf "$api/auth/agents/register" -H 'content-type: application/json' \
    -H "Authorization: Bearer $(echo "$reg" | field accessToken)" -d '{"name":"feed-agent"}' | field apiKey)
  ch=$(psql "$admin_url" -c "SELECT id FROM channels WHERE org_id = '$org' AND name = 'general'")
  echo "$org $k $ch"
}
read -r small_org small_key small_channel <<<"$(new_org bench-feed-small)"
read -r big_org big_key big_channel <<<"$(new_org bench-feed-big)"
seed_feed "$small_org" "$small_channel" 2000 500 50
psql "$admin_url" -c "VACUUM ANALYZE"

# The read scenarios of the issue's targets, at one corpus size; $1 labels the rows.
hot_reads() {
  local size=$1 feed_org=$2 feed_key=$3 feed_label=$4
  scope_pgbench_role "$org_id"
  capture "$work/list.sql" "${auth[@]}" "$cap/posts?channel_id=$channel&limit=20"
  scenario "GET /posts?channel_id ($size)" "$work/list.sql" "${auth[@]}" "$api/posts?channel_id=$channel&limit=20"
  capture "$work/chlist.sql" "${auth[@]}" "$cap/channels/$channel/posts?limit=20"
  scenario "GET /channels/:id/posts ($size)" "$work/chlist.sql" "${auth[@]}" "$api/channels/$channel/posts?limit=20"
  capture "$work/search.sql" "${auth[@]}" "$cap/posts/search?q=zebra"
  scenario "GET /posts/search ($size)" "$work/search.sql" "${auth[@]}" "$api/posts/search?q=zebra"
  capture "$work/gsearch.sql" "${auth[@]}" "$cap/search?q=zebra"
  scenario "GET /search ($size)" "$work/gsearch.sql" "${auth[@]}" "$api/search?q=zebra"
  scope_pgbench_role "$feed_org"
  capture "$work/feed.sql" -H "Authorization: Bearer $feed_key" "$cap/feed"
  scenario "GET /feed ($feed_label)" "$work/feed.sql" -H "Authorization: Bearer $feed_key" "$api/feed"
  scope_pgbench_role "$org_id"
}
hot_reads "20k posts, 2.8k hits" "$small_org" "$small_key" "2k+500+50"

# Growth: ten times the corpus and the hits (200,000 posts in the channel, every 7th a hit) and
# ten times the feed's window.
psql "$admin_url" -c "INSERT INTO posts (id, org_id, channel_id, author_id, author_type, type, title, content, metadata, created_at)
  SELECT 'BP' || lpad(g::text, 24, '0'), '$org_id', '$channel', '$agent_id', 'agent', 'update', 'Bench post ' || g,
         CASE WHEN g % 7 = 0 THEN 'zebra crossing report number ' || g ELSE 'ordinary market update number ' || g END,
         '{}', now() - g * interval '1 second'
  FROM generate_series(20001, 200000) g"
seed_feed "$big_org" "$big_channel" 20000 5000 500
psql "$admin_url" -c "VACUUM ANALYZE"
scope_pgbench_role "$org_id"
yardstick "C (200k)" "$(bare_page)"
hot_reads "200k posts, 28k hits" "$big_org" "$big_key" "20k+5k+500"

kill $capture_hub 2>/dev/null; wait $capture_hub 2>/dev/null || true
