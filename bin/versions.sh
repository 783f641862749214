# Pinned versions of every tool the project runs. Change them here only.
OPA_VERSION=v1.22.2
KEYCLOAK_VERSION=26.7.3
POSTGRES_VERSION=18.6.0
PAYARA_VERSION=6.2025.10
TOXIPROXY_VERSION=v2.12.0  # bin/faults.sh only
# bin/chart-check.sh only (Helm chart lint and schema validation): not installed by make run.
HELM_VERSION=v4.3.2
KUBERNETES_VALIDATE_VERSION=1.37.0
# make test's metrics and alert-rule checks (promtool check metrics / check rules).
PROMTOOL_VERSION=v0.316.0
# make test's trace receiver (TracingIT): Jaeger v2, the OpenTelemetry Collector inside, traces in memory.
JAEGER_VERSION=v1.75.0
# make test's Python linter and formatter check (ruff.toml).
RUFF_VERSION=0.17.5
# The Kubernetes version the chart's output is validated against (kubernetes-validate -k).
CHART_KUBE_VERSION=1.33.0

# Keycloak needs Java 21+; Portolan and the build use the default Java 17.
if [[ -z ${KEYCLOAK_JAVA_HOME:-} ]]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/java-2[1-9]*; do
    if [[ -x $candidate/bin/java ]]; then KEYCLOAK_JAVA_HOME=$candidate; break; fi
  done
fi
KEYCLOAK_JAVA_HOME="${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
