#!/usr/bin/env bash
# Decision throughput and latency: Portolan's decision API against a bare OPA server holding the
# same policy and the same tenant data, measured in the same run with wrk.
#   bench/decisions.sh [seconds per step] [profile]     defaults: 10, test (start it with bin/stack.sh up test)
# BENCH_MIX=acme (default): acme's research team through acme-gateway. BENCH_MIX=tenants: every tenant
# with a gateway in $STATE/bench-gateways.json (bench/scale-data.py writes it; else acme's and
# globex's demo gateways), tuples drawn from the published data: approved ones, denied variants,
# unknown models. BENCH_WARMUP_SECONDS (180), BENCH_CONNECTIONS ("1 8 32 128") tune the run.
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
"$OPA" run --server --optimize-store-for-read-speed --addr "127.0.0.1:$BASE_PORT" --log-level error policies/decision/decision.rego policies/deployments/deployments.rego "$work/data.json" &
opa_pid=$!
"$OPA" run --server --optimize-store-for-read-speed --addr "127.0.0.1:$((BASE_PORT + 1))" --log-level info --set decision_logs.console=true \
  policies/decision/decision.rego policies/deployments/deployments.rego "$work/data.json" > "$work/decisions.log" 2>&1 &
opa_logging_pid=$!
trap 'kill $opa_pid $opa_logging_pid 2>/dev/null; rm -rf "$work"' EXIT

