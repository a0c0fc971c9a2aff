#!/usr/bin/env bash
# The types `add 1 2` loads in the Hug example beyond the System.CommandLine floor (benchmarks/cli/CommandLineFloor),
# both published ReadyToRun: at start-up each type load or ReadyToRun method costs tens of thousands of
# instructions, so this is the list to shorten. EventPipe traces of the runtime's type-load and R2R events.
#   bash benchmarks/cli-typeloads.sh [--all]
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
# The app's obj/…/linux-x64 holds ReadyToRun images of its references: one compiled against an older Hug.Core
# aborts the app at start-up (seen 2026-12-01 after the assembly split), so each run compiles them afresh.
publish() { rm -rf "$1/obj/Release/net10.0/linux-x64"
  dotnet publish "$1" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/$2" -v q -nologo >/dev/null; }
publish examples/Addition hug; publish benchmarks/cli/CommandLineFloor floor
dotnet build benchmarks/cli/TypeLoads -c Release -o "$out/tool" -v q -nologo >/dev/null
trace() { DOTNET_EnableEventPipe=1 DOTNET_EventPipeOutputPath="$out/$1.nettrace" \
  DOTNET_EventPipeConfig='Microsoft-Windows-DotNETRuntime:0xA000000008:5' "$2" add 1 2 >/dev/null; }
trace hug "$out/hug/Addition"; trace floor "$out/floor/CommandLineFloor"
dotnet "$out/tool/TypeLoads.dll" "$out/hug.nettrace" "$out/floor.nettrace" "$@"
