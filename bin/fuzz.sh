#!/usr/bin/env bash
# Fuzzes the request bodies with Jazzer (RequestBodyFuzzTest), each method for its maxDuration
# (60 s). A finding fails the run; Jazzer saves the input under
# src/test/resources/io/portolan/fuzz/RequestBodyFuzzTestInputs/<method>/, where `make test`
# replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
# Coverage guidance through the JSON reader and the validator, not only our own classes.
export JAZZER_INSTRUMENTATION_INCLUDES='com.fasterxml.jackson.**:io.portolan.**:org.hibernate.validator.**'
for method in decisionBodies approvalRequestBodies modelBodies; do
  echo "[fuzz] $method" >&2
  JAZZER_FUZZ=1 mvn -B -q -Dui.skip test -Dtest="RequestBodyFuzzTest#$method" -Dsurefire.failIfNoSpecifiedTests=false
done
echo "[fuzz] no finding" >&2
