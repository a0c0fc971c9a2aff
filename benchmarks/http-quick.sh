#!/usr/bin/env bash
# A quick side-by-side of GET /add?number_1=1&number_2=2 on Hug (examples/Addition), a bare
# Kestrel handler and a Minimal API: wrk -t1 -c32, server CPU time per request from /proc.
# Rounds interleave (A B C A B C …). The full harness is the benchmarks issue's work.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
out=$(mktemp -d)
dotnet build examples/Addition -c Release -o "$out/hug" -v q -nologo >/dev/null
dotnet build benchmarks/baselines/BareKestrel -c Release -o "$out/bare" -v q -nologo >/dev/null
dotnet build benchmarks/baselines/MinimalApi -c Release -o "$out/minimal" -v q -nologo >/dev/null
dotnet build-server shutdown >/dev/null 2>&1 || true
url_path="/add?number_1=1&number_2=2"
hz=$(getconf CLK_TCK)

measure() { # name port command...
  local name=$1 port=$2; shift 2
  "$@" >/dev/null 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port$url_path" >/dev/null && break; sleep 0.1; done
  wrk -t1 -c32 -d3s "http://127.0.0.1:$port$url_path" >/dev/null
  local t0 t1 result
  t0=$(awk '{print $14+$15}' /proc/$pid/stat)
  result=$(wrk -t1 -c32 -d"${DURATION:-10}"s --latency "http://127.0.0.1:$port$url_path")
  t1=$(awk '{print $14+$15}' /proc/$pid/stat)
  local requests rps p50 p99 rss
  requests=$(echo "$result" | awk '/requests in/{print $1}')
  rps=$(echo "$result" | awk '/Requests\/sec/{print $2}')
  p50=$(echo "$result" | awk '$1=="50%"{print $2}')
  p99=$(echo "$result" | awk '$1=="99%"{print $2}')
  rss=$(awk '/VmRSS/{print $2}' /proc/$pid/status)
  printf "%-8s req/s=%-10s p50=%-8s p99=%-8s cpu/req=%6.1f us  rss=%s kB\n" "$name" "$rps" "$p50" "$p99" \
    "$(echo "($t1-$t0)*1000000/$hz/$requests" | bc -l)" "$rss"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

for round in $(seq 1 "${ROUNDS:-3}"); do
  echo "round $round"
  measure hug 9103 dotnet "$out/hug/Addition.dll" serve --host 127.0.0.1 --port 9103
  ASPNETCORE_URLS=http://127.0.0.1:9101 measure bare 9101 dotnet "$out/bare/BareKestrel.dll"
  ASPNETCORE_URLS=http://127.0.0.1:9102 measure minimal 9102 dotnet "$out/minimal/MinimalApi.dll"
done
rm -rf "$out"
