#!/usr/bin/env bash
# Sets up what is missing (setup.sh), runs the whole test suite (the dotnet tests, then the real-network test in
# tests/netns/, which skips itself where network namespaces or traffic shaping are not available) and prints one
# total line.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
./setup.sh
log=$(mktemp)
netns_log=$(mktemp)
trap 'rm -f "$log" "$netns_log"' EXIT
status=0
dotnet test FedSim.sln -c Release --nologo "$@" 2>&1 | tee "$log" || status=$?
netns_status=0
tests/netns/netns-test.sh 2>&1 | tee "$netns_log" || netns_status=$?
if [[ $netns_status -ne 0 ]]; then
    status=$netns_status
    netns_result=failed
elif grep -q '^netns test SKIPPED' "$netns_log"; then
    netns_result=skipped
else
    netns_result=passed
fi
# One closing line over all test projects and the netns test: "N passed, N failed".
awk -v netns="$netns_result" '/(Passed|Failed)! +- +Failed:/ {
        for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { gsub(",", "", f); p += netns == "passed"; f += netns == "failed"; s += netns == "skipped"
           printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
