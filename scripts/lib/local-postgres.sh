# A private PostgreSQL cluster for the demo: started and stopped by the scripts, never a system service.
# Sourced after prerequisites.sh. Sets PG_DATA, PG_PORT and PG_BIN.

local_pg_start() {
  local root=$1
  PG_BIN=$(postgres_bin_dir)
  PG_DATA="$root/.local/pg"
  mkdir -p "$PG_DATA"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    chown postgres "$PG_DATA"
    chmod 700 "$PG_DATA"
    if ! runuser -u postgres -- test -w "$PG_DATA"; then
      # The project folder is not reachable by the postgres user (a private home, say): keep the cluster
      # in a folder of its own instead, named after the project folder so that each clone gets its own.
      PG_DATA="/var/tmp/ecopark-$(printf '%s' "$root" | cksum | cut -d' ' -f1)/pg"
      mkdir -p "$PG_DATA"
      chown -R postgres "$(dirname "$PG_DATA")"
      chmod 700 "$PG_DATA"
      log "The postgres user cannot reach $root; the demo cluster lives in $PG_DATA"
    fi
  fi
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    log "Creating the demo PostgreSQL cluster in $PG_DATA"
    as_pg_owner "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    PG_PORT=$(sed -n 4p "$PG_DATA/postmaster.pid")
    log "The demo cluster is already running on port $PG_PORT"
    PG_STARTED_HERE=0
    return
  fi
  PG_PORT=$(free_port "${ECOPARK_DB_PORT:-55432}")
  as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1" start >/dev/null
  PG_STARTED_HERE=1
  log "PostgreSQL is running on 127.0.0.1:$PG_PORT"
}

local_pg_stop() {
  if [ "${PG_STARTED_HERE:-0}" = 1 ]; then
    as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 && log "Stopped the demo cluster"
  fi
}
