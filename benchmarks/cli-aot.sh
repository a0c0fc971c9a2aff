#!/usr/bin/env bash
# Native AOT start-up of `add 1 2` and `--help` as user-space instructions (valgrind callgrind, all threads), and
# binary sizes, side by side: the bare console app, System.CommandLine, ConsoleAppFramework, Hug's command-only
# API (benchmarks/cli/HugCommands) and examples/Addition (the same command in an API that also serves HTTP, so
# ASP.NET Core's web host is compiled in). Then wall time of `add 1 2` (hyperfine). Issue 17's targets: Hug
# `add 1 2` <= 1.5x System.CommandLine's, `--help` <= 2x its help.
#   bash benchmarks/cli-aot.sh        (about 5 minutes: five native publishes)
#   KEEP=/tmp/aot bash benchmarks/cli-aot.sh   keeps the binaries there; SKIP_PUBLISH=1 then measures them again
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { apt-get update -qq; apt-get install -y -qq valgrind >/dev/null; }
if [ -n "${KEEP:-}" ]; then out=$KEEP; mkdir -p "$out"; else out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; fi  # KEEP=dir keeps the binaries
apps="benchmarks/cli/BareCli:bare benchmarks/cli/CommandLineCli:scl benchmarks/cli/ConsoleAppCli:caf benchmarks/cli/HugCommands:hug-commands examples/Addition:hug-served"
for app in $apps; do
  [ -n "${SKIP_PUBLISH:-}" ] && break
  project=${app%%:*}; name=${app##*:}
  rm -rf "$project/obj/Release/net10.0/linux-x64"   # a stale ReadyToRun or native intermediate breaks the binary
  dotnet publish "$project" -c Release -r linux-x64 -p:PublishAot=true -o "$out/$name" -v q -nologo >/dev/null
  rm -f "$out/$name"/*.dbg   # valgrind cannot read the native debug symbols (it gives up); without them it counts fine
done
binary() { find "$out/$1" -maxdepth 1 -type f -executable | head -1; }
count() { { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null || true; } | awk '/Collected/ {print $4}'; } # some exit 1 on --help
printf "%-14s %14s %14s %12s\n" app "add 1 2" "--help" "binary bytes"
declare -A add help
for app in $apps; do
  name=${app##*:}; exe=$(binary "$name")
  add[$name]=$(count "$exe" add 1 2); help[$name]=$(count "$exe" --help)
  printf "%-14s %'14d %'14d %'12d\n" "$name" "${add[$name]}" "${help[$name]}" "$(stat -c %s "$exe")"
done
printf "Hug (commands)/System.CommandLine: add %.2f (target <= 1.5), --help %.2f (target <= 2)\n" \
  "$(echo "${add[hug-commands]}/${add[scl]}" | bc -l)" "$(echo "${help[hug-commands]}/${help[scl]}" | bc -l)"
printf "Hug (served)/System.CommandLine:   add %.2f, --help %.2f\n" \
  "$(echo "${add[hug-served]}/${add[scl]}" | bc -l)" "$(echo "${help[hug-served]}/${help[scl]}" | bc -l)"
if command -v hyperfine >/dev/null; then
  args=(); for app in $apps; do args+=(-n "${app##*:}" "$(binary "${app##*:}") add 1 2"); done
  hyperfine -N --warmup 5 --runs 50 --style basic "${args[@]}"
fi
