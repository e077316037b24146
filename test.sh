#!/usr/bin/env bash
# Runs the whole test suite, installing what it needs first. CI runs exactly this (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")"

# Tests that need a real server start their own redis-server on a free loopback port; the browser tests drive
# Debian's headless chromium through Playwright (whose own browser download cannot work here).
missing=""
command -v redis-server >/dev/null 2>&1 || missing="$missing redis-server"
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
if [ -n "$missing" ]; then
  echo "Installing$missing (Debian packages)..."
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi

results="$(mktemp -d)"
status=0
dotnet test Framework.sln -c Release --logger "trx" --results-directory "$results" "$@" || status=$?

# One plain summary line over every test project.
python3 - "$results" <<'PY' || true
import sys, glob, re
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    text = open(path, encoding="utf-8").read()
    m = re.search(r'<Counters [^>]*', text)
    if not m:
        continue
    attrs = dict(re.findall(r'(\w+)="(\d+)"', m.group(0)))
    passed += int(attrs.get("passed", 0))
    failed += int(attrs.get("failed", 0))
    skipped += int(attrs.get("total", 0)) - int(attrs.get("executed", 0))
print(f"Tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
