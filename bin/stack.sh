#!/usr/bin/env bash
# Starts and stops Portolan's stack as plain processes on 127.0.0.1:
# PostgreSQL, OPA, Keycloak and Portolan on Payara Micro.
#
#   bin/stack.sh up PROFILE        start what is not running, wait until healthy
#   bin/stack.sh down PROFILE      stop everything the profile started
#   bin/stack.sh start|stop PROFILE COMPONENT   one of postgres, opa, keycloak, portolan, toxiproxy,
#                                  portolan-2 (a second replica), balancer (nginx in front of both)
#   bin/stack.sh env PROFILE       print the profile's settings
# PORTOLAN_JAVA_OPTS adds JVM options to Portolan (say -Xmx256m to bound its heap).
# PORTOLAN_STACK_VIA_PROXY=true starts toxiproxy and has Portolan reach OPA and PostgreSQL through
# it (the fault suite, bin/faults.sh, adds latency there); the default is direct connections.
# PORTOLAN_TEST_STACK_NAME (default test) names the test profile's state directory, so a second
# test stack (make faults) can run beside make test's on other ports.
#
# PROFILE "run" is what `make run` keeps up (data survives restarts); PROFILE "test" is the
# stack `make test` starts on other ports, from scratch, so both can run side by side.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/bin/versions.sh"
TOOLS="$ROOT/.tools"

profile_settings() {
  case "$1" in
    run)  PG_PORT=15432; OPA_PORT=8181;  KC_PORT=8180;  KC_MGMT_PORT=9000;  APP_PORT=8080; METRICS_PORT=9080
          TOXIPROXY_PORT=8474; OPA_PROXY_PORT=8191; PG_PROXY_PORT=15442
          STATE="$ROOT/.data/run"; FRESH=false; JVM_OPTS=""; RETENTION_MINIMUM_DAYS=1
          RETENTION_CHECK_SECONDS=3600  # each tenant's retention runs once a day; checked hourly
          NOTICES_CHECK_SECONDS=3600  # cut-off and expiry notices: checked hourly
          WEBHOOK_PRIVATE=true  # make run is a single-host demo
          JAEGER=false  # traces stay off (OTEL_SDK_DISABLED); docs/operations.md says how to turn them on
          RATE_OVERRIDES=none ;;
    # PORTOLAN_TEST_PORT_OFFSET moves every test port, so two checkouts can test side by side.
    test) local off=${PORTOLAN_TEST_PORT_OFFSET:-0}
          PG_PORT=$((25432 + off)); OPA_PORT=$((28181 + off)); KC_PORT=$((28180 + off))
          KC_MGMT_PORT=$((29000 + off)); APP_PORT=$((28080 + off)); METRICS_PORT=$((28580 + off))
          TOXIPROXY_PORT=$((28474 + off)); OPA_PROXY_PORT=$((28191 + off)); PG_PROXY_PORT=$((25442 + off))
          STATE="$ROOT/.data/${PORTOLAN_TEST_STACK_NAME:-test}"; FRESH=true
          # Tests cut logs they wrote a moment ago; deployments keep at least a day.
          RETENTION_MINIMUM_DAYS=0
          RETENTION_CHECK_SECONDS=3  # RetentionIT waits for the scheduled run
          NOTICES_CHECK_SECONDS=3  # NoticeIT waits for cut-off and expiry notices
          WEBHOOK_PRIVATE=true  # the test receiver listens on 127.0.0.1
          RATE_OVERRIDES=initech-noisy-gateway:20  # RateLimitIT floods with this test-only client
          # Portolan (replica 1) exports its traces to a Jaeger of the stack's own (TracingIT).
          JAEGER=true; JAEGER_OTLP_PORT=$((28318 + off)); JAEGER_QUERY_PORT=$((28686 + off))
          # Faster start for short-lived test servers; benchmarks use the run profile.
          JVM_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" ;;
    *) echo "unknown profile '$1' (run|test)" >&2; exit 2 ;;
  esac
  PG_USER_OS=portolan-pg
  PG_SUPERUSER_PASSWORD=postgres
  DB_OWNER=portolan_owner; DB_OWNER_PASSWORD=portolan_owner
  DB_APP=portolan_app;     DB_APP_PASSWORD=portolan_app
  KC_URL="http://localhost:$KC_PORT"
  # PORTOLAN_REPLICAS=N (make run-fleet): N replicas behind nginx, which takes APP_PORT; the
  # replicas listen on APP_PORT+1..N. With one replica, Portolan itself has APP_PORT, and a second
  # replica and the balancer can still be started alone (FleetIT) on APP_PORT+10 and APP_PORT+20.
  REPLICAS=${PORTOLAN_REPLICAS:-1}
  if (( REPLICAS > 1 )); then BALANCER_PORT=$APP_PORT; else BALANCER_PORT=$((APP_PORT + 20)); fi
  APP_URL="http://localhost:$APP_PORT"
}

