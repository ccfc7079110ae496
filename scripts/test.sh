#!/usr/bin/env bash
# Runs every test. Installs what the browser checks need when it is missing: Debian's Chromium
# and the npm packages pinned in package-lock.json (Playwright's core and axe-core).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
cargo test
