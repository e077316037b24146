#!/usr/bin/env bash
# Samples row 1a's pool-busy send (the send alone) with perf and prints where the sending thread spends its time:
# by function, and inside MessageRouter.SendAsync (into which the JIT inlines selection, the work item, the queue and
# the report) by the instruction each sample follows. Needs perf and python3; run from the repository root after
#   dotnet build benchmarks/Switchboard.Benchmarks -c Release
# Usage: scripts/profile-send-alone.sh [seconds]
set -euo pipefail
seconds="${1:-12}"
out="$(mktemp -d)"
source "$(dirname "$0")/perf-common.sh"
# The JIT prints SendAsync's code, so that samples can be charged to its instructions.
DOTNET_JitDisasm='*MessageRouter:SendAsync' DOTNET_JitDisasmWithCodeBytes=1 \
  perf record -F 4000 -o "$out/perf.data" -- dotnet "$bench_bin/Switchboard.Benchmarks.dll" send-alone-loop "$seconds" > "$out/run.txt" 2> "$out/perf.err"
grep -o 'send alone.*' "$out/run.txt"
perf script -i "$out/perf.data" -F tid,ip,sym 2>/dev/null > "$out/samples.txt"
python3 "$(dirname "$0")/profile-send-alone.py" "$out/samples.txt" "$out/run.txt" /tmp/perf-*.map
