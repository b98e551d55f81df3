#!/usr/bin/env bash
# Installs what the tests need and this machine lacks (Debian/Ubuntu): redis-server for the feature
# store and functional tests, redis-tools (redis-cli, which builds the test Redis Cluster), mmdb-bin
# (mmdblookup) as the reference for the GeoIP reader, npm, through which the build fetches ONNX
# Runtime's native library, and chromium, the headless browser the browser tests drive through
# Playwright. Installs nothing already present.
set -euo pipefail

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v redis-cli    >/dev/null 2>&1 || need+=(redis-tools)
command -v mmdblookup  >/dev/null 2>&1 || need+=(mmdb-bin)
command -v npm         >/dev/null 2>&1 || need+=(npm)
[ -x /usr/bin/chromium ]               || need+=(chromium)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing missing test dependencies: ${need[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "need root or sudo to install: ${need[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