replica_name() { (( $1 == 1 )) && echo portolan || echo "portolan-$1"; }
replica_port() { # replica_port K
  if (( REPLICAS > 1 )); then echo $((APP_PORT + $1)); else echo $((APP_PORT + 10 * ($1 - 1))); fi
}

# Each replica's metrics listener (loopback) is as far from METRICS_PORT as its port from APP_PORT.
# The test base 28580 ends in 580, which no other test port (nor one moved by a multiple of 1000) uses.
replica_metrics_port() { echo $((METRICS_PORT + $(replica_port "$1") - APP_PORT)); }
log() { printf '[stack] %s\n' "$*" >&2; }
pidfile() { echo "$STATE/$1.pid"; }
# A killed process stays a zombie until its parent reaps it: that is not running.
is_running() {
  local f; f=$(pidfile "$1")
  [[ -f "$f" ]] && kill -0 "$(cat "$f")" 2>/dev/null && [[ $(ps -o stat= -p "$(cat "$f")") != Z* ]]
}

# Polls a URL until it answers 200, or gives up with the tail of the component's log.
wait_http() { # name url timeout-seconds
  local name=$1 url=$2 timeout=$3 start=$SECONDS
  until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    if (( SECONDS - start > timeout )); then
      log "$name did not become healthy at $url within ${timeout}s; last log lines:"
      tail -n 40 "$STATE/$name.log" >&2 || true
      return 1
    fi
    if [[ -n ${FAIL_PATTERN:-} ]] && grep -qE "$FAIL_PATTERN" "$STATE/$name.log"; then
      log "$name failed to start; see $STATE/$name.log:"; grep -E -A3 "$FAIL_PATTERN" "$STATE/$name.log" | head -20 >&2
      return 1
    fi
    if ! is_running "$name"; then
      log "$name exited; last log lines:"; tail -n 40 "$STATE/$name.log" >&2 || true; return 1
    fi
    sleep 0.5
  done
  log "$name ready at $url ($((SECONDS - start))s)"
}

# Runs a command in its own process group, in the background, recording its pid.
spawn() { # name command...
  local name=$1; shift
  setsid "$@" >>"$STATE/$name.log" 2>&1 < /dev/null &
  echo $! > "$(pidfile "$name")"
}

