#!/usr/bin/env bash
# What a sidecar's poll for an unchanged bundle costs: N conditional GET /bundles/acme with the
# current ETag (each answered 304), on one connection, on a running stack. Reports the time per
# poll and how often PostgreSQL scanned the tables the bundle's document is built from (vendor,
# model, team, approval, policy_revision) and the tenant table, from pg_stat_user_tables.
#   bench/bundle-poll.sh [N] [profile]     N: 200 by default; profile: test (default) or run
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200}; PROFILE=${2:-test}
eval "$(bin/stack.sh env "$PROFILE" | tr ' ' '\n' | sed 's/^/export /')"
export PGPASSWORD=postgres
token=$(curl -s -d grant_type=client_credentials -d client_id=acme-gateway -d client_secret=acme-gateway-secret \
  "$KC_URL/realms/portolan/protocol/openid-connect/token" | jq -r .access_token)
url="$APP_URL/bundles/acme"
etag=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $token" "$url" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
scans() {
  psql -At -h 127.0.0.1 -p "$PG_PORT" -U postgres portolan -c "select
    sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0)) filter (where relname in ('vendor', 'model', 'team', 'approval', 'policy_revision')),
    sum(coalesce(seq_scan, 0) + coalesce(idx_scan, 0)) filter (where relname = 'tenant')
    from pg_stat_user_tables"
}
# Warm up (JIT), then let the backends flush their statistics (at most once a second).
curl -s -o /dev/null -H "Authorization: Bearer $token" -H "If-None-Match: $etag" $(for _ in $(seq 50); do printf '%s ' "$url"; done)
sleep 2
before=$(scans)
codes=$(curl -s -H "Authorization: Bearer $token" -H "If-None-Match: $etag" -w '%{http_code} %{time_total}\n' \
  $(for _ in $(seq "$N"); do printf '%s ' "$url"; done))
sleep 2
after=$(scans)
echo "$codes" | awk '{ n[$1]++; t += $2 } END { for (c in n) printf "status %s: %d\n", c, n[c]; printf "mean time per poll: %.2f ms\n", 1000 * t / NR }'
echo "$codes" | awk '{ print $2 }' | sort -n | awk '{ a[NR] = $1 } END { printf "median %.2f ms, p90 %.2f ms\n", 1000 * a[int(NR / 2) + 1], 1000 * a[int(NR * 0.9)] }'
IFS='|' read -r doc0 ten0 <<<"$before"; IFS='|' read -r doc1 ten1 <<<"$after"
echo "table scans during $N polls: document tables $((doc1 - doc0)), tenant $((ten1 - ten0))"
