#!/usr/bin/env bash
# Load benchmark of the matching request path (issue 10): builds a park of STREAMS streams through the API on a
# throwaway PostgreSQL cluster, then measures, beside /health/live in the same run, the paged candidates at c = 1, 50
# and 200, one pair's explanation, the time for one stream edit to reach its candidates, and the workbench in headless
# Chromium (first rows, memory per open tab). PARKS=60 spreads the streams over the demo park and 59 more parks, each with
# FACTORIES_PER_PARK factories. Needs a Release build (dotnet build EcoPark.sln -c Release), the PostgreSQL server
# binaries and Chromium; installs `hey` from Debian and the dotnet-gcdump tool when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
STREAMS=${STREAMS:-1000}
SECONDS_EACH=${SECONDS_EACH:-20}
PARKS=${PARKS:-1}
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

# dotnet-gcdump measures the app's live heap for the memory per workbench tab.
if [ ! -x "$WORK/tools/dotnet-gcdump" ]; then
  dotnet tool install --tool-path "$WORK/tools" dotnet-gcdump --version 10.0.750501 >/dev/null
fi
export GCDUMP="$WORK/tools/dotnet-gcdump"

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
# Parks have no API (they are the country's list, seeded): the extra parks are inserted, a few km apart along Taiwan's
# west coast, so that no stream reaches another park's.
EXTRA_PARKS=""
if [ "$PARKS" -gt 1 ]; then
  EXTRA_PARKS=$($RUN_PG "$PG_BIN/psql" -h "$WORK" -p "$DB_PORT" -U postgres -d ecopark -tAc "
    insert into parks (id, name_zh, name_en, county, latitude, longitude, wwtp_design_m3_per_day, wwtp_spare_m3_per_day)
    select gen_random_uuid(), '測試工業區' || n, 'Bench park ' || n, '測試縣', 22.7 + n * 0.04, 120.3 + (n % 5) * 0.06, 20000, 5000
    from generate_series(1, $PARKS - 1) n returning id" | tr '\n' ' ')
  log "inserted $((PARKS - 1)) more parks"
fi
export BASE TOKEN STREAMS WORK EXTRA_PARKS
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
ALL=$($RUN_PG "$PG_BIN/psql" -h "$WORK" -p "$DB_PORT" -U postgres -d ecopark -tAc "select count(*) from match_candidates")

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
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ); machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; parks: $PARKS; streams built: $STREAMS in $(python3 -c "print(round($build_end-$build_start))") s; candidates in the demo park: $TOTAL, in all parks: $ALL"
  for c in 1 50 200; do
    measure "health/live" "$c" "$SECONDS_EACH" "$BASE/health/live"
    measure "candidates page (50 rows, rank)" "$c" "$SECONDS_EACH" "$BASE/api/v1/matching/parks/$PARK/candidates"
  done
  measure "candidates page 40, sort -benefit" 50 "$SECONDS_EACH" "$BASE/api/v1/matching/parks/$PARK/candidates?page=40&sort=-benefit"
  measure "pair explanation" 1 "$SECONDS_EACH" "$BASE/api/v1/matching/pairs/$PAIR"
  measure "pair explanation" 50 "$SECONDS_EACH" "$BASE/api/v1/matching/pairs/$PAIR"
  if [ -f "$WORK/other_park" ]; then
    measure "candidates page of another park (50 rows, rank)" 50 "$SECONDS_EACH" "$BASE/api/v1/matching/parks/$(cat "$WORK/other_park")/candidates"
  fi
  PG_BIN=$PG_BIN DB_PORT=$DB_PORT python3 benchmarks/load/edit_reflected.py "$EDIT"
  dotnet benchmarks/EcoPark.BrowserBenchmark/bin/Release/net10.0/EcoPark.BrowserBenchmark.dll "$BASE" "$APP_PID" 20 5
} | tee "$OUT"
log "results in $OUT"
