#!/usr/bin/env bash
# Every test: unit and database tests (PGlite, and PostgreSQL when TEST_DATABASE_URL is set), then a
# production build and the Playwright suites (HTTP API and Chromium) against real app servers.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "Installing Debian's chromium for the browser tests..."
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi
[ -d node_modules ] || npm ci

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  E2E_DATABASE_URL="$(npx tsx scripts/test-database.ts create "$TEST_DATABASE_URL")"
  export E2E_DATABASE_URL
  trap 'npx tsx scripts/test-database.ts drop "$E2E_DATABASE_URL"' EXIT
  echo "PostgreSQL: unit tests on fresh databases of $(echo "$TEST_DATABASE_URL" | sed 's#//[^@]*@#//#'), e2e on a fresh one"
else
  echo "TEST_DATABASE_URL is not set: PostgreSQL tests are skipped (PGlite only)."
fi

npx vitest run
npx next build
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  # A short run so the benchmark keeps working; its figures are not checked.
  npm run bench -- --quick
fi
# The container image's server: Next's standalone output with what the Dockerfile copies beside it.
NEXT_OUTPUT=standalone NEXT_DIST_DIR=.next-standalone npx next build
standalone=.next-standalone/standalone
cp -r .next-standalone/static "$standalone/.next-standalone/static"
cp -r public "$standalone/public"
cp -r db/migrations "$standalone/db/"
export E2E_STANDALONE_DIR="$standalone"
rm -rf ".data/e2e-${E2E_PORT_OFFSET:-0}"
npx playwright test
