# Issue 8, API-key guessing (sourced by bench/scenarios.sh: port, key, work, record ...).
# Logins' p50 on one connection, alone and while 64 connections send the bench agent's real
# key prefix with a made-up secret, a new one per request. The guesses are refused with 429
# once the client's budget of failed key checks is spent, before any bcrypt; logins' bcrypt
# runs on its own pool. Prints the two p50s and what the flood got.
cat > "$work/login.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"email":"bench@example.com","password":"bench-password"}'
wrk.headers["Content-Type"] = "application/json"
LUA
cat > "$work/guess.lua" <<LUA
local prefix = "${key:0:12}"
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
function request()
  local secret = {}
  for i = 1, 35 do local n = math.random(1, #alphabet); secret[i] = alphabet:sub(n, n) end
  return wrk.format("GET", "/api/v1/org", {["Authorization"] = "Bearer " .. prefix .. table.concat(secret)})
end
LUA
login_p50() {
  local out p50; out=$(wrk -t1 -c1 -d${secs}s --latency -s "$work/login.lua" "http://127.0.0.1:$port/api/v1/auth/login" 2>&1)
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  if [ -n "$p50" ]; then to_ms "$p50"; else echo "(no login completed in ${secs} s)"; fi
}
during_flood() {  # wrk-args... : logins' p50 while wrk floods the hub with these requests
  wrk -t1 -c64 -d$((secs + 4))s "$@" >"$work/flood.txt" 2>&1 &
  local flood=$!
  sleep 2
  login_p50
  wait $flood || true
}
quiet_login=$(login_p50)
guessed_login=$(during_flood -s "$work/guess.lua" "http://127.0.0.1:$port/api/v1/org")
guess_rps=$(awk '/Requests\/sec/ {print $2}' "$work/flood.txt")
guess_non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/flood.txt")
# The control: the same flood of cheap requests without any key (GET /health). Everything shares
# two cores, so what a flood still costs a login here is CPU time, not bcrypt.
health_login=$(during_flood "http://127.0.0.1:$port/health")
health_rps=$(awk '/Requests\/sec/ {print $2}' "$work/flood.txt")
printf 'Key guessing: login p50 %s ms alone; %s ms during a wrong-secret flood (%s req/s on 64 connections, %s of them non-2xx: 401 then 429); %s ms during a GET /health flood (%s req/s) for comparison\n' \
  "$quiet_login" "$guessed_login" "$guess_rps" "${guess_non2xx:-0}" "$health_login" "$health_rps" >> "$work/single.txt"
