#!/usr/bin/env bash
# The Portolan guardrail in real LiteLLM proxies, against the running Portolan stack:
#  1. README.md's commands as written (blocks marked <!-- test.sh: NAME -->), for both install forms:
#     the SDK's module (config.demo.yaml) and the single file beside a config; against the demo
#     tenant acme, gpt-4o is allowed and qwen-2.5-72b refused naming vendor_suspended.
#  2. tests/ (pytest) against a proxy from tests/config.yaml: golden data of tenant initech (loaded
#     by sdk/testdata/seed-golden.sh), fixed test keys in LiteLLM teams; the proxy's own upstream
#     and two more fake upstreams for the deployments tests/test_routes.py routes calls to.
#   integrations/litellm/test.sh [pytest args]
# Environment: PORTOLAN_URL (default http://127.0.0.1:28080), KEYCLOAK_URL (http://127.0.0.1:28180).
set -euo pipefail
cd "$(dirname "$0")"
here=$PWD
repo=$(cd ../.. && pwd)
export PORTOLAN_URL=${PORTOLAN_URL:-http://127.0.0.1:28080}
export KEYCLOAK_URL=${KEYCLOAK_URL:-http://127.0.0.1:28180}

# 1. The environment: every package pinned in requirements.txt, installed once and kept in .venv
#    (about two minutes the first time; skipped while requirements.txt is unchanged). The README's
#    install block below then finds everything it needs there.
if [[ ! -x .venv/bin/litellm ]] || ! cmp -s requirements.txt .venv/installed-requirements.txt; then
  echo "installing litellm[proxy] and the test tools into $here/.venv ..."
  started=$SECONDS
  python3 -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
  cp requirements.txt .venv/installed-requirements.txt
  echo "installed in $((SECONDS - started)) s"
fi

# 2. Portolan may be restarting (about 30 s): wait for it rather than failing every test.
for _ in $(seq 1 60); do curl -sf -o /dev/null "$PORTOLAN_URL/health/ready" && break; sleep 2; done
curl -sf -o /dev/null "$PORTOLAN_URL/health/ready" || { echo "Portolan is not ready at $PORTOLAN_URL" >&2; exit 1; }

run=$(mktemp -d)
groups=() # process groups this script started (each README run, the test proxy), stopped on exit
stop() {
  local group
  for group in "${groups[@]}"; do kill -TERM -- "-$group" 2>/dev/null || true; done
  for group in "${groups[@]}"; do
    for _ in $(seq 1 50); do kill -0 -- "-$group" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$group" 2>/dev/null || true
  done
  rm -rf "$run"
}
trap stop EXIT
trap 'exit 130' INT TERM

passed=0 failed=0
check() { # check NAME CONDITION...: runs the condition, counts and reports it
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}

# README.md's fenced block after the line <!-- test.sh: NAME -->, as written.
readme_block() {
  local text
  text=$(awk -v marker="<!-- test.sh: $1 -->" '
    $0 == marker { found = 1; next }
    found && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }' README.md)
  [[ -n $text ]] || { echo "README.md has no block marked <!-- test.sh: $1 -->" >&2; return 1; }
  printf '%s\n' "$text"
}
# replace TEXT FROM TO: FROM must be in TEXT, so a changed README cannot leave the test on other values.
replace() {
  [[ $1 == *"$2"* ]] || { echo "a README.md block no longer has '$2':"$'\n'"$1" >&2; return 1; }
  printf '%s\n' "${1//"$2"/"$3"}"
}
# The README's commands run from the checkout's root with nothing of this script's environment but
# HOME and PATH (LANG if set); after the install block, with the PATH and VIRTUAL_ENV its
# `. .venv/bin/activate` leaves in the reader's shell.
shell_env=(env -i "HOME=$HOME" "PATH=$PATH")
[[ -n ${LANG:-} ]] && shell_env+=("LANG=$LANG")
readme_env=("${shell_env[@]}" "PATH=$here/.venv/bin:$PATH" "VIRTUAL_ENV=$here/.venv")

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# 3. The README's install block, as written (the SDK from this checkout, with its litellm extra).
echo "--- README: install"
install=$(readme_block install)
(cd "$repo" && "${shell_env[@]}" bash -e -c "$install") > "$run/install.log" 2>&1 \
  || { cat "$run/install.log" >&2; echo "FAIL README install block" >&2; exit 1; }
echo "ok   README install block"
passed=$((passed + 1))

# 4. Three proxies, started together: the README's two forms and the test proxy for tests/.
environment=$(readme_block environment)
start_readme_proxy() { # NAME BLOCK [FROM TO]...: the environment block, then BLOCK, on free ports
  local name=$1 block=$2 upstream port script; shift 2
  upstream=$(free_port); port=$(free_port)
  script=$(replace "$environment" "fake_openai.py 8000" "fake_openai.py $upstream")
  script=$(replace "$script" "http://127.0.0.1:8000/v1" "http://127.0.0.1:$upstream/v1")
  script=$(replace "$script" "http://127.0.0.1:8080" "$PORTOLAN_URL")
  script=$(replace "$script" "http://127.0.0.1:8180" "$KEYCLOAK_URL")
  block=$(replace "$block" "--port 4000" "--port $port")
  while (( $# )); do block=$(replace "$block" "$1" "$2"); shift 2; done
  printf '%s\n%s\n' "$script" "$block" > "$run/$name.sh"
  (cd "$repo" && exec setsid "${readme_env[@]}" bash -e "$run/$name.sh" > "$run/$name.log" 2>&1 < /dev/null) &
  groups+=("$!")
  printf -v "port_$name" '%s' "$port"
}
start_readme_proxy package "$(readme_block proxy)"
start_readme_proxy single_file "$(readme_block single-file)" "~/litellm-proxy" "$run/litellm-proxy"

# The test proxy: tests/config.yaml with its custom auth beside it, against tenant initech; its
# upstream, and two more for the two deployments tests/test_routes.py registers in Portolan.
test_upstream=$(free_port) port_tests=$(free_port) route_upstream_a=$(free_port) route_upstream_b=$(free_port)
cat > "$run/tests.sh" <<EOF
python3 ../testing/fake_openai.py $test_upstream &
python3 ../testing/fake_openai.py $route_upstream_a &
python3 ../testing/fake_openai.py $route_upstream_b &
exec litellm --config tests/config.yaml --host 127.0.0.1 --port $port_tests
EOF
export CONFIGURED_UPSTREAM="http://127.0.0.1:$test_upstream" ROUTE_UPSTREAM_A="http://127.0.0.1:$route_upstream_a" \
  ROUTE_UPSTREAM_B="http://127.0.0.1:$route_upstream_b" ROUTE_B_API_KEY=sk-route-b-test
(exec setsid "${readme_env[@]}" LITELLM_MASTER_KEY=sk-test-master UPSTREAM_API_BASE="http://127.0.0.1:$test_upstream/v1" \
   UPSTREAM_API_KEY=unused ROUTE_B_API_KEY="$ROUTE_B_API_KEY" PORTOLAN_URL="$PORTOLAN_URL" \
   PORTOLAN_TOKEN_URL="$KEYCLOAK_URL/realms/portolan/protocol/openid-connect/token" \
   PORTOLAN_CLIENT_ID=initech-gateway PORTOLAN_CLIENT_SECRET=initech-gateway-secret LITELLM_LOCAL_MODEL_COST_MAP=True \
   bash -e "$run/tests.sh" > "$run/tests.log" 2>&1 < /dev/null) &
groups+=("$!")

started=$SECONDS
wait_ready() { # NAME PORT GROUP: until /health/readiness answers, the group exits, or 240 s pass
  local name=$1 port=$2 group=$3
  while (( SECONDS - started < 240 )); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/health/readiness" && {
      echo "     proxy '$name' ready on 127.0.0.1:$port after $((SECONDS - started)) s"; return 0; }
    kill -0 -- "-$group" 2>/dev/null || break
    sleep 0.5
  done
  echo "the proxy '$name' did not become ready within 240 s (or exited); its log:" >&2
  cat "$run/$name.log" >&2
  return 1
}
wait_ready package "$port_package" "${groups[0]}"
wait_ready single_file "$port_single_file" "${groups[1]}"
wait_ready tests "$port_tests" "${groups[2]}"

# 5. The README's try block against each of its proxies: one answer a line.
allowed() { [[ $1 == *'"content":"hello from gpt-4o"'*' HTTP 200' ]] || { echo "     got: ${1:0:400}"; return 1; }; }
refused() {
  [[ $1 == *"Portolan refused model 'qwen-2.5-72b' for team 'research'"*"vendor_suspended"*' HTTP 403' ]] ||
    { echo "     got: ${1:0:400}"; return 1; }
}
try=$(readme_block try)
for name in package single_file; do
  port_var=port_$name
  script=$(replace "$try" "http://127.0.0.1:4000" "http://127.0.0.1:${!port_var}")
  answers=$(cd "$repo" && "${readme_env[@]}" bash -e -c "$script")
  check "README ($name): gpt-4o allowed" allowed "$(sed -n 1p <<<"$answers")"
  check "README ($name): qwen-2.5-72b refused naming vendor_suspended" refused "$(sed -n 2p <<<"$answers")"
done
echo "README commands: $passed passed, $failed failed"

# 6. tests/ against the test proxy.
export PROXY_URL="http://127.0.0.1:$port_tests"
status=0
.venv/bin/python -m pytest -q -p no:cacheprovider "${@:-tests}" || status=$?
if [[ $status -ne 0 ]]; then
  echo "--- last lines of the test proxy's log ---" >&2
  tail -n 40 "$run/tests.log" >&2
fi
if [[ $failed -ne 0 ]]; then
  for name in package single_file; do echo "--- last lines of the README proxy '$name' ---" >&2; tail -n 20 "$run/$name.log" >&2; done
  status=1
fi
exit $status
