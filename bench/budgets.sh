#!/usr/bin/env bash
# Decisions before and after budgets, in one run (issue 22): bench/decisions.sh (acme's research
# team) three times on the same stack: with no budget; with a monthly budget for the team at 85%
# (so every allowed answer also weighs the budget and carries budget_warning); and with none again
# (the JIT is warmer by then: the spread between the first and the third is the noise).
#   bench/budgets.sh [seconds per step] [profile]     defaults: 10, run
# BENCH_WARMUP_SECONDS (60) and BENCH_CONNECTIONS ("1 8 32") as for decisions.sh.
# Writes bench/results/budgets-<time>.txt; each decisions.sh run writes its own report too.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_STEP=${1:-10}; PROFILE=${2:-run}
eval "$(bin/stack.sh env "$PROFILE" | tr ' ' '\n' | sed 's/^/export /')"
export BENCH_WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-60} BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-1 8 32} BENCH_MIX=acme
out="bench/results/budgets-$(date -u +%Y%m%dT%H%M%SZ).txt"

# Tokens are fetched for each call: a measurement outlasts their lifetime.
token() { curl -fsS "$@" "$KC_URL/realms/portolan/protocol/openid-connect/token" | jq -r .access_token; }
api() {
  local bearer
  if [[ $1 == officer ]]; then bearer=$(token -d grant_type=password -d client_id=portolan-cli -d username=alice -d password=alice)
  else bearer=$(token -d grant_type=client_credentials -d client_id=acme-gateway -d client_secret=acme-gateway-secret); fi
  curl -fsS -H "Authorization: Bearer $bearer" -H 'Content-Type: application/json' "${@:2}"
}

measure() {
  echo; echo "== $1"
  bench/decisions.sh "$SECONDS_PER_STEP" "$PROFILE" 2>&1 | grep -e '^c=' -e '^half' -e '^warm-up'
}

{
  echo "Decisions before and after budgets, $(date -u), $(nproc) cores, ${SECONDS_PER_STEP}s per step, profile $PROFILE"
  # A budget a stopped earlier run left behind goes first.
  for left in $(api officer "$APP_URL/api/v1/budgets?team=research" | jq -r '.items[].id'); do
    api officer -o /dev/null -X DELETE "$APP_URL/api/v1/budgets/$left"
  done
  measure "before: no budget"
  # A limit the spend so far puts at 85%: the spend this month is read back, the limit set above it.
  budget=$(api officer -X POST -d '{"team":"research","currency":"USD","monthlyLimit":1000000000}' "$APP_URL/api/v1/budgets")
  id=$(jq -r .id <<<"$budget")
  decision=$(api gateway -X POST -d '{"team":"research","model":"gpt-4o","purpose":"chat","dataClassification":"internal","region":"eu"}' \
    "$APP_URL/api/v1/decisions" | jq -r .decisionId)
  api gateway -o /dev/null -X POST -d "{\"decisionId\":\"$decision\",\"model\":\"gpt-4o\",\"inputTokens\":1,\"outputTokens\":1,\"latencyMs\":1,\"costMicros\":85000000}" \
    "$APP_URL/api/v1/usage"
  spent=$(api officer "$APP_URL/api/v1/budgets/$id" | jq -r .spent)
  limit=$(awk -v s="$spent" 'BEGIN { printf "%.2f", s / 0.85 }')
  api officer -o /dev/null -X PUT -d "{\"team\":\"research\",\"currency\":\"USD\",\"monthlyLimit\":$limit}" "$APP_URL/api/v1/budgets/$id"
  echo; echo "budget: $(api officer "$APP_URL/api/v1/budgets/$id" | jq -c '{monthlyLimit, spent, percent, state}')"
  echo "an answer now: $(api gateway -X POST -d '{"team":"research","model":"gpt-4o","purpose":"chat","dataClassification":"internal","region":"eu"}' \
    "$APP_URL/api/v1/decisions" | jq -c '{allow, obligations: [.obligations[].code]}')"
  measure "after: research's budget at 85%"
  api officer -o /dev/null -X DELETE "$APP_URL/api/v1/budgets/$id"
  measure "before again: the budget deleted"
} 2>&1 | tee "$out"
echo "written to $out"
