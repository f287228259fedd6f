#!/usr/bin/env bash
# Fetches and builds the local servers once; later runs find them cached and return in
# well under a second.
#  - Apache Kafka: jars resolved by Maven from Maven Central (kafka-pom.xml), copied into
#    the cache folder. Maven's own cache (~/.m2) makes a second resolve offline.
#  - FerretDB 1.x: the module downloaded by exact version from the Go module proxy and
#    built with the Go toolchain into a project-local bin folder.
#  - PostgreSQL (FerretDB's default backend): Debian's `postgresql` package when no server
#    binaries are installed; the cluster itself is created by start.sh under KITH_HOME.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

provision_kafka() {
  if [ -f "$KAFKA_LIBS_DIR/.complete" ]; then return; fi
  command -v mvn >/dev/null || die "Maven (mvn) is required to fetch Kafka"
  command -v java >/dev/null || die "Java 17 is required to run Kafka"
  log "resolving Apache Kafka $KAFKA_VERSION from Maven Central"
  rm -rf "$KAFKA_LIBS_DIR" && mkdir -p "$KAFKA_LIBS_DIR"
  mvn -B -q -f "$KITH_ROOT/deploy/local/kafka-pom.xml" \
    -Dkafka.version="$KAFKA_VERSION" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIBS_DIR" \
    -Dstyle.color=never >&2
  ls "$KAFKA_LIBS_DIR"/kafka_2.13-"$KAFKA_VERSION".jar >/dev/null || die "kafka jar missing after resolve"
  touch "$KAFKA_LIBS_DIR/.complete"
}

# `go install ...@v1.24.2` does not work against the module proxy these machines use
# (its deprecation check reads the version list, which the proxy refuses), and FerretDB
# refuses to start when built as the main module without build/version/version.txt.
# So: download the exact module version, copy it to a writable folder, write the
# version file FerretDB's own instructions ask for, and `go build` its cmd/ferretdb.
provision_ferretdb() {
  if [ -x "$FERRETDB_BIN" ]; then return; fi
  command -v go >/dev/null || die "Go is required to build FerretDB"
  log "building FerretDB $FERRETDB_VERSION (first run only, about a minute)"
  local dir src
  dir="$(cd "$KITH_ROOT" && go mod download -json "$FERRETDB_MODULE@$FERRETDB_VERSION" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);if(j.Error){console.error(j.Error);process.exit(1)}console.log(j.Dir)})')"
  src="$KITH_CACHE_DIR/ferretdb-src-$FERRETDB_VERSION"
  rm -rf "$src" && mkdir -p "$KITH_CACHE_DIR" "$KITH_BIN_DIR"
  cp -r "$dir" "$src" && chmod -R u+w "$src"
  echo "$FERRETDB_VERSION" >"$src/build/version/version.txt"
  (cd "$src" && go build -trimpath -buildvcs=false -o "$FERRETDB_BIN.tmp" ./cmd/ferretdb)
  mv "$FERRETDB_BIN.tmp" "$FERRETDB_BIN"
  rm -rf "$src"
}

# Mailpit (the local SMTP relay for campaign mail): `go install` of the exact version into a
# temporary GOBIN, then renamed to carry its version, like FerretDB's binary.
provision_mailpit() {
  if [ -x "$MAILPIT_BIN" ]; then return; fi
  command -v go >/dev/null || die "Go is required to build Mailpit"
  log "building Mailpit $MAILPIT_VERSION (first run only, about a minute)"
  local gobin="$KITH_CACHE_DIR/mailpit-gobin"
  rm -rf "$gobin" && mkdir -p "$gobin" "$KITH_BIN_DIR"
  (cd "$KITH_CACHE_DIR" && GOBIN="$gobin" GOFLAGS=-trimpath go install "$MAILPIT_MODULE@$MAILPIT_VERSION")
  mv "$gobin/mailpit" "$MAILPIT_BIN"
  rm -rf "$gobin"
}

# Debian's package starts a system cluster and service on install; a policy-rc.d that says
# "no" (exit 101) for the length of the install keeps the machine's services untouched.
provision_postgres() {
  [ "$KITH_LOCAL_DB" = postgresql ] || return 0
  if [ -n "$(pg_bin_dir)" ]; then return; fi
  command -v apt-get >/dev/null || die "PostgreSQL is required (or set KITH_LOCAL_DB=sqlite); install it with your package manager"
  [ "$(id -u)" = 0 ] || die "PostgreSQL is missing; install it (apt-get install postgresql) or run this as root once"
  log "installing PostgreSQL (Debian package, no system service started)"
  local guard=/usr/sbin/policy-rc.d created_guard=0
  if [ ! -e "$guard" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$guard" && chmod +x "$guard" && created_guard=1
  fi
  local status=0
  # A fresh machine's package lists may be missing or stale: refresh them once on failure.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 ||
    { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; } ||
    status=$?
  [ "$created_guard" = 1 ] && rm -f "$guard"
  [ "$status" = 0 ] || die "apt-get install postgresql failed"
  [ -n "$(pg_bin_dir)" ] || die "PostgreSQL installed but no initdb found under /usr/lib/postgresql"
}

# Two clones (or a test run beside `npm start`) provisioning at once would share the cache
# folders: one build's cleanup deleted the other's FerretDB sources. One at a time.
mkdir -p "$KITH_CACHE_DIR"
exec 9>"$KITH_CACHE_DIR/.provision.lock"
flock 9
provision_kafka
provision_ferretdb
provision_mailpit
provision_postgres
log "provisioned: kafka $KAFKA_VERSION ($KAFKA_LIBS_DIR), ferretdb $FERRETDB_VERSION ($FERRETDB_BIN), mailpit $MAILPIT_VERSION ($MAILPIT_BIN)"
[ "$KITH_LOCAL_DB" = sqlite ] || log "provisioned: postgresql ($(pg_bin_dir))"
