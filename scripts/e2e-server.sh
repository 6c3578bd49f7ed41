#!/usr/bin/env bash
# Production build served on a fresh embedded database, as a citizen would meet it.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export DATA_DIR=.data/e2e
export RATE_LIMIT_REPORTS="${RATE_LIMIT_REPORTS:-1000}"
export RATE_LIMIT_TRACK="${RATE_LIMIT_TRACK:-1000}"
unset DATABASE_URL
rm -rf "$DATA_DIR"
if [ -z "${E2E_SKIP_BUILD:-}" ]; then npx next build; fi
# Prerendering opened the database from build workers, whose pid may still be in the owner file
# (or reused by another process by now): the build is over, so nobody owns it.
rm -f "$DATA_DIR/pglite.pid"
# Accounts that tests change (TOTP enrolment, sign-out ending every session), one per retry,
# created before the app owns the database.
for i in 0 1 2; do
  npm run -s staff -- create --email "totp$i@e2e.iblagh.local" --role moderator --password "e2e-totp-password-$i" >/dev/null
done
for i in 0 1 2 3 4 5; do
  npm run -s staff -- create --email "signout$i@e2e.iblagh.local" --role moderator --password "e2e-signout-password-$i" >/dev/null
done
NODE_ENV=production exec sh scripts/start.sh -p "${E2E_PORT:-3100}"
