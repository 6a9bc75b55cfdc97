# Shared by the project's scripts: find or install what a fresh machine lacks.
# Sourced, not run. Installs use apt-get and need root; otherwise they say what to install.

log() { printf '\033[1;32m[ecopark]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[ecopark]\033[0m %s\n' "$*" >&2; exit 1; }

apt_install() {
  [ "$(id -u)" -eq 0 ] || die "Missing $*: install it (apt-get install -y $*) or run as root."
  command -v apt-get >/dev/null || die "Missing $* and no apt-get to install it."
  if [ -z "${ECOPARK_APT_UPDATED:-}" ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    export ECOPARK_APT_UPDATED=1
  fi
  log "Installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

require_dotnet() {
  command -v dotnet >/dev/null || die "The .NET 10 SDK is required (dotnet not found on PATH)."
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

# Prints the directory holding initdb and pg_ctl, installing PostgreSQL server binaries if none are found.
postgres_bin_dir() {
  local dir
  if [ -n "${ECOPARK_PG_BIN:-}" ] && [ -x "$ECOPARK_PG_BIN/initdb" ]; then echo "$ECOPARK_PG_BIN"; return; fi
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    apt_install postgresql >/dev/null
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  [ -x "$dir/initdb" ] || die "Could not find PostgreSQL's initdb after installing."
  echo "$dir"
}

# Installs Debian's Noto CJK fonts (Traditional Chinese glyphs for Chromium) when they are missing.
require_cjk_font() {
  if command -v dpkg-query >/dev/null && dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "ok installed"; then
    return
  fi
  if [ "$(id -u)" -eq 0 ]; then apt_install fonts-noto-cjk; else log "Install fonts-noto-cjk for Chinese text in screenshots."; fi
}

# Installs Debian's AR PL UMing (TrueType CJK outlines) for the PDF park reports, which embed it; PDFsharp cannot embed
# the OpenType/CFF outlines of the Noto CJK collections. The app finds it at EcoPark:Reports:CjkFontPath.
require_report_font() {
  if [ -f /usr/share/fonts/truetype/arphic/uming.ttc ]; then
    return
  fi
  if [ "$(id -u)" -eq 0 ]; then apt_install fonts-arphic-uming; else log "Install fonts-arphic-uming for Chinese text in the PDF park reports."; fi
}

# Runs a command as the owner of the local cluster: PostgreSQL refuses to run as root.
as_pg_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A free TCP port on 127.0.0.1, starting from $1.
free_port() {
  local port=$1
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

docker_answers() {
  command -v docker >/dev/null && timeout 10 docker info >/dev/null 2>&1
}
