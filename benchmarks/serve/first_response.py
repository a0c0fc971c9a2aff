"""Start-up of a server as its users feel it: from process start to the first successful GET /add, then resident
memory idle and under load (wrk), for RUNS fresh processes.
   python3 first_response.py RUNS PORT COMMAND...     (PORT is where COMMAND listens; prints medians as TSV)"""
import http.client
import os
import signal
import statistics
import subprocess
import sys
import time

runs, port, command = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]


def rss_kb(pid, field="VmRSS"):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def first_response(deadline):
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", "/add?number_1=1&number_2=2")
            response = connection.getresponse()
            body = response.read()
            connection.close()
            if response.status == 200 and body == b"3":
                return
        except OSError:
            time.sleep(0.0005)
    sys.exit(f"no answer on port {port} from {' '.join(command)}")


starts, idles, loadeds = [], [], []
for run in range(runs):
    began = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        first_response(began + 30)
        starts.append((time.monotonic() - began) * 1000)
        if run == runs - 1:  # memory once, on the last process (start-up is what varies)
            time.sleep(1)
            idles.append(rss_kb(process.pid))
            subprocess.run(["wrk", "-t1", "-c32", "-d5s", f"http://127.0.0.1:{port}/add?number_1=1&number_2=2"],
                           stdout=subprocess.DEVNULL, check=True)
            loadeds.append(rss_kb(process.pid, "VmHWM"))
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(10)
print(f"{statistics.median(starts):.1f}\t{min(starts):.1f}\t{max(starts):.1f}\t{idles[0]}\t{loadeds[0]}")
