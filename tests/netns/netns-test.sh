#!/usr/bin/env bash
# Real-network test: a coordinator and two party nodes, each in its own Linux network namespace, joined by
# veth pairs. Party 0's link is shaped (delay and rate limit in both directions), party 1's is not; a short
# Fashion-MNIST run must then show party 0's communication and fetch times clearly above party 1's, and party 0's
# measured communication time must agree within 25% with the simulated clock's for the same link (system section).
#
# Needs root (or CAP_NET_ADMIN and the right to create namespaces), ip and tc (iproute2), and a shaping qdisc:
# netem (delay + rate), or, on kernels built without netem, tbf (rate only). When something is missing it
# prints one "netns test SKIPPED: why" line and exits 0. Exit 1 on failure, with the reason.
#
# Environment: FEDSIM_NETNS_TIMEOUT seconds to wait for the run (default 900); FEDSIM_NETNS_KEEP=DIR copies the
# scenario, the logs and the run folder there before cleaning up.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=$root/src/FedSim.Cli/bin/Release/net10.0/fedsim
timeout_s=${FEDSIM_NETNS_TIMEOUT:-900}
port=50051
delay_ms=100      # one-way delay added on party 0's link (netem only)
rate_kbit=8000    # party 0's link rate, each direction
burst_bytes=0     # what the shaper lets through at once (tbf's bucket)
rounds=3          # round 1 is a warm-up (see the check below), rounds 2.. are checked
# ip and tc live in sbin, which a non-root PATH may lack.
PATH=$PATH:/usr/sbin:/sbin

skip() {
    echo "netns test SKIPPED: $*"
    exit 0
}

fail() {
    echo "netns test FAIL: $*"
    exit 1
}

one_line() { tr '\n' ' ' <<<"$1" | sed 's/ *$//'; }

# --- can it work here? ----------------------------------------------------------------------------------------

