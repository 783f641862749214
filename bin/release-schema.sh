#!/usr/bin/env bash
# Writes db/releases/<name>.sql: a plain-SQL pg_dump (schema, data, Flyway's history with its
# checksums, owners and grants) of a database migrated by the migrations of a released commit, with
# the demo data and a few logged decisions and usage records. ReleaseUpgradeIT (make test) restores
# every such snapshot and migrates it to the current db/, so an edited, removed or renamed released
# migration fails the build.
#
#   bin/release-schema.sh GIT-REV [NAME]     NAME defaults to the commit's short hash
#
# The commit's db/ is laid out as the WAR lays it out (pom.xml) and migrated by
# DatabaseMigrator.flyway, as Portolan migrates at start with portolan.demo-data=true (the test
# stack's setting). It runs on a throwaway PostgreSQL cluster (RELEASE_SCHEMA_PG_BIN, default
# Debian's /usr/lib/postgresql/15/bin, which has pg_dump and psql), as the unprivileged
# portolan-pg user when run as root, like bin/stack.sh; the cluster is removed afterwards.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
rev=${1:?usage: bin/release-schema.sh GIT-REV [NAME]}
commit=$(git -C "$ROOT" rev-parse --verify "$rev^{commit}")
name=${2:-$(git -C "$ROOT" rev-parse --short "$commit")}
out="$ROOT/db/releases/$name.sql"
PG_BIN=${RELEASE_SCHEMA_PG_BIN:-/usr/lib/postgresql/15/bin}
PG_USER_OS=portolan-pg
APP_ROLE=portolan_app OWNER_ROLE=portolan_owner
log() { printf '[release-schema] %s\n' "$*" >&2; }

tmp=$(mktemp -d)
chmod 755 "$tmp"
pg_data="$tmp/pgdata"
cleanup() {
  if [[ -f "$pg_data/postmaster.pid" ]]; then pg_as "$PG_BIN/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

pg_as() { # PostgreSQL refuses to run as root
  if [[ $(id -u) -eq 0 ]]; then runuser -u "$PG_USER_OS" -- "$@"; else "$@"; fi
}

# The commit's migrations where the WAR has them: db/V*.sql and R*.sql as db/migration, db/demo.
lay_out_migrations() {
  mkdir -p "$tmp/src" "$tmp/classpath/db/migration" "$tmp/classpath/db/demo"
  git -C "$ROOT" archive "$commit" db | tar -x -C "$tmp/src"
  find "$tmp/src/db" -maxdepth 1 -type f \( -name 'V*.sql' -o -name 'R*.sql' \) -exec cp {} "$tmp/classpath/db/migration/" \;
  if [[ -d "$tmp/src/db/demo" ]]; then cp -r "$tmp/src/db/demo/." "$tmp/classpath/db/demo/"; fi
  log "$(find "$tmp/classpath/db/migration" -name 'V*.sql' | wc -l) migrations of $commit"
}

free_port() {
  local port
  for port in $(seq 25900 25999); do
    (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  log "no free port in 25900-25999"; return 1
}

# A cluster of its own, trusting local connections: it lives for the length of this script.
start_cluster() {
  if [[ $(id -u) -eq 0 ]]; then
    id "$PG_USER_OS" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER_OS"
  fi
  install -d -m 700 "$pg_data"
  [[ $(id -u) -eq 0 ]] && chown "$PG_USER_OS" "$pg_data"
  pg_as "$PG_BIN/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1 \
    || { cat "$tmp/initdb.log" >&2; return 1; }
  port=$(free_port)
  pg_as "$PG_BIN/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -t 60 \
    -o "-p $port -k $pg_data -c listen_addresses=127.0.0.1" start >/dev/null
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk "{print \$3}") on 127.0.0.1:$port"
  # The roles and database as bin/stack.sh creates them.
  psql_as postgres postgres <<SQL
CREATE ROLE $OWNER_ROLE LOGIN PASSWORD '$OWNER_ROLE';
CREATE ROLE $APP_ROLE LOGIN PASSWORD '$APP_ROLE' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
CREATE DATABASE portolan OWNER $OWNER_ROLE;
SQL
}

psql_as() { # user database; SQL on stdin
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$1" -d "$2" >/dev/null
}

# Flyway exactly as Portolan configures it (DatabaseMigrator.flyway), reading the commit's files
# instead of this checkout's: the class loader answers db/ from the laid-out copy only.
migrate() {
  log "compiling DatabaseMigrator and resolving the classpath (mvn -o)"
  (cd "$ROOT" && mvn -B -q -o compiler:compile dependency:build-classpath -Dmdep.outputFile="$tmp/classpath.txt") >&2
  cat > "$tmp/Migrate.java" <<'JAVA'
import io.portolan.infrastructure.persistence.DatabaseMigrator;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Enumeration;
import org.postgresql.ds.PGSimpleDataSource;

public class Migrate {
  public static void main(String[] args) throws Exception {
    URL migrations = Path.of(args[0]).toUri().toURL();
    ClassLoader loader = new URLClassLoader(new URL[] {migrations}, Migrate.class.getClassLoader()) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        return name.startsWith("db/") ? findResources(name) : super.getResources(name);
      }

      @Override
      public URL getResource(String name) {
        return name.startsWith("db/") ? findResource(name) : super.getResource(name);
      }
    };
    PGSimpleDataSource owner = new PGSimpleDataSource();
    owner.setUrl(args[1]);
    owner.setUser(args[2]);
    owner.setPassword(args[2]);
    var result = DatabaseMigrator.flyway(loader, owner, args[3], true).migrate();
    System.err.println("[release-schema] migrated to " + result.targetSchemaVersion);
  }
}
JAVA
  java -cp "$ROOT/target/classes:$(cat "$tmp/classpath.txt")" "$tmp/Migrate.java" "$tmp/classpath/" \
    "jdbc:postgresql://127.0.0.1:$port/portolan" "$OWNER_ROLE" "$APP_ROLE"
}

