#!/usr/bin/env bash
# Stops the servers this profile's start.sh started, by their pid files; nothing else.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stop_one() {
  local name="$1" pattern="$2" file="$KITH_DATA_DIR/run/$1.pid" pid
  if ! pid_alive "$file" "$pattern"; then rm -f "$file"; return; fi
  pid="$(cat "$file")"
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name did not stop in 10 s; killing"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

# The cluster in this profile's data folder, whichever KITH_LOCAL_DB is set now.
stop_postgres() {
  local bin
  bin="$(pg_bin_dir)"
  [ -n "$bin" ] && [ -f "$PG_DATA_DIR/postmaster.pid" ] || return 0
  as_pg_user "$bin/pg_ctl" -D "$PG_DATA_DIR" status >/dev/null 2>&1 || return 0
  log "stopping postgres ($PG_DATA_DIR)"
  as_pg_user "$bin/pg_ctl" -D "$PG_DATA_DIR" stop -m fast -w -t 30 >/dev/null ||
    log "postgres did not stop in 30 s"
}

stop_one mailpit mailpit
stop_one kafka kafka.Kafka
stop_one ferretdb ferretdb
stop_postgres
