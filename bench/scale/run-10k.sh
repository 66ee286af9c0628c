#!/usr/bin/env bash
# Many parties as separate OS processes: one `fedsim coordinator` and NODES `fedsim party` processes (1 worker,
# 1 libtorch thread each, no --parties: each node asks the coordinator for a share of the party ids).
#
#   bench/scale/run-10k.sh [RUNS=3] [PARTIES=10000] [NODES=4]
#
# Scenario: scenarios/scale/10k-parties.yaml. With PARTIES other than 10000, federation.fraction is set so that
# 100 parties are still sampled per round (e.g. 1000 parties -> 0.1). Needs the Release build
# (dotnet build FedSim.sln -c Release), /usr/bin/time and awk.
#
# REPORT_ONLY=1 with OUT=DIR: only recompute the figures of the runs already in DIR.
# BENCH_PAUSE / BENCH_RESUME: commands run right before and right after each measured run (e.g. to pause a
# background job); BENCH_RESUME also runs when the script exits for any reason.
#
# Per run it records, in OUT/run-K/ (OUT defaults to /tmp/fedsim-scale-PARTIES-TIMESTAMP):
#   coordinator.log, node-I.log    stdout and stderr, each line prefixed with the wall clock (epoch seconds)
#   coordinator.time, node-I.time  /usr/bin/time -v (peak RSS = "Maximum resident set size")
#   run/                           the run folder (metrics.csv, parties.csv, summary.json, ...)
# and prints one line per run and the medians over runs.
#
# Definitions (per round, from metrics.csv and parties.csv):
#   round     metrics.csv seconds: from sampling the round's parties to the evaluated new global model
#   eval      metrics.csv eval_seconds: scoring the new global model on the 10,000 test images
#   train     the sum of parties.csv train_seconds over the round's parties (the local SGD, measured by the node)
#   critical  the largest per-node sum of train_seconds (a node's 1 worker trains its parties one after another;
#             node = party id / share, as the coordinator hands out contiguous shares)
#   overhead  round - eval - critical: what the round cost beyond the busiest node's training and the evaluation
#             (announcements, task downloads, uploads, aggregation, waiting for a node's next task, scheduling),
#             split into
#   last      the largest parties.csv task_seconds: from the round's announcements to its last result
#   node_side last - critical: the nodes' work around training (fetch, submit, model set-up, sharing the cores)
#   coord_side round - eval - last: the coordinator's own part (sampling, announcing, finishing the aggregate,
#             update figures)
#   bound2    round - eval - train / min(NODES, cores): the overhead if the summed training were spread perfectly
#             over the cores (train_seconds are wall times, so with more busy nodes than cores they include waiting
#             for a core, and this can come out below zero)
set -euo pipefail
set -m # every background job in its own process group, so a failed run can stop exactly its own processes

runs=${1:-3}
parties=${2:-10000}
nodes=${3:-4}
root=$(cd "$(dirname "$0")/../.." && pwd)
fedsim=$root/src/FedSim.Cli/bin/Release/net10.0/fedsim
scenario=$root/scenarios/scale/10k-parties.yaml
out=${OUT:-/tmp/fedsim-scale-$parties-$(date +%Y%m%d-%H%M%S)}
[ -x "$fedsim" ] || { echo "build first: dotnet build FedSim.sln -c Release" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

sets=(--set "partition.parties=$parties" --set "deployment.party_processes=$nodes"
      --set "federation.fraction=$(awk -v p="$parties" 'BEGIN { printf "%.10g", 100 / p }')")
share=$(( (parties + nodes - 1) / nodes ))

pgids=()
cleanup() {
    for g in "${pgids[@]}"; do kill -- -"$g" 2>/dev/null || true; done
    pgids=()
}
resume() {
    cleanup
    if [ -n "${BENCH_RESUME:-}" ]; then eval "$BENCH_RESUME" || true; fi
}
trap resume EXIT

stamp() { while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done; }

rss_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }

cpu_s() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$1"; }