stop_pid() { # name
  local f; f=$(pidfile "$1")
  [[ -f "$f" ]] || return 0
  local pid; pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

# ---- PostgreSQL (the zonky binaries: a real server, pinned through Maven) ----

pg_as() { # runs a command as the unprivileged PostgreSQL user when we are root
  if [[ $(id -u) -eq 0 ]]; then runuser -u "$PG_USER_OS" -- "$@"; else "$@"; fi
}

pg_prepare_user() {
  [[ $(id -u) -eq 0 ]] || return 0
  id "$PG_USER_OS" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER_OS"
}

# PostgreSQL refuses to run as root, and its user must reach binaries and data. When the
# checkout lies where that user cannot reach (say under /root), both move to /var/lib.
pg_paths() {
  PG_BIN="$TOOLS/postgres-$POSTGRES_VERSION/bin"
  PG_DATA="$STATE/postgres"
  if [[ $(id -u) -eq 0 ]] && ! runuser -u "$PG_USER_OS" -- test -x "$PG_BIN/postgres"; then
    local home; home="/var/lib/portolan-pg/$(echo "$ROOT" | md5sum | cut -c1-12)"
    mkdir -p "$home"
    if [[ ! -x "$home/postgres-$POSTGRES_VERSION/bin/postgres" ]]; then
      cp -a "$TOOLS/postgres-$POSTGRES_VERSION" "$home/"
    fi
    PG_BIN="$home/postgres-$POSTGRES_VERSION/bin"
    PG_DATA="$home/$(basename "$STATE")-postgres"
    chmod 755 /var/lib/portolan-pg "$home"
  fi
}

start_postgres() {
  pg_prepare_user; pg_paths
  if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
    log "initialising PostgreSQL in $PG_DATA"
    rm -rf "$PG_DATA"
    install -d -m 700 "$PG_DATA"
    [[ $(id -u) -eq 0 ]] && chown "$PG_USER_OS" "$PG_DATA"
    local pw; pw=$(mktemp); echo "$PG_SUPERUSER_PASSWORD" > "$pw"; chmod 644 "$pw"
    pg_as "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=scram-sha-256 --pwfile="$pw" \
      -E UTF8 --locale=C.UTF-8 >"$STATE/postgres-init.log" 2>&1
    rm -f "$pw"
    # Roles and database, created in single-user mode: the binaries carry no psql.
    pg_as "$PG_BIN/postgres" --single -j -D "$PG_DATA" postgres >>"$STATE/postgres-init.log" 2>&1 <<SQL
CREATE ROLE $DB_OWNER LOGIN PASSWORD '$DB_OWNER_PASSWORD';

CREATE ROLE $DB_APP LOGIN PASSWORD '$DB_APP_PASSWORD' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;

CREATE DATABASE portolan OWNER $DB_OWNER;
SQL
  fi
  local sock="$PG_DATA/socket"; install -d -m 700 "$sock"
  [[ $(id -u) -eq 0 ]] && chown "$PG_USER_OS" "$sock"
  if pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    log "PostgreSQL already running on $PG_PORT"; return
  fi
  touch "$STATE/postgres.log"; [[ $(id -u) -eq 0 ]] && chown "$PG_USER_OS" "$STATE/postgres.log"
  local logfile="$STATE/postgres.log"
  if [[ $(id -u) -eq 0 ]] && ! runuser -u "$PG_USER_OS" -- test -w "$logfile"; then logfile="$PG_DATA/server.log"; fi
  pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$logfile" -w -t 60 \
    -o "-p $PG_PORT -k $sock -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  log "PostgreSQL ready on 127.0.0.1:$PG_PORT"
}

stop_postgres() {
  pg_paths
  [[ -f "$PG_DATA/PG_VERSION" ]] || return 0
  pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
}

# ---- OPA ----

start_opa() { start_opa_at opa "$OPA_PORT"; }

# Each replica has an OPA of its own (as a sidecar in the Helm chart, opa-1/opa-2 in compose): one
# OPA written by several replicas could be rolled back by one's late push under another's answers.
opa_name() { (( $1 == 1 )) && echo opa || echo "opa-$1"; }
opa_port() { echo $((OPA_PORT + 100 * ($1 - 1))); }

start_opa_at() { # name port
  is_running "$1" && { log "$1 already running"; return; }
  spawn "$1" "$TOOLS/opa-$OPA_VERSION/opa" run --server --optimize-store-for-read-speed --addr "127.0.0.1:$2" --log-level error
  wait_http "$1" "http://127.0.0.1:$2/health" 30
}

# ---- Keycloak ----

start_keycloak() {
  is_running keycloak && { log "Keycloak already running"; return; }
  local home="$STATE/keycloak"
  if [[ ! -x "$home/bin/kc.sh" ]]; then
    log "unpacking Keycloak $KEYCLOAK_VERSION into $home"
    local tmp="$STATE/keycloak.unpack"; rm -rf "$tmp"; mkdir -p "$tmp"
    unzip -q "$TOOLS/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$tmp"
    mv "$tmp"/keycloak-* "$home"; rm -rf "$tmp"
  fi
  mkdir -p "$home/data/import"
  if [[ $FRESH == true ]]; then
    # The test stack's realm adds a third tenant (initech) that golden-case replays may fill freely.
    # The UI client also accepts this profile's own address, so the browser tests run at any port offset.
    jq -s --arg app "$APP_URL" '.[0] as $realm | .[1] as $extra | $realm
           | .users += $extra.users | .clients += $extra.clients | .organizations += $extra.organizations
           | .clients |= map(if .clientId == "portolan-ui" then .redirectUris += [$app + "/*"] | .redirectUris |= unique else . end)' \
      "$ROOT/deploy/keycloak/portolan-realm.json" "$ROOT/src/test/resources/keycloak/test-tenant.json" \
      > "$home/data/import/portolan-realm.json"
  else
    cp "$ROOT/deploy/keycloak/portolan-realm.json" "$home/data/import/"
  fi
  JAVA_HOME="$KEYCLOAK_JAVA_HOME" KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    spawn keycloak "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KC_PORT" \
      --http-management-port="$KC_MGMT_PORT" --hostname="$KC_URL" --health-enabled=true --import-realm
  # First start with the realm import: ~80 s on a quiet 2-core box, 200-280 s seen on a busy one.
  wait_http keycloak "http://127.0.0.1:$KC_MGMT_PORT/health/ready" 480
}

# ---- toxiproxy: a TCP proxy between Portolan and OPA/PostgreSQL that faults can slow down ----

start_toxiproxy() {
  is_running toxiproxy || {
    spawn toxiproxy "$TOOLS/toxiproxy-$TOXIPROXY_VERSION/toxiproxy-server" -host 127.0.0.1 -port "$TOXIPROXY_PORT"
    wait_http toxiproxy "http://127.0.0.1:$TOXIPROXY_PORT/version" 30
  }
  # populate creates the two proxies, or updates them when they exist.
  curl -fsS -o /dev/null -X POST "http://127.0.0.1:$TOXIPROXY_PORT/populate" -H 'Content-Type: application/json' -d "[
    {\"name\":\"opa\",\"listen\":\"127.0.0.1:$OPA_PROXY_PORT\",\"upstream\":\"127.0.0.1:$OPA_PORT\",\"enabled\":true},
    {\"name\":\"postgres\",\"listen\":\"127.0.0.1:$PG_PROXY_PORT\",\"upstream\":\"127.0.0.1:$PG_PORT\",\"enabled\":true}]"
}

# ---- Jaeger: an OTLP receiver keeping traces in memory, for the trace test ----

start_jaeger() {
  is_running jaeger && { log "jaeger already running"; return; }
  local bin="$TOOLS/jaeger-$JAEGER_VERSION/jaeger"
  [[ -x "$bin" ]] || { log "missing $bin: run bin/tools.sh jaeger"; return 1; }
  # No self-tracing (it stalls shutdown), no metrics port, every listener on loopback.
  cat > "$STATE/jaeger.yaml" <<YAML
service:
  extensions: [jaeger_storage, jaeger_query]
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [jaeger_storage_exporter]
  telemetry:
    metrics:
      level: none
    logs:
      level: warn
extensions:
  jaeger_storage:
    backends:
      memstore:
        memory:
          max_traces: 50000
  jaeger_query:
    storage:
      traces: memstore
    enable_tracing: false
    http:
      endpoint: 127.0.0.1:$JAEGER_QUERY_PORT
    grpc:
      endpoint: 127.0.0.1:$((JAEGER_QUERY_PORT - 1))
receivers:
  otlp:
    protocols:
      http:
        endpoint: 127.0.0.1:$JAEGER_OTLP_PORT
exporters:
  jaeger_storage_exporter:
    trace_storage: memstore
YAML
  spawn jaeger "$bin" --config "$STATE/jaeger.yaml"
  wait_http jaeger "http://127.0.0.1:$JAEGER_QUERY_PORT/api/v3/services" 60
}

# The standard OpenTelemetry variables that send replica 1's traces to the stack's Jaeger.
tracing_env() { # replica
  if [[ $JAEGER == true ]] && (( $1 == 1 )); then
    echo OTEL_SDK_DISABLED=false OTEL_SERVICE_NAME=portolan OTEL_TRACES_EXPORTER=otlp \
      OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf "OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$JAEGER_OTLP_PORT" \
      OTEL_METRICS_EXPORTER=none OTEL_LOGS_EXPORTER=none OTEL_BSP_SCHEDULE_DELAY=200
  fi
}

# ---- Portolan on Payara Micro ----

start_portolan() { start_replica 1; }

start_replica() { # start_replica K: Portolan replica K (1 is "portolan")
  local name port
  name=$(replica_name "$1"); port=$(replica_port "$1")
  is_running "$name" && { log "$name already running"; return; }
  : > "$STATE/$name.log"
  local war="$ROOT/target/portolan.war"
  [[ -f "$war" ]] || { log "missing $war: build it with 'mvn package' first"; return 1; }
  local opa_port pg_port=$PG_PORT
  opa_port=$(opa_port "$1")
  (( $1 == 1 )) || start_opa_at "$(opa_name "$1")" "$opa_port"
  if [[ ${PORTOLAN_STACK_VIA_PROXY:-false} == true ]]; then
    start_toxiproxy
    opa_port=$OPA_PROXY_PORT; pg_port=$PG_PROXY_PORT
    log "Portolan reaches OPA and PostgreSQL through toxiproxy ($opa_port, $pg_port)"
  fi
  # shellcheck disable=SC2086,SC2046
  PORTOLAN_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/portolan" \
  PORTOLAN_DB_USER="$DB_APP" PORTOLAN_DB_PASSWORD="$DB_APP_PASSWORD" \
  PORTOLAN_DB_OWNER_USER="$DB_OWNER" PORTOLAN_DB_OWNER_PASSWORD="$DB_OWNER_PASSWORD" \
  PORTOLAN_DEMO_DATA=true \
  PORTOLAN_OPA_URL="http://127.0.0.1:$opa_port" PORTOLAN_RETENTION_MINIMUM_DAYS="$RETENTION_MINIMUM_DAYS" \
  PORTOLAN_RETENTION_SCHEDULE_CHECK_SECONDS="$RETENTION_CHECK_SECONDS" \
  PORTOLAN_NOTICES_CHECK_SECONDS="$NOTICES_CHECK_SECONDS" \
  PORTOLAN_WEBHOOK_ALLOW_PRIVATE_TARGETS="$WEBHOOK_PRIVATE" \
  PORTOLAN_RATE_LIMIT_CLIENT_OVERRIDES="$RATE_OVERRIDES" \
  PORTOLAN_METRICS_PORT="$(replica_metrics_port "$1")" \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$KC_URL/realms/portolan/protocol/openid-connect/certs" \
  MP_JWT_VERIFY_ISSUER="$KC_URL/realms/portolan" \
    spawn "$name" env $(tracing_env "$1") java $JVM_OPTS ${PORTOLAN_JAVA_OPTS:-} -jar "$TOOLS/payara-micro-$PAYARA_VERSION.jar" \
      --deploy "$war" --contextroot / --port "$port" --nohazelcast --nocluster \
      --prebootcommandfile "$ROOT/deploy/payara/preboot.asadmin" \
      --postdeploycommandfile "$ROOT/deploy/payara/postdeploy.asadmin"
  FAIL_PATTERN="Exception while (deploying|loading) the app" \
    wait_http "$name" "http://127.0.0.1:$port/health/ready" 240
}

# ---- nginx in front of the replicas: deploy/fleet/nginx.conf (docker-compose's), on loopback ----

start_balancer() {
  is_running balancer && { log "balancer already running"; return; }
  command -v nginx > /dev/null || { log "installing nginx (apt)"; apt-get install -y -qq nginx > /dev/null; }
  local servers="" k
  for ((k = 1; k <= (REPLICAS > 1 ? REPLICAS : 2); k++)); do
    servers+="        server 127.0.0.1:$(replica_port "$k") max_fails=2 fail_timeout=10s;\n"
  done
  mkdir -p "$STATE/balancer-temp"
  { echo "daemon off;"
    sed -e '/^\s*resolver /d' -e '/server portolan-2:8080/d' \
        -e "s|^\(\s*\)server portolan-1:8080 resolve.*|$servers|" \
        -e "s|^pid .*|pid $STATE/balancer.nginx.pid;|" -e "s|^error_log .*|error_log $STATE/balancer.log warn;|" \
        -e "s|access_log /dev/stdout;|access_log off; client_body_temp_path $STATE/balancer-temp/body; proxy_temp_path $STATE/balancer-temp/proxy;|" \
        -e "s|listen 8080;|listen 127.0.0.1:$BALANCER_PORT;|" "$ROOT/deploy/fleet/nginx.conf"
  } > "$STATE/balancer.conf"
  spawn balancer nginx -c "$STATE/balancer.conf" -e "$STATE/balancer.log"
  wait_http balancer "http://127.0.0.1:$BALANCER_PORT/health/live" 30
}

component() { # start|stop name
  case "$2" in
    postgres|opa|keycloak|portolan|toxiproxy|balancer|jaeger) ;;
    portolan-[2-9]) if [[ $1 == start ]]; then start_replica "${2#portolan-}"; else stop_pid "$2"; stop_pid "opa-${2#portolan-}"; fi; return ;;
    *) echo "unknown component '$2'" >&2; exit 2 ;;
  esac
  if [[ $1 == start ]]; then "start_$2"; elif [[ $2 == postgres ]]; then stop_postgres; else stop_pid "$2"; fi
}

