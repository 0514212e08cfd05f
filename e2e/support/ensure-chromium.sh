#!/usr/bin/env bash
# The e2e suite drives Debian's Chromium; install it where it is missing (never a downloaded browser).
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing: run 'sudo apt-get install chromium' (the e2e tests use /usr/bin/chromium)." >&2
  exit 1
fi
echo "Installing Debian's chromium for the e2e tests…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
