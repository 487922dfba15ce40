"""HTTPClient against real servers on 127.0.0.1 / ::1.

pytest-httpserver answers well-formed requests; ``RawServer`` (a thread with a
listening socket) captures exact request bytes and sends scripted, possibly
malformed, responses — whole or a few bytes at a time.  Expected outcomes come
from httpclient-behavior.md (Godot) and http-hardening.md (where this project
is deliberately stricter).
"""

from __future__ import annotations

import json
import socket
import threading
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug.wrappers import Response

from gdscript.errors import set_engine_error_sink
from gdscript.stdlib import http_client
from gdscript.stdlib.global_constants import ERR_CONNECTION_ERROR, ERR_INVALID_PARAMETER, OK
from gdscript.stdlib.http_client import HTTPClient, HTTPClient3

UA4 = b"User-Agent: GodotEngine/4.6.dev.custom_build (Linux)\r\n"
UA3 = b"User-Agent: GodotEngine/3.6.2.stable.custom_build (X11)\r\n"
ACTIVE = (HTTPClient.STATUS_RESOLVING, HTTPClient.STATUS_CONNECTING)


@pytest.fixture(autouse=True)
def _quiet_engine_errors():
    captured: list[str] = []
    old = set_engine_error_sink(lambda level, message, explanation: captured.append(message))
    http_client.set_resolve_overrides()
    yield captured
    set_engine_error_sink(old)
    http_client.set_resolve_overrides()


@pytest.fixture(scope="module")
def _shared_httpserver():
    server = HTTPServer(host="127.0.0.1", threaded=True)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def httpserver(_shared_httpserver):
    """pytest-httpserver, threaded so that it speaks HTTP/1.1 (chunked responses)."""
    yield _shared_httpserver
    _shared_httpserver.clear()


