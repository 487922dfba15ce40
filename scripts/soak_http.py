"""Soak test for HTTPClient: many requests against a loopback server that misbehaves at random.

Usage: python3 scripts/soak_http.py [--seconds 600] [--requests N] [--seed S]

A raw-socket server thread on 127.0.0.1 picks one behaviour per accepted
connection: a well-formed response (Content-Length, chunked, read to EOF,
several keep-alive responses), or one of the malformed cases of the
http-hardening checklist (bad status line, oversized head, conflicting
Content-Length, bad chunking, truncated bodies, FIN or RST at any point,
silence, extra bytes after a body), sent whole or in tiny pieces.  The client
runs the documented poll loop with deadlines and checks after every request:
no Python exception, no non-blocking call slower than 0.25 s, well-formed
responses arrive intact, malformed ones end in STATUS_CONNECTION_ERROR, and a
truncated body never ends in STATUS_CONNECTED.

Open file descriptors (/proc/self/fd) and RSS are printed at the start, after
a warm-up, and at the end; the exit code is 1 if any check failed or the
descriptor count grew after the warm-up.  The loop stops after ``--seconds``
(default 10 minutes) or ``--requests``, whichever comes first.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import socket
import struct
import sys
import threading
import time
import traceback
from collections import Counter

from gdscript.errors import set_engine_error_sink
from gdscript.stdlib.global_constants import OK
from gdscript.stdlib.http_client import HTTPClient, HTTPClient3

C = HTTPClient
SLOW_CALL = 0.25
# How long the client waits for a response head: long enough for a head sent in 300 tiny
# pieces on a loaded machine, shorter than a "silent" server stays silent.
HEAD_DEADLINE = 1.5
OK_HEAD = b"HTTP/1.1 200 OK\r\n"
BODY = bytes(range(256)) * 40  # 10 KiB, so bodies span several reads

# * Behaviours: name -> (kind, response bytes); kinds decide what the client must see.
NORMAL = {
    "content-length": OK_HEAD + b"Content-Length: %d\r\n\r\n" % len(BODY) + BODY,
    "chunked": OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\n" + b"".join(
        b"%x;x=1\r\n%s\r\n" % (len(BODY[i:i + 3000]), BODY[i:i + 3000])
        for i in range(0, len(BODY), 3000)) + b"0\r\nX-Trailer: t\r\n\r\n",
    "informational first": b"HTTP/1.1 100 Continue\r\n\r\n" + OK_HEAD
    + b"Content-Length: %d\r\n\r\n" % len(BODY) + BODY,
}
EOF_BODY = {"read to eof": OK_HEAD + b"Connection: close\r\n\r\n" + BODY}
MALFORMED = {
    "garbage status": b"garbage garbage\r\n\r\n",
    "http/0.9": b"<html>old</html>\n",
    "close before any byte": b"",
    "conflicting length": OK_HEAD + b"Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
    "junk length": OK_HEAD + b"Content-Length: 2abc\r\n\r\nab",
    "huge length": OK_HEAD + b"Content-Length: 99999999999999999999\r\n\r\nab",
    "line over 64 KiB": OK_HEAD + b"X-Big: " + b"a" * (100 * 1024) + b"\r\n\r\n",
    "600 headers": OK_HEAD + b"".join(b"X-%d: v\r\n" % i for i in range(600)) + b"\r\n",
    "head never ends": OK_HEAD + b"X-Filler: aaaaaaaaaaaaaaaaaaaaaaaa\r\n" * 9000,
    "unknown coding": OK_HEAD + b"Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
    "chunk size not hex": OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
    "chunk size 17 digits": OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\n"
    + b"10000000000000000\r\nhello\r\n0\r\n\r\n",
    "no CRLF after chunk": OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\n"
    + b"5\r\nhelloXX5\r\nworld\r\n0\r\n\r\n",
}
TRUNCATED = {
    "length not met": OK_HEAD + b"Content-Length: %d\r\n\r\n" % len(BODY) + BODY[:5000],
    "chunked without last chunk": OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\n"
    + b"%x\r\n%s\r\n" % (len(BODY), BODY),
    "cut inside a chunk": OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\n"
    + b"%x\r\n%s" % (len(BODY), BODY[:100]),
    "trailer not ended": OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nX: 1\r\n",
}
SPECIAL = ("keep-alive x3", "silent", "extra bytes after body", "length and chunked")
ALL = [*NORMAL, *EOF_BODY, *MALFORMED, *TRUNCATED, *SPECIAL]


# * Server -----------------------------------------------------------------------------------


class SoakServer:
    """127.0.0.1 only; one connection at a time; records the behaviour chosen per client port."""

    def __init__(self, rng: random.Random) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.rng = rng
        self.chosen: dict[int, tuple[str, str, bool]] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True, name="soak server")
        self.thread.start()

    def _run(self) -> None:
        self.sock.settimeout(0.1)
        while not self.stop.is_set():
            try:
                conn, address = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(3)
                behaviour = self.rng.choice(ALL)
                mode = self.rng.choice(["whole", "whole", "tiny"])
                rst = self.rng.random() < 0.3
                self.chosen[address[1]] = (behaviour, mode, rst)
                if len(self.chosen) > 64:  # bounded: the soak measures the client's memory
                    del self.chosen[next(iter(self.chosen))]
                try:
                    self._serve(conn, behaviour, mode)
                    if rst:
                        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                        struct.pack("ii", 1, 0))
                except OSError:
                    pass

    def _serve(self, conn: socket.socket, behaviour: str, mode: str) -> None:
        if not read_request(conn):
            return
        if behaviour == "silent":
            self.stop.wait(HEAD_DEADLINE + 0.5)  # longer than the client waits for a head
            return
        if behaviour == "keep-alive x3":
            for _ in range(3):
                send(conn, NORMAL["content-length"], mode)
                if not read_request(conn):
                    return
            return
        send(conn, special_or_fixed(behaviour), mode)
        if behaviour in NORMAL or behaviour in ("extra bytes after body", "length and chunked"):
            read_request(conn)  # a reused connection would send its next request now
        else:
            self.stop.wait(0.02)

    def close(self) -> None:
        self.stop.set()
        self.sock.close()
        self.thread.join(5)


def special_or_fixed(behaviour: str) -> bytes:
    if behaviour == "extra bytes after body":
        return NORMAL["content-length"] + OK_HEAD + b"Content-Length: 6\r\n\r\nforged"
    if behaviour == "length and chunked":
        return OK_HEAD + b"Content-Length: 99\r\n" + NORMAL["chunked"][len(OK_HEAD):]
    for table in (NORMAL, EOF_BODY, MALFORMED, TRUNCATED):
        if behaviour in table:
            return table[behaviour]
    raise KeyError(behaviour)


def read_request(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        try:
            piece = conn.recv(65536)
        except OSError:
            return b""
        if not piece:
            return b""
        data += piece
    return data


def send(conn: socket.socket, data: bytes, mode: str) -> None:
    if mode == "whole":
        conn.sendall(data)
        return
    step = max(1, len(data) // 300)  # tiny pieces, at most ~300 sends
    for start in range(0, len(data), step):
        conn.sendall(data[start:start + step])
        time.sleep(0.00002)


# * Client -----------------------------------------------------------------------------------


class Soak:
    """The client side: connect, request, read, check; counts outcomes and violations."""

    def __init__(self, port: int, server: SoakServer, rng: random.Random) -> None:
        self.port, self.server, self.rng = port, server, rng
        self.client: HTTPClient | None = None
        self.local_port = 0
        self.on_connection = 0
        self.slowest = 0.0
        self.outcomes: Counter[str] = Counter()
        self.violations: list[str] = []
        self.requests = 0

    def call(self, name: str, *args):
        start = time.perf_counter()
        try:
            return getattr(self.client, name)(*args)
        except Exception:  # noqa: BLE001 - the point is to catch any escape
            self.violations.append(f"exception in {name}: {traceback.format_exc()}")
            return None
        finally:
            self.slowest = max(self.slowest, time.perf_counter() - start)

    def poll_while(self, statuses: tuple[int, ...], limit: float) -> int:
        deadline = time.monotonic() + limit
        while self.client.get_status() in statuses and time.monotonic() < deadline:
            self.call("poll")
            time.sleep(0.0002)
        return self.client.get_status()

    def connect(self) -> bool:
        if self.client is not None:
            self.client.close()
        self.on_connection = 0
        self.client = (HTTPClient3 if self.rng.random() < 0.2 else HTTPClient)()
        if self.call("connect_to_host", "127.0.0.1", self.port) != OK:
            return False
        if self.poll_while((C.STATUS_RESOLVING, C.STATUS_CONNECTING), 2.0) != C.STATUS_CONNECTED:
            return False
        sock = self.client.get_connection()._gd_sock  # the port names the server's choice
        self.local_port = sock.getsockname()[1] if sock is not None else 0
        return True

    def one_request(self) -> None:
        if self.client is None or self.client.get_status() != C.STATUS_CONNECTED:
            if not self.connect():
                self.outcomes["connect failed"] += 1
                return
        self.requests += 1
        self.on_connection += 1
        if self.call("request", C.METHOD_GET, f"/{self.requests}", ["X-Soak: 1"], "") != OK:
            self.outcomes["request() failed (3.x writes at once; server gone)"] += 1
            self.client.close()
            return
        status = self.poll_while((C.STATUS_REQUESTING,), HEAD_DEADLINE)
        code, body = self.client.get_response_code(), self.read_body()
        self.check(status, code, body)

    def read_body(self) -> bytes:
        data = bytearray()
        deadline = time.monotonic() + 3.0
        while self.client.get_status() == C.STATUS_BODY and time.monotonic() < deadline:
            self.call("poll")
            data += self.call("read_response_body_chunk") or b""
        return bytes(data)

    def check(self, head_status: int, code: int, body: bytes) -> None:
        final = self.client.get_status()
        behaviour, mode, rst = self.server.chosen.get(
            self.local_port, ("not accepted yet (server busy with a silent one)", "-", False))
        again = " (reused connection)" if self.on_connection > 1 else ""
        self.outcomes[f"{behaviour}{again}: status {final}"] += 1
        problem = verdict(behaviour, head_status, final, code, body)
        if problem:
            self.violations.append(f"{behaviour} ({mode}, rst={rst}): {problem}")
        if final != C.STATUS_CONNECTED:
            self.client.close()


def verdict(behaviour: str, head_status: int, final: int, code: int, body: bytes) -> str:
    """What is wrong with this outcome for ``behaviour`` ("" if nothing)."""
    broken = (C.STATUS_CONNECTION_ERROR, C.STATUS_DISCONNECTED)
    if behaviour in NORMAL or behaviour in ("keep-alive x3", "extra bytes after body",
                                            "length and chunked"):
        if final == C.STATUS_CONNECTED and (code, body) != (200, BODY):
            return f"connected with code {code} and a {len(body)}-byte body"
        if final not in broken and final != C.STATUS_CONNECTED:
            return f"ended in status {final}"
        return ""
    if behaviour in EOF_BODY:  # a reset instead of the FIN may cut it: any prefix
        return "" if final in broken and BODY.startswith(body) else \
            f"status {final}, {len(body)} B"
    if behaviour in MALFORMED:
        # Chunk data before the bad byte may come out (all of "hello", or the part that
        # arrived before a reset); nothing after it ("world").
        return "" if final == C.STATUS_CONNECTION_ERROR and b"hello".startswith(body) else (
            f"status {final}, code {code}, {len(body)} B")
    if behaviour in TRUNCATED:
        return "" if final in broken else f"truncated body ended in status {final}"
    if behaviour == "silent":
        return "" if head_status == C.STATUS_REQUESTING else f"status {head_status}"
    return ""


# * Measurements and main ------------------------------------------------------------------------


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def open_sockets() -> int:
    count = 0
    for name in os.listdir("/proc/self/fd"):
        try:
            count += os.readlink(f"/proc/self/fd/{name}").startswith("socket:")
        except OSError:  # the listing's own descriptor is gone by now
            pass
    return count


def rss_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def snapshot(label: str) -> tuple[int, int]:
    gc.collect()  # clients are freed by the cycle collector; count only what stays
    fds, rss = open_fds(), rss_kib()
    print(f"[{label}] open fds: {fds} (sockets: {open_sockets()}), RSS: {rss} KiB, "
          f"threads: {threading.active_count()}", flush=True)
    return fds, rss


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600.0)
    parser.add_argument("--requests", type=int, default=0, help="stop after N (0: no limit)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=300, help="requests before the baseline")
    args = parser.parse_args(argv)
    set_engine_error_sink(lambda level, message, why: None)  # expected errors, thousands
    rng = random.Random(args.seed)
    start_fds, start_rss = snapshot("start")
    server = SoakServer(random.Random(args.seed + 1))
    soak = Soak(server.port, server, rng)
    baseline = None
    started = time.monotonic()
    try:
        while time.monotonic() - started < args.seconds:
            if args.requests and soak.requests >= args.requests:
                break
            soak.one_request()
            if baseline is None and soak.requests >= args.warmup:
                baseline = snapshot(f"after {soak.requests} requests (baseline)")
    finally:
        if soak.client is not None:
            soak.client.close()
        server.close()
    return report(soak, started, (start_fds, start_rss), baseline)


def report(soak: Soak, started: float, start: tuple[int, int],
           baseline: tuple[int, int] | None) -> int:
    end_fds, end_rss = snapshot("end")
    elapsed = time.monotonic() - started
    print(f"requests: {soak.requests} in {elapsed:.0f} s ({soak.requests / elapsed:.0f}/s), "
          f"slowest non-blocking call: {soak.slowest * 1000:.1f} ms")
    for name, count in sorted(soak.outcomes.items()):
        print(f"  {count:6d}  {name}")
    base_fds, base_rss = baseline or start
    print(f"fds: start {start[0]}, baseline {base_fds}, end {end_fds}; "
          f"RSS KiB: start {start[1]}, baseline {base_rss}, end {end_rss} "
          f"(growth after baseline {end_rss - base_rss} KiB)")
    for problem in soak.violations[:20]:
        print("VIOLATION:", problem)
    print(f"violations: {len(soak.violations)}")
    leaked = end_fds > base_fds
    failed = bool(soak.violations) or leaked or soak.slowest >= SLOW_CALL
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
