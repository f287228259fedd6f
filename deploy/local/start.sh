#!/usr/bin/env bash
# Starts a project-local PostgreSQL cluster, FerretDB on it (KITH_LOCAL_DB=sqlite: on SQLite
# files instead) and a single-node Kafka (KRaft, broker + controller) on 127.0.0.1, then
# waits until FerretDB answers `ping` and Kafka acknowledges a produce.
# Already running (by our pid files): reused. `--fresh` wipes this profile's data first.
# Prints the connection settings as shell assignments on stdout.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

fresh=0
[ "${1:-}" = "--fresh" ] && fresh=1

"$KITH_ROOT/deploy/local/provision.sh"

run="$KITH_DATA_DIR/run"
logs="$KITH_DATA_DIR/logs"
if [ "$fresh" = 1 ]; then
  "$KITH_ROOT/deploy/local/stop.sh" >/dev/null 2>&1 || true
  rm -rf "$KITH_DATA_DIR"
fi
mkdir -p "$run" "$logs" "$KITH_DATA_DIR/ferretdb-state"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg() { "$(pg_bin_dir)/$1" "${@:2}"; }
psql_admin() { PGOPTIONS="-c client_min_messages=warning" pg psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$KITH_PG_PORT" -U postgres "$@"; }

# The cluster lives in PG_DATA_DIR, listens on 127.0.0.1 only (no unix socket, so nothing of
# a system PostgreSQL is touched) and trusts local connections: it is a developer's and CI's
# throwaway server. The test profile trades durability for speed.
start_postgres() {
  [ -n "$(pg_bin_dir)" ] || die "PostgreSQL binaries not found; run deploy/local/provision.sh"
  if [ ! -f "$PG_DATA_DIR/PG_VERSION" ]; then
    log "creating the PostgreSQL cluster in $PG_DATA_DIR"
    rm -rf "$PG_DATA_DIR" && mkdir -p "$PG_DATA_DIR" && chmod 700 "$PG_DATA_DIR"
    [ "$(id -u)" = 0 ] && chown postgres: "$PG_DATA_DIR"
    as_pg_user "$(pg_bin_dir)/initdb" -D "$PG_DATA_DIR" --auth=trust -U postgres \
      --encoding=UTF8 --locale=C --no-sync >>"$logs/postgres-initdb.log" 2>&1 ||
      die "initdb failed (see $logs/postgres-initdb.log; as root its parent folders must be traversable by the postgres user)"
  fi
  if as_pg_user "$(pg_bin_dir)/pg_ctl" -D "$PG_DATA_DIR" status >/dev/null 2>&1; then
    log "postgres already running"
  else
    port_in_use "$KITH_PG_PORT" && die "port $KITH_PG_PORT is taken by another process (set KITH_PG_PORT)"
    local options="-c listen_addresses=127.0.0.1 -p $KITH_PG_PORT -c unix_socket_directories=''"
    if [ "$KITH_INFRA_PROFILE" = test ]; then
      options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    touch "$logs/postgres.log"
    [ "$(id -u)" = 0 ] && chown postgres: "$logs/postgres.log"
    log "starting postgres on 127.0.0.1:$KITH_PG_PORT"
    as_pg_user "$(pg_bin_dir)/pg_ctl" -D "$PG_DATA_DIR" -l "$logs/postgres.log" -o "$options" \
      -w -t 60 start >/dev/null || die "postgres did not start (see $logs/postgres.log)"
  fi
  for _ in $(seq 1 100); do
    pg pg_isready -q -h 127.0.0.1 -p "$KITH_PG_PORT" && break
    sleep 0.2
  done
  pg pg_isready -q -h 127.0.0.1 -p "$KITH_PG_PORT" || die "postgres does not answer on $KITH_PG_PORT"
  if [ -z "$(psql_admin -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'")" ]; then
    psql_admin -d postgres -c "CREATE DATABASE $PG_DATABASE"
  fi
  psql_admin -d "$PG_DATABASE" -f "$KITH_ROOT/deploy/local/ferretdb-gin-indexes.sql" >/dev/null
}

start_ferretdb() {
  if pid_alive "$run/ferretdb.pid" ferretdb; then
    pid_alive "$run/ferretdb.pid" "--handler=$KITH_LOCAL_DB" ||
      die "ferretdb runs with another backend than KITH_LOCAL_DB=$KITH_LOCAL_DB; run stop.sh first"
    log "ferretdb already running"
    return
  fi
  port_in_use "$KITH_MONGO_PORT" && die "port $KITH_MONGO_PORT is taken by another process (set KITH_MONGO_PORT)"
  local backend=(--handler=postgresql
    "--postgresql-url=postgres://postgres@127.0.0.1:$KITH_PG_PORT/$PG_DATABASE")
  if [ "$KITH_LOCAL_DB" = sqlite ]; then
    mkdir -p "$KITH_DATA_DIR/ferretdb"
    backend=(--handler=sqlite "--sqlite-url=file:$KITH_DATA_DIR/ferretdb/")
  fi
  log "starting ferretdb ($KITH_LOCAL_DB backend) on 127.0.0.1:$KITH_MONGO_PORT"
  nohup "$FERRETDB_BIN" "${backend[@]}" \
    --state-dir="$KITH_DATA_DIR/ferretdb-state" --listen-addr="127.0.0.1:$KITH_MONGO_PORT" \
    --debug-addr="127.0.0.1:$KITH_FERRETDB_DEBUG_PORT" --telemetry=disable \
    --log-level=warn --log-format=json >>"$logs/ferretdb.log" 2>&1 &
  echo $! >"$run/ferretdb.pid"
}

write_kafka_config() {
  local dir="$KITH_DATA_DIR/kafka"
  mkdir -p "$dir/data"
  cat >"$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KITH_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KITH_KAFKA_PORT,CONTROLLER://127.0.0.1:$KITH_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KITH_KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/data
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
PROPS
  cat >"$dir/log4j.properties" <<PROPS
log4j.rootLogger=WARN, file
log4j.logger.kafka.server.KafkaServer=INFO
log4j.logger.kafka.server.KafkaRaftServer=INFO
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$logs/kafka.log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
PROPS
}

kafka_java() {
  # shellcheck disable=SC2086
  java $KITH_KAFKA_HEAP -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$KITH_DATA_DIR/kafka/log4j.properties" \
    -cp "$KAFKA_LIBS_DIR/*" "$@"
}

start_kafka() {
  if pid_alive "$run/kafka.pid" kafka.Kafka; then log "kafka already running"; return; fi
  port_in_use "$KITH_KAFKA_PORT" && die "port $KITH_KAFKA_PORT is taken by another process (set KITH_KAFKA_PORT)"
  write_kafka_config
  if [ ! -f "$KITH_DATA_DIR/kafka/data/meta.properties" ]; then
    local cluster_id
    cluster_id="$(kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
    kafka_java kafka.tools.StorageTool format -t "$cluster_id" \
      -c "$KITH_DATA_DIR/kafka/server.properties" >>"$logs/kafka.log" 2>&1
  fi
  log "starting kafka $KAFKA_VERSION on 127.0.0.1:$KITH_KAFKA_PORT (KRaft)"
  nohup java $KITH_KAFKA_HEAP -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$KITH_DATA_DIR/kafka/log4j.properties" \
    -cp "$KAFKA_LIBS_DIR/*" kafka.Kafka "$KITH_DATA_DIR/kafka/server.properties" \
    >>"$logs/kafka.out" 2>&1 &
  echo $! >"$run/kafka.pid"
}

# Mail kept in memory: a restart empties the inbox, as a test relay should.
start_mailpit() {
  if pid_alive "$run/mailpit.pid" mailpit; then log "mailpit already running"; return; fi
  port_in_use "$KITH_SMTP_PORT" && die "port $KITH_SMTP_PORT is taken by another process (set KITH_SMTP_PORT)"
  port_in_use "$KITH_MAILPIT_HTTP_PORT" && die "port $KITH_MAILPIT_HTTP_PORT is taken by another process (set KITH_MAILPIT_HTTP_PORT)"
  log "starting mailpit: SMTP 127.0.0.1:$KITH_SMTP_PORT, web 127.0.0.1:$KITH_MAILPIT_HTTP_PORT"
  nohup "$MAILPIT_BIN" --smtp "127.0.0.1:$KITH_SMTP_PORT" --listen "127.0.0.1:$KITH_MAILPIT_HTTP_PORT" \
    --smtp-auth-accept-any --smtp-auth-allow-insecure --max 0 --disable-version-check \
    >>"$logs/mailpit.log" 2>&1 &
  echo $! >"$run/mailpit.pid"
}

[ "$KITH_LOCAL_DB" = postgresql ] && start_postgres
start_ferretdb
start_kafka
start_mailpit

export KAFKA_BROKERS="127.0.0.1:$KITH_KAFKA_PORT"
export MONGO_URL="mongodb://127.0.0.1:$KITH_MONGO_PORT/"
if ! probe --timeout-ms "${KITH_START_TIMEOUT_MS:-90000}"; then
  log "servers did not become ready; last log lines:"
  tail -n 20 "$logs/kafka.log" "$logs/kafka.out" "$logs/ferretdb.log" >&2 2>/dev/null || true
  exit 1
fi
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$KITH_MAILPIT_HTTP_PORT") 2>/dev/null && break
  sleep 0.1
done
port_in_use "$KITH_SMTP_PORT" || die "mailpit does not answer on $KITH_SMTP_PORT (see $logs/mailpit.log)"
log "ready: KAFKA_BROKERS=$KAFKA_BROKERS MONGO_URL=$MONGO_URL MARKETING_SMTP_URL=smtp://127.0.0.1:$KITH_SMTP_PORT (logs: $logs)"
echo "KAFKA_BROKERS=$KAFKA_BROKERS"
echo "MONGO_URL=$MONGO_URL"
echo "MARKETING_SMTP_URL=smtp://127.0.0.1:$KITH_SMTP_PORT"
echo "MAILPIT_URL=http://127.0.0.1:$KITH_MAILPIT_HTTP_PORT"
# FerretDB on SQLite plans no query with a secondary index; they would only cost writes.
[ "$KITH_LOCAL_DB" = sqlite ] && echo "MONGO_SECONDARY_INDEXES=off"
exit 0
