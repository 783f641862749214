#!/usr/bin/env bash
# Times the spend report (GET /api/v1/spend) over N reported calls (default 1,000,000) on a running
# stack, against the same report computed straight from the usage log in the same run.
#   bench/spend-report.sh [N] [profile]     profile: test (default) or run
# Seeds, as the PostgreSQL superuser and tagged client_id='bench-spend', N acme decisions and N
# usage records with the scaling benchmark's 100x shape (1,000 teams, 5,000 models of 100 vendors;
# each team uses 5 models) over the 60 days up to now, and their daily totals (spend_daily) as
# the usage path keeps them. Then asks last month's report as alice: by team, by model per day,
# and by jurisdiction (also as CSV), 5 times each, and reports the median and the worst; the
# baseline is the month by team summed from usage_record joined to decision_log, as the report
# would be without the daily totals (psql, 5 times). Prints the figures; leaves the rows.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}; PROFILE=${2:-test}
eval "$(bin/stack.sh env "$PROFILE" | tr ' ' '\n' | sed 's/^/export /')"
export PGPASSWORD=postgres
sql() { psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres portolan "$@"; }

first=$(date -u -d '-60 days' +%Y-%m-%dT00:00:00Z)
month_from=$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y-%m-%d)
month_to=$(date -u -d "$(date -u +%Y-%m-01) -1 day" +%Y-%m-%d)
echo "Spend report benchmark, $(date -u), $(nproc) cores; $N calls from $first, report for $month_from..$month_to"

seeded=$(date +%s%3N)
sql <<SQL
create temporary table bench_call as
select gen_random_uuid() as id, i,
       'bench-team-' || lpad((i % 1000)::text, 4, '0') as team,
       'bench-model-' || lpad((((i % 1000) * 7 + (i / 1000 % 5) * 1009) % 5000)::text, 4, '0') as model,
       timestamptz '$first' + (i::double precision / $N) * interval '60 days' as at
from generate_series(1, $N) as i;
insert into decision_log (id, tenant_id, team, model, purpose, data_classification, region, allow, reasons,
                          policy_revision, evaluated_at, client_id)
select id, 'acme', team, model, 'chat', 'internal', 'eu', true, '[]', 'bench', at, 'bench-spend' from bench_call;
insert into usage_record (tenant_id, decision_id, model, input_tokens, output_tokens, latency_ms, cost_micros,
                          idempotency_key, client_id, reported_at)
select 'acme', id, model, 200 + i % 1800, 50 + i % 700, 300, (200 + i % 1800) * 3 + (50 + i % 700) * 12,
       'bench-spend', 'bench-spend', at from bench_call;
insert into spend_daily (tenant_id, day, team, classification, model, vendor, jurisdiction, currency, calls,
                         input_tokens, output_tokens, cost_micros, unpriced_calls)
select 'acme', (at at time zone 'UTC')::date, team, 'internal', model,
       'bench-vendor-' || lpad((substr(model, 13)::int % 100)::text, 2, '0'),
       (array['US','FR','CN','DE','GB','CA','JP','KR','IN','IL','CH','SE','AE','BR','RU'])[1 + substr(model, 13)::int % 15],
       'USD', count(*), sum(200 + i % 1800), sum(50 + i % 700), sum((200 + i % 1800) * 3 + (50 + i % 700) * 12), 0
from bench_call group by 1, 2, 3, 4, 5, 6, 7
on conflict (tenant_id, day, team, classification, model, vendor, jurisdiction, currency) do update set
  calls = spend_daily.calls + excluded.calls, input_tokens = spend_daily.input_tokens + excluded.input_tokens,
  output_tokens = spend_daily.output_tokens + excluded.output_tokens,
  cost_micros = spend_daily.cost_micros + excluded.cost_micros;
analyze decision_log; analyze usage_record; analyze spend_daily;
SQL
echo "seeded in $(( ($(date +%s%3N) - seeded) / 1000 )) s; acme now has $(sql -tA -c "select count(*) from usage_record where tenant_id = 'acme'") usage records and $(sql -tA -c "select count(*) from spend_daily where tenant_id = 'acme'") daily totals"

token=$(curl -fsS -d grant_type=password -d client_id=portolan-cli -d username=alice -d password=alice \
  "$KC_URL/realms/portolan/protocol/openid-connect/token" | jq -r .access_token)

# Median and worst of 5 timed calls, in ms (after one untimed call, so the first does not pay for class loading).
timed() {
  local url=$1 accept=$2 times=()
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H "Accept: $accept" "$url"
  for _ in 1 2 3 4 5; do
    times+=("$(curl -fsS -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" -H "Accept: $accept" "$url" |
      awk '{printf "%d", $1 * 1000}')")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {printf "median %d ms, worst %d ms", a[3], a[5]}'
}

window="from=$month_from&to=$month_to"
for query in "groupBy=team" "groupBy=model&interval=day" "groupBy=jurisdiction&interval=month"; do
  items=$(curl -fsS -H "Authorization: Bearer $token" "$APP_URL/api/v1/spend?$window&$query" | jq '.items | length')
  echo "GET /api/v1/spend?$window&$query: $items items; $(timed "$APP_URL/api/v1/spend?$window&$query" application/json)"
done
echo "the same by team as CSV: $(timed "$APP_URL/api/v1/spend?$window&groupBy=team&format=csv" text/csv)"

baseline=()
for _ in 1 2 3 4 5; do
  baseline+=("$(sql -tA <<SQL | awk '/^Time:/ {printf "%d", $2}'
\timing on
select d.team, count(*), sum(u.input_tokens), sum(u.output_tokens), sum(u.cost_micros)
from usage_record u join decision_log d on d.tenant_id = u.tenant_id and d.id = u.decision_id
where u.tenant_id = 'acme' and d.evaluated_at >= '$month_from' and d.evaluated_at < date '$month_to' + 1
group by d.team \g /dev/null
SQL
)")
done
median=$(printf '%s\n' "${baseline[@]}" | sort -n | sed -n 3p)
echo "baseline, the month by team from the usage log (usage_record joined to decision_log, in psql): median $median ms, worst $(printf '%s\n' "${baseline[@]}" | sort -n | tail -1) ms"
