# Issue 21, finding 7: does a raw WebSocket client (no close reply, just reading) see the close code, or a reset?
# Serve an example with a /chat endpoint, then:  python3 benchmarks/reliability/ws-close-probe.py PORT
# 2026-12-01 against examples/Chat: invalid UTF-8 -> close 1007 18 of 20, reset 2; a 2 MB message -> close 1009 10 of 10.
# After the handler lingers 500 ms when .NET aborted on bad data (WebSocketHandler.CloseLinger): 1007 20 of 20.
# (Reliability/CloseFrameTests, a C# raw client, never saw the reset even without the linger: this script is the detector.)
import socket, os, base64, struct, sys
def frame(payload, opcode=1):
    mask=os.urandom(4); n=len(payload)
    head=bytes([0x80|opcode])
    if n<126: head+=bytes([0x80|n])
    elif n<65536: head+=bytes([0x80|126])+struct.pack('>H',n)
    else: head+=bytes([0x80|127])+struct.pack('>Q',n)
    return head+mask+bytes(b^mask[i%4] for i,b in enumerate(payload))
def run(payload):
    s=socket.create_connection(('127.0.0.1',int(sys.argv[1])))
    key=base64.b64encode(os.urandom(16)).decode()
    s.sendall(f"GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
    data=b''
    while b'\r\n\r\n' not in data: data+=s.recv(4096)
    data=data.split(b'\r\n\r\n',1)[1]
    try: s.sendall(frame(payload))
    except Exception as e: return 'send-error '+str(e)
    s.settimeout(5)
    try:
        while True:
            chunk=s.recv(65536)
            if not chunk: break
            data+=chunk
            # find close frame
            i=0
            while i+2<=len(data):
                op=data[i]&0x0f; n=data[i+1]&0x7f; h=2
                if n==126: n=struct.unpack('>H',data[i+2:i+4])[0]; h=4
                elif n==127: n=struct.unpack('>Q',data[i+2:i+10])[0]; h=10
                if i+h+n>len(data): break
                if op==8: return 'close %d'%struct.unpack('>H',data[i+h:i+h+2])[0]
                i+=h+n
    except ConnectionResetError: return 'reset'
    except socket.timeout: return 'timeout'
    return 'eof'
from collections import Counter
c=Counter(run(b'\xc3\x28') for _ in range(20)); print('utf8', c)
c=Counter(run(b'x'*(2*1024*1024)) for _ in range(10)); print('big', c)
