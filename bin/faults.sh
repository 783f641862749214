#!/usr/bin/env bash
# Fault injection: each case runs a bounded decision load, kills or slows one part of the stack
# (OPA, PostgreSQL, Portolan, Keycloak; latency through toxiproxy; PostgreSQL's disk full), checks
# that no acknowledged decision is lost and nothing is allowed without a policy, and restores it.
#
#   bin/faults.sh [--short] [case ...]              against the running test stack (make test: --short)
#   bin/faults.sh --own-stack [--short] [case ...]  on a fresh stack of its own (make faults), stopped after
#
# --own-stack names its stack "faults" (state in .data/faults) and moves its ports by
# PORTOLAN_FAULTS_PORT_OFFSET (default PORTOLAN_TEST_PORT_OFFSET + 1000), so a make test running
# at the same time is not disturbed. Cases: see faults/cases.py; documented in bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
own_stack=false
args=()
for arg in "$@"; do
  if [[ $arg == --own-stack ]]; then own_stack=true; else args+=("$arg"); fi
done
command -v psql >/dev/null || { echo "[faults] needs psql (Debian: apt-get install postgresql-client)" >&2; exit 1; }
bin/tools.sh toxiproxy

if [[ $own_stack == true ]]; then
  export PORTOLAN_TEST_STACK_NAME=faults
  export PORTOLAN_TEST_PORT_OFFSET=${PORTOLAN_FAULTS_PORT_OFFSET:-$(( ${PORTOLAN_TEST_PORT_OFFSET:-0} + 1000 ))}
  echo "[faults] starting a stack of its own (port offset $PORTOLAN_TEST_PORT_OFFSET)" >&2
  trap 'bin/stack.sh down test' EXIT
  PORTOLAN_STACK_VIA_PROXY=true bin/stack.sh up test
fi
python3.11 faults/faults.py "${args[@]}"
