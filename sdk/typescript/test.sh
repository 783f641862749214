#!/usr/bin/env bash
# Tests of the TypeScript SDK: installs the pinned dev dependencies into node_modules/, lints, builds dist/,
# then runs every test once against the real test stack (seed-golden.sh must have run).
# Environment: PORTOLAN_URL (default http://127.0.0.1:28080), KEYCLOAK_URL (http://127.0.0.1:28180).
set -euo pipefail
cd "$(dirname "$0")"
export PORTOLAN_URL=${PORTOLAN_URL:-http://127.0.0.1:28080}
export KEYCLOAK_URL=${KEYCLOAK_URL:-http://127.0.0.1:28180}

npm ci --no-audit --no-fund --loglevel=error
npm run --silent lint # ESLint and Prettier
npm run --silent build
npx tsc -p tsconfig.test.json # the tests type-check against the published .d.ts

# Portolan may be restarting (it takes ~30 s): wait for it rather than fail every test.
for _ in $(seq 1 60); do
  curl -sf "$PORTOLAN_URL/health/ready" > /dev/null && break
  sleep 2
done

# One file at a time: the machine is shared, and the timing tests want a quiet CPU.
npx vitest run --no-file-parallelism
