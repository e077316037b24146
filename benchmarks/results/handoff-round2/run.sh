#!/bin/bash
# Before (HEAD of the branch before this change, built in /tmp/i16h-before) and after (the worktree), suite by suite, back to back.
set -u
BEFORE=/tmp/i16h-before/benchmarks/Switchboard.Benchmarks/bin/Release/net10.0/Switchboard.Benchmarks.dll
AFTER=/work/wt/i16-handoff/benchmarks/Switchboard.Benchmarks/bin/Release/net10.0/Switchboard.Benchmarks.dll
OUT=/tmp/i16h-bench
for suite in '*SelectAndQueue*' '*UntilHandled*' '*RequestRoundTrip*'; do
  for side in before after; do
    dll=$BEFORE; [ $side = after ] && dll=$AFTER
    echo "$side $suite load before: $(cat /proc/loadavg | cut -d' ' -f1-3) $(date -u +%H:%M:%S)" >> $OUT/load.txt
    dotnet $dll --filter "$suite" --inProcess --job short --artifacts $OUT/$side > $OUT/$side-$(echo $suite | tr -d '*').log 2>&1
    echo "$side $suite load after: $(cat /proc/loadavg | cut -d' ' -f1-3) $(date -u +%H:%M:%S)" >> $OUT/load.txt
  done
done
echo done >> $OUT/load.txt
