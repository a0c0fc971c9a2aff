#!/usr/bin/env bash
# Time from starting `hug -f examples/Addition/Addition.cs` to its first successful response:
# cold (empty compile cache: Roslyn runs) and cached (the compiled assembly is reused).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Hug.Tool -c Release -v q -nologo >/dev/null
tool=src/Hug.Tool/bin/Release/net10.0/Hug.Tool.dll
cache=$(mktemp -d); trap 'rm -rf "$cache"' EXIT
measure() { # label clear-cache
  [ "$2" = yes ] && rm -rf "${cache:?}"/*
  local start end pid
  start=$(date +%s%N)
  HUG_CACHE=$cache dotnet "$tool" -f examples/Addition/Addition.cs --host 127.0.0.1 --port 9120 >/dev/null 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:9120/add?number_1=1&number_2=2" >/dev/null 2>&1; do sleep 0.01; done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$1 $(( (end - start) / 1000000 )) ms"
}
for _ in $(seq 1 "${RUNS:-3}"); do measure cold yes; measure cached no; done
