#!/usr/bin/env bash
# Runs the whole test suite: domain, integration (real PostgreSQL) and end-to-end (headless Chromium).
# Installs what a fresh machine lacks (PostgreSQL server binaries, Chromium), builds once, runs every
# test project, and ends with one line: "N passed, N failed, N skipped". Exit code 0 only if all passed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/prerequisites.sh"
cd "$root"

require_dotnet
ECOPARK_PG_BIN=$(postgres_bin_dir)
export ECOPARK_PG_BIN
if [ -z "${ECOPARK_CHROMIUM:-}" ]; then
  command -v chromium >/dev/null || apt_install chromium
  ECOPARK_CHROMIUM=$(command -v chromium)
  export ECOPARK_CHROMIUM
fi
# Without a CJK font every Chinese glyph in the browser tests' screenshots is an empty box.
require_cjk_font
# The PDF reports embed a TrueType CJK font; the report tests extract their Chinese text.
require_report_font
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

results="$root/TestResults/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$results"
log "Building"
dotnet build EcoPark.sln -c Release -nologo -v quiet

log "Testing (results in ${results#"$root/"})"
# The browser tests' app writes its log here, so a failure can show what the server saw.
export ECOPARK_E2E_LOGS="$results/app-logs"
status=0
# One project at a time: run together on a small machine, the database-heavy integration tests starve
# the browser tests' app, whose waits then time out on work that is merely slow.
for project in tests/*/*Tests.csproj; do
  dotnet test "$project" -c Release --no-build --logger "trx" --results-directory "$results" || status=$?
done

# Total the TRX counters of every test project.
read -r passed failed skipped < <(
  cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"|\/|>/, "", kv[2]); c[kv[1]] += kv[2] } }
    END { printf "%d %d %d\n", c["passed"], c["failed"] + c["error"] + c["timeout"] + c["aborted"], c["notExecuted"] }')
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  log "No test results were found"
  status=1
fi
[ "$failed" -eq 0 ] || status=1
if [ "$status" -ne 0 ] && ls "$ECOPARK_E2E_LOGS"/*.json >/dev/null 2>&1; then
  # A closed browser tab ends its circuit mid-render; those disconnects are noise, anything else is not.
  errors=$(cat "$ECOPARK_E2E_LOGS"/*.json | grep '"@l":"Error"' | grep -v 'JSDisconnectedException' | cut -c1-1500 | tail -n 20 || true)
  [ -z "$errors" ] || { log "Errors the browser tests' app logged (last 20)"; printf '%s\n' "$errors"; }
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
