#!/usr/bin/env bash
# Runs every BenchmarkDotNet suite in one go and collects the GitHub-markdown tables under benchmarks/results/.
#
#   benchmarks/run.sh                 all suites (about 30-40 minutes on 2 cores)
#   benchmarks/run.sh '*Dispatch*'    only the classes matching a filter
#
# Each suite class is one BenchmarkDotNet run with its baseline in the same run. The network suite needs
# redis-server (apt-get install -y redis-server) and starts its own on a free loopback port.
set -euo pipefail
cd "$(dirname "$0")/.."
filter="${1:-*}"
results="benchmarks/results"
mkdir -p "$results"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/load.txt"
dotnet build benchmarks/Switchboard.Benchmarks/Switchboard.Benchmarks.csproj -c Release -v quiet -nologo
dotnet benchmarks/Switchboard.Benchmarks/bin/Release/net10.0/Switchboard.Benchmarks.dll \
  --filter "$filter" --warmupCount 5 --iterationCount 20 --artifacts "$results/bdn"
cp "$results"/bdn/results/*-report-github.md "$results"/
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/load.txt"
