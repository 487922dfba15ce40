"""A loopback HTTP server for the download benchmark: 127.0.0.1 only.

``LoopbackServer().start()`` returns the port; ``stop()`` shuts it down.  It
answers ``GET /bytes/<n>`` with ``n`` bytes (byte ``i`` is ``i % 256``; at most
``MAX_BYTES``) as one ``Content-Length`` body, then closes the connection; any
other path gets 404.  Bodies are sent from one shared 1 MiB block with
``sendall`` so the server is not what limits the measured client.
"""

from __future__ import annotations

import re
import socket
import socketserver
import threading

MAX_BYTES = 1 << 30
BLOCK = bytes(range(256)) * 4096  # 1 MiB, a multiple of 256: every block starts at byte 0
_REQUEST_LINE = re.compile(rb"^GET /bytes/(\d{1,10}) HTTP/1\.[01]\r\n")
SOCKET_TIMEOUT = 60.0


def _read_head(conn: socket.socket) -> bytes:
    """Bytes up to the end of the request head (bounded to 64 KiB)."""
    data = b""
    while b"\r\n\r\n" not in data and len(data) < 65536:
        piece = conn.recv(4096)
        if not piece:
            break
        data += piece
    return data


def send_body(conn: socket.socket, size: int) -> None:
    view = memoryview(BLOCK)
    left = size
    while left > 0:
        step = min(left, len(BLOCK))
        conn.sendall(view[:step])
        left -= step


class _Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        conn = self.request
        conn.settimeout(SOCKET_TIMEOUT)
        match = _REQUEST_LINE.match(_read_head(conn))
        if match is None or int(match.group(1)) > MAX_BYTES:
            conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n"
                         b"Connection: close\r\n\r\n")
            return
        size = int(match.group(1))
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                     b"Content-Length: %d\r\nConnection: close\r\n\r\n" % size)
        try:
            send_body(conn, size)
        except OSError:
            pass  # the client went away (e.g. a timed-out run was killed)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class LoopbackServer:
    """Serves /bytes/<n> on 127.0.0.1 from a background thread."""

    def __init__(self) -> None:
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> int:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.2}, daemon=True)
        self._thread.start()
        return self._server.server_address[1]

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> int:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
