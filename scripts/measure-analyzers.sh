#!/usr/bin/env bash
# Measures what the Switchboard analyzers cost on a generated 1,000-handler project.
#
#   scripts/measure-analyzers.sh [HANDLERS] [RUNS]      (defaults: 1000 handlers, 3 measured builds)
#
# It writes a project into a temporary directory (outside the repository, so it wires the generator, analyzers and
# code fixes in itself, exactly as Directory.Build.targets does for in-repo projects), with HANDLERS handlers of four
# shapes and one constant-name send per handler, builds it once to warm up, then rebuilds only that project RUNS times
# with -p:ReportAnalyzer=true -v:d and prints the Switchboard lines of each analyzer report. The report splits time
# between analyzers by who ran when; the handler index is built once per compilation by whichever rule needs it
# first, so the script also rebuilds RUNS times with the generator and the analyzers, with the generator alone, and
# with neither (the sends are string-based, so the project compiles without its stubs), and compares the CPU time of
# the three builds: the differences are what the analyzers, and the generator (its pipeline and the compile of what it
# emits), add to a build, also as a share of the whole build. A fourth build has no generator but the generator's
# output, taken from the warm-up build, as ordinary source files, as if the user had written the same fields, stubs,
# registry and manifests by hand: the difference between it and the build with the generator alone is what generating
# costs beyond compiling that code. It also counts SWB diagnostics: the generated project is correct, so any would be a
# false positive (and the script fails).
set -euo pipefail
handlers="${1:-1000}"
runs="${2:-3}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$root" "$handlers" <<'PY'
import sys, os
work, root, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(os.path.join(work, "Bench"))
src = os.path.join(root, "src")
open(os.path.join(work, "Bench", "Bench.csproj"), "w").write(f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <AssemblyName>Bench</AssemblyName>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="{src}/Framework/Framework.csproj" />
  </ItemGroup>
  <!-- -p:WithoutSwitchboardAnalyzers=true builds the same project without them, and -p:WithoutSwitchboardGenerator=true
       without the generator too, for comparison. -->
  <ItemGroup Condition="'$(WithoutSwitchboardGenerator)' != 'true'">
    <ProjectReference Include="{src}/Generators/Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
  <!-- -p:SwitchboardHandWritten=true (with the generator off) compiles the generator's output as ordinary sources. -->
  <ItemGroup>
    <Compile Remove="HandWritten/**" />
    <Compile Include="HandWritten/*.cs" Condition="'$(SwitchboardHandWritten)' == 'true'" />
  </ItemGroup>
  <ItemGroup Condition="'$(WithoutSwitchboardAnalyzers)' != 'true'">
    <ProjectReference Include="{src}/Analyzers/Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="{src}/Analyzers.CodeFixes/Analyzers.CodeFixes.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
""")
per_class = 10
lines = ["using Switchboard;", "", '[assembly: MessagingProject("Bench")]', "", "namespace Bench;", ""]
for k in range(10):
    lines.append(f"public sealed record Payload{k}(int Value, string? Tag = null);")
lines.append("")
sends = []
for c in range(0, count, per_class):
    lines.append(f"public static class Handlers{c // per_class:03d}")
    lines.append("{")
    for i in range(c, min(c + per_class, count)):
        name, payload = f"handler{i:04d}", f"Payload{i % 10}"
        shape = i % 4
        if shape == 0:
            lines.append(f'    [MessageHandler("{name}", Scope.Gateway)] public static void H{i}({payload} payload) {{ }}')
            sends.append(f'await gateway.SendAsync("Bench", "{name}", new {payload}(1), Scope.Gateway);')
        elif shape == 1:
            lines.append(f'    [MessageHandler("{name}", Scope.Client)] public static void H{i}(IReadOnlyDictionary<string, object?> payload, MessageContext context) {{ }}')
            sends.append(f'gateway.SendMessage("Bench", "{name}", new Dictionary<string, object?> {{ ["a"] = 1 }}, scope: "C", user: "Bob");')
        elif shape == 2:
            lines.append(f'    [MessageHandler("{name}", Scope.Session)] public static Task H{i}(Session session, CancellationToken cancellationToken) => Task.CompletedTask;')
            sends.append(f'gateway.SendMessage("Bench", "{name}", scope: "S");')
        else:
            lines.append(f'    [MessageHandler("{name}")] public static int H{i}({payload} payload) => payload.Value;')
            sends.append(f'await gateway.SendRequestAsync<int>("Bench", "{name}", new Dictionary<string, object?> {{ ["value"] = 1, ["tag"] = "t" }});')
    lines.append("}")
    lines.append("")
open(os.path.join(work, "Bench", "Handlers.cs"), "w").write("\n".join(lines))
out = ["using Switchboard;", "", "namespace Bench;", ""]
for c in range(0, len(sends), per_class):
    out.append(f"public static class Senders{c // per_class:03d}")
    out.append("{")
    out.append("    public static async Task RunAsync(Gateway gateway)")
    out.append("    {")
    out.extend("        " + s for s in sends[c:c + per_class])
    out.append("    }")
    out.append("}")
    out.append("")
open(os.path.join(work, "Bench", "Senders.cs"), "w").write("\n".join(out))
PY

project="$work/Bench/Bench.csproj"
echo "Generated $handlers handlers and $handlers sends in $work/Bench; warming up (builds the Framework and the analyzers)..."
dotnet build "$project" -c Release -nologo -v:q -p:EmitCompilerGeneratedFiles=true >/dev/null

# The generator's output as a user would write it: no auto-generated marker (after the byte order mark the compiler
# writes), the project's nullable context.
mkdir -p "$work/Bench/HandWritten"
for file in "$work"/Bench/obj/Release/net10.0/generated/Switchboard.Generators/*/*.g.cs; do
  sed '1s/^\xEF\xBB\xBF//' "$file" | grep -vE '^(// <auto-generated/>|#nullable (enable|enable annotations|disable warnings))$' \
    >"$work/Bench/HandWritten/$(basename "$file" .g.cs).cs"
done

# CPU seconds (user + system) of one build, compiler included: with UseSharedCompilation=false the compiler runs as a
# child process instead of in the long-lived compiler server, so the shell can count it. CPU time, unlike wall time,
# barely moves when other builds share the machine.
cpu_seconds() {
  local TIMEFORMAT='%U %S'
  { time dotnet build "$project" -c Release -nologo --no-dependencies --no-incremental -nodeReuse:false -m:1 \
      -p:UseSharedCompilation=false "$@" >/dev/null; } 2>&1 | awk '{printf "%.2f", $1 + $2}'
}

with_times=()
without_times=()
bare_times=()
hand_times=()
for run in $(seq 1 "$runs"); do
  log="$work/build-$run.log"
  dotnet build "$project" -c Release -nologo --no-dependencies --no-incremental -p:ReportAnalyzer=true -v:d >"$log"
  echo "== run $run: analyzer report (seconds, % of all analyzer time)"
  # The analyzer report: totals, then one line per assembly and per analyzer/generator type.
  grep -E "Total (analyzer|generator) execution time|[0-9]\.[0-9]+\s+[0-9<]+\s+Switchboard" "$log" | sed 's/^[[:space:]]*/  /' | sort -u
  diagnostics=$(grep -cE "(warning|error) SWB[0-9]{4}" "$log" || true)
  echo "  SWB diagnostics: $diagnostics"
  if [ "$diagnostics" != "0" ]; then
    grep -E "(warning|error) SWB[0-9]{4}" "$log" | sort -u | head -20
    exit 1
  fi

  with_times+=("$(cpu_seconds)")
  without_times+=("$(cpu_seconds -p:WithoutSwitchboardAnalyzers=true)")
  bare_times+=("$(cpu_seconds -p:WithoutSwitchboardAnalyzers=true -p:WithoutSwitchboardGenerator=true)")
  hand_times+=("$(cpu_seconds -p:WithoutSwitchboardAnalyzers=true -p:WithoutSwitchboardGenerator=true -p:SwitchboardHandWritten=true)")
  echo "== run $run: build CPU ${with_times[-1]} s with the generator and the analyzers, ${without_times[-1]} s with the generator alone, ${bare_times[-1]} s with neither, ${hand_times[-1]} s with its output written by hand"
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
with=$(median "${with_times[@]}")
without=$(median "${without_times[@]}")
bare=$(median "${bare_times[@]}")
hand=$(median "${hand_times[@]}")
echo "== median build CPU over $runs runs: $with s with the generator and the analyzers, $without s with the generator alone, $bare s with neither, $hand s with its output written by hand"
awk -v a="$with" -v g="$without" -v n="$bare" -v h="$hand" 'BEGIN {
  printf "== the analyzers add %.2f s (%.1f %% of the build), the generator %.2f s (%.1f %%), both %.2f s (%.1f %%)\n",
    a - g, 100 * (a - g) / a, g - n, 100 * (g - n) / a, a - n, 100 * (a - n) / a
  printf "== the same code written by hand adds %.2f s (%.1f %%); generating it rather than writing it adds %.2f s (%.1f %%)\n",
    h - n, 100 * (h - n) / a, g - h, 100 * (g - h) / a }'
