#!/usr/bin/env bash
# Starts FerretDB (SQLite backend) and a single-node Kafka (KRaft, broker + controller)
# on 127.0.0.1, then waits until FerretDB answers `ping` and Kafka acknowledges a produce.
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
mkdir -p "$run" "$logs" "$KITH_DATA_DIR/ferretdb" "$KITH_DATA_DIR/ferretdb-state"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_ferretdb() {
  if pid_alive "$run/ferretdb.pid" ferretdb; then log "ferretdb already running"; return; fi
  port_in_use "$KITH_MONGO_PORT" && die "port $KITH_MONGO_PORT is taken by another process (set KITH_MONGO_PORT)"
  log "starting ferretdb on 127.0.0.1:$KITH_MONGO_PORT"
  nohup "$FERRETDB_BIN" --handler=sqlite --sqlite-url="file:$KITH_DATA_DIR/ferretdb/" \
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

start_ferretdb
start_kafka

export KAFKA_BROKERS="127.0.0.1:$KITH_KAFKA_PORT"
export MONGO_URL="mongodb://127.0.0.1:$KITH_MONGO_PORT/"
if ! probe --timeout-ms "${KITH_START_TIMEOUT_MS:-90000}"; then
  log "servers did not become ready; last log lines:"
  tail -n 20 "$logs/kafka.log" "$logs/kafka.out" "$logs/ferretdb.log" >&2 2>/dev/null || true
  exit 1
fi
log "ready: KAFKA_BROKERS=$KAFKA_BROKERS MONGO_URL=$MONGO_URL (logs: $logs)"
echo "KAFKA_BROKERS=$KAFKA_BROKERS"
echo "MONGO_URL=$MONGO_URL"
