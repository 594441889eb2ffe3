#!/usr/bin/env python3
"""fcgi.py SOCKET N PATH [PATH...]: N FastCGI GET requests of each PATH, one connection each (as nginx
makes them), straight to a tpportal socket; prints per path the statuses seen and the last X-Round-Trips.
Used by tools/bench-cost."""
import socket, struct, sys
def rec(t, rid, content):
    return struct.pack('!BBHHBx', 1, t, rid, len(content), 0) + content
def nv(k, v):
    k, v = k.encode(), v.encode()
    def ln(n): return bytes([n]) if n < 128 else struct.pack('!I', n | 0x80000000)
    return ln(len(k)) + ln(len(v)) + k + v
def get(sock, path, extra=None):
    """One GET of path on the unix socket sock: the raw answer (head and body)."""
    s = socket.socket(socket.AF_UNIX); s.connect(sock)
    p, _, q = path.partition('?')
    env = {'REQUEST_METHOD': 'GET', 'REQUEST_URI': path, 'DOCUMENT_URI': p, 'QUERY_STRING': q,
           'REMOTE_ADDR': '127.0.0.1', 'SERVER_SOFTWARE': 'fcgi.py', 'SERVER_PROTOCOL': 'HTTP/1.1'}
    env.update(extra or {})
    params = b''.join(nv(k, v) for k, v in env.items())
    s.sendall(rec(1, 1, struct.pack('!HB5x', 1, 0)) + rec(4, 1, params) + rec(4, 1, b'') + rec(5, 1, b''))
    out = b''; buf = b''
    while True:
        d = s.recv(65536)
        if not d: break
        buf += d
        while len(buf) >= 8:
            v, t, rid, cl, pl = struct.unpack('!BBHHB', buf[:7])
            if len(buf) < 8 + cl + pl: break
            if t == 6: out += buf[8:8+cl]
            buf = buf[8+cl+pl:]
            if t == 3: s.close(); return out
    s.close(); return out
if __name__ == '__main__':
    sock, n = sys.argv[1], int(sys.argv[2])
    for path in sys.argv[3:]:
        counts, trips = {}, '-'
        for i in range(n):
            o = get(sock, path)
            head = o.split(b'\r\n\r\n', 1)[0].decode(errors='replace').split('\r\n')
            st = head[0].replace('Status: ', '')
            counts[st] = counts.get(st, 0) + 1
            trips = next((h.split(':', 1)[1].strip() for h in head if h.lower().startswith('x-round-trips:')), trips)
        print(path, 'trips=' + trips, ' '.join('%s=%d' % (k.split(' ')[0], v) for k, v in counts.items()))
