#!/usr/bin/env bash
# Runs every test of the gateway. Installs missing system dependencies first (see
# scripts/install-test-deps.sh), builds, runs unit and functional tests, and ends with one line:
# "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

scripts/install-test-deps.sh || exit 1

if [ ! -d ../shared/data ]; then
  echo "warning: ../shared/data is missing; tests that compare against the full datasets will fail" >&2
fi

dotnet build Gateway.sln -nologo -v quiet || exit 1

log=$(mktemp)
dotnet test Gateway.sln --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary per test assembly; add them up into one closing line.
awk '
  /(Passed|Failed)!  *- *Failed: *[0-9]+, *Passed: *[0-9]+, *Skipped: *[0-9]+/ {
    match($0, /Failed: *[0-9]+/);  f += substr($0, RSTART + 7, RLENGTH - 7) + 0
    match($0, /Passed: *[0-9]+/);  p += substr($0, RSTART + 7, RLENGTH - 7) + 0
    match($0, /Skipped: *[0-9]+/); s += substr($0, RSTART + 8, RLENGTH - 8) + 0
    n++
  }
  END { if (n == 0) { print "tests: 0 passed, 1 failed (no test summary found)"; exit 1 }
        printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }
' "$log" || status=1
rm -f "$log"
exit "$status"
