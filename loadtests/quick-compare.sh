#!/usr/bin/env bash
# Quick side-by-side latency check with wrk (Debian package): the same gateway binary as a bare
# YARP proxy (Protection:Enabled=false) and with protection on (in-process store), both in front of
# the bundled demo upstream, all on loopback. Prints wrk's latency distribution for each.
# The full load generator (open model, traffic mixes, reports, Redis) is Gateway.LoadTests; see loadtests/README.md.
#   loadtests/quick-compare.sh [connections] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${1:-1}
seconds=${2:-10}
url_path='/search?q=green+tea&page=2'
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
dotnet build src/Gateway -c Release -nologo -v quiet >/dev/null

run() {
  local name=$1; shift
  local port=18080
  dotnet src/Gateway/bin/Release/net10.0/Gateway.dll --urls=http://127.0.0.1:$port \
    --Gateway:DemoUpstream:Url=http://127.0.0.1:18081 \
    --ReverseProxy:Clusters:app:Destinations:upstream:Address=http://127.0.0.1:18081/ \
    --Logging:LogLevel:Default=Warning "$@" >/dev/null 2>&1 &
  local pid=$!
  for _ in $(seq 100); do curl -sf -o /dev/null http://127.0.0.1:$port/healthz && break; sleep 0.1; done
  # Warm-up (JIT, connection pools), then the measured run.
  wrk -t1 -c"$connections" -d3s "http://127.0.0.1:$port$url_path" >/dev/null
  echo "== $name ($connections connections, ${seconds}s)"
  wrk -t1 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port$url_path" | grep -E "Latency|50%|75%|90%|99%|Requests/sec|Non-2xx"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

run "bare YARP (Protection:Enabled=false)" --Protection:Enabled=false
run "gateway, in-process store" --Protection:Enabled=true