# One run: starts the coordinator, starts the nodes once it listens, waits for the end.
run_once() {
    local dir=$1
    mkdir -p "$dir"
    local t0=$EPOCHREALTIME
    : > "$dir/coordinator.log"
    /usr/bin/time -v -o "$dir/coordinator.time" "$fedsim" coordinator "$scenario" --listen http://127.0.0.1:0 --out "$dir/run" "${sets[@]}" \
        > >(stamp > "$dir/coordinator.log") 2>&1 &
    local coordinator=$!
    pgids+=("$coordinator")
    local url=""
    for _ in $(seq 1200); do
        url=$(awk '/coordinator listening on/ { for (i = 1; i <= NF; i++) if ($i ~ /^http:/) { sub(/;$/, "", $i); print $i; exit } }' "$dir/coordinator.log")
        [ -n "$url" ] && break
        kill -0 "$coordinator" 2>/dev/null || break
        sleep 0.05
    done
    [ -n "$url" ] || { echo "coordinator did not start; see $dir/coordinator.log" >&2; return 1; }
    local pids=()
    for i in $(seq 1 "$nodes"); do
        /usr/bin/time -v -o "$dir/node-$i.time" "$fedsim" party --coordinator "$url" --workers 1 --threads 1 --name "node-$i" \
            > >(stamp > "$dir/node-$i.log") 2>&1 &
        pids+=($!)
        pgids+=($!)
    done
    local status=0
    wait "$coordinator" || status=$?
    # A coordinator that failed sends no stop; its nodes would keep retrying.
    [ "$status" -eq 0 ] || cleanup
    for p in "${pids[@]}"; do wait "$p" || true; done
    pgids=()
    echo "$t0" > "$dir/t0"
    return $status
}

# One run's figures as "key=value" words.
figures() {
    local dir=$1 t0
    t0=$(cat "$dir/t0")
    local listen hosted
    listen=$(awk '/coordinator listening on/ { print $1; exit }' "$dir/coordinator.log")
    hosted=$(awk -v n="$nodes" '/registered parties/ { if (++k == n) { print $1; exit } }' "$dir/coordinator.log")
    local node_rss="" node_cpu=0
    for i in $(seq 1 "$nodes"); do
        node_rss+="$(rss_mb "$dir/node-$i.time")/"
        node_cpu=$(awk -v a="$node_cpu" -v b="$(cpu_s "$dir/node-$i.time")" 'BEGIN { print a + b }')
    done
    local cores
    cores=$(( nodes < $(nproc) ? nodes : $(nproc) ))
    awk -v t0="$t0" -v listen="$listen" -v hosted="${hosted:-nan}" -v crss="$(rss_mb "$dir/coordinator.time")" -v nrss="${node_rss%/}" \
        -v ccpu="$(cpu_s "$dir/coordinator.time")" -v ncpu="$node_cpu" -v share="$share" -v nodes="$nodes" -v cores="$cores" -F, '
        function col(name,   i) { for (i = 1; i <= NF; i++) if ($i == name) return i; print "no column " name > "/dev/stderr"; exit 1 }
        FNR == 1 && FILENAME ~ /metrics.csv$/ { cs = col("seconds"); ce = col("eval_seconds"); cok = col("parties_ok"); cacc = col("accuracy"); next }
        FNR == 1 && FILENAME ~ /parties.csv$/ { pr = col("round"); pp = col("party"); pt = col("train_seconds"); pk = col("task_seconds"); next }
        FNR == 1 && FILENAME ~ /summary.json$/ { }
        FILENAME ~ /metrics.csv$/ { r = $1; sec[r] = $cs; ev[r] = $ce; ok[r] = $cok; acc = $cacc; if (r > rounds) rounds = r; next }
        FILENAME ~ /parties.csv$/ { r = $pr; train[r] += $pt; node[r, int($pp / share)] += $pt; if ($pk > taskmax[r]) taskmax[r] = $pk; next }
        FILENAME ~ /summary.json$/ && /"wall_seconds"/ { gsub(/[^0-9.]/, "", $0); wall = $0 }
        FILENAME ~ /summary.json$/ && /"rounds_seconds"/ { gsub(/[^0-9.]/, "", $0); inrounds = $0 }
        END {
            printf "start_to_listening=%.2f listening_to_all_hosted=%.2f start_to_all_hosted=%.2f coordinator_rss_mb=%s node_rss_mb=%s coordinator_cpu_s=%s nodes_cpu_s=%s wall=%.2f outside_rounds=%.2f final_accuracy=%.4f",
                listen - t0, hosted - listen, hosted - t0, crss, nrss, ccpu, ncpu, wall, wall - inrounds, acc
            for (r = 1; r <= rounds; r++) {
                crit = 0
                for (k = 0; k < nodes; k++) if (node[r, k] > crit) crit = node[r, k]
                printf " r%d:ok=%d,round=%.3f,eval=%.3f,train=%.3f,critical=%.3f,overhead=%.3f,last=%.3f,node_side=%.3f,coord_side=%.3f,bound2=%.3f",
                    r, ok[r], sec[r], ev[r], train[r], crit, sec[r] - ev[r] - crit, taskmax[r], taskmax[r] - crit, sec[r] - ev[r] - taskmax[r], sec[r] - ev[r] - train[r] / cores
            }
            printf "\n"
        }' "$dir/run/metrics.csv" "$dir/run/parties.csv" "$dir/run/summary.json"
}

