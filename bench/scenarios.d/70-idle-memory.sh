# Issue 8, idle memory (sourced by bench/scenarios.sh): the RSS of a freshly started hub that has
# served nothing yet, split into anonymous (its own heap, stacks, buffers) and file-backed pages
# (code and data of the binary and its ~45 shared libraries, shared with other processes).
idle_port=$((port + 3))
DATABASE_ADMIN_URL="$admin_url" DATABASE_URL="$app_url" PORT=$idle_port HOST=127.0.0.1 \
  AGENTHQ_DATA_DIR="$work/idledata" ./build/agenthq serve >"$work/idle.log" 2>&1 &
idle_hub=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$idle_port/health" >/dev/null && break; sleep 0.1; done
sleep 2
kb() { awk -v k="$1:" '$1==k {print $2}' "/proc/$idle_hub/status"; }
printf 'Idle hub (one process, %s threads): RSS %.1f MB = %.1f MB anonymous + %.1f MB file-backed\n' \
  "$(kb Threads)" "$(echo "$(kb VmRSS)" | awk '{print $1/1024}')" "$(echo "$(kb RssAnon)" | awk '{print $1/1024}')" \
  "$(echo "$(kb RssFile)" | awk '{print $1/1024}')" >> "$work/single.txt"
kill $idle_hub 2>/dev/null; wait $idle_hub 2>/dev/null || true
