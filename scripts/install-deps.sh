#!/usr/bin/env bash
# Installs the Debian 12 packages AgentHQ builds, runs and tests with (chromium for the browser
# tests), then the dashboard's npm packages (install-web-deps.sh). Idempotent and
# non-interactive: it asks apt only for what is missing, and uses sudo only when not root.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config make
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libpq-dev postgresql-15 postgresql-contrib
  libcrypt-dev libjwt-dev libssl-dev libcurl4-openssl-dev
  libspdlog-dev libcli11-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  wrk
  chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

"$(dirname "$0")/install-web-deps.sh"
