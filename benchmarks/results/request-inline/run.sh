#!/usr/bin/env bash
# Suites 1 and 2, main ("before", built from `git archive main` into $BEFORE) and this change ("after"), back to back,
# suite by suite, with the load average logged before each run. RUN names the folder; FILTERS narrows the suites.
set -uo pipefail
set -f  # the filters are patterns for BenchmarkDotNet, not for the shell
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$here/${RUN:-run}" /tmp/i16l-bdn
after="$here/../../Switchboard.Benchmarks/bin/Release/net10.0"
before="${BEFORE:-/tmp/i16l-before}/benchmarks/Switchboard.Benchmarks/bin/Release/net10.0"
for filter in ${FILTERS:-'*RequestRoundTrip*' '*UntilHandled*' '*SelectAndQueue*'}; do
  for side in before after; do
    dir=$before; [ "$side" = after ] && dir=$after
    name="$(echo "$filter" | tr -d '*')-$side"
    echo "$name: $(uptime)" | tee -a "$here/${RUN:-run}/load.txt"
    (cd "$dir" && dotnet Switchboard.Benchmarks.dll --filter "$filter" --inProcess --job short --artifacts "/tmp/i16l-bdn/$name") > "/tmp/i16l-bdn/$name.log" 2>&1
    set +f
    cp /tmp/i16l-bdn/$name/results/*-report-github.md "$here/${RUN:-run}/$name.md" 2>/dev/null
    set -f
  done
done
echo "end: $(uptime)" | tee -a "$here/${RUN:-run}/load.txt"
