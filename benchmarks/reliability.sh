#!/usr/bin/env bash
# The longer reliability run (issue 21), beside the fast part in CI (tests/Hug.Tests/Reliability):
#   bash benchmarks/reliability.sh [requests]      (default 10000 mutated requests)
# 1. the fuzz suite with more requests (fixed seed): requests sent, answered, 5xx (must be 0);
# 2. the slow-client, heap-limit, large-body and close-frame tests, each run three times;
# 3. the raw WebSocket close probe against examples/Chat (close codes versus resets);
# 4. slow consumers against examples/Chat: a member that never reads and a /calls flooder, 20 s; a normal client's
#    p99, its 5xx, and the server's peak resident memory;
# 5. a soak of examples/Addition (SOAK_SECONDS, default 60, 64 connections) and a shutdown under load
#    (reliability/soak-and-shutdown.sh: requests, non-2xx, resident memory; SIGTERM's exit code and time). Needs wrk.
# Record what it prints in benchmarks/RESULTS.md with the date.
set -euo pipefail
cd "$(dirname "$0")/.."
requests="${1:-10000}"
report=$(mktemp); trap 'rm -f "$report"; kill "${chat:-0}" 2>/dev/null || true' EXIT
dotnet build tests/Hug.Tests -v q -nologo >/dev/null
echo "fuzz: $requests mutated requests"
HUG_FUZZ_REQUESTS="$requests" HUG_FUZZ_REPORT="$report" dotnet test tests/Hug.Tests --no-build --filter "FullyQualifiedName~FuzzTests" -v q -nologo | grep -E "Passed!|Failed!" || true
cat "$report"
for run in 1 2 3; do
  echo "slow clients, heap limit, large bodies, close frames: run $run"
  dotnet test tests/Hug.Tests --no-build --filter "FullyQualifiedName~SlowClientTests|FullyQualifiedName~HeapLimitTests|FullyQualifiedName~LargeBodyTests|FullyQualifiedName~CloseFrameTests" -v q -nologo | grep -E "Passed!|Failed!" || true
done
port=18790
dotnet examples/Chat/bin/Debug/net10.0/Chat.dll serve --host 127.0.0.1 --port "$port" >/dev/null 2>&1 & chat=$!
sleep 3
echo "close probe (examples/Chat):"
python3 benchmarks/reliability/ws-close-probe.py "$port"
echo "slow consumers (examples/Chat):"
python3 benchmarks/reliability/slow-consumers.py "$port" "$chat" 20
kill "$chat" 2>/dev/null || true
bash benchmarks/reliability/soak-and-shutdown.sh "${SOAK_SECONDS:-60}"
