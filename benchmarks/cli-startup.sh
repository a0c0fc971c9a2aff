#!/usr/bin/env bash
# Start-to-exit time of `add 1 2`: Hug (examples/Addition), a bare console app, and the same
# command on plain System.CommandLine. Each built two ways: `dotnet build -c Release` (JIT) and
# `dotnet publish -p:PublishReadyToRun=true` (precompiled), all run as `dotnet X.dll add 1 2`.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
out=$(mktemp -d)
for project in examples/Addition benchmarks/baselines/BareCli benchmarks/baselines/CommandLineCli; do
  name=$(basename "$project")
  dotnet build "$project" -c Release -o "$out/jit/$name" -v q -nologo >/dev/null
  dotnet publish "$project" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/r2r/$name" -v q -nologo >/dev/null
done
dotnet build-server shutdown >/dev/null 2>&1 || true
runs=${RUNS:-20}
hyperfine -N --warmup 3 --runs "$runs" \
  -n "bare (JIT)" "dotnet $out/jit/BareCli/BareCli.dll add 1 2" \
  -n "System.CommandLine (JIT)" "dotnet $out/jit/CommandLineCli/CommandLineCli.dll add 1 2" \
  -n "Hug (JIT)" "dotnet $out/jit/Addition/Addition.dll add 1 2" \
  -n "bare (R2R)" "dotnet $out/r2r/BareCli/BareCli.dll add 1 2" \
  -n "System.CommandLine (R2R)" "dotnet $out/r2r/CommandLineCli/CommandLineCli.dll add 1 2" \
  -n "Hug (R2R)" "dotnet $out/r2r/Addition/Addition.dll add 1 2"
rm -rf "$out"
