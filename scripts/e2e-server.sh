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
exec npx next start -p "${E2E_PORT:-3100}"
