# Issue 4: WebSocket fan-out. 2,000 subscribers on one channel split over two hub processes
# (this one and a second on the same database), posts at a steady rate through the REST API.
fan_port=$((port + 2))
DATABASE_ADMIN_URL="$admin_url" DATABASE_URL="$app_url" PORT=$fan_port HOST=127.0.0.1 \
  AGENTHQ_DATA_DIR="$work/fandata" RATE_LIMIT_MAX=100000000 \
  ./build/agenthq serve >"$work/hub2.log" 2>&1 &
second_hub=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$fan_port/health" >/dev/null && break; sleep 0.1; done
fan_channel=$(curl -s "http://127.0.0.1:$port/api/v1/channels" -H 'content-type: application/json' \
  -H "Authorization: Bearer $key" -d '{"name":"fan-out"}' | field id)
./build/ws_fanout --ports "$port,$fan_port" --pids "$hub,$second_hub" --token "$key" --channel "$fan_channel" \
  --clients "${BENCH_WS_CLIENTS:-2000}" --posts "${BENCH_WS_POSTS:-100}" --rate "${BENCH_WS_RATE:-10}" >"$work/fanout.txt"
kill $second_hub 2>/dev/null; wait $second_hub 2>/dev/null || true
