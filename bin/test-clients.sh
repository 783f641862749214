#!/usr/bin/env bash
# The SDKs', gateway integrations' and web UI's own tests, against the stack that bin/test.sh
# started (PORTOLAN_URL, KEYCLOAK_URL: the test ports by default). The golden decision cases are
# loaded into the test tenant initech first; each suite then replays them or drives the real stack.
#   bin/test-clients.sh            every suite
#   bin/test-clients.sh NAME...    only these (e.g. sdk/java integrations/nginx)
set -euo pipefail
cd "$(dirname "$0")/.."
export PORTOLAN_URL=${PORTOLAN_URL:-http://127.0.0.1:28080}
export KEYCLOAK_URL=${KEYCLOAK_URL:-http://localhost:28180}

SUITES=(sdk/python sdk/typescript sdk/java integrations/nginx integrations/litellm ui)
(( $# )) && SUITES=("$@")

sdk/testdata/seed-golden.sh
for suite in "${SUITES[@]}"; do
  started=$SECONDS
  echo "[test] $suite" >&2
  "$suite/test.sh"
  echo "[test] $suite passed in $((SECONDS - started)) s" >&2
done
