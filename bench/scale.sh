#!/usr/bin/env bash
# Scaling benchmark (`make bench-scale`): at 1x, 10x and 100x the demo inventory, the time to load
# it, the time to publish a revision and to see it in OPA, and decision throughput and latency
# against a bare OPA (bench/decisions.sh, BENCH_MIX=tenants); then impact analysis time and memory
# over 100,000 and 1,000,000 logged decisions at the largest size.
#   bench/scale.sh [sizes]        default "1 10 100"; needs the run stack (bin/stack.sh up run)
# 1x is the demo data `make run` seeds: measured only while the stack holds nothing more (a fresh
# .data/run). Sizes above 1 are loaded by bench/scale-data.py, through the API up to
# BENCH_API_SCALE (10) and by its SQL bulk path above. Tuning: BENCH_SECONDS per wrk step (10),
# BENCH_CONNECTIONS ("1 8 32"), BENCH_WARMUP_SECONDS (20), BENCH_IMPACT ("100000 1000000"; "" skips).
# Writes bench/results/scale-<time>.txt; each size's decision run also writes its decisions-<time>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${*:-1 10 100}
STACK_ENV=$(bin/stack.sh env run)
export STACK_ENV
eval "$(echo "$STACK_ENV" | tr ' ' '\n' | sed 's/^/export /')"
export BENCH_MIX=tenants BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-1 8 32} BENCH_WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-20}
out="bench/results/scale-$(date -u +%Y%m%dT%H%M%SZ).txt"

user_token() {
  curl -fsS -d grant_type=password -d client_id=portolan-cli -d username="$1" -d password="$1" \
    "$KC_URL/realms/portolan/protocol/openid-connect/token" | jq -r .access_token
}

now_ms() { date +%s%3N; }

# Publishes acme's draft (a preference flipped, so the data changes) as alice; reports the API
# call's time and the time until the OPA server holds the new revision.
publish_timing() {
  local token settings started number answered
  token=$(user_token alice)
  settings=$(curl -fsS -H "Authorization: Bearer $token" "$APP_URL/api/v1/policy/settings" |
    jq -c '.settings // . | .preferences.preferLowerCost |= not')
  curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "$settings" "$APP_URL/api/v1/policy/settings"
  started=$(now_ms)
  number=$(curl -fsS -X POST -H "Authorization: Bearer $token" "$APP_URL/api/v1/policy/revisions" | jq -r .number)
  answered=$(now_ms)
  until curl -fsS "$OPA_URL/v1/data/tenants/acme/revision" | jq -e --arg n "$number-" '.result | startswith($n)' >/dev/null; do
    sleep 0.05
  done
  echo "publish acme revision $number: API answered in $((answered - started)) ms, in OPA after $(($(now_ms) - started)) ms;" \
    "acme's document $(curl -fsS "$OPA_URL/v1/data/tenants/acme" | wc -c) bytes, all tenants' $(curl -fsS "$OPA_URL/v1/data/tenants" | wc -c) bytes"
}

tenant_count() { curl -fsS "$OPA_URL/v1/data/tenants" | jq '.result | length'; }

{
  echo "Scaling benchmark, $(date -u), $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GiB; sizes: $SIZES"
  echo "wrk ${BENCH_SECONDS:-10}s per step at c=$BENCH_CONNECTIONS after ${BENCH_WARMUP_SECONDS}s warm-up; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  for size in $SIZES; do
    echo; echo "== ${size}x"
    if [[ $size == 1 ]]; then
      if [[ $(tenant_count) -gt 2 ]]; then echo "skipped: the stack holds more than the demo data (start from a fresh .data/run)"; continue; fi
      echo "the demo data as seeded"
    else
      via=sql; [[ $size -le ${BENCH_API_SCALE:-10} ]] && via=api
      python3 bench/scale-data.py "$size" --via "$via"
    fi
    publish_timing
    bench/decisions.sh "${BENCH_SECONDS:-10}" run 2>&1 | grep -v -e '^written to' -e 'Running OPA with root privileges'
  done
  for n in ${BENCH_IMPACT-100000 1000000}; do
    echo; echo "== impact analysis over $n more logged decisions (acme, largest size loaded)"
    bench/impact-analysis.sh "$n" run
  done
} 2>&1 | tee "$out"
echo "written to $out"
