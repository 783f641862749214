#!/usr/bin/env bash
# Loads a golden decision file (src/test/resources/decisions/*.json) into a tenant of a running
# stack through the API, as users do: inventory and settings by the officer, approvals requested by
# one user and approved by the officer. The SDK and integration tests then replay its cases.
# Idempotent: items left by an earlier run are kept, approvals in force are revoked first.
#   sdk/testdata/seed-golden.sh [golden file]
# Environment: PORTOLAN_URL (default the test stack, http://127.0.0.1:28080), KEYCLOAK_URL
# (http://127.0.0.1:28180), and the test realm's tenant initech (officer ivan, requester ian).
set -euo pipefail
cd "$(dirname "$0")/../.."
golden=${1:-src/test/resources/decisions/sovereignty.json}
portolan=${PORTOLAN_URL:-http://127.0.0.1:28080}
keycloak=${KEYCLOAK_URL:-http://127.0.0.1:28180}
officer=${SEED_OFFICER:-ivan}
requester=${SEED_REQUESTER:-ian}

token() {
  curl -sf -d grant_type=password -d client_id=portolan-cli -d "username=$1" -d "password=$1" \
    "$keycloak/realms/portolan/protocol/openid-connect/token" | jq -r .access_token
}

# call METHOD PATH TOKEN [BODY] [ACCEPTED STATUSES]: fails loudly on any other status.
call() {
  local method=$1 path=$2 tok=$3 body=${4:-} ok=${5:-200 201}
  local out status
  out=$(mktemp)
  status=$(curl -s -o "$out" -w '%{http_code}' -X "$method" "$portolan$path" \
    -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' ${body:+--data-binary "$body"})
  if [[ " $ok " != *" $status "* ]]; then
    echo "seed-golden: $method $path answered $status: $(cat "$out")" >&2
    rm -f "$out"; return 1
  fi
  cat "$out"; rm -f "$out"
}

officer_token=$(token "$officer")
requester_token=$(token "$requester")

for kind in vendors models teams; do
  jq -c ".$kind[]" "$golden" | while read -r item; do
    call POST "/api/v1/$kind" "$officer_token" "$item" "201 409" > /dev/null
  done
done
call PUT /api/v1/policy/settings "$officer_token" "$(jq -c .settings "$golden")" > /dev/null
call POST /api/v1/policy/revisions "$officer_token" "" "201" > /dev/null

call GET '/api/v1/approvals?size=500' "$officer_token" | jq -r '.items[].id' | while read -r id; do
  call POST "/api/v1/approvals/$id/revoke" "$officer_token" '{"reason":"golden seed"}' "200 409" > /dev/null  # 409: revoked meanwhile
done
jq -c '.approvals[] | . + {justification: "golden seed"}' "$golden" | while read -r request; do
  id=$(call POST /api/v1/approval-requests "$requester_token" "$request" 201 | jq -r .id)
  call POST "/api/v1/approval-requests/$id/decision" "$officer_token" '{"outcome":"approve"}' > /dev/null
done
echo "seed-golden: $(jq '.cases | length' "$golden") cases of $golden ready in tenant initech at $portolan" >&2
