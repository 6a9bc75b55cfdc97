#!/usr/bin/env bash
# Load benchmark of the matching request path (issue 10): builds a park of STREAMS streams through the API on a
# throwaway PostgreSQL cluster, then measures, beside /health/live in the same run, the paged candidates at c = 1, 50
# and 200, one pair's explanation, and the time for one stream edit to reach its candidates. Needs a Release build
# (dotnet build EcoPark.sln -c Release) and the PostgreSQL server binaries; installs `hey` from Debian when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
STREAMS=${STREAMS:-1000}
SECONDS_EACH=${SECONDS_EACH:-20}
PG_BIN=${ECOPARK_PG_BIN:-/usr/lib/postgresql/15/bin}
WORK=$(mktemp -d)
OUT=${OUT:-$WORK/results.txt}
log() { printf '[bench] %s\n' "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

if ! command -v hey >/dev/null; then
  policy=$(apt-cache policy hey)
  grep -q 'Candidate: [0-9]' <<<"$policy" || { log "Debian has no hey package here"; exit 1; }
  apt-get install -y hey >/dev/null
fi

DB_PORT=$(free_port); WEB_PORT=$(free_port)
cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
  "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK/pg"
}
trap cleanup EXIT
log "PostgreSQL on port $DB_PORT (data in $WORK/pg)"
if [ "$(id -u)" = 0 ]; then RUN_PG="runuser -u postgres --"; chown -R postgres "$WORK"; else RUN_PG=""; fi
$RUN_PG "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -A trust >/dev/null
$RUN_PG "$PG_BIN/pg_ctl" -D "$WORK/pg" -o "-p $DB_PORT -k $WORK -c max_connections=200" -l "$WORK/pg.log" start >/dev/null

export ConnectionStrings__EcoPark="Host=127.0.0.1;Port=$DB_PORT;Database=ecopark;Username=postgres"
export ASPNETCORE_ENVIRONMENT=Demo EcoPark__Demo=true ASPNETCORE_URLS="http://127.0.0.1:$WEB_PORT" Serilog__MinimumLevel__Default=Warning
BASE="http://127.0.0.1:$WEB_PORT"
(cd src/EcoPark.Web/bin/Release/net10.0 && exec dotnet EcoPark.Web.dll >"$WORK/app.log" 2>&1) &
APP_PID=$!
for _ in $(seq 1 120); do curl -fs "$BASE/health/live" >/dev/null 2>&1 && break; sleep 1; done
log "app up at $BASE"

TOKEN=$(curl -fs -H 'Content-Type: application/json' -d '{"email":"admin@demo.ecopark.tw","password":"EcoPark#Demo2026"}' "$BASE/api/v1/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
AUTH="Authorization: Bearer $TOKEN"
export BASE TOKEN STREAMS WORK
log "building $STREAMS streams"
build_start=$(date +%s.%N)
python3 benchmarks/load/build_park.py
build_end=$(date +%s.%N)
PARK=$(cat "$WORK/park"); PAIR=$(cat "$WORK/pair"); EDIT=$(cat "$WORK/edit")
# The queued start-up rebuild may still run: wait until no candidate job is left.
for _ in $(seq 1 600); do
  curl -fs -H "$AUTH" "$BASE/api/v1/matching/candidates/progress" | grep -q '"recomputing":false' && break; sleep 1
done
# The API counts up to its count limit only; the benchmark reports the park's true size from the database.
TOTAL=$($RUN_PG "$PG_BIN/psql" -h "$WORK" -p "$DB_PORT" -U postgres -d ecopark -tAc \
  "select count(*) from match_candidates where supply_park_id = '$PARK' or demand_park_id = '$PARK'")

measure() { # name concurrency seconds url
  local name=$1 c=$2 n=$3 url=$4 report
  report=$(hey -z "${n}s" -c "$c" -H "$AUTH" "$url")
  printf '%s c=%s for %s s: %s req/s, p50 %s s, p95 %s s, p99 %s s, statuses [%s]\n' "$name" "$c" "$n" \
    "$(grep 'Requests/sec' <<<"$report" | awk '{print $2}')" \
    "$(grep ' 50% in' <<<"$report" | awk '{print $3}')" "$(grep ' 95% in' <<<"$report" | awk '{print $3}')" \
    "$(grep ' 99% in' <<<"$report" | awk '{print $3}')" \
    "$(sed -n '/Status code distribution/,$p' <<<"$report" | grep -o '\[[0-9]*\][^[]*responses' | tr '\n' ' ')"
}
{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ); machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; streams built: $STREAMS in $(python3 -c "print(round($build_end-$build_start))") s; candidates in the park: $TOTAL"
  for c in 1 50 200; do
    measure "health/live" "$c" "$SECONDS_EACH" "$BASE/health/live"
    measure "candidates page (50 rows, rank)" "$c" "$SECONDS_EACH" "$BASE/api/v1/matching/parks/$PARK/candidates"
  done
  measure "candidates page 40, sort -benefit" 50 "$SECONDS_EACH" "$BASE/api/v1/matching/parks/$PARK/candidates?page=40&sort=-benefit"
  measure "pair explanation" 1 "$SECONDS_EACH" "$BASE/api/v1/matching/pairs/$PAIR"
  measure "pair explanation" 50 "$SECONDS_EACH" "$BASE/api/v1/matching/pairs/$PAIR"
  PG_BIN=$PG_BIN DB_PORT=$DB_PORT python3 benchmarks/load/edit_reflected.py "$EDIT"
} | tee "$OUT"
log "results in $OUT"
