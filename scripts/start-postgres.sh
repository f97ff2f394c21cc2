#!/usr/bin/env bash
# Starts the local PostgreSQL 15 cluster and creates the application's role and database (idempotent).
# Environment: SANEPID_DB_NAME (sanepid), SANEPID_DB_USER (sanepid), SANEPID_DB_PASSWORD (required outside CI).
set -euo pipefail
name=${SANEPID_DB_NAME:-sanepid}
user=${SANEPID_DB_USER:-sanepid}
password=${SANEPID_DB_PASSWORD:-sanepid-ci-only}
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q online; then
  pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main
  pg_ctlcluster "$version" main start
fi
as_postgres() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
# CREATEDB: the cluster test (-Psystem) drops and creates its own database sanepid_cluster
[ "$(as_postgres "SELECT 1 FROM pg_roles WHERE rolname='$user'")" = "1" ] \
  || as_postgres "CREATE ROLE $user LOGIN PASSWORD '$password'"
as_postgres "ALTER ROLE $user CREATEDB"
[ "$(as_postgres "SELECT 1 FROM pg_database WHERE datname='$name'")" = "1" ] \
  || as_postgres "CREATE DATABASE $name OWNER $user"
echo "postgresql $version: database $name ready for $user on localhost:5432"
