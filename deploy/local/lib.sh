# Shared settings for the local infrastructure scripts. Sourced, not run.
#
# KITH_INFRA_PROFILE picks a set of ports and a data folder, so the test suite's servers
# (profile "test") run beside a developer's stack (profile "dev"). Every value can be
# overridden through the environment.
set -euo pipefail

KITH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KITH_HOME="${KITH_HOME:-$KITH_ROOT/.kith}"
KITH_INFRA_PROFILE="${KITH_INFRA_PROFILE:-dev}"

# The MongoDB-wire server's backend: FerretDB on a project-local PostgreSQL cluster (the
# default; equality filters use GIN indexes, see ferretdb-gin-indexes.sql) or on SQLite files.
KITH_LOCAL_DB="${KITH_LOCAL_DB:-postgresql}"
case "$KITH_LOCAL_DB" in
  postgresql | sqlite) ;;
  *) printf 'KITH_LOCAL_DB must be postgresql or sqlite, not %s\n' "$KITH_LOCAL_DB" >&2; exit 1 ;;
esac

KAFKA_VERSION="3.9.1"
FERRETDB_VERSION="v1.24.2"
FERRETDB_MODULE="github.com/FerretDB/FerretDB"
# Mailpit: the local SMTP relay the marketing service sends campaign mail to; its web page
# and API (/api/v1/messages, /api/v1/search) show what was sent.
MAILPIT_VERSION="v1.33.1"
MAILPIT_MODULE="github.com/axllent/mailpit"

if [ "$KITH_INFRA_PROFILE" = "test" ]; then
  KITH_KAFKA_PORT="${KITH_KAFKA_PORT:-19092}"
  KITH_KAFKA_CONTROLLER_PORT="${KITH_KAFKA_CONTROLLER_PORT:-19093}"
  KITH_MONGO_PORT="${KITH_MONGO_PORT:-37017}"
  KITH_FERRETDB_DEBUG_PORT="${KITH_FERRETDB_DEBUG_PORT:-18088}"
  KITH_PG_PORT="${KITH_PG_PORT:-15433}"
  KITH_SMTP_PORT="${KITH_SMTP_PORT:-11025}"
  KITH_MAILPIT_HTTP_PORT="${KITH_MAILPIT_HTTP_PORT:-18025}"
else
  KITH_KAFKA_PORT="${KITH_KAFKA_PORT:-9092}"
  KITH_KAFKA_CONTROLLER_PORT="${KITH_KAFKA_CONTROLLER_PORT:-9093}"
  KITH_MONGO_PORT="${KITH_MONGO_PORT:-27017}"
  KITH_FERRETDB_DEBUG_PORT="${KITH_FERRETDB_DEBUG_PORT:-8088}"
  KITH_PG_PORT="${KITH_PG_PORT:-5433}"
  KITH_SMTP_PORT="${KITH_SMTP_PORT:-1025}"
  KITH_MAILPIT_HTTP_PORT="${KITH_MAILPIT_HTTP_PORT:-8025}"
fi

# Provisioned servers are shared by every clone on the machine (a fresh clone, as in CI,
# starts in seconds); data, logs and pids stay in the clone's own KITH_HOME.
KITH_CACHE_DIR="${KITH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kith}"
KITH_BIN_DIR="${KITH_BIN_DIR:-$KITH_CACHE_DIR/bin}"
KITH_DATA_DIR="${KITH_DATA_DIR:-$KITH_HOME/$KITH_INFRA_PROFILE}"
KAFKA_LIBS_DIR="$KITH_CACHE_DIR/kafka-$KAFKA_VERSION/libs"
FERRETDB_BIN="$KITH_BIN_DIR/ferretdb-$FERRETDB_VERSION"
MAILPIT_BIN="$KITH_BIN_DIR/mailpit-$MAILPIT_VERSION"
PG_DATA_DIR="$KITH_DATA_DIR/postgres"
PG_DATABASE="ferretdb"

KITH_KAFKA_HEAP="${KITH_KAFKA_HEAP:--Xms256m -Xmx768m}"

log() { printf '[kith-infra:%s] %s\n' "$KITH_INFRA_PROFILE" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# True when the pid in FILE is alive and its command line contains PATTERN: a reused
# pid that now belongs to something else is never signalled.
pid_alive() {
  local file="$1" pattern="$2" pid
  [ -f "$file" ] || return 1
  pid="$(cat "$file")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$pattern"
}

# The readiness probe: FerretDB answers `ping`, Kafka accepts an acknowledged produce.
probe() {
  node "$KITH_ROOT/deploy/local/probe.mjs" "$@"
}

# The newest installed PostgreSQL's bin folder (Debian keeps them out of PATH), or nothing.
pg_bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  command -v initdb >/dev/null && dirname "$(readlink -f "$(command -v initdb)")"
  return 0
}

# initdb and postgres refuse to run as root: as root, run them as the `postgres` OS user
# (the Debian package creates it); as anyone else, as ourselves.
as_pg_user() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
