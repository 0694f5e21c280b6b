#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster (it refuses to run as root, so the Debian way: pg_ctlcluster runs it as
# the postgres user) and makes a superuser role for the current user and a test database. Safe to run again.
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q .; then
  pg_createcluster "$version" main >/dev/null
fi
cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
pg_ctlcluster $cluster start 2>/dev/null || true   # already running is fine
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q" && break
  sleep 1
done
me=$(id -un)
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = '$me'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE \\\"$me\\\" SUPERUSER LOGIN\""
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname = 'govnews_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O \"$me\" govnews_test"
