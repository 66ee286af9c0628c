#!/usr/bin/env bash
# Sets up what is missing (setup.sh), then runs the whole test suite and prints one total line.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
./setup.sh
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test FedSim.sln -c Release --nologo "$@" 2>&1 | tee "$log" || status=$?
# One closing line over all test projects: "N passed, N failed".
awk '/(Passed|Failed)! +- +Failed:/ {
        for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { gsub(",", "", f); printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
