#!/usr/bin/env bash
# Runs EcoPark with the seeded demo parks on http://localhost:5080 (set ECOPARK_PORT to change it).
#
# The database, first that applies:
#   1. ConnectionStrings__EcoPark, when set;
#   2. a PostgreSQL container, when a Docker engine answers;
#   3. a private PostgreSQL cluster under .local/pg that this script creates, starts, and stops on exit.
# Migrations are applied and the demo is seeded at start. Stop with Ctrl+C.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/prerequisites.sh"
source "$root/scripts/lib/local-postgres.sh"

port="${ECOPARK_PORT:-5080}"
require_dotnet
require_report_font

cleanup() {
  if [ -n "${app_pid:-}" ]; then kill -TERM "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null; fi
  local_pg_stop
  if [ -n "${container:-}" ]; then docker rm -f "$container" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "${ConnectionStrings__EcoPark:-}" ]; then
  log "Using the configured ConnectionStrings__EcoPark"
elif docker_answers; then
  container="ecopark-demo-db-$$"
  db_port=$(free_port "${ECOPARK_DB_PORT:-55432}")
  log "Starting PostgreSQL in Docker on 127.0.0.1:$db_port"
  docker run -d --name "$container" -e POSTGRES_PASSWORD=ecopark-demo -p "127.0.0.1:$db_port:5432" postgres:15-alpine >/dev/null
  until docker exec "$container" pg_isready -U postgres >/dev/null 2>&1; do sleep 1; done
  export ConnectionStrings__EcoPark="Host=127.0.0.1;Port=$db_port;Database=ecopark;Username=postgres;Password=ecopark-demo"
else
  local_pg_start "$root"
  export ConnectionStrings__EcoPark="Host=127.0.0.1;Port=$PG_PORT;Database=ecopark;Username=postgres"
fi

log "Building (the first build restores packages and takes a minute or two)"
dotnet build "$root/src/EcoPark.Web/EcoPark.Web.csproj" -c Release -v quiet -nologo

export ASPNETCORE_ENVIRONMENT=Demo EcoPark__Demo=true
log "EcoPark demo: http://localhost:$port  (accounts in README.md; Ctrl+C stops)"
cd "$root/src/EcoPark.Web"
# Run the app as a child and wait, so that Ctrl+C or a TERM to this script stops the app and then the
# database, in that order.
dotnet bin/Release/net10.0/EcoPark.Web.dll --urls "http://localhost:$port" &
app_pid=$!
wait "$app_pid"