MIX=${BENCH_MIX:-acme}
if [[ $MIX == tenants ]]; then
  if [[ -f "$STATE/bench-gateways.json" ]]; then cp "$STATE/bench-gateways.json" "$work/gateways.json"
  else
    jq -n '{acme: {clientId: "acme-gateway", secret: "acme-gateway-secret"},
            globex: {clientId: "globex-gateway", secret: "globex-gateway-secret"}}' > "$work/gateways.json"
  fi
  # Per tenant: 3 hot approved tuples, a hot denial and an unknown model; the tail holds every
  # approval as asked, the same above its classification from the US, and the team with another model.
  jq -r --slurpfile gw "$work/gateways.json" '.tenants | to_entries[] | select(.key | in($gw[0])) | .key as $t
    | (.value.models | keys) as $models
    | [.value.approvals | to_entries[] | .key as $team | .value | to_entries[] | .key as $model | .value[]
       | {team: $team, model: $model, purpose, class: .maxDataClassification, region: (.regions[0] // "eu")}] as $approved
    | ($approved[:3][] | "hot \($t) \(.team) \(.model) \(.purpose) \(.class) \(.region)"),
      ($approved[:1][] | "hot \($t) \(.team) \(.model) \(.purpose) restricted us",
                         "hot \($t) \(.team) no-such-model chat internal eu"),
      ($approved | to_entries[] | .key as $i | .value
       | "tail \($t) \(.team) \(.model) \(.purpose) \(.class) \(.region)",
         "tail \($t) \(.team) \(.model) \(.purpose) restricted us",
         "tail \($t) \(.team) \($models[($i * 7919) % ($models | length)]) chat internal eu")' \
    "$work/data.json" > "$work/tuples.txt"
fi
until curl -fsS -o /dev/null "http://127.0.0.1:$BASE_PORT/health" && curl -fsS -o /dev/null "http://127.0.0.1:$((BASE_PORT + 1))/health"; do sleep 0.2; done

# A token lasts 300 s: fetch one per step.
token() { # client-id secret
  curl -fsS -d grant_type=client_credentials -d client_id="$1" -d client_secret="$2" \
    "$KC_URL/realms/portolan/protocol/openid-connect/token" | jq -r .access_token
}

tenant_tokens() { # "tenant=token ..." for every gateway of the tenants mix
  jq -r 'to_entries[] | "\(.key) \(.value.clientId) \(.value.secret)"' "$work/gateways.json" |
    while read -r tenant client secret; do printf '%s=%s ' "$tenant" "$(token "$client" "$secret")"; done
}

run() { # target url connections
  if [[ $MIX == tenants ]]; then export BENCH_TUPLES="$work/tuples.txt" BENCH_TOKENS; BENCH_TOKENS=$(tenant_tokens); fi
  BENCH_TARGET=$1 BENCH_TOKEN=$(token acme-gateway acme-gateway-secret) wrk -t "$(( $3 < 2 ? 1 : 2 ))" -c "$3" -d "${SECONDS_PER_STEP}s" --latency --timeout 10s \
    -s bench/decisions.lua "$2" 2>&1
}

# Only 2xx answers count: a refusal (429 over a rate limit, 503) is not a decision served.
figures() { # wrk output -> "2xx/s p50 p99 p99.9 errors"
  awk '/requests in/ {n=$1; d=$4; sub(/,$/, "", d); m=(d ~ /m$/ ? 60 : 1); sub(/[a-z]+$/, "", d); secs=d*m}
       /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /^p99.9/ {p999=$2} /Non-2xx/ {err=$NF}
       /Socket errors/ {sock=$0}
       END {printf "%10.2f 2xx/s  p50 %8s  p99 %8s  p99.9 %8s  non-2xx %s%s\n", (secs > 0 ? (n - err) / secs : 0),
            p50, p99, p999, (err == "" ? 0 : err), (sock == "" ? "" : "  " sock)}'
}

# Portolan's req/s over bare OPA's, from two figures lines.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

{
  echo "Decision benchmark, $(date -u), $(nproc) cores, ${SECONDS_PER_STEP}s per step"
  echo "portolan = POST /api/v1/decisions (JWT check, tenant, rate limit, policy evaluation, group-committed decision_log)"
  echo "opa      = bare opa run --server --optimize-store-for-read-speed, same Rego and data, no decision logging"
  echo "opa+log  = the same with console decision logging (to a file)"
  jq -r '.tenants | "inventory (as published): \(length) tenants, \([.[] | .teams | length] | add) teams, \([.[] | .models | length] | add) models, \([.[] | .vendors | length] | add) vendors, \([.[] | [.approvals[][] | length] | add // 0] | add) approvals"' "$work/data.json"
  if [[ $MIX == tenants ]]; then echo "mix: $(grep -c '^hot' "$work/tuples.txt") hot tuples (every other request), $(grep -c '^tail' "$work/tuples.txt") in the tail, tenants $(jq -r 'keys | join(",")' "$work/gateways.json")"; fi
  echo "engine: $(curl -fsS "$APP_URL/health/ready" | jq -c '.checks[] | select(.name == "opa") | .data')"
  # The JVM and the compiled policy reach full speed under load (the JIT compiles the policy's
  # generated classes for minutes after a start): warm up first, unreported.
  warmup=${BENCH_WARMUP_SECONDS:-180}
  for ((left = warmup; left > 0; left -= SECONDS_PER_STEP)); do run portolan "$APP_URL" 8 > /dev/null; done
  echo "warm-up: ${warmup}s at c=8 on Portolan before measuring"
  best=0
  for c in ${BENCH_CONNECTIONS:-1 8 32 128}; do
    portolan=$(run portolan "$APP_URL" "$c" | figures)
    best=$(awk -v a="$best" -v b="${portolan%% 2xx/s*}" 'BEGIN { print (b > a ? b : a) }')
    opa=$(run opa "http://127.0.0.1:$BASE_PORT" "$c" | figures)
    logging=$(run opa "http://127.0.0.1:$((BASE_PORT + 1))" "$c" | figures)
    printf "c=%-3s portolan %s\n" "$c" "$portolan"
    printf "c=%-3s opa      %s\n" "$c" "$opa"
    printf "c=%-3s opa+log  %s\n" "$c" "$logging"
    printf "c=%-3s ratio portolan/opa %s, portolan/opa+log %s\n" "$c" \
      "$(ratio "${portolan%% 2xx/s*}" "${opa%% 2xx/s*}")" "$(ratio "${portolan%% 2xx/s*}" "${logging%% 2xx/s*}")"
  done
  # Latency at half of Portolan's best rate above, offered by 32 connections that pause a random
  # time between requests (bench/decisions.lua): a first pass measures how long each cycle takes
  # beyond its pause (the answer), and the mean pause is set so that the cycles add up to the rate
  # wanted.
  half=$(awk -v b="$best" 'BEGIN { printf "%d", b / 2 }')
  cycle=$(awk -v h="$half" 'BEGIN { printf "%.2f", 32000 / (h > 0 ? h : 1) }')
  probe=$(BENCH_DELAY_MS=$cycle run portolan "$APP_URL" 32 | figures)
  pause=$(awk -v c="$cycle" -v r="${probe%% 2xx/s*}" 'BEGIN { answer = (r > 0 ? 32000 / r : c) - c; p = c - answer;
    printf "%.2f", (p > 0 ? p : 0) }')
  printf "half load: about %s/s wanted (half of %s), 32 connections pausing %s ms on average\n" "$half" "$best" "$pause"
  printf "half  portolan %s\n" "$(BENCH_DELAY_MS=$pause run portolan "$APP_URL" 32 | figures)"
  printf "half  opa      %s\n" "$(BENCH_DELAY_MS=$pause run opa "http://127.0.0.1:$BASE_PORT" 32 | figures)"
} | tee "$out"
echo "written to $out"
