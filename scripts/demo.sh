#!/usr/bin/env bash
# Build, migrate, seed the demo weekend (once) and start on :3000, printing where to go: the
# localhost links for this computer, the same links at its network address for phones (which
# cannot open localhost), and the staff sign-in the big screen asks for once.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
npx next build
NODE_ENV=production exec npx tsx server.ts --demo
