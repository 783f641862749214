#!/usr/bin/env bash
# Compiles the decision policy to WebAssembly for Portolan's embedded engine: the Maven build runs
# this (generate-resources) and packs OUT/decision.wasm into the WAR. Needs the pinned OPA in
# .tools/ (bin/tools.sh, which `make run`, `make test` and `make build` run first).
#   bin/policy-wasm.sh OUT
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/versions.sh
out=${1:?output directory}
opa=".tools/opa-$OPA_VERSION/opa"
[[ -x $opa ]] || { echo "policy-wasm: $opa is missing: run bin/tools.sh (make tools) first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$opa" build -t wasm -e portolan/answer/answer -o "$work/bundle.tar.gz" \
  policies/decision/decision.rego policies/deployments/deployments.rego policies/answer/answer.rego
tar -xzf "$work/bundle.tar.gz" -C "$work" /policy.wasm 2>/dev/null || tar -xzf "$work/bundle.tar.gz" -C "$work" policy.wasm
mkdir -p "$out"
cp "$work/policy.wasm" "$out/decision.wasm"
