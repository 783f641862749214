#!/usr/bin/env bash
# The Portolan guardrail in a real LiteLLM proxy: starts the fake OpenAI upstream and the proxy on
# free loopback ports, with config.yaml (plus test-only keys in LiteLLM teams), and runs tests/
# against them and the running Portolan test stack (golden data loaded by sdk/testdata/seed-golden.sh).
#   integrations/litellm/test.sh [pytest args]
# Environment: PORTOLAN_URL (default http://127.0.0.1:28080), KEYCLOAK_URL (http://127.0.0.1:28180).
set -euo pipefail
cd "$(dirname "$0")"
here=$PWD
export PORTOLAN_URL=${PORTOLAN_URL:-http://127.0.0.1:28080}
export KEYCLOAK_URL=${KEYCLOAK_URL:-http://127.0.0.1:28180}
PYTHON=${PYTHON:-python3}

# 1. The environment: every package pinned in requirements.txt, installed once and kept in .venv
#    (about two minutes the first time; skipped while requirements.txt is unchanged).
if [[ ! -x .venv/bin/litellm ]] || ! cmp -s requirements.txt .venv/installed-requirements.txt; then
  echo "installing litellm[proxy] and the test tools into $here/.venv ..."
  started=$SECONDS
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
  cp requirements.txt .venv/installed-requirements.txt
  echo "installed in $((SECONDS - started)) s"
fi
# The SDK from this checkout, every run (small; hatchling comes from requirements.txt).
.venv/bin/python -m pip install -q --disable-pip-version-check --no-build-isolation --no-deps \
  --force-reinstall ../../sdk/python

# 2. Portolan may be restarting (about 30 s): wait for it rather than failing every test.
for _ in $(seq 1 60); do curl -sf -o /dev/null "$PORTOLAN_URL/health/ready" && break; sleep 2; done
curl -sf -o /dev/null "$PORTOLAN_URL/health/ready" || { echo "Portolan is not ready at $PORTOLAN_URL" >&2; exit 1; }

# 3. The fake upstream and the proxy (one process each: uvicorn with one worker), stopped on any exit.
run=$(mktemp -d)
upstream_pid="" proxy_pid=""
stop() {
  for pid in $proxy_pid $upstream_pid; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $proxy_pid $upstream_pid; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$run"
}
trap stop EXIT
trap 'exit 130' INT TERM

free_port() { .venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
upstream_port=$(free_port)
proxy_port=$(free_port)

"$PYTHON" ../testing/fake_openai.py "$upstream_port" > "$run/upstream.log" 2>&1 &
upstream_pid=$!

# The sample config.yaml as it is, plus the test's keys (LiteLLM has no teams without its database).
.venv/bin/python - "$run/config.yaml" <<'EOF'
import sys, yaml
config = yaml.safe_load(open("config.yaml"))
config["general_settings"]["custom_auth"] = "static_keys_auth.user_api_key_auth"
yaml.safe_dump(config, open(sys.argv[1], "w"), sort_keys=False)
EOF

# Offline: LiteLLM would fetch its price map and other catalogs at start; use the bundled copies.
export LITELLM_LOCAL_MODEL_COST_MAP=True LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS=True \
  LITELLM_LOCAL_AUTOROUTER_PRESETS=True LITELLM_LOCAL_BLOG_POSTS=True LITELLM_LOCAL_POLICY_TEMPLATES=True \
  LITELLM_TELEMETRY=False DISABLE_ADMIN_UI=True NO_DOCS=True
export LITELLM_MASTER_KEY=sk-test-master UPSTREAM_API_BASE="http://127.0.0.1:$upstream_port/v1" UPSTREAM_API_KEY=unused
export PORTOLAN_TOKEN_URL="$KEYCLOAK_URL/realms/portolan/protocol/openid-connect/token"
export PORTOLAN_CLIENT_ID=initech-gateway PORTOLAN_CLIENT_SECRET=initech-gateway-secret
# The guardrail module beside config.yaml, the test's custom auth in tests/.
export PYTHONPATH="$here:$here/tests"

started=$SECONDS
.venv/bin/litellm --config "$run/config.yaml" --host 127.0.0.1 --port "$proxy_port" > "$run/proxy.log" 2>&1 &
proxy_pid=$!
ready=""
for _ in $(seq 1 360); do
  if ! kill -0 "$proxy_pid" 2>/dev/null; then break; fi
  if curl -sf -o /dev/null "http://127.0.0.1:$proxy_port/health/readiness"; then ready=yes; break; fi
  sleep 0.5
done
if [[ -z $ready ]]; then
  echo "the LiteLLM proxy did not become ready within 180 s (or exited); its log:" >&2
  cat "$run/proxy.log" >&2
  exit 1
fi
echo "LiteLLM proxy ready on 127.0.0.1:$proxy_port after $((SECONDS - started)) s (upstream on $upstream_port)"

export PROXY_URL="http://127.0.0.1:$proxy_port"
status=0
.venv/bin/python -m pytest -q -p no:cacheprovider "${@:-tests}" || status=$?
if [[ $status -ne 0 ]]; then
  echo "--- last lines of the proxy log ---" >&2
  tail -n 40 "$run/proxy.log" >&2
fi
exit $status
