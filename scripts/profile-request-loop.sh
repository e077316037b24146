#!/usr/bin/env bash
# Samples row 2's request awaited in a row (an async caller awaiting one typed request after another to a Shared
# gateway handler) with perf, with call chains, and prints where the process's CPU goes: by step of the request and by
# function. Needs perf and python3; run from the repository root after
#   dotnet build benchmarks/Switchboard.Benchmarks -c Release
# Usage: scripts/profile-request-loop.sh [seconds] [output folder]   (BENCH_BIN=<bin folder> profiles another build)
set -euo pipefail
seconds="${1:-10}"
out="${2:-$(mktemp -d)}"
mkdir -p "$out"
source "$(dirname "$0")/perf-common.sh"
frequency=2000
cat /proc/loadavg > "$out/loadavg.txt"
perf record -g -F "$frequency" -o "$out/perf.data" -- dotnet "$bench_bin/Switchboard.Benchmarks.dll" request-loop "$seconds" > "$out/run.txt" 2> "$out/perf.err"
cat /proc/loadavg >> "$out/loadavg.txt"
grep -o 'request awaited.*' "$out/run.txt" | tee "$out/summary.txt"
median="$(grep -o 'median [0-9.]*' "$out/run.txt" | cut -d' ' -f2)"
perf script -i "$out/perf.data" -F comm,pid,tid,ip,sym,dso 2> /dev/null > "$out/samples.txt"
python3 "$(dirname "$0")/profile-request-loop.py" "$out/samples.txt" "$frequency" "$seconds" "$median" | tee -a "$out/summary.txt"
echo "load average before and after: $(paste -sd' ' "$out/loadavg.txt" | awk '{print $1, "->", $6}')" | tee -a "$out/summary.txt"
