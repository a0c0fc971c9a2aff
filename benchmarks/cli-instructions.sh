#!/usr/bin/env bash
# Start-up of `add 1 2` as user-space instructions (valgrind callgrind, all threads), for the Hug example,
# the bare console app, the plain System.CommandLine app and the floor (System.CommandLine in an ASP.NET
# Core app, no help option: benchmarks/cli/CommandLineFloor), all published ReadyToRun as in run.sh.
# Repeat runs agree to about 0.01 %, where wall time on this VM moves ±10 %: use it to judge a
# start-up change, and hyperfine (run.sh) for the milliseconds. Kernel time (page faults, mmap) is not counted.
#   bash benchmarks/cli-instructions.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { apt-get update -qq; apt-get install -y -qq valgrind >/dev/null; }
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
# The app's obj/…/linux-x64 holds ReadyToRun images of its references: one compiled against an older Hug.Core
# aborts the app at start-up (seen 2026-12-01 after the assembly split), so each run compiles them afresh.
publish() { rm -rf "$1/obj/Release/net10.0/linux-x64"
  dotnet publish "$1" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/$2" -v q -nologo >/dev/null; }
publish examples/Addition hug; publish benchmarks/cli/BareCli bare; publish benchmarks/cli/CommandLineCli scl
publish benchmarks/cli/CommandLineFloor floor
count() { DOTNET_EnableWriteXorExecute=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected/ {print $4}'; }
bare=$(count "$out/bare/BareCli" add 1 2); scl=$(count "$out/scl/CommandLineCli" add 1 2); hug=$(count "$out/hug/Addition" add 1 2)
floor=$(count "$out/floor/CommandLineFloor" add 1 2)
printf "bare %'d  System.CommandLine %'d  floor %'d  Hug %'d instructions\nHug/bare %.2f  System.CommandLine/bare %.2f  floor/bare %.2f  Hug-floor %.1f M\n" \
  "$bare" "$scl" "$floor" "$hug" "$(echo "$hug/$bare" | bc -l)" "$(echo "$scl/$bare" | bc -l)" "$(echo "$floor/$bare" | bc -l)" "$(echo "($hug-$floor)/1000000" | bc -l)"
