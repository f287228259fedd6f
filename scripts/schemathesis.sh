#!/usr/bin/env bash
# Contract tests: schemathesis (PyPI) against the gateway's /v1/openapi.json, as an outsider
# sees the API. Starts the e2e stack (gateway, contact, interaction, transaction) in one node
# process on the test servers (reused when running, else started and stopped after), seeds a
# tenant, and runs every check with a fixed seed; any failure fails. docs/api.md, "Contract
# tests", says what the configuration (scripts/schemathesis/) allows and why.
#
#   bash scripts/schemathesis.sh                  the run of the test command (4 cases per operation
#                                                 beyond the coverage phase; scripts/kith.sh test)
#   KITH_SCHEMATHESIS_EXAMPLES=40 bash scripts/schemathesis.sh   more cases per operation
#   bash scripts/schemathesis.sh --include-path-regex '^/v1/donations'   extra schemathesis args
#
# Needs a built tree (pnpm run build) and python3 with venv; schemathesis is installed once
# into .kith/schemathesis/venv from the pinned requirements (pip's cache makes a new venv quick).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"

VENV="$ROOT/.kith/schemathesis/venv"
REQUIREMENTS="$ROOT/scripts/schemathesis/requirements.txt"
SEED="${KITH_SCHEMATHESIS_SEED:-20261204}"
EXAMPLES="${KITH_SCHEMATHESIS_EXAMPLES:-4}"

# The venv is (re)made when the pinned requirements change: their hash is kept beside it.
provision() {
  local want have
  want="$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1)"
  have="$(cat "$VENV/.requirements-sha256" 2>/dev/null || true)"
  if [ "$want" = "$have" ] && [ -x "$VENV/bin/schemathesis" ]; then return; fi
  echo "[schemathesis] installing the pinned schemathesis into $VENV" >&2
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQUIREMENTS"
  echo "$want" >"$VENV/.requirements-sha256"
}

provision
export COREPACK_INTEGRITY_KEYS=0
# One worker: the stack shares the 2 cores, and CPython 3.11 can fail parsing in threads
# (gh-106905, "AST constructor recursion depth mismatch") when hypothesis describes a strategy.
exec "$ROOT/node_modules/.bin/tsx" "$ROOT/scripts/schemathesis/contract-stack.ts" \
  "$VENV/bin/schemathesis" \
  --checks all \
  --seed "$SEED" \
  --max-examples "$EXAMPLES" \
  --workers 1 \
  --no-color \
  "$@"
