#!/usr/bin/env bash
# Installs the dashboard's npm packages (web/package-lock.json: vite and typescript to build it,
# playwright-core for the browser tests, which drive Debian's chromium; no browser download).
# Without npm or with a Node.js older than 20 it says so and does nothing: the hub then builds
# without a dashboard and serves the API only.
set -euo pipefail
web="$(cd "$(dirname "$0")/../web" && pwd)"

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "install-web-deps: npm not found; the hub will be built without its dashboard" >&2
  exit 0
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "install-web-deps: Node.js $(node --version) is too old for the dashboard's build (needs 20+); building without it" >&2
  exit 0
fi

# npm ci replaces node_modules from the lock file; skip it when that already happened.
if [ "$web/node_modules/.package-lock.json" -nt "$web/package-lock.json" ]; then exit 0; fi
echo "Installing the dashboard's npm packages"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix "$web" --no-audit --no-fund --loglevel=error
