#!/usr/bin/env bash
# Runs a real nginx with deploy/nginx/portolan.conf (ports and paths substituted) in front of
# integrations/testing/fake_openai.py and checks, against the running Portolan stack, that nginx
# lets allowed calls through, refuses denied ones with reasons and alternatives, caches decisions
# until they expire (allows and denies), sends each call to the server of the deployment Portolan
# routes it to (two more fake model servers, for two deployments of a model the test registers),
# maps bad headers to 400 and an unreachable Portolan to 503.
# Assumes sdk/testdata/seed-golden.sh has run (tenant initech). Installs Debian's nginx if missing.
#   integrations/nginx/test.sh      PORTOLAN_URL (http://127.0.0.1:28080), KEYCLOAK_URL (http://127.0.0.1:28180)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
portolan=${PORTOLAN_URL:-http://127.0.0.1:28080}
keycloak=${KEYCLOAK_URL:-http://127.0.0.1:28180}
golden=$repo/src/test/resources/decisions/sovereignty.json
work=$here/.work # kept after a run for its logs; ignored by git

if ! command -v nginx >/dev/null; then
  sudo=""; [[ $(id -u) == 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -q nginx || { $sudo apt-get update -q && $sudo apt-get install -y -q nginx; }
fi
nginx_bin=$(command -v nginx)

# Portolan may be restarting (a redeploy takes ~30 s): wait for it rather than fail.
for _ in $(seq 90); do curl -sf "$portolan/health/ready" >/dev/null && break; sleep 1; done
curl -sf "$portolan/health/ready" >/dev/null || { echo "Portolan at $portolan is not ready" >&2; exit 1; }

# Free loopback ports: nginx, the model server, one nothing listens on (Portolan down), and the
# servers of the two deployments of step 7.
read -r nginx_port model_port closed_port route_a_port route_b_port < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(5)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])')

rm -rf "$work" && mkdir -p "$work/cache" "$work/temp"
nginx_cmd=("$nginx_bin" -p "$work/" -c "$work/nginx.conf" -e "$work/error.log")
model_pid="" route_a_pid="" route_b_pid="" nginx_pid=""
stop() { # only the processes this script started, by their ids
  local pid
  for pid in $nginx_pid $model_pid $route_a_pid $route_b_pid; do
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  nginx_pid="" model_pid="" route_a_pid="" route_b_pid=""
  rm -f "$work/portolan-token.conf" # a live gateway token need not outlive the run
}
trap stop EXIT
trap "exit 130" INT TERM

# The site file as deployed, with this run's ports and paths; each replaced text must be there,
# so a change to the deploy file cannot silently leave the test on other values.
site() {
  local portolan_server=$1 text
  text=$(cat "$repo/deploy/nginx/portolan.conf")
  for pair in "server 127.0.0.1:8080;|server $portolan_server;" \
              "127.0.0.1:8000;|127.0.0.1:$model_port;" \
              "127.0.0.1:8001;|127.0.0.1:$route_a_port;" \
              "127.0.0.1:8002;|127.0.0.1:$route_b_port;" \
              "listen 127.0.0.1:8088;|listen 127.0.0.1:$nginx_port;" \
              "/var/cache/nginx/portolan|$work/cache" \
              "/etc/nginx/portolan-token.conf|$work/portolan-token.conf"; do
    local from=${pair%%|*} to=${pair#*|}
    [[ $text == *"$from"* ]] || { echo "deploy/nginx/portolan.conf no longer has '$from'" >&2; exit 1; }
    text=${text//"$from"/"$to"}
  done
  printf '%s\n' "$text" > "$work/portolan.conf"
}

portolan_server=${portolan#*://}
portolan_server=${portolan_server%%/*}
[[ $portolan_server == *:* ]] || portolan_server=$portolan_server:80
site "$portolan_server"
# The main file Debian ships would use root-owned paths; this one keeps everything in $work.
{
  [[ $(id -u) == 0 ]] && echo "user root;" # workers must write the cache in $work
  cat <<EOF
worker_processes 1;
pid $work/nginx.pid;
events { worker_connections 64; }
http {
    access_log $work/access.log;
    client_body_temp_path $work/temp/body;
    proxy_temp_path $work/temp/proxy;
    fastcgi_temp_path $work/temp/fastcgi;
    uwsgi_temp_path $work/temp/uwsgi;
    scgi_temp_path $work/temp/scgi;
    include $work/portolan.conf;
}
EOF
} > "$work/nginx.conf"

# The gateway token include, written by the deploy script itself (no reload: nginx is not up yet).
KEYCLOAK_URL=$keycloak GATEWAY_CLIENT_ID=initech-gateway GATEWAY_CLIENT_SECRET=initech-gateway-secret \
  TOKEN_INCLUDE=$work/portolan-token.conf NGINX_RELOAD="" "$repo/deploy/nginx/refresh-token.sh" >/dev/null

python3 "$repo/integrations/testing/fake_openai.py" "$model_port" & model_pid=$!
python3 "$repo/integrations/testing/fake_openai.py" "$route_a_port" & route_a_pid=$!
python3 "$repo/integrations/testing/fake_openai.py" "$route_b_port" & route_b_pid=$!
"${nginx_cmd[@]}" -t -q
"${nginx_cmd[@]}" -g 'daemon off;' & nginx_pid=$!
for _ in $(seq 50); do
  curl -sf "http://127.0.0.1:$model_port/health" >/dev/null && curl -sf "http://127.0.0.1:$route_a_port/health" >/dev/null &&
    curl -sf "http://127.0.0.1:$route_b_port/health" >/dev/null && (: </dev/tcp/127.0.0.1/"$nginx_port") 2>/dev/null && break
  sleep 0.1
done

passed=0 failed=0
check() { # check NAME CONDITION...: runs the condition, counts and reports it
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"
  else failed=$((failed + 1)); echo "FAIL $name"; echo "     last response: $(head -c 600 "$work/last.headers" "$work/last.body" 2>/dev/null | tr '\r\n' '  ')"; fi
}

# call MODEL CLASSIFICATION REGION [extra curl args]: POSTs a chat completion through nginx as team
# g-research, purpose chat; the status goes to stdout, headers and body to $work/last.*.
call() {
  local model=$1 classification=$2 region=$3; shift 3
  curl -s -o "$work/last.body" -D "$work/last.headers" -w '%{http_code}' \
    "http://127.0.0.1:$nginx_port/models/$model/v1/chat/completions" \
    -H 'X-Portolan-Team: g-research' -H 'X-Portolan-Purpose: chat' \
    -H "X-Portolan-Data-Classification: $classification" -H "X-Portolan-Region: $region" "$@" \
    -H 'Content-Type: application/json' -d "{\"model\":\"$model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
}
header() { { grep -i "^$1:" "$work/last.headers" || true; } | head -1 | cut -d' ' -f2- | tr -d '\r'; }
body() { jq -r "$1" "$work/last.body" 2>/dev/null || echo "(not JSON)"; }
golden_case() { jq -r --arg n "$1" ".cases[] | select(.name == \$n) | .expect | $2" "$golden"; }
equal() { [[ $1 == "$2" ]] || { echo "     expected '$2', got '$1'" >&2; return 1; }; }
sorted() { tr ',' '\n' <<<"$1" | sort | paste -sd, -; }

started=$(date -u +%FT%TZ)

# 1. Allowed (golden: approved model, internal data) reaches the model server.
status=$(call g-gpt internal us)
allowed_id=$(header X-Portolan-Decision-Id)
check "allowed call reaches the model server" equal "$status $(body .choices[0].message.content)" "200 hello from g-gpt"
check "allowed answer names its decision" test -n "$allowed_id"
check "first decision is asked of Portolan" equal "$(header X-Portolan-Cache)" "MISS"

# 2. The same question again within expiresAt: nginx answers from its cache, Portolan logs once.
status=$(call g-gpt internal us)
check "repeated allowed call still reaches the model server" equal "$status" 200
check "repeated decision comes from nginx's cache" equal "$(header X-Portolan-Cache) $(header X-Portolan-Decision-Id)" "HIT $allowed_id"
user_token() {
  curl -sf -d grant_type=password -d client_id=portolan-cli -d "username=$1" -d "password=$1" \
    "$keycloak/realms/portolan/protocol/openid-connect/token" | jq -r .access_token
}
ivan=$(user_token ivan) # initech's compliance officer
logged=$(curl -sf "$portolan/api/v1/audit/decisions?format=ndjson&team=g-research&model=g-gpt&from=$started" \
  -H "Authorization: Bearer $ivan" | jq -c --arg id "$allowed_id" 'select(.id == $id)' | wc -l)
check "the decision log holds the cached decision once" equal "$logged" 1

# 3. Denied (golden: CN vendor, confidential data, eu): 403 with the golden reasons and alternatives.
deny_case="CN vendor denied for confidential data, and hosted outside the residency"
reasons=$(golden_case "$deny_case" '.reasons | sort | join(",")')
alternatives=$(golden_case "$deny_case" '.alternatives | join(",")')
status=$(call g-deepseek-v3 confidential eu)
denied_id=$(header X-Portolan-Decision-Id)
check "denied call is refused with 403" equal "$status" 403
check "reason codes in the body" equal "$(sorted "$(body .error.reasons)")" "$reasons"
check "alternatives in the body, in order" equal "$(body .error.alternatives)" "$alternatives"
check "reason codes and alternatives in headers" \
  equal "$(sorted "$(header X-Portolan-Reasons)") $(header X-Portolan-Alternatives)" "$reasons $alternatives"
check "denied answer names its decision" equal "$(body .error.decisionId)" "$denied_id"
status=$(call g-deepseek-v3 confidential eu)
check "a deny is cached too" equal "$status $(header X-Portolan-Cache) $(header X-Portolan-Decision-Id)" "403 HIT $denied_id"

# 4. An allow with an obligation (golden: watch-listed US jurisdiction) passes the obligation on.
obliged_case="watch-listed US jurisdiction allowed with an obligation"
status=$(call g-llama restricted eu)
check "obligations reach the client" equal "$status $(header X-Portolan-Obligations)" \
  "200 $(golden_case "$obliged_case" '.obligations | join(",")')"

# 5. A missing Portolan header: nginx would say 500; the config maps it to 400 naming the header.
status=$(curl -s -o "$work/last.body" -D "$work/last.headers" -w '%{http_code}' -X POST \
  "http://127.0.0.1:$nginx_port/models/g-gpt/v1/chat/completions" -H 'X-Portolan-Team: g-research' \
  -H 'X-Portolan-Purpose: chat' -H 'X-Portolan-Region: us' -d '{}')
check "missing header is a 400 naming it" equal "$status $(body .error.message)" \
  "400 missing or invalid headers: X-Portolan-Data-Classification"

# 6. A path with no model server behind it never reaches Portolan or a model.
status=$(call g-unserved internal us)
check "unserved model path is a 404" equal "$status" 404

# 7. Routing. A model of its own (g-route-nginx, served by the model server when no deployment is
#    named) with three deployments, the first two listed in the site file's route map with servers
#    of their own, the third not; team g-routing approved for it. Created by officer ivan (requester
#    ian asks for the approval); kept between runs, the deployments reset here. Each call carries a
#    marker in its message, which tells the server it reached (fake_openai.py lists what it got).
api() { # api METHOD PATH TOKEN [BODY]: prints the status; the body goes to $work/api.body
  curl -s -o "$work/api.body" -w '%{http_code}' -X "$1" "$portolan$2" -H "Authorization: Bearer $3" \
    -H 'Content-Type: application/json' ${4:+--data-binary "$4"}
}
need() { # need STATUSES STATUS WHAT: stops the run when the API call behind STATUS failed
  [[ " $1 " == *" $2 "* ]] || { echo "$3 answered $2: $(cat "$work/api.body")" >&2; exit 1; }
}
deployment() { # deployment ID PORT STATUS: saved, created or updated
  local body status
  body=$(jq -nc --arg id "$1" --arg endpoint "http://127.0.0.1:$2/v1" --arg status "$3" '{id: $id,
    model: "g-route-nginx", operator: "self-hosted", operatorJurisdiction: "FR", regions: ["eu", "us"],
    endpoint: $endpoint, zeroDataRetention: true, trainsOnPrompts: false, status: $status}')
  status=$(api POST /api/v1/deployments "$ivan" "$body")
  [[ $status == 409 ]] && status=$(api PUT "/api/v1/deployments/$1" "$ivan" "$body")
  need "200 201" "$status" "saving deployment $1"
}
need "201 409" "$(api POST /api/v1/vendors "$ivan" '{"id":"g-route-labs","name":"Route Labs","jurisdiction":"FR"}')" vendor
need "201 409" "$(api POST /api/v1/models "$ivan" '{"id":"g-route-nginx","displayName":"Routed (nginx test)",
  "vendor":"g-route-labs","hostingRegions":["eu","us"],"openWeights":true,"selfHostable":true,"licence":"Apache-2.0",
  "capabilities":["route-fixture"],"costTier":"low","status":"approved"}')" model
need "201 409" "$(api POST /api/v1/teams "$ivan" '{"id":"g-routing","name":"Routing tests"}')" team
deployment g-route-nginx-a "$route_a_port" active
deployment g-route-nginx-b "$route_b_port" active
deployment g-route-nginx-c "$closed_port" active
need 200 "$(api GET '/api/v1/approvals?team=g-routing&size=500' "$ivan")" approvals
if ! jq -e 'any(.items[]; .model == "g-route-nginx" and .purpose == "chat")' "$work/api.body" >/dev/null; then
  need 201 "$(api POST /api/v1/approval-requests "$(user_token ian)" '{"team":"g-routing","model":"g-route-nginx",
    "purpose":"chat","maxDataClassification":"internal","regions":["eu","us"],"justification":"nginx routing test"}')" request
  need 200 "$(api POST "/api/v1/approval-requests/$(jq -r .id "$work/api.body")/decision" "$ivan" '{"outcome":"approve"}')" approval
fi

marker=""
route_call() { # route_call CLASSIFICATION REGION [DEPLOYMENT]: as g-routing, with a new $marker set by the caller
  curl -s -o "$work/last.body" -D "$work/last.headers" -w '%{http_code}' \
    "http://127.0.0.1:$nginx_port/models/g-route-nginx/v1/chat/completions" \
    -H 'X-Portolan-Team: g-routing' -H 'X-Portolan-Purpose: chat' -H "X-Portolan-Data-Classification: $1" \
    -H "X-Portolan-Region: $2" ${3:+-H "X-Portolan-Deployment: $3"} -H 'Content-Type: application/json' \
    -d "{\"model\":\"g-route-nginx\",\"messages\":[{\"role\":\"user\",\"content\":\"$marker\"}]}"
}
reached() { # the servers that got the call carrying $marker: a, b, model (comma-separated)
  local name port
  for name in a:$route_a_port b:$route_b_port model:$model_port; do
    port=${name#*:}
    curl -sf "http://127.0.0.1:$port/_received" |
      jq -e --arg m "$marker" 'any(.[]; any(.messages[]?; .content == $m))' >/dev/null && echo "${name%%:*}"
  done | paste -sd, -
}
routed() { # routed: status, the route nginx reports and the servers reached, of a new call
  marker="route $$ $RANDOM$RANDOM"
  local status
  status=$(route_call "$@")
  echo "$status|$(header X-Portolan-Route-Deployment)|$(reached)"
}
check "a call goes to the server of the deployment Portolan routes it to" \
  equal "$(routed internal eu)" "200|g-route-nginx-a|a"
check "a deployment the caller names: decided on it, sent to its server" \
  equal "$(routed internal eu g-route-nginx-b)" "200|g-route-nginx-b|b"
check "a deployment of another model: denied, sent nowhere" \
  equal "$(routed internal eu g-gpt)|$(header X-Portolan-Reasons)" "403|||deployment_unknown"
check "a deployment the route map does not list: refused with 502, never sent to the model's server" \
  equal "$(routed internal eu g-route-nginx-c)|$(body .error.code)" "502|g-route-nginx-c||route_unlisted"
deployment g-route-nginx-a "$route_a_port" suspended
# A question nginx has not cached (a cached answer keeps its route until it expires).
check "the routed deployment suspended: the next question goes to the other" \
  equal "$(routed public eu)" "200|g-route-nginx-b|b"
deployment g-route-nginx-b "$route_b_port" suspended
deployment g-route-nginx-c "$closed_port" suspended
check "no deployment to route to: the model's server, as before routing" \
  equal "$(routed public us)" "200||model"

# 8. refresh-token.sh replaces the token and reloads the running nginx; a new question then works.
KEYCLOAK_URL=$keycloak GATEWAY_CLIENT_ID=initech-gateway GATEWAY_CLIENT_SECRET=initech-gateway-secret \
  TOKEN_INCLUDE=$work/portolan-token.conf NGINX_RELOAD="${nginx_cmd[*]} -s reload" \
  "$repo/deploy/nginx/refresh-token.sh" >/dev/null
sleep 0.5 # the reload is asynchronous: let the new workers take over
status=$(call g-deepseek-v3 internal apac) # golden: CN vendor fine for internal data
check "after a token refresh and reload a new allowed call goes through" \
  equal "$status $(body .choices[0].message.content) $(header X-Portolan-Cache)" "200 hello from g-deepseek-v3 MISS"

# 8b. The client's trace context reaches Portolan: its decision span joins the caller's trace.
#     Only where the stack exports traces to a Jaeger (bin/test.sh: JAEGER_URL).
if [[ -n ${JAEGER_URL:-} && $JAEGER_URL != *:0 ]]; then
  trace=$(openssl rand -hex 16); span=$(openssl rand -hex 8)
  status=$(call g-gpt confidential uk -H "traceparent: 00-$trace-$span-01")
  joined=""
  for _ in $(seq 50); do
    joined=$(curl -s "$JAEGER_URL/api/v3/traces/$trace" | jq -r --arg p "$span" \
      '[.result.resourceSpans[]?.scopeSpans[].spans[] | select(.parentSpanId == $p) | .name] | first // empty')
    [[ -n $joined ]] && break
    sleep 0.2
  done
  check "the caller's traceparent is continued by Portolan's decision span" \
    equal "$status $joined" "$status GET /api/v1/decisions/auth-request"
fi

# 9. A token Portolan refuses (expired, say): 503, not the 401 nginx would pass on.
printf 'proxy_set_header Authorization "Bearer not-a-token";\n' > "$work/portolan-token.conf"
"${nginx_cmd[@]}" -s reload
sleep 0.5
status=$(call g-gpt internal eu)
check "a refused gateway token: 503" equal "$status $(body .error.message)" \
  "503 no decision could be obtained (Portolan answered 401); the call is refused"

# 10. Portolan unreachable: fail closed with 503, never let the call through.
site "127.0.0.1:$closed_port"
"${nginx_cmd[@]}" -s reload
sleep 0.5
status=$(call g-gpt public us)
check "Portolan unreachable: refused with 503" equal "$status $(body .error.code)" "503 decision_unavailable"

stop
trap - EXIT
echo "nginx auth_request: $passed passed, $failed failed"
[[ $failed == 0 ]]
