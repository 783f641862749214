#!/usr/bin/env bash
# `make chart-check`: the Helm chart in deploy/helm/portolan, checked offline with pinned tools.
#   helm lint --strict, with the default values and with every example values file;
#   helm template of each (and of a few variants), validated against Kubernetes' own schemas
#   (kubernetes-validate --strict: unknown fields are errors);
#   the values schema refuses a misspelt key; the CloudNativePG example is validated on its own
#   (a CRD: the validator can only warn that it has no schema for it).
# Installs Helm and kubernetes-validate into .tools/ once (bin/tools.sh chart). Exits non-zero on
# any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/versions.sh
started=$SECONDS

bin/tools.sh chart
HELM="$PWD/.tools/helm-$HELM_VERSION/helm"
VALIDATE="$PWD/.tools/kubernetes-validate-$KUBERNETES_VALIDATE_VERSION/bin/kubernetes-validate"
# Keep Helm's cache, config and data out of the home directory.
export HELM_CACHE_HOME="$PWD/.tools/helm-home/cache" HELM_CONFIG_HOME="$PWD/.tools/helm-home/config" \
  HELM_DATA_HOME="$PWD/.tools/helm-home/data"

CHART=deploy/helm/portolan
EXAMPLES=deploy/helm/examples
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
failures=0
log() { printf '[chart-check] %s\n' "$*" >&2; }
fail() { log "FAIL: $*"; failures=$((failures + 1)); }

# Renders the chart with the given helm arguments and validates every resource; $1 names the case.
render_and_validate() {
  local name=$1; shift
  local manifest="$OUT/$name.yaml"
  if ! "$HELM" template portolan "$CHART" --namespace portolan --kube-version "$CHART_KUBE_VERSION" "$@" \
      >"$manifest" 2>"$OUT/$name.err"; then
    fail "helm template ($name): $(cat "$OUT/$name.err")"; return
  fi
  local kinds; kinds=$(grep -E '^kind: ' "$manifest" | sed 's/^kind: //' | sort | uniq -c | awk '{printf "%s%s %s", sep, $1, $2; sep=", "}')
  local count; count=$(grep -cE '^kind: ' "$manifest")
  if "$VALIDATE" -k "$CHART_KUBE_VERSION" --strict --quiet - <"$manifest" >"$OUT/$name.validate" 2>&1; then
    log "ok: $name: $count resources valid for Kubernetes $CHART_KUBE_VERSION ($kinds)"
  else
    fail "kubernetes-validate ($name):"; cat "$OUT/$name.validate" >&2
  fi
}

