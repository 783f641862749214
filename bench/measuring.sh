#!/usr/bin/env bash
# The cost of measuring (issue 21): make bench's decision benchmark (bench/decisions.sh) on one
# run-profile stack, Portolan restarted between the runs, in one run of the machine:
#   off      metrics recorded by nothing (PORTOLAN_METRICS_ENABLED=false), traces off
#   metrics  the default: metrics on, traces off (OTEL_SDK_DISABLED unset)
# Each run reports its own bare-OPA baseline; compare the Portolan/OPA ratios step by step.
# BENCH_CONFIGS ("off metrics") sets the order (repeat them to interleave: "off metrics off metrics");
# BENCH_CONNECTIONS and BENCH_WARMUP_SECONDS pass on to bench/decisions.sh.
#   bench/measuring.sh [seconds per step]     (make bench-measuring)
set -euo pipefail
cd "$(dirname "$0")/.."
STEP=${1:-10}
export PORTOLAN_RATE_LIMIT_PRINCIPAL_PER_SECOND=1000000 PORTOLAN_RATE_LIMIT_TENANT_PER_SECOND=1000000
bin/stack.sh up run
for config in ${BENCH_CONFIGS:-off metrics}; do
  bin/stack.sh stop run portolan
  if [[ $config == off ]]; then
    PORTOLAN_METRICS_ENABLED=false bin/stack.sh start run portolan
  else
    bin/stack.sh start run portolan
  fi
  echo "[bench] $config" >&2
  bench/decisions.sh "$STEP" run
  latest=$(ls -t bench/results/decisions-*.txt | head -1)
  mv "$latest" "${latest%.txt}-$config.txt"
  echo "[bench] $config: ${latest%.txt}-$config.txt" >&2
done
