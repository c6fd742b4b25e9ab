#!/usr/bin/env bash
# Every test: types, lint, unit, integration, reliability, browser. `npm test` runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

step "Types";        npx tsc --noEmit
step "Lint";         npx biome check .
step "Unit";         npx vitest run --project unit
# The multi-process test starts its own redis-server (Debian's package, installed if missing).
step "Integration";  bash scripts/ensure-redis.sh && npx vitest run --project integration
# Durability, races, fuzzing, authorisation; RELIABILITY_LONG=1 for many more trials.
step "Reliability";  npx vitest run --project reliability
step "Build";        npx next build
step "Browser";      bash scripts/ensure-browser.sh && npx playwright test
