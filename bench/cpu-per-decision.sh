#!/usr/bin/env bash
# CPU time per decision: a steadier figure than throughput for comparing two builds on a shared
# 2-core machine, where the rate of one 15 s run moves by up to 20% between runs.
#   bench/cpu-per-decision.sh [label [war]] ...      against the run stack (bin/stack.sh up run)
# For each label (default "current") in turn: restarts Portolan with its WAR (default
# target/portolan.war, which it overwrites: keep a copy of the build you are on), rate limits above
# the load, warms it up at 8 connections (BENCH_WARMUP_SECONDS, default 90), then measures three
# 20 s runs paced to about 850 decisions/s (BENCH_DELAY_MS, default 32, for each of 32
# connections), two 15 s runs at 32 connections and two at one connection. Each line: 2xx/s, the
# JVM's CPU time (user + system, from /proc) over the 2xx answers, and the latency percentiles.
# To compare builds, alternate them (A, B, A, B: `bench/cpu-per-decision.sh a a.war b b.war a
# a.war b b.war`) and compare the means: each restart gives a different JIT and heap layout.
# Instead of a WAR, `env:NAME=value` runs the current build with that setting (for example
# `off env:PORTOLAN_METRICS_ENABLED=false on env:PORTOLAN_METRICS_ENABLED=true ...`).
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(bin/stack.sh env run | tr ' ' '\n' | sed 's/^/export /')"
command -v wrk >/dev/null || { [[ $(id -u) -eq 0 ]] && apt-get install -y -qq wrk >/dev/null; }

load() { # connections seconds [delay ms]
  BENCH_TARGET=portolan BENCH_TOKEN=$token BENCH_DELAY_MS=${3:-} wrk -t"$(( $1 < 2 ? 1 : 2 ))" -c"$1" -d"$2s" \
    --latency --timeout 10s -s bench/decisions.lua "$APP_URL"
}
jiffies() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
measure() { # name connections seconds [delay ms]
  local before after out
  before=$(jiffies); out=$(load "$2" "$3" "${4:-}"); after=$(jiffies)
  echo "$out" | awk -v cpu=$((after - before)) -v hz="$(getconf CLK_TCK)" -v name="$label $1" '
    /requests in/ {n=$1} /Requests\/sec/ {r=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {e=$NF}
    END {printf "%s: %s requests/s, %.3f ms CPU per decision, p50 %s, p99 %s, non-2xx %d\n",
         name, r, cpu * 1000 / hz / (n - e), p50, p99, e}'
}
measure_build() { # label war-or-env
  label=$1
  local settings=()
  if [[ $2 == env:* ]]; then settings=("${2#env:}")  # the current build, with a setting
  else [[ $2 -ef target/portolan.war ]] || cp "$2" target/portolan.war; fi
  bin/stack.sh stop run portolan > /dev/null 2>&1
  env "${settings[@]}" PORTOLAN_RATE_LIMIT_PRINCIPAL_PER_SECOND=1000000 PORTOLAN_RATE_LIMIT_TENANT_PER_SECOND=1000000 \
    bin/stack.sh start run portolan > /dev/null
  pid=$(cat "$STATE/portolan.pid")
  token=$(curl -fsS -d grant_type=client_credentials -d client_id=acme-gateway -d client_secret=acme-gateway-secret \
    "$KC_URL/realms/portolan/protocol/openid-connect/token" | jq -r .access_token)
  load 8 "${BENCH_WARMUP_SECONDS:-90}" > /dev/null
  for _ in 1 2 3; do measure paced 32 20 "${BENCH_DELAY_MS:-32}"; done
  for _ in 1 2; do measure c=32 32 15; done
  for _ in 1 2; do measure c=1 1 15; done
}

(( $# )) || set -- current
while (( $# )); do
  measure_build "$1" "${2:-target/portolan.war}"
  shift $(( $# > 1 ? 2 : 1 ))
done
