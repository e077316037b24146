#!/usr/bin/env bash
# Suites 1 and 2, main ("before": $BEFORE, a copy of main from `git archive main`, built) and this change ("after"), back to back,
# suite by suite, with the load average logged before each run. RUN names the folder; FILTERS narrows the suites.
set -uo pipefail
set -f  # the filters are patterns for BenchmarkDotNet, not for the shell
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$here/${RUN:-run}" ${TMPDIR:-/tmp}/switchboard-bdn
after="$here/../../Switchboard.Benchmarks/bin/Release/net10.0"
before="${BEFORE:?set BEFORE to a copy of main (git archive main) built with dotnet build benchmarks/Switchboard.Benchmarks -c Release}/benchmarks/Switchboard.Benchmarks/bin/Release/net10.0"
for filter in ${FILTERS:-'*RequestRoundTrip*' '*UntilHandled*' '*SelectAndQueue*'}; do
  for side in before after; do
    dir=$before; [ "$side" = after ] && dir=$after
    name="$(echo "$filter" | tr -d '*')-$side"
    echo "$name: $(uptime)" | tee -a "$here/${RUN:-run}/load.txt"
    (cd "$dir" && dotnet Switchboard.Benchmarks.dll --filter "$filter" --inProcess --job short --artifacts "${TMPDIR:-/tmp}/switchboard-bdn/$name") > "${TMPDIR:-/tmp}/switchboard-bdn/$name.log" 2>&1
    set +f
    cp ${TMPDIR:-/tmp}/switchboard-bdn/$name/results/*-report-github.md "$here/${RUN:-run}/$name.md" 2>/dev/null
    set -f
  done
done
echo "end: $(uptime)" | tee -a "$here/${RUN:-run}/load.txt"
