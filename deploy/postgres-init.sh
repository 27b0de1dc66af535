#!/usr/bin/env bash
# Creates the two roles Azukari uses: the owner migrates the schema, the application role reads and writes
# (and cannot update or delete ledger events). Runs once, when the PostgreSQL volume is first created.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE azukari_owner LOGIN PASSWORD '${AZUKARI_DB_OWNER_PASSWORD}';
CREATE ROLE azukari_app LOGIN PASSWORD '${AZUKARI_DB_PASSWORD}';
CREATE DATABASE azukari OWNER azukari_owner ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE azukari FROM PUBLIC;
GRANT CONNECT ON DATABASE azukari TO azukari_app;
SQL
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname azukari -c "REVOKE CREATE ON SCHEMA public FROM PUBLIC; ALTER SCHEMA public OWNER TO azukari_owner;"
