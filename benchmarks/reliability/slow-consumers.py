# Issue 21: while a chat member never reads and a /calls client floods announcements without reading the answers,
# how do a normal client's requests fare, and how much memory does the server hold?
#   python3 benchmarks/reliability/slow-consumers.py PORT PID [SECONDS]
# (examples/Chat served on 127.0.0.1:PORT as process PID.) Prints the normal client's p50/p99 before and during,
# its 5xx count, and the server's peak resident memory (Linux /proc).
import base64, json, os, socket, struct, sys, threading, time, urllib.request

port, pid = int(sys.argv[1]), int(sys.argv[2])
seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 20

def rss_mib():
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"): return int(line.split()[1]) // 1024
    return 0

def ws(path):
    s = socket.create_connection(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
    data = b""
    while b"\r\n\r\n" not in data: data += s.recv(4096)
    return s

def frame(payload):
    mask = os.urandom(4); n = len(payload)
    head = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack(">H", n))
    return head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))

def timed_gets(count):
    times, fives = [], 0
    for _ in range(count):
        start = time.perf_counter()
        try: urllib.request.urlopen(f"http://127.0.0.1:{port}/people", timeout=30).read()
        except urllib.error.HTTPError as e: fives += e.code >= 500
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.99) - 1], fives

print("before: p50 %.2f ms  p99 %.2f ms  5xx %d  rss %d MiB" % (*timed_gets(500), rss_mib()))
stuck = ws("/chat?name=stuck")            # never reads
flooder = ws("/calls")                    # never reads its answers
call = frame(json.dumps({"id": 1, "call": "announce", "args": {"text": "x" * 500}}).encode())
stop = time.time() + seconds
sent = [0]
def flood():
    flooder.settimeout(5)
    try:
        while time.time() < stop:
            flooder.sendall(call); sent[0] += 1
    except OSError: pass                  # the server stopped reading it, or cut it off
threading.Thread(target=flood, daemon=True).start()
peak = [0]
def sample():
    while time.time() < stop:
        peak[0] = max(peak[0], rss_mib()); time.sleep(0.25)
threading.Thread(target=sample, daemon=True).start()
during = []
fives = 0
while time.time() < stop:
    p50, p99, f = timed_gets(100); during.append(p99); fives += f
print("during %ds: announcements sent %d, normal client p99 (worst 100-request batch) %.2f ms, 5xx %d, peak rss %d MiB"
      % (seconds, sent[0], max(during), fives, peak[0]))
print("after: people %s" % urllib.request.urlopen(f"http://127.0.0.1:{port}/people").read().decode())
