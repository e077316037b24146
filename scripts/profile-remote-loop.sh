#!/usr/bin/env bash
# Samples row 4d's SendMessage loop to a remote server (both gateways in one process, each on its own Redis
# connection, and the redis-server it starts) with perf, system-wide with call chains, and prints where the CPU of one
# message goes: by role (the sender, StackExchange.Redis, the receiving inbound worker, payload conversion, the
# shared pool, the handler, the runtime, redis-server), by thread and by function. Needs perf and python3; run from
# the repository root after
#   dotnet build benchmarks/Switchboard.Benchmarks -c Release
# Usage: scripts/profile-remote-loop.sh [seconds] [output folder]   (keeps perf.data, the run's output and the summary there)
set -euo pipefail
seconds="${1:-15}"
out="${2:-$(mktemp -d)}"
mkdir -p "$out"
source "$(dirname "$0")/perf-common.sh"
# The loop warms up (JIT tiers, connections) before perf starts, and runs a second longer than perf records.
dotnet "$bench_bin/Switchboard.Benchmarks.dll" remote-loop "$((seconds + 1))" 4 > "$out/run.txt" 2>&1 &
loop=$!
until grep -q '^warmed up' "$out/run.txt"; do
  kill -0 "$loop" 2> /dev/null || { cat "$out/run.txt"; exit 1; }
  sleep 0.2
done
redis="$(pgrep -P "$loop" redis-server | head -n1)"
cat /proc/loadavg > "$out/loadavg.txt"
perf record -a -g -F 4000 -o "$out/perf.data" -- sleep "$seconds" 2> "$out/perf.err"
wait "$loop"
cat /proc/loadavg >> "$out/loadavg.txt"
perf script -i "$out/perf.data" -F comm,pid,tid,ip,sym,dso 2> /dev/null > "$out/samples.txt"
python3 "$(dirname "$0")/profile-remote-loop.py" "$out/samples.txt" "$out/run.txt" "$loop" "$redis" "$seconds" | tee "$out/summary.txt"
echo "load average before and after: $(paste -sd' ' "$out/loadavg.txt" | awk '{print $1, "->", $6}')" | tee -a "$out/summary.txt"