# Asserts that the manifest of case $1 contains (or with !, lacks) the extended regex $2.
expect() {
  local name=$1 pattern=$2 negate=false
  [[ $pattern == '!'* ]] && { negate=true; pattern=${pattern#!}; }
  if grep -qE -- "$pattern" "$OUT/$name.yaml"; then
    $negate && fail "$name: unexpected /$pattern/"
  else
    $negate || fail "$name: missing /$pattern/"
  fi
  return 0
}

log "helm lint --strict ($("$HELM" version --short 2>/dev/null || echo "helm $HELM_VERSION"))"
if ! "$HELM" lint --strict "$CHART" --kube-version "$CHART_KUBE_VERSION" >"$OUT/lint" 2>&1; then
  fail "helm lint --strict (default values)"; cat "$OUT/lint" >&2
fi
for values in "$EXAMPLES"/values-*.yaml; do
  if ! "$HELM" lint --strict "$CHART" --kube-version "$CHART_KUBE_VERSION" -f "$values" >"$OUT/lint" 2>&1; then
    fail "helm lint --strict -f $values"; cat "$OUT/lint" >&2
  fi
done

log "helm template | kubernetes-validate -k $CHART_KUBE_VERSION --strict"
render_and_validate defaults
for values in "$EXAMPLES"/values-*.yaml; do
  render_and_validate "$(basename "$values" .yaml)" -f "$values"
done
# Variants the examples do not cover.
render_and_validate opa-plain-sidecar --set opa.sidecar.native=false --set podAntiAffinityPreset=hard \
  --set preStopSleepSeconds=0 --set podDisruptionBudget.minAvailable=1
render_and_validate no-sidecar-no-pdb --set opa.sidecar.enabled=false --set opa.url=http://opa:8181 \
  --set podDisruptionBudget.enabled=false --set podAntiAffinityPreset= --set serviceAccount.create=false
render_and_validate service-monitor --set metrics.serviceMonitor.enabled=true \
  --set metrics.serviceMonitor.labels.release=prometheus
render_and_validate tracing --set tracing.enabled=true --set tracing.otlpEndpoint=http://otel-collector:4318 \
  --set tracing.samplerRatio=0.25

# What the fleet relies on, in the rendered default.
expect defaults '^  replicas: 2$'
expect defaults '^      maxUnavailable: 0$'
expect defaults 'path: /health/ready'
expect defaults 'path: /health/live'
expect defaults '^kind: PodDisruptionBudget$'
expect defaults '^  maxUnavailable: 1$'
expect defaults 'readOnlyRootFilesystem: true'
expect defaults 'mountPath: /tmp'
expect defaults '--addr=127.0.0.1:8181'
expect defaults 'value: "http://127.0.0.1:8181"'
expect defaults '!^kind: HorizontalPodAutoscaler$'
expect values-external-opa-autoscaled '^kind: HorizontalPodAutoscaler$'
expect values-external-opa-autoscaled '!^  replicas:'
expect values-external-opa-autoscaled '!name: opa$'
expect values-external-opa-autoscaled '^  minAvailable: 2$'
expect values-cloudnativepg 'name: portolan-db-app$'
expect values-cloudnativepg 'name: portolan-db-role-app$'
expect values-cloudnativepg '!^kind: Secret$'
expect opa-plain-sidecar '^  minAvailable: 1$'
expect opa-plain-sidecar '!^      initContainers:'
# Metrics: a port of their own on every pod; the ServiceMonitor and its Service only when asked.
expect defaults 'name: PORTOLAN_METRICS_PORT'
expect defaults 'containerPort: 9080'
expect defaults '!^kind: ServiceMonitor$'
expect service-monitor '^kind: ServiceMonitor$'
expect service-monitor '^  name: portolan-metrics$'
expect service-monitor '^    release: prometheus$'
# Traces: off unless asked (the standard OTEL_* variables), then to the endpoint given.
expect defaults 'name: OTEL_SDK_DISABLED'
expect defaults '!name: OTEL_EXPORTER_OTLP_ENDPOINT'
expect tracing 'value: "http://otel-collector:4318"'
expect tracing 'value: "0.25"'

# The values schema refuses a misspelt key and a malformed URL.
if "$HELM" template portolan "$CHART" --kube-version "$CHART_KUBE_VERSION" --set databse.url=x >/dev/null 2>&1; then
  fail "values.schema.json accepted an unknown key (databse)"
fi
if "$HELM" template portolan "$CHART" --kube-version "$CHART_KUBE_VERSION" --set database.url=postgres://x >/dev/null 2>&1; then
  fail "values.schema.json accepted a database.url that is not a JDBC URL"
fi

# The CloudNativePG Cluster is a custom resource: the validator has no schema for it and only warns.
log "kubernetes-validate $EXAMPLES/cloudnativepg-cluster.yaml (a CRD: a warning is expected)"
if "$VALIDATE" -k "$CHART_KUBE_VERSION" --strict "$EXAMPLES/cloudnativepg-cluster.yaml" >"$OUT/cnpg" 2>&1; then
  log "ok: cloudnativepg-cluster.yaml: $(grep -c . "$OUT/cnpg") line(s) from the validator: $(head -c 200 "$OUT/cnpg" | tr '\n' ' ')"
else
  fail "kubernetes-validate cloudnativepg-cluster.yaml"; cat "$OUT/cnpg" >&2
fi

if ((failures > 0)); then
  log "$failures check(s) failed in $((SECONDS - started)) s"; exit 1
fi
log "chart checks passed in $((SECONDS - started)) s"
