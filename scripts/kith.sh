#!/usr/bin/env bash
# The two commands of the README:
#   npm start  -> bash scripts/kith.sh start : real Kafka + FerretDB (on PostgreSQL), then every service
#   npm test   -> bash scripts/kith.sh test  : build, lint, unit, integration, e2e and contract tests
# pnpm is not a prerequisite: corepack fetches the version pinned in package.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"

# corepack's signature check fails against the registry these machines use.
export COREPACK_INTEGRITY_KEYS=0
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
pnpm() { corepack pnpm "$@"; }

# Services in start order; each is `services/<name>/dist/main.js`.
SERVICES=(contact interaction transaction marketing analytics gateway)

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

install_deps() {
  say "dependencies (pnpm $(pnpm --version))"
  if [ "${CI:-}" = "true" ]; then
    pnpm install --frozen-lockfile --prefer-offline
  else
    pnpm install --prefer-offline
  fi
}

build() {
  say "build (proto types, tsc -b)"
  pnpm run build
}

# Sums jest's JSON reports and schemathesis' JUnit report (one test per API operation, failed
# when any check failed on it) into the one closing line CI reads: "N passed, N failed". A report
# that is missing (its runner crashed) counts as a suite that failed to run.
summarize() {
  node -e '
    const fs = require("fs");
    let passed = 0, failed = 0, skipped = 0, suitesFailed = 0;
    const count = (xml, name) => Number(new RegExp(`<testsuites[^>]*\\s${name}="(\\d+)"`).exec(xml)?.[1] ?? 0);
    for (const file of process.argv.slice(1)) {
      if (!fs.existsSync(file)) { suitesFailed++; continue; }
      if (file.endsWith(".xml")) {
        const xml = fs.readFileSync(file, "utf8");
        const [tests, failures, errors, skips] = ["tests", "failures", "errors", "skipped"].map((n) => count(xml, n));
        passed += tests - failures - errors - skips; failed += failures + errors; skipped += skips;
        continue;
      }
      const r = JSON.parse(fs.readFileSync(file, "utf8"));
      passed += r.numPassedTests; failed += r.numFailedTests;
      skipped += r.numPendingTests + r.numTodoTests; suitesFailed += r.numRuntimeErrorTestSuites;
    }
    if (suitesFailed) console.log(`test suites that failed to run: ${suitesFailed}`);
    console.log(`tests: ${passed} passed, ${failed + suitesFailed} failed, ${skipped} skipped`);
  ' "$@"
}

cmd_test() {
  local reports="$ROOT/.kith/reports" status=0
  rm -rf "$reports" && mkdir -p "$reports"
  install_deps
  build
  say "type-check tests, lint (eslint, prettier)"
  pnpm run typecheck:tests
  pnpm run lint
  say "unit tests"
  pnpm exec jest --config jest.unit.config.js --json --outputFile="$reports/unit.json" || status=1
  say "local servers (provisioned once, then cached)"
  bash deploy/local/provision.sh
  # The integration and contract tiers share one start of the local test servers: each tier's
  # startInfra (@kith/testkit) reuses servers that run and stops only what it started, so they
  # are started here, fresh as a tier would, and stopped after both.
  local own_servers=0
  if [ "$(node -p 'require("./packages/testkit").chooseInfraKind()')" = local ] &&
    ! KITH_INFRA_PROFILE=test bash deploy/local/status.sh >/dev/null 2>&1; then
    KITH_INFRA_PROFILE=test bash deploy/local/start.sh --fresh >/dev/null
    own_servers=1
    trap 'KITH_INFRA_PROFILE=test bash deploy/local/stop.sh' EXIT
  fi
  say "integration and end-to-end tests (real Kafka + MongoDB-wire server)"
  pnpm exec jest --config jest.int.config.js --json --outputFile="$reports/integration.json" || status=1
  local summaries=("$reports/unit.json" "$reports/integration.json")
  if [ "${KITH_SKIP_SCHEMATHESIS:-0}" = 1 ]; then
    say "contract tests skipped (KITH_SKIP_SCHEMATHESIS=1)"
  else
    say "contract tests (schemathesis against /v1/openapi.json, on the same test servers)"
    bash scripts/schemathesis.sh --report junit --report-junit-path "$reports/schemathesis.xml" || status=1
    summaries+=("$reports/schemathesis.xml")
  fi
  if [ "$own_servers" = 1 ]; then
    trap - EXIT
    KITH_INFRA_PROFILE=test bash deploy/local/stop.sh
  fi
  say "summary"
  summarize "${summaries[@]}"
  return "$status"
}

cmd_start() {
  install_deps
  build
  say "local servers"
  local infra_env started_infra=0
  if ! KITH_INFRA_PROFILE=dev bash deploy/local/status.sh >/dev/null 2>&1; then started_infra=1; fi
  infra_env="$(KITH_INFRA_PROFILE=dev bash deploy/local/start.sh)"
  # shellcheck disable=SC2046
  export $(echo "$infra_env" | grep -E '^(KAFKA_BROKERS|MONGO_URL|MONGO_SECONDARY_INDEXES|MARKETING_SMTP_URL|MAILPIT_URL)=')

  local secret_file="$ROOT/.kith/dev/jwt-secret"
  [ -s "$secret_file" ] || node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))' >"$secret_file"
  export KITH_JWT_ISSUER="${KITH_JWT_ISSUER:-kith-dev}" KITH_JWT_AUDIENCE="${KITH_JWT_AUDIENCE:-kith-api}"
  export KITH_JWT_HS256_SECRET="${KITH_JWT_HS256_SECRET:-$(cat "$secret_file")}"

  local logs="$ROOT/.kith/dev/logs" pids=()
  mkdir -p "$logs"
  cleanup() {
    trap - INT TERM EXIT
    say "stopping"
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [ "$started_infra" = 1 ]; then KITH_INFRA_PROFILE=dev bash deploy/local/stop.sh; fi
  }
  trap cleanup EXIT
  # Ctrl-C: clean up and end here, not after `wait` as if a service had died.
  trap 'cleanup; exit 130' INT TERM

  say "services (logs also in .kith/dev/logs)"
  for name in "${SERVICES[@]}"; do
    node "services/$name/dist/main.js" > >(tee -a "$logs/$name.log" | sed -u "s/^/[$name] /") 2>&1 &
    pids+=($!)
  done
  say "Kith is starting"
  echo "  contact      gRPC 127.0.0.1:${CONTACT_GRPC_PORT:-50051}"
  echo "  interaction  gRPC 127.0.0.1:${INTERACTION_GRPC_PORT:-50052}"
  echo "  transaction  gRPC 127.0.0.1:${TRANSACTION_GRPC_PORT:-50053}"
  echo "  marketing    gRPC 127.0.0.1:${MARKETING_GRPC_PORT:-50054} (campaign mail: ${MAILPIT_URL:-http://127.0.0.1:8025})"
  echo "  analytics    gRPC 127.0.0.1:${ANALYTICS_GRPC_PORT:-50055}"
  echo "  gateway      http://127.0.0.1:${GATEWAY_HTTP_PORT:-8080} (docs at /docs)"
  echo "A token for the API:  npm run token -- --tenant demo --roles admin"
  echo "Stop everything with Ctrl-C."
  wait -n "${pids[@]}" || true
  echo "a service exited; stopping the rest"
  # Here, not from the EXIT trap: after this function returns, `pids` is out of scope.
  cleanup
}

case "${1:-}" in
  test) cmd_test ;;
  start) cmd_start ;;
  *) echo "usage: scripts/kith.sh start|test" >&2; exit 2 ;;
esac
