#!/usr/bin/env bash
# Suite 5a: how long `dotnet build` takes on a generated 1,000-handler messaging project, with and without Switchboard's
# generator (and with the generator plus the analyzers, as a package user gets them), for a full rebuild and for an
# incremental build after a one-line edit in a handler body.
#
#   benchmarks/build-time.sh [HANDLERS] [RUNS]      (defaults: 1000 handlers, 5 runs per case)
#
# The project is written into a temporary directory outside the repository, so that the repository's
# Directory.Build.* files do not apply; it references the built Switchboard.dll and, per case, the analyzer DLLs.
# Timing uses hyperfine when it is installed (apt-get install -y hyperfine), else a plain loop.
set -euo pipefail
cd "$(dirname "$0")/.."
handlers="${1:-1000}"
runs="${2:-5}"
root="$(pwd)"
results="$root/benchmarks/results"
mkdir -p "$results"

echo "Building Switchboard, the generator, the analyzers and the project writer (Release)..."
dotnet build src/Framework/Framework.csproj -c Release -f net10.0 -v quiet -nologo >/dev/null
dotnet build benchmarks/Switchboard.Benchmarks/Switchboard.Benchmarks.csproj -c Release -v quiet -nologo >/dev/null
framework="$root/src/Framework/bin/Release/net10.0/Switchboard.dll"
generator="$root/src/Generators/bin/Release/netstandard2.0/Switchboard.Generators.dll"
analyzers="$root/src/Analyzers/bin/Release/netstandard2.0/Switchboard.Analyzers.dll"
for file in "$framework" "$generator" "$analyzers"; do
  [ -f "$file" ] || { echo "missing $file" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One project directory per case, all with the same sources.
write_case() {
  local name="$1" analyzer_items="$2"
  local dir="$work/$name"
  dotnet benchmarks/Switchboard.Benchmarks/bin/Release/net10.0/Switchboard.Benchmarks.dll write-handler-project "$dir" "$handlers"
  cat > "$dir/Generated.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <LangVersion>latest</LangVersion>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="Switchboard" HintPath="$framework" />
$analyzer_items
  </ItemGroup>
</Project>
PROJECT
  dotnet restore "$dir/Generated.csproj" -v quiet -nologo >/dev/null
  dotnet build "$dir/Generated.csproj" -c Release --no-restore -v quiet -nologo >/dev/null
}

write_case none ""
write_case generator "    <Analyzer Include=\"$generator\" />"
write_case generator-analyzers "    <Analyzer Include=\"$generator\" />
    <Analyzer Include=\"$analyzers\" />"

# The incremental edit: a new literal in the first handler's body (Handlers000.cs), nothing else. POSIX sh only:
# hyperfine runs it with /bin/sh.
edit_cmd() { echo "sed -i -E \"0,/\\/\\* edit \\*\\/ [0-9]+/s//\\/* edit *\\/ \$(date +%N)/\" $work/$1/Handlers000.cs"; }

full_cmd() { echo "dotnet build $work/$1/Generated.csproj -c Release --no-restore --no-incremental -v quiet -nologo"; }
incremental_cmd() { echo "dotnet build $work/$1/Generated.csproj -c Release --no-restore -v quiet -nologo"; }

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 1 --runs "$runs" --export-markdown "$results/build-full.md" \
    -n "no generator" "$(full_cmd none)" \
    -n "generator" "$(full_cmd generator)" \
    -n "generator + analyzers" "$(full_cmd generator-analyzers)"
  hyperfine --warmup 1 --runs "$runs" --export-markdown "$results/build-incremental.md" \
    -n "no generator" --prepare "$(edit_cmd none)" "$(incremental_cmd none)" \
    -n "generator" --prepare "$(edit_cmd generator)" "$(incremental_cmd generator)" \
    -n "generator + analyzers" --prepare "$(edit_cmd generator-analyzers)" "$(incremental_cmd generator-analyzers)"
  echo "Tables written to $results/build-full.md and $results/build-incremental.md"
else
  for case in none generator generator-analyzers; do
    for kind in full incremental; do
      total=0
      for _ in $(seq "$runs"); do
        [ "$kind" = incremental ] && eval "$(edit_cmd "$case")"
        start=$(date +%s%N)
        eval "$(${kind}_cmd "$case")" >/dev/null
        total=$((total + $(date +%s%N) - start))
      done
      echo "$case $kind: mean $((total / runs / 1000000)) ms over $runs runs"
    done
  done | tee "$results/build-times.txt"
fi
