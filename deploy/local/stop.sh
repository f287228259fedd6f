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

stop_one kafka kafka.Kafka
stop_one ferretdb ferretdb
