#!/usr/bin/env bash
# Times a score-cache miss's two stages (extraction, model call) inside the running gateway at 4,000 req/s.
# Run from a throw-away worktree with stage-histograms.patch applied (see README.md); extra arguments go
# to the load test (e.g. --gateway-arg Protection:Model:ScoreCacheEntries=0).
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
here=loadtests/experiments/content-stage-timing
out=/tmp/gw-stage-histograms.txt
rm -f "$out"
dotnet run -c Release --project loadtests/Gateway.LoadTests -- side-by-side --rate 4000 --warmup 20 --duration 20 \
  --scenario browse --targets gateway-inprocess "$@" > /tmp/stage-timing-run.log 2>&1 &
run=$!
# The file appears 2 s after the first content is scored; the warm-up ends about 20 s after that.
while [ ! -f "$out" ]; do sleep 0.5; done
sleep 19
cp "$out" /tmp/stage-histograms-start.txt
wait "$run"
cp "$out" /tmp/stage-histograms-end.txt
grep -A2 '^| target | failed' "loadtests/results/$(ls -t loadtests/results | head -1)/report.md" | tail -1
/usr/bin/python3 "$here/percentiles.py" /tmp/stage-histograms-start.txt /tmp/stage-histograms-end.txt
