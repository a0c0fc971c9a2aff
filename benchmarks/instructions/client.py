"""Sends a fixed number of requests of one scenario over one keep-alive connection, checking each answer.
   python3 client.py PORT SCENARIO COUNT      (SCENARIO: get | post | invalid)"""
import http.client
import sys

port, scenario, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
for _ in range(count):
    if scenario == "post":
        connection.request("POST", "/sum", body=b'{"number_1":1,"number_2":2}', headers={"Content-Type": "application/json"})
        expected = 200
    elif scenario == "invalid":
        connection.request("GET", "/add?number_1=x&number_2=2")
        expected = 400
    else:
        connection.request("GET", "/add?number_1=1&number_2=2")
        expected = 200
    response = connection.getresponse()
    body = response.read()
    if response.status != expected or (expected == 200 and body != b"3"):
        sys.exit(f"{scenario}: unexpected {response.status} {body!r}")
connection.close()
