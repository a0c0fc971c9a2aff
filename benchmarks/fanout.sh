#!/usr/bin/env bash
# Cross-instance WebSocket broadcast fan-out (issue 23): Hug with Hug.Redis against SignalR with its Redis backplane
# (Microsoft.AspNetCore.SignalR.StackExchangeRedis), the same work on the same Redis, side by side in one run.
# Two instances of each, 64 connections spread over both, 4 of them sending with 8 broadcasts in flight each; a
# broadcast counts when every connection has it (benchmarks/ws/FanoutLoad). Rounds interleave: hug, signalr, hug, …
#   bash benchmarks/fanout.sh            3 rounds x 10 s (~2 min)
#   bash benchmarks/fanout.sh --quick    3 rounds x 3 s
# The figures that decide: delivered messages/s (higher is better) and the CPU time of both instances per delivered
# message (utime+stime from /proc/PID/stat over the measured window / deliveries; lower is better). Redis's own CPU and
# the client's are not counted (the same Redis and client serve both). Latency is send → receive on one client clock.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0; [ "${1:-}" = "--quick" ] && quick=1
rounds=${ROUNDS:-3}; connections=${CONNECTIONS:-64}; senders=${SENDERS:-4}; window=${WINDOW:-8}
if [ $quick = 1 ]; then duration=3; warmup=2; else duration=10; warmup=3; fi
command -v redis-server >/dev/null || { echo "redis-server not found: apt-get install redis-server"; exit 1; }

out=$(mktemp -d)
redis_pid=""
cleanup() { [ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null; pkill -f "$out/" 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT
build() { dotnet build "$1" -c Release -o "$out/$2" -v q -nologo >/dev/null; }
echo "building (Release)..."
build benchmarks/servers/HugFanout hug
build benchmarks/servers/SignalRFanout signalr
build benchmarks/ws/FanoutLoad load
dotnet build-server shutdown >/dev/null 2>&1 || true

redis_port=9290
redis-server --port $redis_port --bind 127.0.0.1 --save "" --appendonly no >/dev/null 2>&1 &
redis_pid=$!
export ConnectionStrings__Redis="127.0.0.1:$redis_port"
hz=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
results="$out/results.tsv"; : > "$results" # round server deliveries/s broadcasts/s p50 p99 errors cpu_us_per_delivery

wait_for() { for _ in $(seq 1 150); do [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/fan")" != 000 ] && return; sleep 0.1; done; }

run() { # round name protocol port_a port_b
  local round=$1 name=$2 protocol=$3 a=$4 b=$5 pa pb
  if [ "$name" = hug ]; then
    dotnet "$out/hug/HugFanout.dll" serve --host 127.0.0.1 --port "$a" >/dev/null 2>&1 & pa=$!
    dotnet "$out/hug/HugFanout.dll" serve --host 127.0.0.1 --port "$b" >/dev/null 2>&1 & pb=$!
  else
    ASPNETCORE_URLS="http://127.0.0.1:$a" dotnet "$out/signalr/SignalRFanout.dll" >/dev/null 2>&1 & pa=$!
    ASPNETCORE_URLS="http://127.0.0.1:$b" dotnet "$out/signalr/SignalRFanout.dll" >/dev/null 2>&1 & pb=$!
  fi
  wait_for "$a"; wait_for "$b"
  dotnet "$out/load/FanoutLoad.dll" "$protocol" "ws://127.0.0.1:$a/fan" "ws://127.0.0.1:$b/fan" "$connections" "$senders" "$window" "$duration" "$warmup" >"$out/load.out" 2>"$out/load.err" &
  local load=$! t0 t1
  until grep -q measuring "$out/load.err" || ! kill -0 $load 2>/dev/null; do sleep 0.02; done
  t0=$(( $(cpu_ticks "$pa") + $(cpu_ticks "$pb") ))
  until grep -q done "$out/load.err" || ! kill -0 $load 2>/dev/null; do sleep 0.02; done
  t1=$(( $(cpu_ticks "$pa") + $(cpu_ticks "$pb") ))
  wait $load
  local delivered rate per_s p50 p99 errors cpu
  read -r delivered rate per_s p50 p99 errors < "$out/load.out"
  cpu=$(echo "scale=3; ($t1-$t0)*1000000/$hz/$delivered" | bc -l)
  printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$round" "$name" "$rate" "$per_s" "$p50" "$p99" "$errors" "$cpu" >> "$results"
  kill "$pa" "$pb"; wait "$pa" "$pb" 2>/dev/null || true
}

for round in $(seq 1 "$rounds"); do
  echo "round $round/$rounds"
  run "$round" hug hug 9291 9292
  run "$round" signalr signalr 9293 9294
done

echo
echo "== Every round ($connections connections over 2 instances, $senders senders x $window in flight, ${duration} s) =="
printf "%-5s %-8s %12s %12s %9s %9s %6s %14s\n" round server "delivered/s" "broadcasts/s" p50 p99 errors "cpu/delivery"
awk -F'\t' '{printf "%-5s %-8s %12s %12s %7sus %7sus %6s %12.2fus\n", $1,$2,$3,$4,$5,$6,$7,$8}' "$results"
median() { sort -g | awk '{v[NR]=$1} END {m = NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2; printf "%.2f (%.2f-%.2f)", m, v[1], v[NR]}'; }
ratio() { # column: hug/signalr per round
  awk -F'\t' -v c="$1" '{v[$1" "$2]=$c; r[$1]=1} END {for (k in r) if (v[k" signalr"] > 0) print v[k" hug"]/v[k" signalr"]}' "$results" | median; }
echo
echo "== Hug / SignalR: median (min-max) over $rounds rounds =="
echo "delivered/s      $(ratio 3)   (target >= 1)"
echo "cpu per delivery $(ratio 8)   (target <= 1)"
echo "p50 latency      $(ratio 5)"
echo "p99 latency      $(ratio 6)"
