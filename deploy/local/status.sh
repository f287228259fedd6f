#!/usr/bin/env bash
# Says whether this profile's servers run and answer. Exit 0 only when all are ready.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run="$KITH_DATA_DIR/run"
state=0
for pair in "kafka:kafka.Kafka:$KITH_KAFKA_PORT" "ferretdb:ferretdb:$KITH_MONGO_PORT" \
  "mailpit:mailpit:$KITH_SMTP_PORT"; do
  IFS=: read -r name pattern port <<<"$pair"
  if pid_alive "$run/$name.pid" "$pattern"; then
    echo "$name: running (pid $(cat "$run/$name.pid"), 127.0.0.1:$port)"
  else
    echo "$name: stopped"
    state=1
  fi
done
if [ "$KITH_LOCAL_DB" = postgresql ]; then
  if [ -n "$(pg_bin_dir)" ] && "$(pg_bin_dir)/pg_isready" -q -h 127.0.0.1 -p "$KITH_PG_PORT" &&
    as_pg_user "$(pg_bin_dir)/pg_ctl" -D "$PG_DATA_DIR" status >/dev/null 2>&1; then
    echo "postgres: running ($PG_DATA_DIR, 127.0.0.1:$KITH_PG_PORT)"
  else
    echo "postgres: stopped"
    state=1
  fi
fi
if [ "$state" = 0 ]; then
  KAFKA_BROKERS="127.0.0.1:$KITH_KAFKA_PORT" MONGO_URL="mongodb://127.0.0.1:$KITH_MONGO_PORT/" \
    probe --timeout-ms 5000 && echo "ready" || { echo "not answering"; state=1; }
fi
exit "$state"