up() {
  if [[ $FRESH == true ]]; then
    down
    pg_prepare_user; pg_paths
    rm -rf "$STATE" "$PG_DATA"
  fi
  mkdir -p "$STATE"
  start_postgres
  start_opa
  start_keycloak
  [[ $JAEGER == true ]] && start_jaeger
  start_portolan
  if (( REPLICAS > 1 )); then
    local k; for ((k = 2; k <= REPLICAS; k++)); do start_replica "$k"; done
    start_balancer
  fi
}

down() {
  [[ -d "$STATE" ]] || return 0
  local k; stop_pid balancer
  for k in 2 3 4 5 6 7 8 9; do stop_pid "portolan-$k"; stop_pid "opa-$k"; done
  stop_pid portolan; stop_pid jaeger; stop_pid toxiproxy; stop_pid keycloak; stop_pid opa; stop_postgres
}

cmd=${1:-}; profile=${2:-}
[[ -n $cmd && -n $profile ]] || { sed -n '2,12p' "$0" >&2; exit 2; }
profile_settings "$profile"
mkdir -p "$STATE"
case "$cmd" in
  up) up ;;
  down) down ;;
  start|stop) component "$cmd" "${3:?component}" ;;
  env) pg_paths
       echo "APP_URL=$APP_URL METRICS_URL=http://127.0.0.1:$METRICS_PORT/metrics REPLICA2_URL=http://localhost:$(replica_port 2) BALANCER_URL=http://localhost:$BALANCER_PORT KC_URL=$KC_URL OPA_URL=http://127.0.0.1:$OPA_PORT PG_PORT=$PG_PORT STATE=$STATE" \
         "JAEGER_URL=http://127.0.0.1:${JAEGER_QUERY_PORT:-0}" \
         "PG_DATA=$PG_DATA TOXIPROXY_URL=http://127.0.0.1:$TOXIPROXY_PORT OPA_PROXY_PORT=$OPA_PROXY_PORT PG_PROXY_PORT=$PG_PROXY_PORT" ;;
  *) echo "unknown command '$cmd'" >&2; exit 2 ;;
esac
