#!/usr/bin/env bash
# Times impact analysis over N logged decisions (default 100000) on a running stack.
#   bench/impact-analysis.sh [N] [profile]     profile: test (default) or run
# Seeds N synthetic acme decisions into decision_log (as the PostgreSQL superuser, tagged
# client_id='bench'), asks POST /api/v1/policy/impact as alice over their window, prints the
# figures, then leaves the rows (the log is append-only for the application). Reports Portolan's
# resident memory and heap in use before the request and their peaks during it (sampled every
# 0.5 s with ps and jstat).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}; PROFILE=${2:-test}
eval "$(bin/stack.sh env "$PROFILE" | tr ' ' '\n' | sed 's/^/export /')"
export PGPASSWORD=postgres

start=$(date -u -d '-2 days' +%Y-%m-%dT%H:%M:%SZ)
psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres portolan <<SQL
insert into decision_log (id, tenant_id, team, model, purpose, data_classification, region, allow,
                          reasons, policy_revision, evaluated_at, client_id)
select gen_random_uuid(), 'acme', (array['research','marketing','platform'])[1 + i % 3],
       (array['gpt-4o','llama-3.3-70b','mistral-large-2','mistral-small-3','deepseek-v3','claude-sonnet-4'])[1 + i % 6],
       'chat', (array['public','internal','confidential','restricted'])[1 + i % 4],
       (array['eu','uk','us'])[1 + i % 3], i % 2 = 0, '[]', 'bench', timestamptz '$start' + i * interval '1 ms', 'bench'
from generate_series(1, $N) as i;
SQL
end=$(date -u -d "$start + $((N / 1000 + 1)) seconds" +%Y-%m-%dT%H:%M:%SZ)

token=$(curl -s -d grant_type=password -d client_id=portolan-cli -d username=alice -d password=alice \
  "$KC_URL/realms/portolan/protocol/openid-connect/token" | jq -r .access_token)

pid=$(cat "$STATE/portolan.pid")
rss_mb() { ps -o rss= -p "$pid" | awk '{printf "%d\n", $1 / 1024}'; }
# G1's used survivor, eden and old space in MB, one line per sample of `jstat -gc`.
heap_used() { awk 'NR == 1 {for (i = 1; i <= NF; i++) col[$i] = i; next}
  $1 != "S0C" {printf "%d\n", ($col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]) / 1024}'; }
rss_before=$(rss_mb); heap_before=$(jstat -gc "$pid" | heap_used)
samples=$(mktemp)
jstat -gc "$pid" 500 > "$samples.jstat" &
jstat_pid=$!
(while kill -0 "$pid" 2>/dev/null; do rss_mb >> "$samples"; sleep 0.5; done) > /dev/null &
rss_sampler=$!
trap 'kill $jstat_pid $rss_sampler 2>/dev/null || true; rm -f "$samples" "$samples.jstat"' EXIT
/usr/bin/time -f "wall %e s" curl -s -X POST "$APP_URL/api/v1/policy/impact" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"from\":\"$start\",\"to\":\"$end\"}" | jq -c 'if .evaluated then {evaluated, allowToDeny, denyToAllow, tookMillis} else . end'
kill $jstat_pid $rss_sampler 2>/dev/null || true
max_heap=$(heap_used < "$samples.jstat" | sort -n | tail -1); max_rss=$(sort -n "$samples" | tail -1)
echo "portolan memory: RSS ${rss_before} MB before, peak ${max_rss:-?} MB during; heap in use ${heap_before} MB before, peak ${max_heap:-?} MB during (max heap $(jcmd "$pid" VM.flags 2>/dev/null | grep -o ' -XX:MaxHeapSize=[0-9]*' | awk -F= '{printf "%d MB", $2 / 1048576}'))"
