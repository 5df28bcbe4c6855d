#!/usr/bin/env bash
# Run once by the postgres image when it initialises an empty data directory
# (/docker-entrypoint-initdb.d): one database and one login role per service of the hub, each made
# by service-database.sql. Each role's password comes from <SERVICE>_DB_PASSWORD, the same variable
# docker-compose.yml puts into that service's <SERVICE>_DATABASE_URL.
set -euo pipefail

SERVICE_DATABASE_SQL=${SERVICE_DATABASE_SQL:-/etc/migran-hub/service-database.sql}

for service in labour ministry training university gateway; do
  variable="${service^^}_DB_PASSWORD"
  password="${!variable:-}"
  # The password travels inside a URL (postgres://role:password@host/db): characters a URL would
  # have to escape are refused here rather than failing later as a confusing login error.
  if [[ ! "$password" =~ ^[A-Za-z0-9._~-]{16,}$ ]]; then
    echo "init-service-databases: $variable must be at least 16 characters of A-Z a-z 0-9 . _ ~ - (for example: openssl rand -hex 24)" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
    -v role="${service}_service" -v database="$service" -v password="$password" \
    -f "$SERVICE_DATABASE_SQL"
  echo "init-service-databases: database $service for role ${service}_service"
done