# A few decisions and the usage reported for them, chained as Portolan chains them (DecisionChain,
# UsageChain), so the upgrade is tried on logs and not only on the demo inventory.
seed_logs() {
  # reasons_json is the reasons as Portolan serialises and hashes them (compact JSON).
  psql_as postgres portolan <<'SQL'
begin;
select append_decisions(jsonb_agg(d || jsonb_build_object('reasons', (d ->> 'reasons_json')::jsonb,
         'chain_content', concat_ws(E'\n',
           d ->> 'id', d ->> 'team', d ->> 'model', d ->> 'purpose', d ->> 'data_classification', d ->> 'region',
           d ->> 'allow', d ->> 'reasons_json', d ->> 'policy_revision',
           (extract(epoch from (d ->> 'evaluated_at')::timestamptz) * 1000000)::bigint,
           d ->> 'client_id', d ->> 'task_tier', d ->> 'source')) order by d ->> 'id'))
from (values
  ('{"id": "0b7e1c2a-5a1e-4c39-9d55-1f0c6a3e0001", "team": "research", "model": "gpt-4o", "allow": true,
     "reasons_json": "[]", "data_classification": "internal"}'::jsonb),
  ('{"id": "0b7e1c2a-5a1e-4c39-9d55-1f0c6a3e0002", "team": "marketing", "model": "claude-sonnet-4", "allow": true,
     "reasons_json": "[]", "data_classification": "public"}'),
  ('{"id": "0b7e1c2a-5a1e-4c39-9d55-1f0c6a3e0003", "team": "research", "model": "gpt-4o-mini", "allow": false,
     "reasons_json": "[{\"code\":\"classification\",\"message\":\"restricted data may not go to this model\",\"rule\":\"classification\"}]",
     "data_classification": "restricted"}')
) v(r), lateral (select r || '{"tenant_id": "acme", "purpose": "release snapshot", "region": "eu",
    "policy_revision": "1", "evaluated_at": "2025-01-15T10:00:00Z", "client_id": "portolan-cli",
    "task_tier": "standard", "source": "api"}' as d) x;

select set_config('app.tenant', 'acme', true);
insert into usage_report (tenant_id, idempotency_key, records, client_id)
values ('acme', 'release-snapshot', 2, 'portolan-cli');
commit;
SQL
  seed_usage
}

# Usage records one at a time: each hash covers the one before.
seed_usage() {
  local seq=0 previous=genesis decision model tokens_in tokens_out latency hash reported=1736935201000000
  while read -r decision model tokens_in tokens_out latency; do
    seq=$((seq + 1))
    hash=$(printf '%s\n%s\n%s\n%s\n%s\n%s\n\n%s\n%s\n%s\n%s' "$seq" "$decision" "$model" "$tokens_in" \
      "$tokens_out" "$latency" release-snapshot portolan-cli "$reported" "$previous" | sha256sum | cut -c1-64)
    psql_as postgres portolan <<SQL
begin;
select set_config('app.tenant', 'acme', true);
insert into usage_record (tenant_id, decision_id, model, input_tokens, output_tokens, latency_ms, cost_micros,
                          idempotency_key, client_id, reported_at, seq, prev_hash, hash)
values ('acme', '$decision', '$model', $tokens_in, $tokens_out, $latency, null, 'release-snapshot', 'portolan-cli',
        to_timestamp($reported / 1000000.0), $seq, '$previous', '$hash');
commit;
SQL
    previous=$hash
  done <<'ROWS'
0b7e1c2a-5a1e-4c39-9d55-1f0c6a3e0001 gpt-4o 1200 300 850
0b7e1c2a-5a1e-4c39-9d55-1f0c6a3e0002 claude-sonnet-4 400 90 420
ROWS
}

# INSERTs rather than COPY and no psql meta-command, so the test runs the file over JDBC alone.
dump() {
  mkdir -p "$(dirname "$out")"
  { echo "-- Portolan's database as release $name ($commit) left it: every migration of that commit, the"
    echo "-- demo data and a few logged decisions and usage records. Written by bin/release-schema.sh;"
    echo "-- ReleaseUpgradeIT migrates it to the current db/. Never edit by hand."
    # pg_dump's \restrict guard (a random key per dump) is psql-only; the file is trusted, ours.
    "$PG_BIN/pg_dump" -h 127.0.0.1 -p "$port" -U postgres --inserts --no-comments portolan \
      | sed -E '/^\\(un)?restrict /d'
  } > "$out"
  log "wrote ${out#"$ROOT"/} ($(du -h "$out" | cut -f1))"
}

lay_out_migrations
start_cluster
migrate
seed_logs
dump
