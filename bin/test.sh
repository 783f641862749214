#!/usr/bin/env bash
# `make test`: every test. Rego tests, the Helm chart checks, unit tests, then the integration tests
# against a real stack (PostgreSQL, OPA, Keycloak, Portolan) started once on the test ports and stopped after.
#   bin/test.sh            everything
#   bin/test.sh policy     only the Rego checks and tests
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/versions.sh
started=$SECONDS
OPA=".tools/opa-$OPA_VERSION/opa"

bin/tools.sh
bin/tools.sh promtool  # Prometheus's parser and rule checker (MetricsIT, the alert rules below)
bin/tools.sh jaeger  # the OTLP receiver the test stack's Portolan exports its traces to (TracingIT)
bin/tools.sh ruff  # the Python linter and formatter (ruff.toml)

echo "[test] Rego: format, strict check, opa test" >&2
unformatted=$("$OPA" fmt -l policies)
if [[ -n $unformatted ]]; then echo "[test] not formatted with opa fmt: $unformatted" >&2; exit 1; fi
"$OPA" check --strict policies
"$OPA" test policies --format pretty | tail -n 3
coverage=$("$OPA" test policies --coverage | jq -r '.coverage')
echo "[test] Rego line coverage: ${coverage}%" >&2
awk -v c="$coverage" 'BEGIN { exit (c >= 90) ? 0 : 1 }' || { echo "[test] Rego coverage below 90%" >&2; exit 1; }
[[ ${1:-} == policy ]] && exit 0

echo "[test] Python: ruff check, ruff format --check (ruff.toml)" >&2
RUFF=".tools/ruff-$RUFF_VERSION/bin/ruff"
mapfile -t python_files < <(git ls-files '*.py')
"$RUFF" check --no-cache "${python_files[@]}"
"$RUFF" format --check --no-cache "${python_files[@]}"

echo "[test] Prometheus alert rules: promtool check rules, promtool test rules (deploy/prometheus)" >&2
PROMTOOL=".tools/promtool-$PROMTOOL_VERSION/promtool"
"$PROMTOOL" check rules deploy/prometheus/portolan-alerts.yaml
"$PROMTOOL" test rules deploy/prometheus/portolan-alerts.test.yaml
"$PROMTOOL" check config --syntax-only deploy/prometheus/prometheus-compose.yaml  # docker-compose.yml's Prometheus
jq -e '.panels | length > 0' deploy/grafana/portolan.json > /dev/null

echo "[test] Helm chart: lint, render, validate against Kubernetes schemas (bin/chart-check.sh)" >&2
bin/chart-check.sh

echo "[test] Java: google-java-format (mvn spotless:check; spotless:apply fixes), unit tests, package" >&2
mvn -B spotless:check package

echo "[test] starting the test stack" >&2
trap 'bin/stack.sh down test' EXIT
bin/stack.sh up test

# Where the stack listens (the test ports, moved by PORTOLAN_TEST_PORT_OFFSET).
eval "$(bin/stack.sh env test | tr ' ' '\n' | sed 's/^/export /')"
export PORTOLAN_URL="http://127.0.0.1:${APP_URL##*:}" KEYCLOAK_URL="$KC_URL"

echo "[test] integration tests" >&2
mvn -B failsafe:integration-test failsafe:verify -Dit.base-url="$PORTOLAN_URL" -Dit.keycloak-url="$KEYCLOAK_URL" \
  -Dit.jdbc-url="jdbc:postgresql://127.0.0.1:$PG_PORT/portolan" -Dit.metrics-url="$METRICS_URL" \
  -Dit.replica2-url="http://127.0.0.1:${REPLICA2_URL##*:}" -Dit.balancer-url="http://127.0.0.1:${BALANCER_URL##*:}" \
  -Dit.jaeger-url="$JAEGER_URL"

echo "[test] SDKs, gateway integrations and the web UI against the same stack" >&2
bin/test-clients.sh

echo "[test] hostile input, short form (make security runs the long one)" >&2
bin/security.sh --short

echo "[test] no bearer token in the stack's logs" >&2
if grep -rlE 'eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.' .data/test/*.log; then
  echo "[test] a token was written to the logs above" >&2; exit 1
fi

echo "[test] faults under decision load, short form (make faults runs the long one); restores the stack" >&2
bin/faults.sh --short

echo "[test] all tests passed in $((SECONDS - started)) s" >&2
