#!/usr/bin/env bash
# Makes sure the browser tests have a Chromium: Playwright's own if it downloaded one,
# otherwise Debian's package (installed here if missing, since Playwright cannot download).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if node -e 'const fs=require("fs");const p=require("playwright-core").chromium.executablePath();process.exit(fs.existsSync(p)?0:1)' 2>/dev/null; then
  exit 0
fi
for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  if [ -x "$candidate" ]; then exit 0; fi
done

echo "No Chromium found: installing Debian's chromium package"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
test -x /usr/bin/chromium
