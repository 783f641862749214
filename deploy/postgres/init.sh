#!/usr/bin/env bash
# Run once by the postgres image's entrypoint, when it initialises an empty data directory
# (mounted into /docker-entrypoint-initdb.d). Later password changes need ALTER ROLE by hand.
#
# Two roles: the owner runs Flyway migrations and owns the schema; the application connects
# as portolan_app, which owns nothing and may not bypass row-level security.
set -euo pipefail

# Passwords go in as psql variables (:'name' quotes them as SQL literals), never spliced
# into the SQL text.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-$POSTGRES_USER}" \
  -v owner_password="${PORTOLAN_OWNER_PASSWORD:-portolan_owner}" \
  -v app_password="${PORTOLAN_APP_PASSWORD:-portolan_app}" <<'SQL'
CREATE ROLE portolan_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE portolan_app LOGIN PASSWORD :'app_password'
  NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
CREATE DATABASE portolan OWNER portolan_owner;
SQL
