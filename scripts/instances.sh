#!/usr/bin/env bash
# Two instances on one PostgreSQL database (playwright.instances.config.ts): a statement
# withdrawn on one is withdrawn on the other within seconds. Needs the production build
# (`npm test` made it) and a server database: DATABASE_URL, or a throwaway one on
# 127.0.0.1:5432 (the machine's PostgreSQL), created and dropped here.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
[ -d .next ] || npx next build
db=""
if [ -z "${DATABASE_URL:-}" ]; then
  db="iblagh_instances_$(date +%s)_$$"
  node scripts/ci-db.mjs create "$db"
  trap 'node scripts/ci-db.mjs drop "$db" || true' EXIT
  export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db"
fi
export E2E_DATABASE_URL="$DATABASE_URL"
export AUTH_SECRET="${AUTH_SECRET:-instances-e2e-secret-instances-e2e-secret}"
export ENCRYPTION_KEY="${ENCRYPTION_KEY:-$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64"))')}"
# Migrated and seeded once, before either instance starts.
npm run -s db:seed -- --demo
unset DATABASE_URL
npx playwright test -c playwright.instances.config.ts "$@"
