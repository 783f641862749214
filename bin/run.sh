#!/usr/bin/env bash
# `make run`: installs what is missing, builds, starts the stack and waits; Ctrl-C stops it all.
# PORTOLAN_REPLICAS=2 (make run-fleet): two replicas (8081, 8082) behind nginx on 8080.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

bin/tools.sh
echo "[run] building Portolan" >&2
mvn -B -q package -DskipTests

stop_all() {
  local code=$?
  trap - EXIT INT TERM
  echo; echo "[run] stopping the stack" >&2
  bin/stack.sh down run
  exit "$code"
}
trap stop_all EXIT INT TERM
bin/stack.sh up run

replicas=${PORTOLAN_REPLICAS:-1}
watched=(opa keycloak portolan)
fleet=""
metrics="http://127.0.0.1:9080/metrics"
if (( replicas > 1 )); then
  for ((k = 2; k <= replicas; k++)); do watched+=("portolan-$k" "opa-$k"); done
  watched+=(balancer)
  metrics="http://127.0.0.1:9081..$((9080 + replicas))/metrics, one per replica"
  fleet="  Fleet         $replicas replicas on http://127.0.0.1:8081..$((8080 + replicas)), behind nginx on 8080
                (deploy/fleet/nginx.conf; log .data/run/balancer.log)
"
fi

cat <<INFO

  Portolan is running ($((SECONDS - started)) s).

  Web and API   http://localhost:8080            (API under /api/v1, OpenAPI at /openapi)
$fleet
  Health        http://localhost:8080/health/ready
  Metrics       $metrics    (Prometheus; loopback only; docs/operations.md)
  Keycloak      http://localhost:8180            (admin console: admin / admin)
  OPA           http://127.0.0.1:8181
  PostgreSQL    127.0.0.1:15432, database portolan (data in .data/run)

  Demo users (password = user name):
    alice  acme    compliance-officer      erin   globex  compliance-officer
    olivia acme    compliance-officer
    bob    acme    requester (research)    frank  globex  requester (support)
    carol  acme    auditor                 root   platform-admin
    dave   acme    tenant-admin
  Gateways (client credentials): acme-gateway / acme-gateway-secret,
                                 globex-gateway / globex-gateway-secret

  Logs in .data/run/*.log. Press Ctrl-C to stop everything.
INFO

# Wait until interrupted, or until a component dies. Sleeping in the background lets a signal
# run the trap at once instead of after the sleep.
while true; do
  sleep 2 & wait $! || true
  for component in "${watched[@]}"; do
    if ! kill -0 "$(cat ".data/run/$component.pid" 2>/dev/null || echo 0)" 2>/dev/null; then
      echo "[run] $component stopped unexpectedly; see .data/run/$component.log" >&2
      exit 1
    fi
  done
done
