#!/usr/bin/env bash
# Issue 21: a soak and a shutdown under load, against examples/Addition served as a real process (built in Debug,
# as the test project builds it). Needs wrk (Debian: apt-get install wrk).
#   bash benchmarks/reliability/soak-and-shutdown.sh [SOAK_SECONDS]        (default 60)
# Soak: wrk, 2 threads, 64 connections, GET /add for SOAK_SECONDS; prints requests, non-2xx (must be 0), socket errors,
# and the server's resident memory at 10 s, its peak and at the end (Linux /proc), sampled each second.
# Shutdown: the same load, SIGTERM after 3 s; prints how long the server took to exit, its exit code (must be 0),
# and the non-2xx answers it gave before it stopped (must be 0; refused connections after it stopped are expected).
set -euo pipefail
cd "$(dirname "$0")/../.."
soak="${1:-60}"
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }
dll=examples/Addition/bin/Debug/net10.0/Addition.dll
[ -f "$dll" ] || dotnet build examples/Addition -v q -nologo >/dev/null

rss() { awk '/^VmRSS:/ {print int($2 / 1024)}' "/proc/$1/status" 2>/dev/null || echo 0; }

start() { # serves on port $1 as a child of this shell (so `wait` gets its exit code); sets pid
  dotnet "$dll" serve --host 127.0.0.1 --port "$1" >/dev/null 2>&1 & pid=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$1/add?number_1=1&number_2=2" >/dev/null 2>&1 && return; sleep 0.1; done
  echo "the server did not start on port $1" >&2; exit 1
}

port=18791
start "$port"
trap 'kill "$pid" 2>/dev/null || true' EXIT
out=$(mktemp)
wrk -t2 -c64 -d"${soak}s" "http://127.0.0.1:$port/add?number_1=1&number_2=2" >"$out" 2>&1 & load=$!
peak=0; at10=0; second=0
while kill -0 "$load" 2>/dev/null; do
  now=$(rss "$pid"); [ "$now" -gt "$peak" ] && peak=$now
  second=$((second + 1)); [ "$second" -eq 10 ] && at10=$now
  sleep 1
done
requests=$(awk '/requests in/ {print $1}' "$out")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$out"); non2xx=${non2xx:-0}
errors=$(grep -o 'Socket errors:.*' "$out" || echo "Socket errors: none")
echo "soak: ${soak} s, 64 connections: $requests requests, $non2xx non-2xx, $errors; RSS at 10 s ${at10} MiB, peak ${peak} MiB, end $(rss "$pid") MiB"
kill "$pid"; wait "$pid" 2>/dev/null || true

port=18792
start "$port"
wrk -t2 -c64 -d10s "http://127.0.0.1:$port/add?number_1=1&number_2=2" >"$out" 2>&1 & load=$!
sleep 3
began=$(date +%s%N)
kill -TERM "$pid"
set +e; wait "$pid"; code=$?; set -e
took=$(( ($(date +%s%N) - began) / 1000000 ))
wait "$load" || true
non2xx=$(awk '/Non-2xx/ {print $NF}' "$out"); non2xx=${non2xx:-0}
echo "shutdown under load: exited $code after SIGTERM in $took ms; $(awk '/requests in/ {print $1}' "$out") requests answered, $non2xx non-2xx"
rm -f "$out"
