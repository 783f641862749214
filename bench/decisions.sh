#!/usr/bin/env bash
# Decision throughput and latency: Portolan's decision API against a bare OPA server holding the
# same policy and the same tenant data, measured in the same run with wrk.
#   bench/decisions.sh [seconds per step] [profile]     defaults: 10, test (start it with bin/stack.sh up test)
# Writes bench/results/decisions-<time>.txt. Uses Debian's wrk (installed when missing and root).
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/versions.sh
SECONDS_PER_STEP=${1:-10}; PROFILE=${2:-test}
eval "$(bin/stack.sh env "$PROFILE" | tr ' ' '\n' | sed 's/^/export /')"
command -v wrk >/dev/null || { [[ $(id -u) -eq 0 ]] && apt-get install -y -qq wrk >/dev/null; }
OPA=".tools/opa-$OPA_VERSION/opa"
BASE_PORT=28383
out="bench/results/decisions-$(date -u +%Y%m%dT%H%M%SZ).txt"
work=$(mktemp -d)

# The baseline: a bare OPA with the same Rego and acme's data as Portolan published it.
curl -fsS "$OPA_URL/v1/data/tenants" | jq '{tenants: .result}' > "$work/data.json"
# A second one logs every decision to its console (into a file), as a deployment that audits would.
"$OPA" run --server --addr "127.0.0.1:$BASE_PORT" --log-level error policies/decision/decision.rego "$work/data.json" &
opa_pid=$!
"$OPA" run --server --addr "127.0.0.1:$((BASE_PORT + 1))" --log-level info --set decision_logs.console=true \
  policies/decision/decision.rego "$work/data.json" > "$work/decisions.log" 2>&1 &
opa_logging_pid=$!
trap 'kill $opa_pid $opa_logging_pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -fsS -o /dev/null "http://127.0.0.1:$BASE_PORT/health" && curl -fsS -o /dev/null "http://127.0.0.1:$((BASE_PORT + 1))/health"; do sleep 0.2; done

# A token lasts 300 s: fetch one per step.
token() {
  curl -fsS -d grant_type=client_credentials -d client_id=acme-gateway -d client_secret=acme-gateway-secret \
    "$KC_URL/realms/portolan/protocol/openid-connect/token" | jq -r .access_token
}

run() { # target url connections
  BENCH_TARGET=$1 BENCH_TOKEN=$(token) wrk -t "$(( $3 < 2 ? 1 : 2 ))" -c "$3" -d "${SECONDS_PER_STEP}s" --latency --timeout 10s \
    -s bench/decisions.lua "$2" 2>&1
}

figures() { # wrk output -> "req/s p50 p99 p99.9 errors"
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /^p99.9/ {p999=$2} /Non-2xx/ {err=$NF}
       /Socket errors/ {sock=$0}
       END {printf "%10s req/s  p50 %8s  p99 %8s  p99.9 %8s  non-2xx %s%s\n", rps, p50, p99, p999,
            (err == "" ? 0 : err), (sock == "" ? "" : "  " sock)}'
}

# Portolan's req/s over bare OPA's, from two figures lines.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

{
  echo "Decision benchmark, $(date -u), $(nproc) cores, ${SECONDS_PER_STEP}s per step"
  echo "portolan = POST /api/v1/decisions (JWT check, tenant, rate limit, policy evaluation, group-committed decision_log)"
  echo "opa      = bare opa run --server, same Rego and data, no decision logging"
  echo "opa+log  = the same with console decision logging (to a file)"
  echo "engine: $(curl -fsS "$APP_URL/health/ready" | jq -c '.checks[] | select(.name == "opa") | .data')"
  # The JVM and the compiled policy reach full speed under load (the JIT compiles the policy's
  # generated classes for minutes after a start): warm up first, unreported.
  warmup=${BENCH_WARMUP_SECONDS:-180}
  for ((left = warmup; left > 0; left -= SECONDS_PER_STEP)); do run portolan "$APP_URL" 8 > /dev/null; done
  echo "warm-up: ${warmup}s at c=8 on Portolan before measuring"
  for c in ${BENCH_CONNECTIONS:-1 8 32 128}; do
    portolan=$(run portolan "$APP_URL" "$c" | figures)
    opa=$(run opa "http://127.0.0.1:$BASE_PORT" "$c" | figures)
    logging=$(run opa "http://127.0.0.1:$((BASE_PORT + 1))" "$c" | figures)
    printf "c=%-3s portolan %s\n" "$c" "$portolan"
    printf "c=%-3s opa      %s\n" "$c" "$opa"
    printf "c=%-3s opa+log  %s\n" "$c" "$logging"
    printf "c=%-3s ratio portolan/opa %s, portolan/opa+log %s\n" "$c" \
      "$(ratio "${portolan%% req/s*}" "${opa%% req/s*}")" "$(ratio "${portolan%% req/s*}" "${logging%% req/s*}")"
  done
} | tee "$out"
echo "written to $out"
