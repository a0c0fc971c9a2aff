#!/usr/bin/env bash
# Hug against a bare Kestrel handler, a Minimal API and FastEndpoints 8.3 (and, for WebSocket echo, a bare ASP.NET Core
# echo loop), side by side, in one run.
#   bash benchmarks/run.sh           full run (~15 min): 3 rounds x 10 s per scenario, 20 CLI runs, BenchmarkDotNet ShortRun
#   bash benchmarks/run.sh --quick   ~3-4 min: 3 rounds x 2 s, 5 CLI runs, BenchmarkDotNet smoke run
# Servers and the load generator share this machine's cores, so the figure that decides is server
# CPU time per request (utime+stime from /proc/PID/stat over a measured window / requests in it);
# requests/s is reported beside it. Rounds interleave the servers: A B C, A B C, ...
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0; [ "${1:-}" = "--quick" ] && quick=1
rounds=${ROUNDS:-3}
if [ $quick = 1 ]; then duration=2; warmup=2; cli_runs=5; else duration=10; warmup=5; cli_runs=20; fi

need() { command -v "$1" >/dev/null || { [ -n "${apt_updated:-}" ] || { apt-get update -qq; apt_updated=1; }; apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk; need hyperfine hyperfine; need bc bc; need curl curl

out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
build() { dotnet build "$1" -c Release -o "$out/$2" -v q -nologo >/dev/null; }
# Fresh ReadyToRun images of the references each time (a stale one compiled against an older Hug.Core aborts the app).
publish_r2r() { rm -rf "$1/obj/Release/net10.0/linux-x64"
  dotnet publish "$1" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/$2" -v q -nologo >/dev/null; }
echo "building (Release)..."
build benchmarks/servers/HugBench hug
build benchmarks/servers/BareKestrel bare
build benchmarks/servers/MinimalApi minimal
build benchmarks/servers/FastEndpointsApi fastendpoints
build benchmarks/servers/HugEcho hug-echo
build benchmarks/servers/BareEcho bare-echo
build benchmarks/ws/EchoLoad echo-load
build examples/Addition cli-hug
build benchmarks/cli/BareCli cli-bare
build benchmarks/cli/CommandLineCli cli-scl
publish_r2r examples/Addition r2r-hug
publish_r2r benchmarks/cli/BareCli r2r-bare
publish_r2r benchmarks/cli/CommandLineCli r2r-scl
publish_r2r benchmarks/cli/CommandLineFloor r2r-floor
dotnet build-server shutdown >/dev/null 2>&1 || true

cat > "$out/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"number_1":1,"number_2":2}'
wrk.headers["Content-Type"] = "application/json"
LUA
hz=$(getconf CLK_TCK)
results="$out/results.tsv"   # round server scenario rps p50 p99 non2xx socket_errors cpu_us rss_idle_kb rss_loaded_kb
: > "$results"

cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
rss_kb() { awk '/VmRSS/{print $2}' "/proc/$1/status"; }

scenario_args() { # scenario port -> wrk arguments
  case $1 in
    get) echo "http://127.0.0.1:$2/add?number_1=1&number_2=2" ;;
    post) echo "-s $out/post.lua http://127.0.0.1:$2/sum" ;;
    invalid) echo "http://127.0.0.1:$2/add?number_1=x&number_2=2" ;;
  esac
}

