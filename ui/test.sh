#!/usr/bin/env bash
# The web UI's tests: ESLint and Prettier, Vitest for pure logic, then the end-to-end specs in
# Debian's Chromium against a running Portolan stack (PORTOLAN_URL, default http://localhost:28080;
# KEYCLOAK_URL, default http://localhost:28180). Screenshots land in ui/test-results/. Exits non-zero
# on any failure.
set -uo pipefail
cd "$(dirname "$0")"
export PORTOLAN_URL="${PORTOLAN_URL:-http://localhost:28080}"
export KEYCLOAK_URL="${KEYCLOAK_URL:-http://localhost:28180}"
# Keycloak only redirects back to the host names in the client's redirect URIs: localhost, not 127.0.0.1.
PORTOLAN_URL="${PORTOLAN_URL/127.0.0.1/localhost}"

npm ci --no-audit --no-fund --prefer-offline --loglevel=error || exit 1
# ESLint and Prettier first (no stack needed); a finding fails the run, after the tests have run too.
npm run --silent lint
lint=$?
if [[ ! -x /usr/bin/chromium ]]; then
  echo "installing Debian's Chromium"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || exit 1
fi
# Portolan may be mid-restart (others share the stack): wait for it rather than fail at once.
for _ in $(seq 1 60); do curl -fsS -o /dev/null --max-time 2 "$PORTOLAN_URL/health/ready" && break; sleep 2; done
if ! curl -fsS --max-time 5 -H 'Accept: text/html' "$PORTOLAN_URL/" | grep -q 'id="root"'; then
  echo "Portolan at $PORTOLAN_URL does not serve the UI: build it with 'mvn package' (not -Dui.skip) and restart it" >&2
  echo "ui: 0 passed, 1 failed"
  exit 1
fi
rm -rf test-results && mkdir -p test-results  # only this run's screenshots and reports
start=$SECONDS
npx vitest run --reporter=default --reporter=json --outputFile=test-results/unit.json
unit=$?
npx vitest run --config e2e/vitest.config.ts --reporter=default --reporter=json --outputFile=test-results/e2e.json
e2e=$?

# One closing line over both runs, counted from Vitest's JSON reports (a lint finding: one failure).
node -e '
  let passed = 0, failed = Number(process.argv[1]);
  for (const f of ["test-results/unit.json", "test-results/e2e.json"]) {
    try { const r = require("./" + f); passed += r.numPassedTests; failed += r.numFailedTests + (r.numTotalTestSuites === 0 ? 1 : 0); }
    catch { failed += 1; }
  }
  console.log(`ui: ${passed} passed, ${failed} failed`);
' "$(( lint == 0 ? 0 : 1 ))"
echo "ui tests took $((SECONDS - start)) s; screenshots in ui/test-results/"
(( lint == 0 && unit == 0 && e2e == 0 ))