mkdir -p "$out"
echo "fedsim scale: $parties parties, $nodes nodes (share $share), 100 sampled per round; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); output in $out"
for k in $(seq 1 "$runs"); do
    if [ -n "${REPORT_ONLY:-}" ]; then figures "$out/run-$k" > "$out/run-$k/figures.txt"; continue; fi
    if [ -n "${BENCH_PAUSE:-}" ]; then eval "$BENCH_PAUSE"; fi
    status=0
    run_once "$out/run-$k" || status=$?
    if [ -n "${BENCH_RESUME:-}" ]; then eval "$BENCH_RESUME" || true; fi
    [ "$status" -eq 0 ] || { echo "run $k failed (exit $status); see $out/run-$k" >&2; exit 1; }
    figures "$out/run-$k" | tee "$out/run-$k/figures.txt"
done

# Medians over runs of every scalar figure, and of each round figure over runs and rounds 2.. (round 1 also loads
# the dataset and libtorch on every node, so it is reported on its own).
cat "$out"/run-*/figures.txt | awk '
    function median(list,   a, n, i, j, t) {
        n = split(list, a, " ")
        for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    {
        for (i = 1; i <= NF; i++) {
            split($i, kv, "=")
            if ($i ~ /^r[0-9]+:/) {
                split($i, rk, ":"); round = substr(rk[1], 2); n = split(rk[2], f, ",")
                for (j = 1; j <= n; j++) { split(f[j], x, "="); key = (round == 1 ? "round1_" : "rounds2+_") x[1]; v[key] = v[key] " " x[2]; if (!(key in seen)) { seen[key] = 1; order[++m] = key } }
            } else if (kv[1] != "node_rss_mb") { v[kv[1]] = v[kv[1]] " " kv[2]; if (!(kv[1] in seen)) { seen[kv[1]] = 1; order[++m] = kv[1] } }
            else { nr = split(kv[2], r, "/"); for (j = 1; j <= nr; j++) allnodes = allnodes " " r[j]; if (r[1] != "") { mx = 0; for (j = 1; j <= nr; j++) if (r[j] > mx) mx = r[j]; v["node_rss_max_mb"] = v["node_rss_max_mb"] " " mx } }
        }
    }
    END {
        print "medians over " NR " run(s):"
        for (i = 1; i <= m; i++) printf "  %-28s %10.3f   (%s )\n", order[i], median(v[order[i]]), v[order[i]]
        printf "  %-28s %10.3f   (%s )\n", "node_rss_max_mb", median(v["node_rss_max_mb"]), v["node_rss_max_mb"]
        printf "  %-28s %10.3f   (all nodes of all runs:%s )\n", "node_rss_mb", median(allnodes), allnodes
    }' | tee "$out/medians.txt"
