#!/usr/bin/env bash
# Writes new public API of a shipped library into its PublicAPI.Unshipped.txt (what the IDE's fix for RS0016 does,
# for a shell without an IDE: `dotnet format` does not edit these files).
#
#   scripts/update-public-api.sh src/Framework       (any project with a PublicAPI.Shipped.txt beside it)
#
# It builds the project for every target framework with a SARIF error log, takes the API names that RS0016 reports
# (with their nullability annotations), and appends each one once, sorted. Review the diff: every line is API you
# promise to keep. Removed API (RS0017) is not touched; delete those lines by hand.
set -euo pipefail
project="${1:?usage: scripts/update-public-api.sh src/<Project>}"
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$(cd "$root/$project" 2>/dev/null || cd "$project"; pwd)"
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
# One build per target framework, each with its own log (the API may differ between them).
frameworks="$(dotnet msbuild "$dir" -getProperty:TargetFrameworks)"
for framework in ${frameworks//;/ }; do
  dotnet build "$dir" -c Release -f "$framework" "-p:ErrorLog=$logs/$framework.sarif%2Cversion=2.1" >/dev/null || true
done
python3 - "$logs" "$dir" <<'PY'
import glob, json, sys
logs, project = sys.argv[1:]
unshipped, shipped = project + "/PublicAPI.Unshipped.txt", project + "/PublicAPI.Shipped.txt"
names = set()
for path in glob.glob(logs + "/*.sarif"):
    for result in json.load(open(path, encoding="utf-8"))["runs"][0]["results"]:
        where = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] if result.get("locations") else ""
        # Only this project's own API (a referenced project's build may write the same log first).
        if result["ruleId"] == "RS0016" and where.startswith("file://" + project + "/"):
            names.add(result["properties"]["customProperties"]["APIName"])
known = {line.rstrip("\n") for path in (unshipped, shipped) for line in open(path, encoding="utf-8")}
lines = [line.rstrip("\n") for line in open(unshipped, encoding="utf-8") if line.strip()]
header = [line for line in lines if line.startswith("#")]
body = sorted({line for line in lines if not line.startswith("#")} | (names - known), key=str)
open(unshipped, "w", encoding="utf-8").write("\n".join(header + body) + "\n")
print(f"{len(names - known)} new API line(s) written to {unshipped}")
PY
