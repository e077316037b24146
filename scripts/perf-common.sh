# Sourced by scripts/profile-*.sh: where the benchmark program is, and the runtime settings perf needs to name
# JIT-compiled code (perf maps in /tmp/perf-PID.map; W^X off, so that perf sees the code where it runs).
# BENCH_BIN points at another build of it (for example a checkout of the commit before a change, to compare).
bench_bin="${BENCH_BIN:-benchmarks/Switchboard.Benchmarks/bin/Release/net10.0}"
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