run_server() { # round name port command...
  local round=$1 name=$2 port=$3; shift 3
  "$@" >/dev/null 2>&1 &
  local pid=$!
  for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port/add?number_1=1&number_2=2" >/dev/null 2>&1 && break; sleep 0.1; done
  local idle; idle=$(rss_kb "$pid")
  # Warm every path first, so tiered JIT has settled before any window is measured.
  for scenario in get post invalid; do
    # shellcheck disable=SC2046
    wrk -t1 -c32 -d"${warmup}s" $(scenario_args $scenario "$port") >/dev/null
  done
  for scenario in get post invalid; do
    # shellcheck disable=SC2046
    wrk -t1 -c32 -d1s $(scenario_args $scenario "$port") >/dev/null
    local t0 t1 report
    t0=$(cpu_ticks "$pid")
    # shellcheck disable=SC2046
    report=$(wrk -t1 -c32 -d"${duration}s" --latency $(scenario_args $scenario "$port"))
    t1=$(cpu_ticks "$pid")
    local requests rps p50 p99 non2xx sockerr cpu
    requests=$(echo "$report" | awk '/requests in/{print $1}')
    rps=$(echo "$report" | awk '/Requests\/sec/{print $2}')
    p50=$(echo "$report" | awk '$1=="50%"{print $2}')
    p99=$(echo "$report" | awk '$1=="99%"{print $2}')
    non2xx=$(echo "$report" | awk '/Non-2xx/{print $NF}'); non2xx=${non2xx:-0}
    sockerr=$(echo "$report" | awk '/Socket errors/{gsub(",",""); print $4+$6+$8+$10}'); sockerr=${sockerr:-0}
    cpu=$(echo "scale=2; ($t1-$t0)*1000000/$hz/$requests" | bc -l)
    printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$round" "$name" "$scenario" "$rps" "$p50" "$p99" "$non2xx" "$sockerr" "$cpu" "$idle" "$(rss_kb "$pid")" >> "$results"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

# WebSocket echo: 32 connections, each sending a 32-byte text message and awaiting its echo in a loop
# (benchmarks/ws/EchoLoad); server CPU is read when the client starts and ends its measured window.
run_echo() { # round name port command...
  local round=$1 name=$2 port=$3; shift 3
  "$@" >/dev/null 2>&1 &
  local pid=$!
  for _ in $(seq 1 150); do [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/echo")" = 400 ] && break; sleep 0.1; done
  local idle; idle=$(rss_kb "$pid")
  dotnet "$out/echo-load/EchoLoad.dll" "ws://127.0.0.1:$port/echo" 32 "$duration" "$warmup" >"$out/echo.out" 2>"$out/echo.err" &
  local load=$! t0 t1 loaded
  until grep -q measuring "$out/echo.err" || ! kill -0 $load 2>/dev/null; do sleep 0.02; done
  t0=$(cpu_ticks "$pid")
  until grep -q done "$out/echo.err" || ! kill -0 $load 2>/dev/null; do sleep 0.02; done
  t1=$(cpu_ticks "$pid"); loaded=$(rss_kb "$pid")
  wait $load
  local trips rps p50 p99 errors cpu
  read -r trips rps p50 p99 errors < "$out/echo.out"
  cpu=$(echo "scale=2; ($t1-$t0)*1000000/$hz/$trips" | bc -l)
  printf "%s\t%s\techo\t%s\t%sus\t%sus\t%s\t%s\t%s\t%s\t%s\n" "$round" "$name" "$rps" "$p50" "$p99" 0 "$errors" "$cpu" "$idle" "$loaded" >> "$results"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

for round in $(seq 1 "$rounds"); do
  echo "round $round/$rounds"
  run_server "$round" hug 9103 dotnet "$out/hug/HugBench.dll" serve --host 127.0.0.1 --port 9103
  ASPNETCORE_URLS=http://127.0.0.1:9101 run_server "$round" bare 9101 dotnet "$out/bare/BareKestrel.dll"
  ASPNETCORE_URLS=http://127.0.0.1:9102 run_server "$round" minimal 9102 dotnet "$out/minimal/MinimalApi.dll"
  ASPNETCORE_URLS=http://127.0.0.1:9106 run_server "$round" fastendpoints 9106 dotnet "$out/fastendpoints/Bench.FastEndpoints.dll"
  run_echo "$round" hug 9104 dotnet "$out/hug-echo/HugEcho.dll" serve --host 127.0.0.1 --port 9104
  ASPNETCORE_URLS=http://127.0.0.1:9105 run_echo "$round" bare 9105 dotnet "$out/bare-echo/BareEcho.dll"
done

echo
echo "== Every round (get: GET /add; post: POST /sum JSON record; invalid: GET /add?number_1=x, a 400; echo: WebSocket round trips, req/s = round trips/s) =="
printf "%-5s %-8s %-8s %10s %9s %9s %7s %6s %9s %9s %9s\n" round server scenario "req/s" p50 p99 non2xx sockerr "cpu/req" "rss idle" "rss load"
awk -F'\t' '{printf "%-5s %-8s %-8s %10s %9s %9s %7s %6s %7.1fus %7.0fMB %7.0fMB\n", $1,$2,$3,$4,$5,$6,$7,$8,$9,$10/1024,$11/1024}' "$results"

median_min_max() { sort -g | awk '{v[NR]=$1} END {m = NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2; printf "%.2f (%.2f-%.2f)", m, v[1], v[NR]}'; }
value() { awk -F'\t' -v r="$1" -v s="$2" -v c="$3" -v col="$4" '$1==r && $2==s && $3==c {print $col}' "$results"; }
echo
echo "== Ratios: median (min-max) over $rounds rounds; CPU/request lower is better, req/s higher is better =="
for scenario in get post invalid echo; do
  bases="bare minimal fastendpoints"; [ $scenario = echo ] && bases=bare
  for base in $bases; do
    cpu=$(for r in $(seq 1 "$rounds"); do echo "$(value "$r" hug $scenario 9) / $(value "$r" $base $scenario 9)" | bc -l; done | median_min_max)
    rps=$(for r in $(seq 1 "$rounds"); do echo "$(value "$r" hug $scenario 4) / $(value "$r" $base $scenario 4)" | bc -l; done | median_min_max)
    printf "%-8s Hug/%-8s cpu/req %s   req/s %s\n" "$scenario" "$base" "$cpu" "$rps"
  done
done
errors=$(for r in $(seq 1 "$rounds"); do echo "$(value "$r" hug invalid 9) / $(value "$r" hug get 9)" | bc -l; done | median_min_max)
echo "Hug 400 path / success path, cpu/req: $errors"

echo
echo "== CLI: start-to-exit of 'add 1 2' (hyperfine, $cli_runs runs; JIT = dotnet build, R2R = publish ReadyToRun) =="
hyperfine -N --warmup 3 --runs "$cli_runs" --style basic \
  -n "bare console (JIT)" "dotnet $out/cli-bare/BareCli.dll add 1 2" \
  -n "System.CommandLine (JIT)" "dotnet $out/cli-scl/CommandLineCli.dll add 1 2" \
  -n "Hug (JIT)" "dotnet $out/cli-hug/Addition.dll add 1 2" \
  -n "bare console (R2R)" "dotnet $out/r2r-bare/BareCli.dll add 1 2" \
  -n "System.CommandLine (R2R)" "dotnet $out/r2r-scl/CommandLineCli.dll add 1 2" \
  -n "System.CommandLine floor (R2R)" "dotnet $out/r2r-floor/CommandLineFloor.dll add 1 2" \
  -n "Hug (R2R)" "dotnet $out/r2r-hug/Addition.dll add 1 2" 2>&1 | grep -E "Benchmark|Time"

echo
echo "== Microbenchmarks: one request in-process (BenchmarkDotNet) =="
dotnet build benchmarks/Hug.Benchmarks -c Release -o "$out/micro" -v q -nologo >/dev/null
(cd "$out/micro" && dotnet Hug.Benchmarks.dll $([ $quick = 1 ] && echo --quick) 2>&1 | grep -E "^\|" )
