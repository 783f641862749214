#!/usr/bin/env bash
# Times the streamed decision-log export over N logged decisions (default 1000000) on a running
# stack and reports rows per second and Portolan's heap after the export.
#   bench/export.sh [N] [profile]     profile: test (default) or run
# Seeds N synthetic acme decisions (as the PostgreSQL superuser, client_id='bench', unchained).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}; PROFILE=${2:-test}
eval "$(bin/stack.sh env "$PROFILE" | tr ' ' '\n' | sed 's/^/export /')"
export PGPASSWORD=postgres
model="bench-export-$(date +%s)"
psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres portolan <<SQL
insert into decision_log (id, tenant_id, team, model, purpose, data_classification, region, allow,
                          reasons, policy_revision, evaluated_at, client_id)
select gen_random_uuid(), 'acme', 'research', '$model', 'chat', 'internal', 'eu', i % 2 = 0,
       '[{"code":"model_unknown","message":"bench","rule":"model_unknown"}]', 'bench',
       now() - interval '1 day' + i * interval '1 ms', 'bench'
from generate_series(1, $N) as i;
SQL
token=$(curl -s -d grant_type=password -d client_id=portolan-cli -d username=carol -d password=carol \
  "$KC_URL/realms/portolan/protocol/openid-connect/token" | jq -r .access_token)
for format in csv ndjson; do
  start=$(date +%s.%N)
  lines=$(curl -s -H "Authorization: Bearer $token" "$APP_URL/api/v1/audit/decisions?model=$model&format=$format" | wc -l)
  end=$(date +%s.%N)
  awk -v n="$lines" -v s="$start" -v e="$end" -v f="$format" \
    'BEGIN { printf "%s: %d lines in %.1f s, %.0f rows/s\n", f, n, e - s, n / (e - s) }'
done
pid=$(cat "$STATE/portolan.pid")
jcmd "$pid" GC.heap_info 2>/dev/null | grep -E "generation|space" || true