if [[ $(id -u) -ne 0 ]]; then
    cap_eff=$(awk '/^CapEff:/ { print $2 }' /proc/self/status)
    (( (16#$cap_eff >> 12) & 1 )) || skip "needs root or CAP_NET_ADMIN (running as uid $(id -u) without it)"
fi

if ! command -v ip >/dev/null || ! command -v tc >/dev/null; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        echo "netns test: installing iproute2 (ip, tc)"
        apt-get update -qq >/dev/null 2>&1 || true
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends iproute2 >/dev/null 2>&1 || true
    fi
    if ! command -v ip >/dev/null || ! command -v tc >/dev/null; then
        skip "ip and tc (iproute2) are not installed and could not be installed"
    fi
fi

tag=$$
ns_c=fedsim-coord-$tag
ns_a=fedsim-party-a-$tag
ns_b=fedsim-party-b-$tag
work=$(mktemp -d "${TMPDIR:-/tmp}/fedsim-netns.XXXXXX")
created=()
pids=()

cleanup() {
    local status=$?
    local ns pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for _ in 1 2 3 4 5; do
        [[ -n $(for ns in "${created[@]}"; do ip netns pids "$ns" 2>/dev/null; done) ]] || break
        sleep 1
    done
    for ns in "${created[@]}"; do
        # Anything else still running inside the namespace, then the namespace (which takes its veth ends along).
        for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
        ip netns delete "$ns" 2>/dev/null || true
    done
    [[ -z ${FEDSIM_NETNS_KEEP:-} ]] || cp -r "$work/." "$FEDSIM_NETNS_KEEP/"
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for ns in "$ns_c" "$ns_a" "$ns_b"; do
    if ! err=$(ip netns add "$ns" 2>&1); then
        skip "network namespaces are not allowed here (ip netns add: $(one_line "$err"))"
    fi
    created+=("$ns")
    ip -n "$ns" link set lo up
done

# link NAME SUBNET PARTY_NS: a veth pair, "to-NAME" (.1) in the coordinator's namespace, "eth0" (.2) in the party's.
link() {
    ip -n "$ns_c" link add "to-$1" type veth peer name eth0 netns "$3"
    ip -n "$ns_c" addr add "$2.1/24" dev "to-$1"
    ip -n "$3" addr add "$2.2/24" dev eth0
    ip -n "$ns_c" link set "to-$1" up
    ip -n "$3" link set eth0 up
}
link a 10.231.1 "$ns_a"
link b 10.231.2 "$ns_b"

# Shaping: netem (delay and rate), loading its module if need be; else tbf (rate only); else skip.
shaping=""
shape() { ip netns exec "$1" tc qdisc add dev "$2" root "${@:3}" 2>&1; }
netem=(netem delay "${delay_ms}ms" rate "${rate_kbit}kbit")
tbf=(tbf rate "${rate_kbit}kbit" burst 16kb limit 1mb)
if netem_err=$(shape "$ns_c" to-a "${netem[@]}"); then
    shaping=netem
elif command -v modprobe >/dev/null && modprobe sch_netem 2>/dev/null && netem_err=$(shape "$ns_c" to-a "${netem[@]}"); then
    shaping=netem
elif tbf_err=$(shape "$ns_c" to-a "${tbf[@]}"); then
    shaping=tbf
    delay_ms=0
    burst_bytes=16384
    echo "netns test: the netem qdisc is not usable here ($(one_line "$netem_err")); shaping with tbf: rate only, no delay"
else
    skip "neither the netem nor the tbf qdisc is usable (tc netem: $(one_line "$netem_err"); tc tbf: $(one_line "$tbf_err"))"
fi
if [[ $shaping == netem ]]; then
    shape "$ns_a" eth0 "${netem[@]}" >/dev/null
else
    shape "$ns_a" eth0 "${tbf[@]}" >/dev/null
fi
echo "netns test: party 0's link shaped with $shaping, both directions: $(ip netns exec "$ns_a" tc qdisc show dev eth0 | head -1)"
echo "netns test: party 1's link unshaped"

# --- the run --------------------------------------------------------------------------------------------------

dataset=${FEDSIM_DATA:-/usr/share/datasets/fashion-mnist}
compgen -G "$dataset/train-images-idx3-ubyte*" >/dev/null \
    || fail "Fashion-MNIST is not at $dataset (run ./setup.sh, which installs Debian's dataset-fashion-mnist)"
"$root/fedsim" --help >/dev/null || fail "building fedsim failed"

scenario=$work/netns.yaml
cat >"$scenario" <<EOF
name: netns-test
seed: 0
dataset:
  name: fashion-mnist
partition:
  strategy: homo
  parties: 2
model: simple-cnn
training:
  local_epochs: 1
  batch_size: 64
federation:
  algorithm: fedavg
  rounds: $rounds
  min_parties: 2
  round_timeout_s: 600
system:
  # The simulated link of the shaped party: its rate, and its delay as latency. A task costs two round trips
  # (announcement and fetch, then the result and its answer), the formula's 2 * latency one: hence twice the delay.
  bandwidth_up_mbps: $(awk -v r="$rate_kbit" 'BEGIN { print r / 1000 }')
  bandwidth_down_mbps: $(awk -v r="$rate_kbit" 'BEGIN { print r / 1000 }')
  latency_ms: $((2 * delay_ms))
EOF

# in_ns NS LOG COMMAND...: run COMMAND in namespace NS in the background, output to LOG, without any proxy
# settings (gRPC's HTTP client would otherwise send the namespace-local traffic to a proxy).
in_ns() {
    local ns=$1 log=$2
    shift 2
    ip netns exec "$ns" env -u http_proxy -u https_proxy -u all_proxy -u HTTP_PROXY -u HTTPS_PROXY -u ALL_PROXY \
        "$@" >"$log" 2>&1 &
    pids+=($!)
}

run=$work/run
started=$SECONDS
in_ns "$ns_c" "$work/coordinator.log" "$bin" coordinator "$scenario" --listen "http://0.0.0.0:$port" --out "$run"
coordinator=${pids[-1]}
declare -A party_pid
in_ns "$ns_a" "$work/party-a.log" "$bin" party --coordinator "http://10.231.1.1:$port" --parties 0 --workers 1 --threads 1 --name party-a
party_pid[a]=${pids[-1]}
in_ns "$ns_b" "$work/party-b.log" "$bin" party --coordinator "http://10.231.2.1:$port" --parties 1 --workers 1 --threads 1 --name party-b
party_pid[b]=${pids[-1]}

show_logs() {
    local log
    for log in coordinator party-a party-b; do
        echo "--- last lines of $log.log"
        tail -n 15 "$work/$log.log"
    done
}

# wait_for PID SECONDS: the process's exit code, or 124 if it is still running after SECONDS.
wait_for() {
    local deadline=$((SECONDS + $2)) code=0
    while kill -0 "$1" 2>/dev/null; do
        ((SECONDS < deadline)) || return 124
        sleep 1
    done
    wait "$1" || code=$?
    return "$code"
}

code=0
wait_for "$coordinator" "$timeout_s" || code=$?
if ((code == 124)); then
    show_logs
    fail "the coordinator did not finish within ${timeout_s}s"
elif ((code != 0)); then
    show_logs
    fail "the coordinator exited with code $code"
fi
for node in a b; do
    code=0
    wait_for "${party_pid[$node]}" 60 || code=$?
    if ((code != 0)); then
        show_logs
        if ((code == 124)); then fail "party-$node's node was still running 60s after the coordinator finished"; fi
        fail "party-$node's node exited with code $code"
    fi
done
echo "netns test: run finished in $((SECONDS - started))s"

# --- the check ------------------------------------------------------------------------------------------------

[[ -f $run/parties.csv ]] || fail "the run wrote no parties.csv"
# From round 2 on, party 0's extra time over party 1 must be at least half of what its shaping adds at the very least:
# fetch: request out and answer back (2 one-way delays) plus the task's bytes (less the shaper's burst) at the link
# rate; comm: announcement, fetch and result (4 one-way delays) plus the task's and the result's bytes at the link rate.
# Round 1 is shown but not checked: its first calls carry one-off costs (connection set-up, code warm-up) that vary
# more than the shaping adds.
awk -F, -v delay="$delay_ms" -v rate="$rate_kbit" -v burst="$burst_bytes" -v rounds="$rounds" '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    {
        key = $col["round"] SUBSEP $col["party"]
        for (name in col) v[key, name] = $col[name]
        seen[key] = 1
    }
    END {
        printf "%-5s %-5s %-6s %12s %13s %14s %13s\n", "round", "party", "status", "comm_seconds", "fetch_seconds", "upload_seconds", "train_seconds"
        for (r = 1; r <= rounds; r++)
            for (p = 0; p <= 1; p++) {
                k = r SUBSEP p
                if (!(k in seen)) { problem = problem sprintf("; round %d has no row for party %d", r, p); continue }
                printf "%-5d %-5d %-6s %12.3f %13.3f %14.3f %13.3f\n", r, p, v[k, "status"], v[k, "comm_seconds"], v[k, "fetch_seconds"], v[k, "upload_seconds"], v[k, "train_seconds"]
                if (v[k, "status"] != "ok") problem = problem sprintf("; round %d party %d: status %s %s", r, p, v[k, "status"], v[k, "error"])
            }
        for (r = 2; r <= rounds; r++) {
            a = r SUBSEP 0; b = r SUBSEP 1
            if (!(a in seen) || !(b in seen)) continue
            d = delay / 1000; bits = rate * 1000
            fetch_min = 0.5 * (2 * d + max0(v[a, "bytes_down"] - burst) * 8 / bits)
            comm_min = 0.5 * (4 * d + (max0(v[a, "bytes_down"] - burst) + max0(v[a, "bytes_up"] - burst)) * 8 / bits)
            fetch_gap = v[a, "fetch_seconds"] - v[b, "fetch_seconds"]
            comm_gap = v[a, "comm_seconds"] - v[b, "comm_seconds"]
            printf "round %d: party 0 - party 1: comm %+.3f s (needs >= %.3f), fetch %+.3f s (needs >= %.3f)\n", r, comm_gap, comm_min, fetch_gap, fetch_min
            if (comm_gap < comm_min) problem = problem sprintf("; round %d: party 0 comm_seconds only %.3f s above party 1 (needs %.3f)", r, comm_gap, comm_min)
            # The simulated clock for the same link (compute takes no simulated time here: sim_seconds is all communication).
            sim = v[a, "sim_seconds"]; off = (v[a, "comm_seconds"] - sim) / sim
            printf "round %d: party 0 measured comm %.3f s, simulated %.3f s (%+.0f%%, needs within 25%%)\n", r, v[a, "comm_seconds"], sim, 100 * off
            if (off > 0.25 || off < -0.25) problem = problem sprintf("; round %d: party 0 measured comm_seconds %.3f s and simulated %.3f s differ by %+.0f%%", r, v[a, "comm_seconds"], sim, 100 * off)
            if (fetch_gap < fetch_min) problem = problem sprintf("; round %d: party 0 fetch_seconds only %.3f s above party 1 (needs %.3f)", r, fetch_gap, fetch_min)
        }
        if (problem != "") { print "netns test FAIL: " substr(problem, 3); exit 1 }
        printf "netns test PASS: the shaped party'\''s communication is slower in rounds 2-%d and agrees with the simulated clock (round 1: warm-up, not checked)\n", rounds
    }
    function max0(x) { return x > 0 ? x : 0 }' "$run/parties.csv"
