#!/usr/bin/env bash
# Makes sure the multi-process tests have a redis-server: Debian's package, installed here if
# missing (the tests start their own throwaway instance on a free port; nothing runs as a service).
set -euo pipefail

if [ -n "${REDIS_SERVER:-}" ] && [ -x "$REDIS_SERVER" ]; then exit 0; fi
if command -v redis-server >/dev/null 2>&1; then exit 0; fi

echo "No redis-server found: installing Debian's redis-server package"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends redis-server >/dev/null
# The package starts a system service; the tests do not need it.
$sudo systemctl disable --now redis-server >/dev/null 2>&1 || true
$sudo service redis-server stop >/dev/null 2>&1 || true
command -v redis-server >/dev/null
