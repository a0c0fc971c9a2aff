#!/usr/bin/env bash
# Instructions per request, counted by valgrind's callgrind: the same binary and inputs give nearly the
# same count whatever else the machine is doing, where CPU time on these 2 shared cores moves ±20 %.
#   bash benchmarks/instructions.sh              3 windows x 2000 requests per server and scenario (~12 min)
#   WINDOWS=5 REQUESTS=3000 bash benchmarks/instructions.sh
#   SERVERS=hug bash benchmarks/instructions.sh   one server only (~5 min), to compare a change with recorded figures
#   SERVERS="bare routed" ...                      "routed" is the bare handler mapped through endpoint routing (the router's floor)
# Each server (Hug, bare Kestrel handler, Minimal API, FastEndpoints: the servers of run.sh) runs under callgrind.
# Every scenario is warmed up first (tiered JIT settled), then per window: counters zeroed
# (callgrind_control -z), REQUESTS sequential keep-alive requests from one client
# (instructions/client.py, which checks every answer), counters dumped (-d). All server threads count.
# Thread-pool spin-waiting is turned off in every server alike (it counts idle time, not work), and tiered compilation
# promotes methods as soon as they are hot (DOTNET_TC_CallCountingDelayMs=0): by default a 100 ms quiet period must pass
# with no new tier-0 method first, which under valgrind's slowdown the warm-up never reaches; windows then measured code
# still being instrumented and recompiled (704 methods compiled inside one 2,000-request window of Hug's POST, 0-21 with
# the setting), not the steady state a server lives in. The final code is the same (tier 1 with dynamic PGO).
set -euo pipefail
cd "$(dirname "$0")/.."
windows=${WINDOWS:-3}; requests=${REQUESTS:-2000}; warmup=${WARMUP:-3000}; servers=" ${SERVERS:-hug bare minimal fastendpoints} "
command -v valgrind >/dev/null || { apt-get update -qq; apt-get install -y -qq valgrind >/dev/null; }
out=$(mktemp -d); trap 'pkill -f "valgrind.*$out" 2>/dev/null || true; rm -rf "$out"' EXIT
echo "building (Release)..."
for server in HugBench:hug BareKestrel:bare MinimalApi:minimal FastEndpointsApi:fastendpoints; do
  [[ $servers == *" ${server##*:} "* || ( ${server##*:} == bare && $servers == *" routed "* ) ]] || continue
  dotnet build "benchmarks/servers/${server%%:*}" -c Release -o "$out/${server##*:}" -v q -nologo >/dev/null
done
client() { python3 benchmarks/instructions/client.py "$@"; }
results="$out/results.tsv"; : > "$results"   # server scenario window instructions_per_request

measure() { # name port command...
  local name=$1 port=$2; shift 2
  [[ $servers == *" $name "* ]] || return 0
  DOTNET_GCHeapHardLimit=0x40000000 DOTNET_EnableWriteXorExecute=0 DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 DOTNET_TC_CallCountingDelayMs=0 \
    valgrind --tool=callgrind --callgrind-out-file="$out/$name.%p.out" "$@" >"$out/$name.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 900); do curl -fs "http://127.0.0.1:$port/add?number_1=1&number_2=2" >/dev/null 2>&1 && break; sleep 0.2; done
  for scenario in get post invalid; do client "$port" $scenario "$warmup"; done
  sleep 2   # background tier-1 compilations finish
  for scenario in get post invalid; do client "$port" $scenario 500; done
  for scenario in get post invalid; do
    for window in $(seq 1 "$windows"); do
      callgrind_control -z "$pid" >/dev/null 2>&1
      client "$port" $scenario "$requests"
      callgrind_control -d "$pid" >/dev/null 2>&1
      local dump; dump=$(ls -t "$out/$name".*.out.* | head -1)
      read -r total managed < <(python3 benchmarks/instructions/minus_jit.py "$dump")
      printf "%s\t%s\t%s\t%s\t%s\n" "$name" $scenario "$window" "$((total / requests))" "$((managed / requests))" >> "$results"
      rm -f "$dump"
    done
  done
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
}

echo "measuring (each server: ~25 s start-up under valgrind, warm-up, $windows windows x $requests requests per scenario)..."
measure hug 9203 dotnet "$out/hug/HugBench.dll" serve --host 127.0.0.1 --port 9203
ASPNETCORE_URLS=http://127.0.0.1:9201 measure bare 9201 dotnet "$out/bare/BareKestrel.dll"
ASPNETCORE_URLS=http://127.0.0.1:9202 measure minimal 9202 dotnet "$out/minimal/MinimalApi.dll"
ASPNETCORE_URLS=http://127.0.0.1:9205 measure fastendpoints 9205 dotnet "$out/fastendpoints/Bench.FastEndpoints.dll"
BARE_ROUTED=1 ASPNETCORE_URLS=http://127.0.0.1:9204 measure routed 9204 dotnet "$out/bare/BareKestrel.dll"

echo
echo "== Instructions per request (callgrind; every window) =="
awk -F'\t' '{printf "%-8s %-8s window %s  %8d  without the JIT %8d\n", $1, $2, $3, $4, $5}' "$results"
median() { sort -g | awk '{v[NR]=$1} END {if (NR) print NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
ratio() { [ -n "$1" ] && [ -n "$2" ] && printf "%.3f" "$(echo "$1/$2" | bc -l)" || printf "n/a"; }
of() { awk -F'\t' -v s="$1" -v c="$2" -v col="${3:-4}" '$1==s && $2==c {print $col}' "$results" | median; }
for column in 4 5; do
  echo
  [ "$column" = 4 ] && echo "== Medians and ratios (all instructions) ==" || echo "== Medians and ratios without the JIT (libclrjit.so: repeatable to about 1 %) =="
  for scenario in get post invalid; do
    h=$(of hug $scenario $column); b=$(of bare $scenario $column); m=$(of minimal $scenario $column); r=$(of routed $scenario $column)
    f=$(of fastendpoints $scenario $column)
    printf "%-8s hug %7s  bare %7s  minimal %7s  routed %7s  fastendpoints %7s   Hug/bare %s  Hug/minimal %s  Hug/routed %s  routed/bare %s  Hug/fastendpoints %s\n" \
      $scenario "${h:--}" "${b:--}" "${m:--}" "${r:--}" "${f:--}" \
      "$(ratio "$h" "$b")" "$(ratio "$h" "$m")" "$(ratio "$h" "$r")" "$(ratio "$r" "$b")" "$(ratio "$h" "$f")"
  done
done
printf "Hug 400 path / success path (without the JIT): %s\n" "$(ratio "$(of hug invalid 5)" "$(of hug get 5)")"
