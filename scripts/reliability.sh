#!/usr/bin/env bash
# `npm run test:reliability [-- --long] [vitest filters]`: durability, races, fuzzing, authorisation,
# partitions, floods and backups. --long runs many more trials (RELIABILITY_LONG=1), then the
# browser half (e2e/reliability: page and action authorisation, HTTP fuzzing with a new seed,
# XSS, headers) on a fresh build, also in long mode.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

long=0
args=()
for arg in "$@"; do
  if [ "$arg" = "--long" ]; then long=1; else args+=("$arg"); fi
done
if [ "$long" = 1 ]; then export RELIABILITY_LONG=1; fi

npx vitest run --project reliability "${args[@]}"
if [ "$long" = 1 ]; then
  npx next build
  bash scripts/ensure-browser.sh
  npx playwright test e2e/reliability
fi
