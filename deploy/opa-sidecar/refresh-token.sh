#!/usr/bin/env bash
# Keeps TOKEN_FILE holding a fresh client-credentials token of a gateway client, for an OPA
# sidecar configured with opa-config.yaml. Runs until stopped.
#   KEYCLOAK_URL=http://localhost:8180 GATEWAY_CLIENT_ID=acme-gateway \
#   GATEWAY_CLIENT_SECRET=acme-gateway-secret TOKEN_FILE=/run/opa/token refresh-token.sh
set -euo pipefail
: "${KEYCLOAK_URL:?}" "${GATEWAY_CLIENT_ID:?}" "${GATEWAY_CLIENT_SECRET:?}" "${TOKEN_FILE:?}"
while true; do
  answer=$(curl -fsS -d grant_type=client_credentials -d "client_id=$GATEWAY_CLIENT_ID" \
    --data-urlencode "client_secret=$GATEWAY_CLIENT_SECRET" \
    "$KEYCLOAK_URL/realms/portolan/protocol/openid-connect/token")
  # Written whole, then moved: OPA never reads half a token.
  jq -r .access_token <<<"$answer" > "$TOKEN_FILE.new" && mv "$TOKEN_FILE.new" "$TOKEN_FILE"
  lifetime=$(jq -r .expires_in <<<"$answer")
  sleep $(( lifetime > 60 ? lifetime - 30 : 30 ))
done
