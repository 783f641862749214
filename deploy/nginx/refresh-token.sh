#!/usr/bin/env bash
# Fetches a gateway client-credentials token and writes it as the nginx include that
# portolan.conf's /_portolan location reads, then reloads nginx. Runs once: start it from a
# systemd timer or cron more often than the token lives (the realm gives 300 s: every 2 minutes),
# see deploy/nginx/README.md. A failed fetch leaves the old include in place and exits non-zero.
#   KEYCLOAK_URL=http://localhost:8180 GATEWAY_CLIENT_ID=acme-gateway \
#   GATEWAY_CLIENT_SECRET=acme-gateway-secret deploy/nginx/refresh-token.sh
# TOKEN_INCLUDE   the include file (default /etc/nginx/portolan-token.conf)
# NGINX_RELOAD    the reload command (default "nginx -s reload"; empty: do not reload)
set -euo pipefail
: "${KEYCLOAK_URL:?}" "${GATEWAY_CLIENT_ID:?}" "${GATEWAY_CLIENT_SECRET:?}"
include=${TOKEN_INCLUDE:-/etc/nginx/portolan-token.conf}
reload=${NGINX_RELOAD-nginx -s reload}

answer=$(curl -fsS --max-time 10 -d grant_type=client_credentials -d "client_id=$GATEWAY_CLIENT_ID" \
  --data-urlencode "client_secret=$GATEWAY_CLIENT_SECRET" \
  "$KEYCLOAK_URL/realms/portolan/protocol/openid-connect/token")
token=$(jq -er .access_token <<<"$answer")
# A JWT is base64url and dots only; anything else must not reach nginx's config.
[[ $token =~ ^[A-Za-z0-9._-]+$ ]] || { echo "refresh-token: unexpected token shape" >&2; exit 1; }

# Written whole, readable by its owner only, then moved: nginx never reads half a file.
umask 077
printf 'proxy_set_header Authorization "Bearer %s";\n' "$token" > "$include.new"
mv "$include.new" "$include"
if [[ -n $reload ]]; then
  $reload
fi
echo "refresh-token: token valid for $(jq -r .expires_in <<<"$answer") s written to $include"