class RawServer:
    """Accepts ``connections`` clients in turn and runs ``respond(conn, server)`` for each."""

    def __init__(self, respond, connections=1, host="127.0.0.1"):
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.sock = socket.socket(family)
        self.sock.bind((host, 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.requests: list[bytes] = []
        self.received = threading.Event()
        self._respond, self._connections = respond, connections
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        self.sock.settimeout(5)
        for _ in range(self._connections):
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                try:
                    self._respond(conn, self)
                except OSError:
                    pass

    def read_request(self, conn) -> bytes:
        data = b""
        while b"\r\n\r\n" not in data:
            piece = conn.recv(65536)
            if not piece:
                return data
            data += piece
        head, _, body = data.partition(b"\r\n\r\n")
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                while len(body) < int(line.split(b":")[1]):
                    body += conn.recv(65536)
        self.requests.append(head + b"\r\n\r\n" + body)
        self.received.set()
        return self.requests[-1]

    def close(self):
        self.sock.close()
        self.thread.join(5)


def send_slowly(conn, data: bytes, step: int = 3):
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    for index in range(0, len(data), step):
        conn.sendall(data[index:index + step])
        time.sleep(0.0005)


def canned(response: bytes, piecewise=False, linger=0.05):
    """A respond() that reads one request, sends ``response``, waits, and closes."""
    def respond(conn, server):
        server.read_request(conn)
        (send_slowly if piecewise else socket.socket.sendall)(conn, response)
        time.sleep(linger)
    return respond


def drive(client, statuses, limit=5.0):
    deadline = time.monotonic() + limit
    while client.get_status() in statuses and time.monotonic() < deadline:
        client.poll()
        time.sleep(0.0005)
    return client.get_status()


def connect(client, host, port, *args):
    assert client.connect_to_host(host, port, *args) == OK
    assert drive(client, ACTIVE) == HTTPClient.STATUS_CONNECTED


def read_body(client, limit=10.0):
    """The documented loop: poll(), then read a chunk, while in STATUS_BODY."""
    body, chunks = bytearray(), []
    deadline = time.monotonic() + limit
    while client.get_status() == HTTPClient.STATUS_BODY and time.monotonic() < deadline:
        client.poll()
        chunk = client.read_response_body_chunk()
        if chunk:
            chunks.append(len(chunk))
        body += chunk
    return bytes(body), chunks


def exchange(client, method, url, headers=(), body=""):
    assert client.request(method, url, list(headers), body) == OK
    drive(client, (HTTPClient.STATUS_REQUESTING,))
    code = client.get_response_code()
    head = list(client.get_response_headers())
    data, _ = read_body(client)
    return code, head, data


def raw_exchange(response: bytes, piecewise=False, cls=HTTPClient, url="/"):
    server = RawServer(canned(response, piecewise))
    client = cls()
    try:
        connect(client, "127.0.0.1", server.port)
        assert client.request(HTTPClient.METHOD_GET, url, []) == OK
        drive(client, (HTTPClient.STATUS_REQUESTING,))
        code, chunked, length = (client.get_response_code(), client.is_response_chunked(),
                                 client.get_response_body_length())
        body, _ = read_body(client)
        return client, code, chunked, length, body
    finally:
        server.close()


class TestRequestWireFormat:
    def _capture(self, send, cls=HTTPClient, host="127.0.0.1", connect_host=None):
        server = RawServer(canned(b"HTTP/1.1 204 No Content\r\n\r\n"), host=host)
        client = cls()
        try:
            connect(client, connect_host or host, server.port)
            assert send(client) == OK
            drive(client, (HTTPClient.STATUS_REQUESTING,))
            assert server.received.wait(5)
            return server.requests[0], server.port
        finally:
            client.close()
            server.close()

    def test_automatic_headers_4x(self):
        data, port = self._capture(lambda c: c.request(HTTPClient.METHOD_GET, "/p?q=1", ["X-A: b"]))
        assert data == (b"GET /p?q=1 HTTP/1.1\r\nX-A: b\r\nHost: 127.0.0.1:%d\r\n" % port
                        + UA4 + b"Accept: */*\r\n\r\n")

    def test_automatic_headers_3x_and_request_written_synchronously(self):
        server = RawServer(canned(b"HTTP/1.1 204 No Content\r\n\r\n"))
        client = HTTPClient3()
        try:
            connect(client, "127.0.0.1", server.port)
            assert client.request(HTTPClient.METHOD_DELETE, "/d", []) == OK
            assert server.received.wait(5)  # no poll() needed in 3.x
            assert server.requests[0] == (b"DELETE /d HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
                                          % server.port + UA3 + b"Accept: */*\r\n\r\n")
        finally:
            client.close()
            server.close()

    def test_body_gets_content_length_even_for_get(self):
        data, _ = self._capture(lambda c: c.request(HTTPClient.METHOD_GET, "/", [], "héllo"))
        assert b"\r\nContent-Length: 6\r\n" in data and data.endswith(b"\r\n\r\nh\xc3\xa9llo")

    def test_empty_post_has_no_content_length(self):
        data, _ = self._capture(lambda c: c.request(HTTPClient.METHOD_POST, "/", []))
        assert data.startswith(b"POST / HTTP/1.1\r\n") and b"Content-Length" not in data

    def test_request_raw_sends_bytes_as_given(self):
        body = bytes(range(256))
        data, _ = self._capture(lambda c: c.request_raw(HTTPClient.METHOD_PUT, "/r", [], body))
        assert b"Content-Length: 256\r\n" in data and data.endswith(b"\r\n\r\n" + body)

    def test_user_headers_replace_automatic_ones_by_prefix(self):
        headers = ["host: custom", "user-agent: gdscript-test/1.0", "Accept-Encoding: gzip",
                   "Content-Length: 1"]
        data, _ = self._capture(lambda c: c.request(HTTPClient.METHOD_POST, "/", headers, "abc"))
        assert data == (b"POST / HTTP/1.1\r\nhost: custom\r\nuser-agent: gdscript-test/1.0\r\n"
                        b"Accept-Encoding: gzip\r\nContent-Length: 1\r\nAccept: */*\r\n\r\nabc")

    def test_default_port_host_header_has_no_port(self):
        server = RawServer(canned(b"HTTP/1.1 204 No Content\r\n\r\n"))
        http_client.set_resolve_overrides({("fixture.test", 80): ("127.0.0.1", server.port)})
        client = HTTPClient()
        try:
            connect(client, "http://fixture.test", -1)
            client.request(HTTPClient.METHOD_GET, "/", [])
            drive(client, (HTTPClient.STATUS_REQUESTING,))
            assert server.received.wait(5)
            assert b"\r\nHost: fixture.test\r\n" in server.requests[0]
        finally:
            client.close()
            server.close()

    @pytest.mark.parametrize("given", ["[::1]", "0:0:0:0:0:0:0:1"])
    def test_ipv6_host_header_is_bracketed(self, given):
        data, port = self._capture(lambda c: c.request(HTTPClient.METHOD_GET, "/", []),
                                   host="::1", connect_host=given)
        assert (b"\r\nHost: [%s]:%d\r\n" % (given.strip("[]").encode(), port)) in data

    def test_http_proxy_uses_absolute_form(self):
        server = RawServer(canned(b"HTTP/1.1 204 No Content\r\n\r\n"))
        client = HTTPClient()
        client.set_http_proxy("127.0.0.1", server.port)
        try:
            connect(client, "origin.test", 8080)  # never resolved: the proxy is an IP
            client.request(HTTPClient.METHOD_GET, "/x?y", ["Proxy-Authorization: Basic Zm9v"])
            drive(client, (HTTPClient.STATUS_REQUESTING,))
            assert server.received.wait(5)
            assert server.requests[0].startswith(
                b"GET http://origin.test:8080/x?y HTTP/1.1\r\nProxy-Authorization: Basic Zm9v\r\n"
                b"Host: origin.test:8080\r\n")
        finally:
            client.close()
            server.close()


class TestRequestRefusals:
    @pytest.fixture
    def connected(self):
        server = RawServer(canned(b"", linger=0))
        client = HTTPClient()
        connect(client, "127.0.0.1", server.port)
        yield client
        client.close()
        server.close()

    @pytest.mark.parametrize("url,headers", [
        ("/a\r\nEvil: 1", []),
        ("/a", ["X-Ok: 1", "X-Bad: a\r\nEvil: 1"]),
        ("/a", ["X-Bad: a\nb"]),
        ("/a", ["X-Nul: a\0b"]),
    ])
    def test_line_breaks_are_refused(self, connected, url, headers, _quiet_engine_errors):
        assert connected.request(HTTPClient.METHOD_GET, url, headers) == ERR_INVALID_PARAMETER
        assert connected.get_status() == HTTPClient.STATUS_CONNECTED
        assert "line break" in _quiet_engine_errors[-1]

    @pytest.mark.parametrize("headers,index", [(["A: 1", "  "], 1), (["NoColon"], 0),
                                               ([": value"], 0)])
    def test_invalid_headers_4x(self, connected, headers, index, _quiet_engine_errors):
        captured = []
        old = set_engine_error_sink(lambda level, m, e: captured.append((m, e)))
        try:
            assert connected.request(HTTPClient.METHOD_GET, "/", headers) == ERR_INVALID_PARAMETER
        finally:
            set_engine_error_sink(old)
        assert captured[0][1].startswith(f"Invalid HTTP header at index {index}: ")
        assert connected.get_status() == HTTPClient.STATUS_CONNECTED

    def test_3x_sends_headers_without_a_colon(self):
        server = RawServer(canned(b"HTTP/1.1 204 No Content\r\n\r\n"))
        client = HTTPClient3()
        try:
            connect(client, "127.0.0.1", server.port)
            assert client.request(HTTPClient.METHOD_GET, "/", ["NoColon"]) == OK
            assert server.received.wait(5)
            # Godot 3.2.3 writes Host first, then the user headers as given.
            host = f"Host: 127.0.0.1:{server.port}".encode()
            assert server.requests[0].startswith(b"GET / HTTP/1.1\r\n" + host + b"\r\nNoColon\r\n")
        finally:
            client.close()
            server.close()

    def test_second_request_before_body_is_read(self, _quiet_engine_errors):
        server = RawServer(canned(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"))
        client = HTTPClient()
        try:
            connect(client, "127.0.0.1", server.port)
            client.request(HTTPClient.METHOD_GET, "/", [])
            assert drive(client, (HTTPClient.STATUS_REQUESTING,)) == HTTPClient.STATUS_BODY
            assert client.request(HTTPClient.METHOD_GET, "/", []) == ERR_INVALID_PARAMETER
        finally:
            client.close()
            server.close()


class TestResponses:
    def test_json_get_and_header_consumption(self, httpserver):
        httpserver.expect_request("/json", query_string="a=1").respond_with_json({"k": [1, 2]})
        client = HTTPClient()
        connect(client, "127.0.0.1", httpserver.port)
        assert client.request(HTTPClient.METHOD_GET, "/json?a=1", []) == OK
        assert drive(client, (HTTPClient.STATUS_REQUESTING,)) == HTTPClient.STATUS_BODY
        assert client.has_response() and client.get_response_code() == 200
        assert client.get_response_body_length() == len(b'{"k": [1, 2]}\n') or \
            client.get_response_body_length() > 0
        headers = client.get_response_headers()
        assert "Content-Type: application/json" in headers
        assert list(client.get_response_headers()) == [] and not client.has_response()
        body, _ = read_body(client)
        assert json.loads(body) == {"k": [1, 2]}
        assert client.get_status() == HTTPClient.STATUS_CONNECTED

    def test_headers_as_dictionary_keeps_last_duplicate_and_strings(self, httpserver):
        response = Response("x", headers=[("Set-Cookie", "a=1"), ("Set-Cookie", "b=2"),
                                          ("X-Number", " 12 ")])
        httpserver.expect_request("/dup").respond_with_response(response)
        client = HTTPClient()
        connect(client, "127.0.0.1", httpserver.port)
        client.request(HTTPClient.METHOD_GET, "/dup", [])
        drive(client, (HTTPClient.STATUS_REQUESTING,))
        headers = client.get_response_headers_as_dictionary()
        assert headers["Set-Cookie"] == "b=2" and headers["X-Number"] == "12"
        assert headers["Content-Length"] == "1"
        assert dict(client.get_response_headers_as_dictionary()) == {}

    def test_chunked_response(self, httpserver):
        pieces = [b"alpha-", b"beta-" * 1000, b"gamma"]
        httpserver.expect_request("/stream").respond_with_response(
            Response(iter(pieces), content_type="text/plain"))
        client = HTTPClient()
        connect(client, "127.0.0.1", httpserver.port)
        client.request(HTTPClient.METHOD_GET, "/stream", [])
        drive(client, (HTTPClient.STATUS_REQUESTING,))
        assert client.is_response_chunked() and client.get_response_body_length() == -1
        body, _ = read_body(client)
        assert body == b"".join(pieces)
        assert client.get_status() == HTTPClient.STATUS_CONNECTED

    @pytest.mark.parametrize("cls", [HTTPClient, HTTPClient3])
    def test_keep_alive_reuses_the_connection(self, cls):
        # werkzeug always answers "Connection: close", so a raw server plays keep-alive.
        def respond(conn, server):
            server.read_request(conn)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst")
            server.read_request(conn)
            conn.sendall(b"HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
                         b"6\r\nsecond\r\n5\r\n body\r\n0\r\n\r\n")
            server.read_request(conn)
            conn.sendall(b"HTTP/1.1 202 Accepted\r\nContent-Length: 5\r\n\r\nthird")
            time.sleep(0.2)

        server = RawServer(respond)
        client = cls()
        try:
            connect(client, "127.0.0.1", server.port)
            peer = client.get_connection()
            assert exchange(client, HTTPClient.METHOD_GET, "/one")[::2] == (200, b"first")
            assert exchange(client, HTTPClient.METHOD_POST, "/two", [], "payload")[::2] == (
                201, b"second body")
            assert exchange(client, HTTPClient.METHOD_GET, "/3")[::2] == (202, b"third")
            assert client.get_connection() is peer  # one socket (the server accepted once)
            assert [r.split(b" ")[1] for r in server.requests] == [b"/one", b"/two", b"/3"]
        finally:
            client.close()
            server.close()

    def test_head_has_no_body(self, httpserver):
        httpserver.expect_request("/h", method="HEAD").respond_with_data("x" * 50)
        client = HTTPClient()
        connect(client, "127.0.0.1", httpserver.port)
        client.request(HTTPClient.METHOD_HEAD, "/h", [])
        assert drive(client, (HTTPClient.STATUS_REQUESTING,)) == HTTPClient.STATUS_BODY
        assert client.get_response_body_length() == 0
        assert list(client.read_response_body_chunk()) == []
        assert client.get_status() == HTTPClient.STATUS_CONNECTED

    def test_read_chunk_size_bounds_every_chunk(self, httpserver):
        data = bytes(range(256)) * 1200
        httpserver.expect_request("/big").respond_with_data(data)
        client = HTTPClient()
        client.read_chunk_size = 1000
        connect(client, "127.0.0.1", httpserver.port)
        client.request(HTTPClient.METHOD_GET, "/big", [])
        drive(client, (HTTPClient.STATUS_REQUESTING,))
        body, chunks = read_body(client)
        assert body == data and max(chunks) <= 1000

    def test_blocking_mode_returns_full_chunks(self, httpserver):
        data = b"z" * 10000
        httpserver.expect_request("/b").respond_with_data(data)
        client = HTTPClient()
        client.blocking_mode_enabled = True
        client.read_chunk_size = 4096
        connect(client, "127.0.0.1", httpserver.port)
        client.request(HTTPClient.METHOD_GET, "/b", [])
        client.poll()  # blocking: the whole head in one poll
        assert client.get_status() == HTTPClient.STATUS_BODY
        sizes = [len(client.read_response_body_chunk()) for _ in range(3)]
        assert sum(sizes) == 10000 and sizes[1] == 4096
        assert client.get_status() == HTTPClient.STATUS_CONNECTED

    def test_error_status_code(self, httpserver):
        httpserver.expect_request("/missing").respond_with_data("nope", status=404)
        client = HTTPClient()
        connect(client, "127.0.0.1", httpserver.port)
        assert exchange(client, HTTPClient.METHOD_GET, "/missing")[::2] == (404, b"nope")

    def test_http_scheme_drops_tls_options(self, httpserver):
        from gdscript.stdlib.tls import TLSOptions

        httpserver.expect_request("/").respond_with_data("plain")
        client = HTTPClient()
        connect(client, "http://127.0.0.1", httpserver.port, TLSOptions.client())
        assert exchange(client, HTTPClient.METHOD_GET, "/")[::2] == (200, b"plain")

    def test_localhost_falls_back_between_addresses(self, httpserver):
        httpserver.expect_request("/").respond_with_data("v4")
        client = HTTPClient()
        connect(client, "localhost", httpserver.port)
        assert exchange(client, HTTPClient.METHOD_GET, "/")[::2] == (200, b"v4")


PIECEWISE = pytest.mark.parametrize("piecewise", [False, True], ids=["whole", "pieces"])


class TestFraming:
    @PIECEWISE
    def test_content_length_body(self, piecewise):
        _, code, chunked, length, body = raw_exchange(
            b"HTTP/1.1 200 OK\r\nContent-Length: 11\r\nX-A:  spaced \r\n\r\nhello world", piecewise)
        assert (code, chunked, length, body) == (200, False, 11, b"hello world")

    @PIECEWISE
    def test_chunked_with_extensions_and_trailers(self, piecewise):
        response = (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    b"5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n")
        client, code, chunked, length, body = raw_exchange(response, piecewise)
        assert (code, chunked, length, body) == (200, True, -1, b"hello world")
        assert client.get_status() == HTTPClient.STATUS_CONNECTED

    @PIECEWISE
    def test_informational_response_is_skipped(self, piecewise):
        response = (b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\n"
                    b"Content-Length: 2\r\n\r\nok")
        _, code, _, _, body = raw_exchange(response, piecewise)
        assert (code, body) == (201, b"ok")

    def test_keep_alive_without_framing_has_no_body(self):
        client, code, _, length, body = raw_exchange(b"HTTP/1.1 200 OK\r\nX: y\r\n\r\n")
        assert (code, length, body) == (200, -1, b"")
        assert client.get_status() in (HTTPClient.STATUS_CONNECTED,
                                       HTTPClient.STATUS_CONNECTION_ERROR)

    @PIECEWISE
    def test_read_until_eof_with_connection_close(self, piecewise):
        client, code, _, length, body = raw_exchange(
            b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it", piecewise)
        assert (code, length, body) == (200, -1, b"all of it")
        # Godot: the loop ends DISCONNECTED (EOF seen by a read) or CONNECTION_ERROR (by poll).
        assert client.get_status() in (HTTPClient.STATUS_DISCONNECTED,
                                       HTTPClient.STATUS_CONNECTION_ERROR)

    def test_204_with_content_length_does_not_wait(self):
        client, code, _, _, body = raw_exchange(
            b"HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n")
        assert (code, body) == (204, b"")
        assert client.get_status() == HTTPClient.STATUS_CONNECTED

    def test_server_close_after_body_is_a_connection_error_on_next_poll(self):
        server = RawServer(canned(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n"
                                  b"Connection: close\r\n\r\nok", linger=0))
        client = HTTPClient()
        try:
            connect(client, "127.0.0.1", server.port)
            assert exchange(client, HTTPClient.METHOD_GET, "/")[::2] == (200, b"ok")
            assert client.get_status() == HTTPClient.STATUS_CONNECTED
            server.thread.join(5)
            assert drive(client, (HTTPClient.STATUS_CONNECTED,)) == \
                HTTPClient.STATUS_CONNECTION_ERROR
            assert client.poll() == ERR_CONNECTION_ERROR
        finally:
            client.close()
            server.close()


MALFORMED_HEADS = {
    "bad status line": b"HTPT/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx",
    "http/0.9 body": b"<html>hello</html>\n\n",
    "conflicting content-length": b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4"
                                  b"\r\n\r\nabcd",
    "junk content-length": b"HTTP/1.1 200 OK\r\nContent-Length: 2abc\r\n\r\nab",
    "header without colon": b"HTTP/1.1 200 OK\r\nNoColonHere\r\n\r\n",
    "unsupported transfer coding": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                                   b"0\r\n\r\n",
    "closed before any byte": b"",
    "truncated head": b"HTTP/1.1 200 OK\r\nContent-Le",
}

MALFORMED_CHUNKS = {
    "chunk size not hex": b"zz\r\nhello\r\n0\r\n\r\n",
    "no CRLF after chunk data": b"5\r\nhelloXX3\r\nabc\r\n0\r\n\r\n",
    "chunk size over 20 digits": b"000000000000000000000005\r\nhello\r\n0\r\n\r\n",
}


class TestMalformedResponses:
    @PIECEWISE
    @pytest.mark.parametrize("name", sorted(MALFORMED_HEADS))
    def test_bad_heads_are_connection_errors(self, name, piecewise):
        client, code, _, _, body = raw_exchange(MALFORMED_HEADS[name], piecewise)
        assert client.get_status() == HTTPClient.STATUS_CONNECTION_ERROR
        assert (code, body) == (0, b"")  # close() reset everything

    @PIECEWISE
    @pytest.mark.parametrize("name", sorted(MALFORMED_CHUNKS))
    def test_bad_chunking_is_a_connection_error(self, name, piecewise):
        response = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + MALFORMED_CHUNKS[name]
        client, code, chunked, _, body = raw_exchange(response, piecewise)
        assert (code, chunked) == (200, True)
        assert client.get_status() == HTTPClient.STATUS_CONNECTION_ERROR
        assert b"hello" not in body[5:]  # never resynchronised past the error

    @PIECEWISE
    @pytest.mark.parametrize("cls", [HTTPClient, HTTPClient3])
    def test_truncated_content_length_body_is_never_complete(self, piecewise, cls):
        client, code, _, length, body = raw_exchange(
            b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this", piecewise, cls)
        assert (code, length, body) == (200, 100, b"only this")
        assert client.get_status() in (HTTPClient.STATUS_DISCONNECTED,
                                       HTTPClient.STATUS_CONNECTION_ERROR)

    @PIECEWISE
    def test_truncated_chunked_body_is_never_complete(self, piecewise):
        client, _, _, _, body = raw_exchange(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n10\r\nshort",
            piecewise)
        assert body.startswith(b"hello")
        assert client.get_status() in (HTTPClient.STATUS_DISCONNECTED,
                                       HTTPClient.STATUS_CONNECTION_ERROR)

    def test_oversized_head_is_refused(self):
        head = b"HTTP/1.1 200 OK\r\n" + b"X-Filler: " + b"a" * 300_000 + b"\r\n\r\n"
        client, *_ = raw_exchange(head)
        assert client.get_status() == HTTPClient.STATUS_CONNECTION_ERROR

    def test_content_length_beyond_32_bits(self):
        server = RawServer(canned(b"HTTP/1.1 200 OK\r\nContent-Length: 3000000000\r\n\r\nab"))
        client = HTTPClient()
        try:
            connect(client, "127.0.0.1", server.port)
            client.request(HTTPClient.METHOD_GET, "/", [])
            drive(client, (HTTPClient.STATUS_REQUESTING,))
            assert client.get_response_body_length() == 3_000_000_000
            assert bytes(client.read_response_body_chunk()) == b"ab"
            assert client.get_status() == HTTPClient.STATUS_BODY
        finally:
            client.close()
            server.close()

    def test_silent_server_keeps_requesting_without_blocking(self):
        server = RawServer(lambda conn, srv: (srv.read_request(conn), time.sleep(0.5)))
        client = HTTPClient()
        try:
            connect(client, "127.0.0.1", server.port)
            client.request(HTTPClient.METHOD_GET, "/", [])
            start = time.monotonic()
            for _ in range(50):
                assert client.poll() == OK
            assert time.monotonic() - start < 0.2
            assert client.get_status() == HTTPClient.STATUS_REQUESTING
        finally:
            client.close()
            server.close()


class TestSetConnection:
    def test_external_stream_peer_is_used_as_is(self):
        from gdscript.stdlib.stream_peers import StreamPeerTCP

        server = RawServer(canned(b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\npeer"))
        peer = StreamPeerTCP()
        client = HTTPClient()
        try:
            assert peer.connect_to_host("127.0.0.1", server.port) == OK
            for _ in range(2000):
                if peer.get_status() != StreamPeerTCP.STATUS_CONNECTING:
                    break
                peer.poll()
                time.sleep(0.0005)
            client.connection = peer
            assert client.get_status() == HTTPClient.STATUS_CONNECTED
            assert client.get_connection() is peer
            # No connect_to_host: the Host header has no name (Godot's sub-client quirk).
            assert exchange(client, HTTPClient.METHOD_GET, "/")[::2] == (200, b"peer")
            assert server.requests[0].startswith(b"GET / HTTP/1.1\r\nHost: :-1\r\n")
        finally:
            client.close()
            server.close()

    def test_none_is_refused(self, _quiet_engine_errors):
        client = HTTPClient()
        client.set_connection(None)
        assert client.get_status() == HTTPClient.STATUS_DISCONNECTED
        assert _quiet_engine_errors


class TestProxyTunnel:
    def test_https_proxy_refusal_is_cant_connect(self):
        server = RawServer(canned(b"HTTP/1.1 407 Proxy Authentication Required\r\n"
                                  b"Content-Length: 0\r\n\r\n"))
        client = HTTPClient()
        client.set_https_proxy("127.0.0.1", server.port)
        try:
            assert client.connect_to_host("https://origin.test", 443) == OK
            assert drive(client, ACTIVE) == HTTPClient.STATUS_CANT_CONNECT
            assert server.requests[0].startswith(b"CONNECT origin.test:443 HTTP/1.1\r\n")
        finally:
            client.close()
            server.close()


class TestThroughput:
    def test_50_mb_through_the_poll_loop(self, capsys):
        size = 50_000_000
        block = memoryview(bytes(range(256)) * 4096)

        def respond(conn, server):
            server.read_request(conn)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % size)
            left = size
            while left:
                step = min(left, len(block))
                conn.sendall(block[:step])
                left -= step
            time.sleep(0.2)

        server = RawServer(respond)
        client = HTTPClient()
        try:
            connect(client, "127.0.0.1", server.port)
            client.request(HTTPClient.METHOD_GET, "/", [])
            drive(client, (HTTPClient.STATUS_REQUESTING,))
            total, first, last = 0, None, None
            start = time.perf_counter()
            while client.get_status() == HTTPClient.STATUS_BODY:
                client.poll()
                chunk = client.read_response_body_chunk()
                if chunk:
                    first = first if first is not None else bytes(chunk[:4])
                    last = chunk
                total += len(chunk)
            elapsed = time.perf_counter() - start
        finally:
            client.close()
            server.close()
        assert total == size and first == b"\x00\x01\x02\x03"
        assert last[-1] == (size - 1) % 256
        with capsys.disabled():
            print(f"\n[throughput] 50 MB Content-Length body via poll loop: "
                  f"{size / elapsed / 1e6:.0f} MB/s")
