#!/usr/bin/env bash
# Native AOT `serve` against an AOT Minimal API (CreateSlimBuilder, the Request Delegate Generator): time from
# process start to the first successful GET /add (median of RUNS fresh processes), resident memory idle and
# after 5 s of wrk load (peak), and binary size. Issue 17's targets: Hug <= 1.2x the Minimal API's start-up
# and RSS, binary <= 1.3x.
#   bash benchmarks/serve-aot.sh          RUNS=40 by default (about 3 minutes: two native publishes)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq; apt-get install -y -qq wrk >/dev/null; }
runs=${RUNS:-40}
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
# The same features on both sides: the Minimal API (slim builder) has neither HTTPS nor OpenAPI documents, so Hug is
# published without them too (HugHttps=false, HugOpenApi=false); the size of Hug's default build is printed after the table.
for app in "examples/Addition:hug:-p:HugHttps=false;HugOpenApi=false" benchmarks/servers/MinimalApi:minimal: examples/Addition:hug-default:; do
  IFS=: read -r project name option <<< "$app"
  rm -rf "$project/obj/Release/net10.0/linux-x64"
  dotnet publish "$project" -c Release -r linux-x64 -p:PublishAot=true ${option:+"$option"} -o "$out/$name" -v q -nologo >/dev/null
done
printf "%-8s %12s %16s %10s %12s %14s\n" server "start (ms)" "min-max" "RSS idle" "RSS loaded" "binary bytes"
declare -A start idle loaded size
measure() { # name binary-size command...
  local name=$1 bytes=$2; shift 2
  read -r median low high rss peak < <(python3 benchmarks/serve/first_response.py "$runs" 9301 "$@")
  start[$name]=$median; idle[$name]=$rss; loaded[$name]=$peak; size[$name]=$bytes
  printf "%-8s %12s %16s %8d MB %10d MB %'14d\n" "$name" "$median" "$low-$high" $((rss / 1024)) $((peak / 1024)) "$bytes"
}
measure hug "$(stat -c %s "$out/hug/Addition")" "$out/hug/Addition" serve --host 127.0.0.1 --port 9301
ASPNETCORE_URLS=http://127.0.0.1:9301 measure minimal "$(stat -c %s "$out/minimal/MinimalApi")" "$out/minimal/MinimalApi"
ratio() { printf "%.2f" "$(echo "$1/$2" | bc -l)"; }
echo "Hug/Minimal API: start $(ratio "${start[hug]}" "${start[minimal]}") (target <= 1.2), RSS idle $(ratio "${idle[hug]}" "${idle[minimal]}")," \
  "RSS loaded $(ratio "${loaded[hug]}" "${loaded[minimal]}") (targets <= 1.2), binary $(ratio "${size[hug]}" "${size[minimal]}") (target <= 1.3)"
echo "Hug as built by default (HTTPS and OpenAPI in): binary $(stat -c %s "$out/hug-default/Addition") bytes"
