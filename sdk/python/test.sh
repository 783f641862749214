#!/usr/bin/env bash
# Tests of the Python SDK against the running test stack (see ../../README.md), after
# sdk/testdata/seed-golden.sh has loaded the golden data into tenant initech.
#   sdk/python/test.sh [pytest args]
# Environment: PORTOLAN_URL (default http://127.0.0.1:28080), KEYCLOAK_URL (http://127.0.0.1:28180).
set -euo pipefail
cd "$(dirname "$0")"
export PORTOLAN_URL=${PORTOLAN_URL:-http://127.0.0.1:28080}
export KEYCLOAK_URL=${KEYCLOAK_URL:-http://127.0.0.1:28180}
PYTHON=${PYTHON:-python3}

if [[ ! -x .venv/bin/python ]]; then
  "$PYTHON" -m venv .venv
fi
# Pinned test tools and build backend once (the test extra of pyproject.toml: pytest and the
# OpenTelemetry API and SDK, which tests/test_tracing.py needs for a real span); then the SDK itself
# each run (no build isolation, so a second run needs no download) so the tests see the current source.
pip() { .venv/bin/python -m pip -q --disable-pip-version-check "$@"; }
pip install pytest==9.2.0 hatchling==1.33.0 opentelemetry-api==1.45.2 opentelemetry-sdk==1.45.2
pip install --no-build-isolation --no-deps --force-reinstall .

# Portolan may be restarting (about 30 s): wait for it rather than failing every test.
for _ in $(seq 1 60); do
  curl -sf -o /dev/null "$PORTOLAN_URL/health/ready" && break
  sleep 2
done
curl -sf -o /dev/null "$PORTOLAN_URL/health/ready" || { echo "Portolan is not ready at $PORTOLAN_URL" >&2; exit 1; }

# Run from tests/ against the installed package, not the source tree.
.venv/bin/python -m pytest -q -p no:cacheprovider "${@:-tests}"
