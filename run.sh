#!/usr/bin/env bash
# Runs the gateway on its embedded defaults (bundled model, lists and geo databases, in-process
# feature store) in front of the bundled demo upstream, on http://localhost:8080.
# Extra arguments go to the gateway, e.g. ./run.sh --Protection:DecisionHeader=true
set -euo pipefail
cd "$(dirname "$0")"

# The build fetches ONNX Runtime's native library through npm (pinned and checksum-verified).
if ! command -v npm >/dev/null 2>&1; then
  echo "npm is missing; installing it (needed once, to fetch ONNX Runtime at build time)"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends npm >/dev/null
fi

# dotnet run starts the gateway in src/Gateway, so make a relative --config path absolute first.
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --config) args+=("--config" "$(realpath "$2")"); shift 2 ;;
    --config=*) args+=("--config=$(realpath "${1#--config=}")"); shift ;;
    *) args+=("$1"); shift ;;
  esac
done

exec dotnet run --project src/Gateway -c Release -- "${args[@]}"
