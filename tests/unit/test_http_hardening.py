"""HTTP under faults: the 25-case checklist of http-hardening.md against real loopback servers.

Every case runs against a real socket on 127.0.0.1 or ::1: ``FaultServer`` (a raw
socket thread writing scripted bytes, for malformed or truncated responses,
silence, FIN and RST), pytest-httpserver where a well-formed server is enough,
and trustme certificates for TLS.  Responses are fed whole and in tiny pieces
(one byte at a time with short pauses, at most ~4000 sends per response).

Invariants checked on every exchange: no Python exception leaves a public
method, no non-blocking call takes long (``Run.slowest``), a failure ends in
the checklist's STATUS, and a truncated body never ends in STATUS_CONNECTED.
The checklist case number is in each test class name (``TestCase12...``).
"""

from __future__ import annotations

import datetime
import gzip
import select
import socket
import ssl
import struct
import threading
import time

import pytest
import trustme
from pytest_httpserver import HTTPServer

from gdscript.errors import set_engine_error_sink
from gdscript.stdlib import http_client, tls
from gdscript.stdlib.global_constants import (
    ERR_CANT_CONNECT,
    ERR_CANT_RESOLVE,
    ERR_CONNECTION_ERROR,
    ERR_INVALID_PARAMETER,
    ERR_UNCONFIGURED,
    OK,
)
from gdscript.stdlib.http_client import HTTPClient, HTTPClient3
from gdscript.stdlib.tls import TLSOptions, X509Certificate

try:
    from gdscript.stdlib import http_request as http_request_module
    from gdscript.stdlib.scene_tree import FakeClock, SceneTree, run_main_loop
    from gdscript.stdlib.objects import Callable as GodotCallable
    HTTP_REQUEST_MISSING = ""
except ImportError as error:  # another helper is writing stdlib/http_request.py
    http_request_module = None
    HTTP_REQUEST_MISSING = f"stdlib/http_request.py is not importable yet ({error})"

C = HTTPClient
ACTIVE = (C.STATUS_RESOLVING, C.STATUS_CONNECTING)
BROKEN = (C.STATUS_CONNECTION_ERROR, C.STATUS_DISCONNECTED)  # how a cut-short body ends
SLOW_CALL = 0.25  # seconds: no non-blocking call may take this long
MODES = pytest.mark.parametrize("mode", ["whole", "tiny"])


@pytest.fixture(autouse=True)
def engine_errors():
    """Collect engine error messages; reset routing and trust for each test."""
    captured: list[str] = []
    old = set_engine_error_sink(lambda level, message, why: captured.append(
        f"{message} {why or ''}"))
    http_client.set_resolve_overrides()
    tls.set_default_trust_store(None)
    yield captured
    set_engine_error_sink(old)
    http_client.set_resolve_overrides()
    tls.set_default_trust_store(None)


# * Servers --------------------------------------------------------------------------------


class FaultServer:
    """Accepts up to ``connections`` clients on loopback; runs ``script(conn, server)`` for each.

    Every socket operation has a 5 s timeout, so a test never waits longer than that.
    """

    def __init__(self, script, connections=1, host="127.0.0.1"):
        self.sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
        self.sock.bind((host, 0))
        self.sock.listen(8)
        self.sock.settimeout(0.05)  # accept() wakes up often to notice close()
        self.port = self.sock.getsockname()[1]
        self.requests: list[bytes] = []
        self.accepted = 0
        self.done = threading.Event()  # set by close(): scripts stop lingering
        self._script, self._connections = script, connections
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _accept(self):
        """The next client, or None once close() was called or after 5 s."""
        deadline = time.monotonic() + 5
        while not self.done.is_set() and time.monotonic() < deadline:
            try:
                return self.sock.accept()[0]
            except socket.timeout:
                continue
            except OSError:
                return None
        return None

    def _run(self):
        for _ in range(self._connections):
            conn = self._accept()
            if conn is None:
                return
            self.accepted += 1
            conn.settimeout(5)
            try:
                self._script(conn, self)
            except OSError:
                pass
            finally:
                conn.close()

    def read_request(self, conn) -> bytes:
        """One request head (plus a Content-Length body); b"" if the client closed first."""
        data = b""
        while b"\r\n\r\n" not in data:
            piece = conn.recv(65536)
            if not piece:
                return b""
            data += piece
        head, _, body = data.partition(b"\r\n\r\n")
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                while len(body) < int(line.split(b":")[1]):
                    body += conn.recv(65536)
        self.requests.append(head + b"\r\n\r\n" + body)
        return self.requests[-1]

    def close(self):
        self.done.set()
        self.sock.close()
        self.thread.join(6)


def feed(conn, data: bytes, mode: str) -> None:
    """Send ``data`` whole, or in tiny pieces: 1 byte per send for small data, ~4000 sends max."""
    if mode == "whole":
        conn.sendall(data)
        return
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    step = max(1, len(data) // 4000)
    for start in range(0, len(data), step):
        conn.sendall(data[start:start + step])
        time.sleep(0.00005)


def reset(conn) -> None:
    """Close with an RST instead of a FIN."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def answer(response: bytes, mode="whole", linger=0.3, rst=False):
    """A script: read one request, send ``response``, wait ``linger`` s, close (FIN or RST)."""
    def script(conn, server):
        if not server.read_request(conn):
            return
        feed(conn, response, mode)
        server.done.wait(linger)
        if rst:
            reset(conn)
    return script


# * Client driving -------------------------------------------------------------------------


class Run:
    """What one client exchange showed; every public call goes through ``call`` (timed)."""

    def __init__(self, client):
        self.client = client
        self.slowest = 0.0
        self.polls: list[int] = []
        self.code = self.length = 0
        self.chunked = False
        self.headers: list[str] = []
        self.body = b""
        self.reads: list[int] = []
        self.final: int | None = None

    def close(self):
        """Remember the status the exchange ended in, then close the client."""
        if self.final is None:
            self.final = self.client.get_status()
        self.client.close()

    def call(self, name, *args):
        start = time.perf_counter()
        result = getattr(self.client, name)(*args)
        self.slowest = max(self.slowest, time.perf_counter() - start)
        return result

    def poll_while(self, statuses, limit=5.0):
        deadline = time.monotonic() + limit
        while self.client.get_status() in statuses and time.monotonic() < deadline:
            self.polls.append(self.call("poll"))
            time.sleep(0.0005)
        return self.client.get_status()

    def read_body(self, limit=10.0):
        """The documented loop: poll(), then read a chunk, while in STATUS_BODY."""
        data = bytearray()
        deadline = time.monotonic() + limit
        while self.client.get_status() == C.STATUS_BODY and time.monotonic() < deadline:
            self.polls.append(self.call("poll"))
            chunk = self.call("read_response_body_chunk")
            if chunk:
                self.reads.append(len(chunk))
            data += chunk
        self.body = bytes(data)

    @property
    def status(self):
        return self.client.get_status() if self.final is None else self.final


def connect(run, host, port, *args):
    assert run.call("connect_to_host", host, port, *args) == OK
    assert run.poll_while(ACTIVE) == C.STATUS_CONNECTED


def exchange(run, method=C.METHOD_GET, url="/", headers=(), body=""):
    """Send a request and read the response into ``run``; returns ``run``."""
    assert run.call("request", method, url, list(headers), body) == OK
    run.poll_while((C.STATUS_REQUESTING,))
    run.code = run.call("get_response_code")
    run.chunked = run.call("is_response_chunked")
    run.length = run.call("get_response_body_length")
    run.headers = list(run.call("get_response_headers"))
    run.read_body()
    return run


def against(script, *, method=C.METHOD_GET, url="/", cls=HTTPClient, host="127.0.0.1",
            chunk_size=None, connections=1):
    """One request to a FaultServer running ``script``; the finished Run."""
    server = FaultServer(script, connections, host)
    run = Run(cls())
    if chunk_size:
        run.client.read_chunk_size = chunk_size
    try:
        connect(run, host, server.port)
        exchange(run, method, url)
        return run
    finally:
        run.close()
        server.close()
        assert run.slowest < SLOW_CALL, f"a non-blocking call took {run.slowest:.3f} s"


def got(response: bytes, mode="whole", **kwargs) -> Run:
    return against(answer(response, mode), **kwargs)


OK_HEAD = b"HTTP/1.1 200 OK\r\n"
CHUNKED_HEAD = OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\n"


def free_port(host="127.0.0.1") -> int:
    probe = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    probe.bind((host, 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there any more
    return port


# * 1-4: bad arguments ------------------------------------------------------------------------


class TestCase01ConnectArguments:
    @pytest.mark.parametrize("host", ["", "a.b", "::1", "http://abc", "https://"])
    @pytest.mark.parametrize("cls", [HTTPClient, HTTPClient3])
    def test_too_short_host(self, cls, host):
        client = cls()
        assert client.connect_to_host(host, 80) == ERR_INVALID_PARAMETER
        assert client.get_status() == C.STATUS_DISCONNECTED
        assert client.poll() == ERR_UNCONFIGURED

    def test_server_tls_options(self):
        client = HTTPClient()
        options = TLSOptions.server(None, None)
        assert client.connect_to_host("localhost", 443, options) == ERR_INVALID_PARAMETER
        assert client.get_status() == C.STATUS_DISCONNECTED


class TestCase02RequestArguments:
    @pytest.fixture
    def connected(self):
        server = FaultServer(lambda conn, srv: time.sleep(0.5))
        run = Run(HTTPClient())
        connect(run, "127.0.0.1", server.port)
        yield run.client, server
        run.client.close()
        server.close()

    def test_not_connected(self):
        assert HTTPClient().request(C.METHOD_GET, "/", []) == ERR_INVALID_PARAMETER

    @pytest.mark.parametrize("method,url", [
        (-1, "/"), (C.METHOD_MAX, "/"), (C.METHOD_GET, "index.php"), (C.METHOD_GET, ""),
        (C.METHOD_GET, "ftp://x/"), (C.METHOD_CONNECT, "host"), (C.METHOD_CONNECT, ":443"),
        (C.METHOD_CONNECT, "host:"), (C.METHOD_GET, "*"),
    ])
    def test_refused(self, connected, method, url):
        client, server = connected
        assert client.request(method, url, []) == ERR_INVALID_PARAMETER
        assert client.get_status() == C.STATUS_CONNECTED

    @pytest.mark.parametrize("method,url", [(C.METHOD_CONNECT, "host:443"),
                                            (C.METHOD_OPTIONS, "*"),
                                            (C.METHOD_GET, "http://h/x")])
    def test_accepted_forms(self, connected, method, url):
        client, _ = connected
        assert client.request(method, url, []) == OK
        assert client.get_status() == C.STATUS_REQUESTING


class TestCase03HeaderArguments:
    @pytest.mark.parametrize("headers", [["NoColon"], [""], ["   "], [": value"],
                                         ["A: 1", "bad"]])
    def test_refused(self, headers):
        server = FaultServer(lambda conn, srv: time.sleep(0.3))
        client = HTTPClient()
        try:
            connect(Run(client), "127.0.0.1", server.port)
            assert client.request(C.METHOD_GET, "/", headers) == ERR_INVALID_PARAMETER
            assert client.get_status() == C.STATUS_CONNECTED
        finally:
            client.close()
            server.close()


class TestCase04LineBreaks:
    @pytest.mark.parametrize("url,headers", [
        ("/a\r\nX-Evil: 1", []), ("/a\nb", []), ("/a\rb", []), ("/a\0b", []),
        ("/", ["X-A: v\r\nX-Evil: 1"]), ("/", ["X-A: v\nX-Evil: 1"]), ("/", ["X-A: v\r"]),
        ("/", ["X-Ok: 1", "X-\r\nA: 1"]),
    ])
    @pytest.mark.parametrize("cls", [HTTPClient, HTTPClient3])
    def test_refused_and_nothing_sent(self, cls, url, headers):
        seen = []
        server = FaultServer(lambda conn, srv: seen.append(conn.recv(4096)))
        client = cls()
        try:
            connect(Run(client), "127.0.0.1", server.port)
            assert client.request(C.METHOD_GET, url, headers) == ERR_INVALID_PARAMETER
            assert client.get_status() == C.STATUS_CONNECTED
            client.poll()
            client.close()
            server.thread.join(5)
            assert seen == [b""]  # the connection closed without a single byte sent
        finally:
            client.close()
            server.close()


# * 5-7: resolving and connecting --------------------------------------------------------------


class TestCase05Unresolvable:
    @pytest.mark.parametrize("cls", [HTTPClient, HTTPClient3])
    def test_cant_resolve(self, cls):
        run = Run(cls())
        assert run.call("connect_to_host", "no-such-host.invalid", 80) == OK
        assert run.status == C.STATUS_RESOLVING
        assert run.poll_while((C.STATUS_RESOLVING,), limit=20) == C.STATUS_CANT_RESOLVE
        assert run.polls[-1] == ERR_CANT_RESOLVE and set(run.polls[:-1]) <= {OK}
        assert run.call("poll") == ERR_CANT_RESOLVE
        assert run.slowest < SLOW_CALL  # resolution never blocks poll()


class TestCase06ClosedPort:
    @pytest.mark.parametrize("host", ["127.0.0.1", "[::1]", "localhost"])
    def test_cant_connect(self, host):
        run = Run(HTTPClient())
        err = run.call("connect_to_host", host, free_port("::1" if ":" in host else "127.0.0.1"))
        if err == OK:
            run.poll_while(ACTIVE)
            assert run.polls[-1] == ERR_CANT_CONNECT
        assert run.status == C.STATUS_CANT_CONNECT
        assert run.call("poll") == ERR_CANT_CONNECT
        assert run.slowest < SLOW_CALL


class TestCase07AddressFallback:
    def _dual_stack(self, monkeypatch, name, port):
        real = socket.getaddrinfo

        def fake(host, *args, **kwargs):
            if host == name:  # ::1 first, like a dual-stack "localhost"
                return [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("::1", port, 0, 0)),
                        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
            return real(host, *args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", fake)

    @pytest.mark.parametrize("listen", ["127.0.0.1", "::1"])
    def test_next_address_is_tried(self, monkeypatch, listen):
        server = FaultServer(answer(OK_HEAD + b"Content-Length: 2\r\n\r\nhi"), host=listen)
        port = server.port
        if listen == "127.0.0.1":
            # Make sure ::1 at this port refuses, so the first address really fails.
            try:
                blocker = socket.socket(socket.AF_INET6)
                blocker.bind(("::1", port))
                blocker.close()
            except OSError:
                pytest.skip("::1 is already bound at that port")
        self._dual_stack(monkeypatch, "dual.test", port)
        run = Run(HTTPClient())
        try:
            connect(run, "dual.test", port)
            exchange(run)
            assert (run.code, run.body) == (200, b"hi")
            assert b"\r\nHost: dual.test:%d\r\n" % port in server.requests[0]
        finally:
            run.client.close()
            server.close()

    @pytest.mark.parametrize("listen,given", [("127.0.0.1", "localhost"), ("::1", "[::1]")])
    def test_well_formed_server_on_each_family(self, listen, given):
        server = HTTPServer(host=listen, port=0, threaded=True)
        server.expect_request("/k").respond_with_data("keep")
        server.start()
        run = Run(HTTPClient())
        try:
            connect(run, given, server.port)
            exchange(run, url="/k")  # werkzeug answers "Connection: close": no reuse here
            assert (run.code, run.body) == (200, b"keep")
            assert "Connection: close" in run.headers
        finally:
            run.client.close()
            server.stop()

    @pytest.mark.parametrize("given", ["[::1]", "0:0:0:0:0:0:0:1"])
    def test_ipv6_literal(self, given):
        server = FaultServer(answer(OK_HEAD + b"Content-Length: 2\r\n\r\nv6"), host="::1")
        run = Run(HTTPClient())
        try:
            connect(run, given, server.port)
            exchange(run)
            assert (run.code, run.body) == (200, b"v6")
            host = given.strip("[]").encode()
            assert b"\r\nHost: [%s]:%d\r\n" % (host, server.port) in server.requests[0]
        finally:
            run.client.close()
            server.close()


# * 8-9: TLS -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ca():
    return trustme.CA()


def trusted(authority) -> TLSOptions:
    cert = X509Certificate()
    assert cert.load_from_string(authority.cert_pem.bytes().decode()) == OK
    return TLSOptions.client(cert)


class TLSServer:
    """One TLS client served with ``context``: one request, then ``ok``; handshake errors ignored."""

    def __init__(self, context, host="127.0.0.1"):
        self.context = context
        self.server = FaultServer(self._serve, host=host)
        self.port = self.server.port

    def _serve(self, conn, server):
        try:
            with self.context.wrap_socket(conn, server_side=True) as secure:
                if server.read_request(secure):
                    secure.sendall(OK_HEAD + b"Content-Length: 2\r\n\r\nok")
                    time.sleep(0.1)
        except ssl.SSLError:
            pass

    def close(self):
        self.server.close()


def server_context(cert=None, chain_files=None) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    if cert is not None:
        cert.configure_cert(context)
    if chain_files is not None:
        context.load_cert_chain(*chain_files)
    return context


def tls_outcome(context, host, options):
    """(status after connecting, poll() results, the Run)."""
    server = TLSServer(context)
    run = Run(HTTPClient())
    try:
        assert run.call("connect_to_host", host, server.port, options) == OK
        run.poll_while(ACTIVE)
        if run.status == C.STATUS_CONNECTED:
            exchange(run)
        run.after = run.call("poll")  # the poll() after the outcome
        return run
    finally:
        run.close()
        server.close()


NOW = datetime.datetime.now(datetime.timezone.utc)
DAY = datetime.timedelta(days=1)


class TestCase08Certificates:
    CASES = {
        "host name mismatch": (lambda ca: ca.issue_cert("other.test"), "localhost", "mismatch"),
        "ip mismatch": (lambda ca: ca.issue_cert("127.0.0.2"), "127.0.0.1", "mismatch"),
        "expired": (lambda ca: ca.issue_cert("localhost", not_before=NOW - 10 * DAY,
                                             not_after=NOW - DAY), "localhost", "expired"),
        "not yet valid": (lambda ca: ca.issue_cert("localhost", not_before=NOW + DAY,
                                                   not_after=NOW + 10 * DAY), "localhost",
                          "not yet valid"),
        "unknown ca": (lambda ca: trustme.CA().issue_cert("localhost"), "localhost", "issuer"),
    }

    @pytest.mark.parametrize("case", sorted(CASES))
    def test_handshake_error(self, ca, case, engine_errors):
        make, host, words = self.CASES[case]
        run = tls_outcome(server_context(make(ca)), host, trusted(ca))
        assert run.status == C.STATUS_TLS_HANDSHAKE_ERROR
        assert run.polls[-1] == ERR_CANT_CONNECT and set(run.polls[:-1]) <= {OK}
        assert run.after == ERR_CONNECTION_ERROR
        assert any("TLS handshake error" in m and words in m.lower() for m in engine_errors)

    def test_self_signed(self, tmp_path, engine_errors):
        own = trustme.CA()  # its own certificate and key, served as the leaf
        cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
        cert.write_bytes(own.cert_pem.bytes())
        key.write_bytes(own.private_key_pem.bytes())
        run = tls_outcome(server_context(chain_files=(cert, key)), "localhost",
                          TLSOptions.client())
        assert run.status == C.STATUS_TLS_HANDSHAKE_ERROR
        assert any("self-signed" in m or "self signed" in m for m in engine_errors)

    def test_test_ca_against_certifi_only(self, ca):
        run = tls_outcome(server_context(ca.issue_cert("localhost")), "https://localhost", None)
        assert run.status == C.STATUS_TLS_HANDSHAKE_ERROR

    @pytest.mark.parametrize("case", ["host name mismatch", "expired", "unknown ca"])
    def test_client_unsafe_connects(self, ca, case):
        make, host, _ = self.CASES[case]
        run = tls_outcome(server_context(make(ca)), host, TLSOptions.client_unsafe())
        assert (run.code, run.body) == (200, b"ok")

    @pytest.mark.parametrize("host", ["localhost", "127.0.0.1"])
    def test_trusted_chain_connects(self, ca, host):
        run = tls_outcome(server_context(ca.issue_cert(host)), host, trusted(ca))
        assert (run.code, run.body) == (200, b"ok")


class TestCase09BrokenHandshake:
    SCRIPTS = {
        "plain http on the tls port": lambda conn, srv: (
            conn.recv(4096), conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")),
        "close before the handshake": lambda conn, srv: None,
        "close mid-handshake": lambda conn, srv: conn.recv(5),
        "rst mid-handshake": lambda conn, srv: (conn.recv(5), reset(conn)),
        "garbage answer": lambda conn, srv: (conn.recv(4096), conn.sendall(b"\x16\x03\x01" * 50)),
    }

    @pytest.mark.parametrize("case", sorted(SCRIPTS))
    def test_quick_handshake_error(self, case):
        server = FaultServer(self.SCRIPTS[case])
        run = Run(HTTPClient())
        try:
            start = time.monotonic()
            assert run.call("connect_to_host", "localhost", server.port,
                            TLSOptions.client_unsafe()) == OK
            assert run.poll_while(ACTIVE) == C.STATUS_TLS_HANDSHAKE_ERROR
            assert time.monotonic() - start < 2 and run.slowest < SLOW_CALL
            assert run.polls[-1] == ERR_CANT_CONNECT
        finally:
            run.client.close()
            server.close()

    def test_silent_tls_server_never_blocks(self):
        release = threading.Event()
        server = FaultServer(lambda conn, srv: release.wait(5))
        run = Run(HTTPClient())
        try:
            run.call("connect_to_host", "localhost", server.port, TLSOptions.client_unsafe())
            run.poll_while(ACTIVE, limit=0.3)
            assert run.status == C.STATUS_CONNECTING and set(run.polls) == {OK}
            assert run.slowest < SLOW_CALL
        finally:
            release.set()
            run.client.close()
            server.close()


# * 10-12: silence, bad status lines, oversized heads ------------------------------------------


class TestCase10SilentServer:
    def test_requesting_forever_without_blocking(self):
        release = threading.Event()
        server = FaultServer(lambda conn, srv: (srv.read_request(conn), release.wait(5)))
        run = Run(HTTPClient())
        try:
            connect(run, "127.0.0.1", server.port)
            assert run.call("request", C.METHOD_GET, "/", []) == OK
            run.poll_while((C.STATUS_REQUESTING,), limit=0.5)  # the test's own deadline
            assert run.status == C.STATUS_REQUESTING and set(run.polls) == {OK}
            assert run.slowest < SLOW_CALL
        finally:
            release.set()
            run.client.close()
            server.close()

    def test_stall_inside_the_body(self):
        release = threading.Event()

        def script(conn, srv):
            srv.read_request(conn)
            conn.sendall(OK_HEAD + b"Content-Length: 10\r\n\r\nabc")
            release.wait(5)

        server = FaultServer(script)
        run = Run(HTTPClient())
        try:
            connect(run, "127.0.0.1", server.port)
            run.call("request", C.METHOD_GET, "/", [])
            run.poll_while((C.STATUS_REQUESTING,))
            run.read_body(limit=0.5)
            assert (run.status, run.body) == (C.STATUS_BODY, b"abc")
            assert run.slowest < SLOW_CALL
        finally:
            release.set()
            run.client.close()
            server.close()

    def test_http_request_times_out_on_wall_clock(self):
        outcome = run_http_request(lambda conn, srv: (srv.read_request(conn), srv.done.wait(3)),
                                   setup=lambda node: node.set_timeout(0.3))
        assert outcome.result[0] == http_request_module.HTTPRequest.RESULT_TIMEOUT
        assert 0.3 <= outcome.seconds < 2.5  # FakeClock frames: only wall time can fire it


MALFORMED_STATUS = {
    "garbage": b"garbage garbage\r\n\r\n",
    "not http": b"HTPT/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx",
    "two-digit code": b"HTTP/1.1 20 OK\r\nContent-Length: 0\r\n\r\n",
    "letters in code": b"HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n",
    "no code": b"HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
    "http/0.9 body": b"<html>hello</html>\n",
    "http/2 version": b"HTTP/2 200 OK\r\nContent-Length: 0\r\n\r\n",
    "nul in header": b"HTTP/1.1 200 OK\r\nX-A: a\0b\r\nContent-Length: 0\r\n\r\n",
    "header without colon": b"HTTP/1.1 200 OK\r\nNoColonHere\r\n\r\n",
    "closed before any byte": b"",
    "closed inside the head": b"HTTP/1.1 200 OK\r\nContent-Le",
}


class TestCase11BadStatusLine:
    @MODES
    @pytest.mark.parametrize("case", sorted(MALFORMED_STATUS))
    def test_connection_error(self, case, mode):
        run = got(MALFORMED_STATUS[case], mode)
        assert run.status == C.STATUS_CONNECTION_ERROR
        assert (run.code, run.body, run.headers) == (0, b"", [])
        assert ERR_CONNECTION_ERROR in run.polls

    def test_rst_before_any_byte(self):
        run = against(answer(b"", linger=0, rst=True))
        assert run.status == C.STATUS_CONNECTION_ERROR

    def test_http_request_gets_no_response_or_connection_error(self):
        HR = http_request_module.HTTPRequest if http_request_module else None
        outcome = run_http_request(answer(b"garbage\r\n\r\n"))
        assert outcome.result[0] in (HR.RESULT_CONNECTION_ERROR, HR.RESULT_NO_RESPONSE)


def filler_head(count: int, line_size: int, end=b"\r\n") -> bytes:
    """A 200 head with ``count`` ``X-Fn: aaa…`` lines of ``line_size`` bytes each (CRLF excluded)."""
    lines = []
    for index in range(count):
        name = b"X-F%d: " % index
        lines.append(name + b"a" * (line_size - len(name)) + b"\r\n")
    return OK_HEAD + b"".join(lines) + b"Content-Length: 2\r\n" + end


class TestCase12OversizedHeads:
    @MODES
    @pytest.mark.parametrize("response", [
        pytest.param(filler_head(1, 64 * 1024 + 1), id="line over 64 KiB"),
        pytest.param(filler_head(1, 100 * 1024), id="header of 100 KiB"),
        pytest.param(b"HTTP/1.1 200 " + b"O" * (65 * 1024) + b"\r\n\r\n",
                     id="status line over 64 KiB"),
        pytest.param(filler_head(6, 45_000), id="head over 256 KiB"),
        pytest.param(filler_head(500, 10), id="501 headers"),
        pytest.param(filler_head(10_000, 8), id="10000 headers"),
        pytest.param(filler_head(8_000, 40, end=b""), id="head never ends"),
        pytest.param(OK_HEAD + b"X-Long: " + b"a" * 300_000, id="line never ends"),
    ])
    def test_refused(self, response, mode):
        run = got(response + b"ok", mode)
        assert run.status == C.STATUS_CONNECTION_ERROR
        assert (run.code, run.body) == (0, b"")

    @MODES
    @pytest.mark.parametrize("response,count", [
        pytest.param(filler_head(1, 64 * 1024), 2, id="line of 64 KiB"),
        pytest.param(filler_head(5, 50_000), 6, id="head of 250 KiB"),
        pytest.param(filler_head(499, 10), 500, id="500 headers"),  # with Content-Length
    ])
    def test_just_under_the_caps(self, response, count, mode):
        run = got(response + b"ok", mode)
        assert (run.code, run.body, len(run.headers)) == (200, b"ok", count)


# * 13-19: framing ------------------------------------------------------------------------------


class TestCase13ContentLength:
    @MODES
    @pytest.mark.parametrize("case,lengths", [
        ("two different", [b"3", b"4"]), ("different in one list", [b"3, 4"]),
        ("junk after digits", [b"2abc"]), ("negative", [b"-1"]), ("plus sign", [b"+2"]),
        ("empty", [b""]), ("21 digits", [b"1" + b"0" * 20]),
        ("20 digits beyond int64", [b"99999999999999999999"]), ("hex", [b"0x2"]),
    ])
    def test_refused(self, case, lengths, mode):
        head = OK_HEAD + b"".join(b"Content-Length: %s\r\n" % value for value in lengths)
        run = got(head + b"\r\nabcd", mode)
        assert run.status == C.STATUS_CONNECTION_ERROR
        assert (run.code, run.body) == (0, b"")

    @MODES
    @pytest.mark.parametrize("lengths", [[b"4", b"4"], [b"4, 4"], [b"0004"]])
    def test_equal_duplicates_are_fine(self, lengths, mode):
        head = OK_HEAD + b"".join(b"Content-Length: %s\r\n" % value for value in lengths)
        run = got(head + b"\r\nabcd", mode)
        assert (run.code, run.length, run.body) == (200, 4, b"abcd")


class TestCase14HugeContentLength:
    @pytest.mark.parametrize("size", [2**31 + 5, 2**32 + 5, 2**62])
    def test_64_bit_length(self, size):
        server = FaultServer(answer(OK_HEAD + b"Content-Length: %d\r\n\r\nabc" % size, linger=0.5))
        run = Run(HTTPClient())
        try:
            connect(run, "127.0.0.1", server.port)
            run.call("request", C.METHOD_GET, "/", [])
            run.poll_while((C.STATUS_REQUESTING,))
            assert run.call("get_response_body_length") == size
            run.read_body(limit=0.3)
            assert run.body == b"abc" and run.status == C.STATUS_BODY
        finally:
            run.client.close()
            server.close()


class TestCase15TransferEncoding:
    @MODES
    def test_chunked_wins_over_length_and_the_connection_is_not_reused(self, mode):
        response = (OK_HEAD + b"Content-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n"
                    b"5\r\nhello\r\n0\r\n\r\n")

        def script(conn, srv):
            srv.read_request(conn)
            feed(conn, response, mode)
            srv.read_request(conn)  # a reused connection would send its request here
            conn.sendall(OK_HEAD + b"Content-Length: 5\r\n\r\nagain")
            time.sleep(0.3)

        server = FaultServer(script)
        run = Run(HTTPClient())
        try:
            connect(run, "127.0.0.1", server.port)
            exchange(run)
            assert (run.code, run.chunked, run.body) == (200, True, b"hello")
            second = exchange(Run(run.client)) if run.status == C.STATUS_CONNECTED else None
            assert second is None or second.status == C.STATUS_CONNECTION_ERROR
            assert len(server.requests) == 1
        finally:
            run.client.close()
            server.close()

    @MODES
    @pytest.mark.parametrize("value", [b"Chunked", b"CHUNKED", b"chunked "])
    def test_case_insensitive(self, value, mode):
        run = got(OK_HEAD + b"Transfer-Encoding: %s\r\n\r\n2\r\nok\r\n0\r\n\r\n" % value, mode)
        assert (run.code, run.chunked, run.body) == (200, True, b"ok")
        assert run.status == C.STATUS_CONNECTED

    @MODES
    @pytest.mark.parametrize("value", [b"gzip, chunked", b"chunked, gzip", b"gzip", b"identity",
                                       b"chunked, chunked", b"x-custom"])
    def test_unsupported_codings(self, value, mode):
        run = got(OK_HEAD + b"Transfer-Encoding: %s\r\n\r\n2\r\nok\r\n0\r\n\r\n" % value, mode)
        assert run.status == C.STATUS_CONNECTION_ERROR and run.body == b""


BAD_CHUNKS = {
    "size not hex": b"zz\r\nhello\r\n0\r\n\r\n",
    "size empty": b"\r\nhello\r\n0\r\n\r\n",
    "negative size": b"-5\r\nhello\r\n0\r\n\r\n",
    "17 hex digits": b"10000000000000000\r\nhello\r\n0\r\n\r\n",
    "24 hex digits": b"000000000000000000000005\r\nhello\r\n0\r\n\r\n",
    "no CRLF after data": b"5\r\nhelloXX5\r\nworld\r\n0\r\n\r\n",
    "LF only after data": b"5\r\nhello\n5\r\nworld\r\n0\r\n\r\n",
    "data longer than size": b"3\r\nhello\r\n0\r\n\r\n",
    "space in size": b"5 5\r\nhello\r\n0\r\n\r\n",
}


class TestCase16BadChunking:
    @MODES
    @pytest.mark.parametrize("case", sorted(BAD_CHUNKS))
    def test_connection_error_and_no_resync(self, case, mode):
        run = got(CHUNKED_HEAD + BAD_CHUNKS[case], mode)
        assert (run.code, run.chunked) == (200, True)
        assert run.status == C.STATUS_CONNECTION_ERROR
        # Only bytes before the error may come out; "world" comes after every error point.
        assert b"world" not in run.body and run.body in (b"", b"hel", b"hello")


class TestCase17ExtensionsTrailersBigChunks:
    @MODES
    def test_extensions_and_trailers_are_ignored(self, mode):
        body = (b"5;name=value;x\r\nhello\r\n6;q=\"a b\"\r\n world\r\n"
                b"0;end\r\nX-Trailer: 1\r\nX-Other: 2\r\n\r\n")
        run = got(CHUNKED_HEAD + body, mode)
        assert (run.code, run.body, run.status) == (200, b"hello world", C.STATUS_CONNECTED)
        assert not any("Trailer" in line for line in run.headers)

    def test_chunk_over_16_mib_streams(self):
        size = (16 << 20) + 4096
        gate = threading.Event()
        block = bytes(range(256)) * 256

        def script(conn, srv):
            srv.read_request(conn)
            conn.sendall(CHUNKED_HEAD + b"%x\r\n" % size)
            sent = 0
            while sent < size:
                piece = block[:min(len(block), size - sent)]
                conn.sendall(piece)
                sent += len(piece)
                if sent >= (1 << 20) and not gate.is_set():
                    gate.wait(5)  # hold the rest until the client has data out
            conn.sendall(b"\r\n0\r\n\r\n")
            time.sleep(0.3)

        server = FaultServer(script)
        run = Run(HTTPClient())
        try:
            connect(run, "127.0.0.1", server.port)
            run.call("request", C.METHOD_GET, "/", [])
            run.poll_while((C.STATUS_REQUESTING,))
            received = bytearray()
            deadline = time.monotonic() + 20
            while run.status == C.STATUS_BODY and time.monotonic() < deadline:
                run.call("poll")
                received += run.call("read_response_body_chunk")
                if len(received) >= (1 << 20):
                    gate.set()  # data came out before the chunk was complete
        finally:
            gate.set()
            run.client.close()
            server.close()
        assert gate.is_set() and len(received) == size and run.status != C.STATUS_BODY
        assert received[:256] == bytes(range(256)) and received[-1] == (size - 1) % 256


TRUNCATED = {
    "length not met": OK_HEAD + b"Content-Length: 100\r\n\r\nonly this",
    "length, nothing of the body": OK_HEAD + b"Content-Length: 5\r\n\r\n",
    "chunked, no last chunk": CHUNKED_HEAD + b"5\r\nhello\r\n",
    "chunked, inside a chunk": CHUNKED_HEAD + b"5\r\nhello\r\n10\r\nshort",
    "chunked, inside a size line": CHUNKED_HEAD + b"5\r\nhello\r\n1",
    "chunked, before the chunk CRLF": CHUNKED_HEAD + b"5\r\nhello",
    "chunked, trailer not ended": CHUNKED_HEAD + b"5\r\nhello\r\n0\r\nX-T: 1\r\n",
    "chunked, last chunk without CRLF": CHUNKED_HEAD + b"5\r\nhello\r\n0\r\n",
}


class TestCase18Truncated:
    @MODES
    @pytest.mark.parametrize("rst", [False, True], ids=["fin", "rst"])
    @pytest.mark.parametrize("case", sorted(TRUNCATED))
    @pytest.mark.parametrize("cls", [HTTPClient, HTTPClient3])
    def test_never_connected(self, case, cls, mode, rst):
        run = against(answer(TRUNCATED[case], mode, linger=0.05, rst=rst), cls=cls)
        assert run.status in BROKEN
        assert run.body in (b"", b"hello", b"only this", b"hello" + b"short")

    @pytest.mark.parametrize("case", ["length not met", "chunked, no last chunk",
                                      "chunked, trailer not ended"])
    def test_http_request_never_succeeds(self, case):
        HR = http_request_module.HTTPRequest if http_request_module else None
        outcome = run_http_request(answer(TRUNCATED[case], linger=0.05))
        assert outcome.result[0] in (HR.RESULT_CONNECTION_ERROR,
                                     HR.RESULT_CHUNKED_BODY_SIZE_MISMATCH)


class TestCase19ReadToEOF:
    @MODES
    @pytest.mark.parametrize("head", [
        OK_HEAD + b"Connection: close\r\n\r\n", OK_HEAD + b"Connection: Keep-Alive, close\r\n\r\n",
        b"HTTP/1.0 200 OK\r\n\r\n"])
    def test_body_until_eof(self, head, mode):
        data = bytes(range(256)) * 4
        run = against(answer(head + data, mode, linger=0))
        assert (run.code, run.length, run.body) == (200, -1, data)
        assert run.status in BROKEN

    def test_keep_alive_without_framing_has_no_body(self):
        run = got(OK_HEAD + b"X-A: 1\r\n\r\n")
        assert (run.code, run.body, run.status) == (200, b"", C.STATUS_CONNECTED)

    def test_http_request_eof_body_is_success(self):
        outcome = run_http_request(answer(OK_HEAD + b"Connection: close\r\n\r\nto the end",
                                          linger=0))
        assert outcome.result[0] == 0 and bytes(outcome.result[3]) == b"to the end"


# * 20-22: bodiless responses, 1xx, keep-alive ---------------------------------------------------


class TestCase20NoBodyResponses:
    @MODES
    @pytest.mark.parametrize("method,head", [
        (C.METHOD_HEAD, OK_HEAD + b"Content-Length: 12345\r\n\r\n"),
        (C.METHOD_HEAD, CHUNKED_HEAD),
        (C.METHOD_GET, b"HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n"),
        (C.METHOD_GET, b"HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\n"),
        (C.METHOD_GET, b"HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n"),
        (C.METHOD_GET, b"HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n"),
    ])
    def test_done_at_once_and_reusable(self, method, head, mode):
        def script(conn, srv):
            srv.read_request(conn)
            feed(conn, head, mode)
            srv.read_request(conn)  # the connection stays usable: no body was expected
            conn.sendall(OK_HEAD + b"Content-Length: 4\r\n\r\nnext")
            time.sleep(0.3)

        server = FaultServer(script)
        run = Run(HTTPClient())
        try:
            connect(run, "127.0.0.1", server.port)
            start = time.monotonic()
            exchange(run, method)
            assert time.monotonic() - start < 1.0  # no wait for a body
            assert run.body == b"" and run.status == C.STATUS_CONNECTED
            second = exchange(Run(run.client))
            assert (second.code, second.body) == (200, b"next")
        finally:
            run.client.close()
            server.close()


class TestCase21Informational:
    @MODES
    @pytest.mark.parametrize("interim", [
        b"HTTP/1.1 100 Continue\r\n\r\n",
        b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\n"
        b"HTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n",
    ])
    def test_final_status_is_reported(self, interim, mode):
        run = got(interim + b"HTTP/1.1 201 Created\r\nContent-Length: 2\r\nX-F: 1\r\n\r\nok",
                  mode)
        assert (run.code, run.body) == (201, b"ok")
        assert run.headers == ["Content-Length: 2", "X-F: 1"]


class TestCase22KeepAlive:
    @MODES
    def test_fresh_state_per_response(self, mode):
        def script(conn, srv):
            srv.read_request(conn)
            feed(conn, OK_HEAD + b"Content-Length: 5\r\nX-First: 1\r\n\r\nfirst", mode)
            srv.read_request(conn)
            feed(conn, b"HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
                       b"6\r\nsecond\r\n0\r\nX-Trailer: t\r\n\r\n", mode)
            srv.read_request(conn)
            feed(conn, b"HTTP/1.1 202 Accepted\r\nContent-Length: 3\r\n\r\nend", mode)
            time.sleep(0.3)

        server = FaultServer(script)
        run = Run(HTTPClient())
        try:
            connect(run, "127.0.0.1", server.port)
            first = exchange(run)
            second = exchange(Run(run.client))
            third = exchange(Run(run.client))
            assert (first.code, first.length, first.chunked, first.body) == (200, 5, False,
                                                                             b"first")
            assert "X-First: 1" in first.headers
            assert (second.code, second.length, second.chunked, second.body) == (
                201, -1, True, b"second")
            assert second.headers == ["Transfer-Encoding: chunked"]
            assert (third.code, third.length, third.chunked, third.body) == (202, 3, False, b"end")
            assert server.accepted == 1 and len(server.requests) == 3
        finally:
            run.client.close()
            server.close()

    @pytest.mark.parametrize("extra", [b"EXTRA", OK_HEAD + b"Content-Length: 6\r\n\r\nforged"])
    @pytest.mark.parametrize("framing", ["length", "chunked"])
    def test_extra_bytes_after_the_body_end_reuse(self, extra, framing):
        body = (b"Content-Length: 2\r\n\r\nok" if framing == "length"
                else b"Transfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n")

        def script(conn, srv):
            srv.read_request(conn)
            conn.sendall(OK_HEAD + body + extra)
            srv.read_request(conn)
            time.sleep(0.3)

        server = FaultServer(script)
        run = Run(HTTPClient())
        try:
            connect(run, "127.0.0.1", server.port)
            exchange(run)
            assert (run.code, run.body) == (200, b"ok")
            time.sleep(0.05)  # the extra bytes are there before the next request
            if run.status == C.STATUS_CONNECTED and run.client.request(
                    C.METHOD_GET, "/2", []) == OK:
                run.poll_while((C.STATUS_REQUESTING,))
            assert run.status == C.STATUS_CONNECTION_ERROR
            assert run.client.get_response_code() != 200  # "forged" was never a response
            assert len(server.requests) == 1  # the second request never went out on it
        finally:
            run.client.close()
            server.close()

    @pytest.mark.parametrize("rst", [False, True], ids=["fin", "rst"])
    @pytest.mark.parametrize("cls", [HTTPClient, HTTPClient3])
    def test_idle_connection_closed_by_the_server(self, cls, rst):
        server = FaultServer(answer(OK_HEAD + b"Content-Length: 2\r\n\r\nok", linger=0, rst=rst))
        run = Run(cls())
        try:
            connect(run, "127.0.0.1", server.port)
            exchange(run)
            assert (run.code, run.body, run.status) == (200, b"ok", C.STATUS_CONNECTED)
            server.thread.join(5)
            time.sleep(0.05)
            err = run.call("request", C.METHOD_GET, "/again", [])
            if err == OK:
                run.poll_while((C.STATUS_REQUESTING,))
            assert run.status == C.STATUS_CONNECTION_ERROR
            assert run.call("poll") == ERR_CONNECTION_ERROR
        finally:
            run.client.close()
            server.close()


# * 23-24: gzip and redirects (HTTPClient passes them through; HTTPRequest acts) -----------------


class RequestOutcome:
    def __init__(self, err, results, seconds):
        self.err, self.results, self.seconds = err, results, seconds

    @property
    def result(self):
        assert len(self.results) == 1, self.results
        return self.results[0]


def run_http_request(script, path="/", setup=None, connections=1, url=None):
    """HTTPRequest in a SceneTree (FakeClock frames) against a FaultServer running ``script``."""
    if http_request_module is None:
        print(f"SKIPPED: {HTTP_REQUEST_MISSING}")
        pytest.skip(HTTP_REQUEST_MISSING)
    server = FaultServer(script, connections)
    try:
        tree = SceneTree()
        tree._gd_start()
        node = http_request_module.HTTPRequest()
        tree.root.add_child(node)
        if setup is not None:
            setup(node)
        results = []
        node.connect("request_completed", GodotCallable(function=lambda *a: results.append(a)))
        err = node.request(url or f"http://127.0.0.1:{server.port}{path}")
        started = time.monotonic()
        run_main_loop(tree, FakeClock(), max_seconds=15)
        return RequestOutcome(err, results, time.monotonic() - started)
    finally:
        server.close()


def gzip_bomb(size: int) -> bytes:
    out = gzip.compress(b"\0" * min(size, 1 << 20), compresslevel=9)
    if size <= 1 << 20:
        return out
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    pieces, zeros = [], bytes(1 << 20)
    for _ in range(size >> 20):
        pieces.append(packer.compress(zeros))
    pieces.append(packer.flush())
    return b"".join(pieces)


class TestCase23Gzip:
    def test_client_passes_compressed_bytes_through(self):
        data = gzip.compress(b"hello " * 100)
        run = got(OK_HEAD + b"Content-Encoding: gzip\r\nContent-Length: %d\r\n\r\n" % len(data)
                  + data)
        assert run.body == data and "Content-Encoding: gzip" in run.headers

    def test_bomb_beyond_the_limit_stops_while_streaming(self):
        bomb = gzip_bomb(128 << 20)
        sent = []

        def script(conn, srv):
            srv.read_request(conn)
            conn.sendall(OK_HEAD + b"Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n")
            for start in range(0, len(bomb), 4096):
                piece = bomb[start:start + 4096]
                conn.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
                sent.append(len(piece))
            conn.sendall(b"0\r\n\r\n")
            time.sleep(0.2)

        outcome = run_http_request(script, setup=lambda node: node.set_body_size_limit(1 << 20))
        HR = http_request_module.HTTPRequest
        assert outcome.result[0] == HR.RESULT_BODY_SIZE_LIMIT_EXCEEDED
        assert len(outcome.result[3]) == 0 and outcome.seconds < 10

    def test_length_over_the_limit_fails_before_the_body(self):
        outcome = run_http_request(answer(OK_HEAD + b"Content-Length: 5000\r\n\r\n", linger=1),
                                   setup=lambda node: node.set_body_size_limit(100))
        HR = http_request_module.HTTPRequest
        assert outcome.result[:2] == (HR.RESULT_BODY_SIZE_LIMIT_EXCEEDED, 200)
        assert outcome.seconds < 0.9  # it did not wait for the body that never came

    def test_corrupt_gzip(self):
        data = b"\x1f\x8b\x08\x00" + b"not gzip at all" * 10
        outcome = run_http_request(answer(
            OK_HEAD + b"Content-Encoding: gzip\r\nContent-Length: %d\r\n\r\n" % len(data) + data))
        HR = http_request_module.HTTPRequest
        assert outcome.result[0] == HR.RESULT_BODY_DECOMPRESS_FAILED


class TestCase24Redirects:
    def test_client_reports_the_redirect_itself(self):
        run = got(b"HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n")
        assert run.code == 302 and "Location: /elsewhere" in run.headers

    def test_loop_reaches_the_limit(self):
        def script(conn, srv):
            while True:
                request = srv.read_request(conn)
                if not request:
                    return
                target = b"/b" if request.startswith(b"GET /a ") else b"/a"
                conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: %s\r\nContent-Length: 0\r\n\r\n"
                             % target)

        outcome = run_http_request(script, path="/a", connections=20,
                                   setup=lambda node: node.set_max_redirects(5))
        HR = http_request_module.HTTPRequest
        assert outcome.result[:2] == (HR.RESULT_REDIRECT_LIMIT_REACHED, 302)

    @pytest.mark.parametrize("location", [b"file:///etc/passwd", b"ftp://127.0.0.1/x"])
    def test_non_http_targets_are_not_followed(self, location):
        outcome = run_http_request(answer(
            b"HTTP/1.1 302 Found\r\nLocation: %s\r\nContent-Length: 0\r\n\r\n" % location))
        assert outcome.result[:2] == (0, 302)

    def test_x_location_is_not_followed(self):
        outcome = run_http_request(answer(
            b"HTTP/1.1 301 Moved\r\nX-Location: /x\r\nContent-Length: 2\r\n\r\nhi"))
        assert outcome.result[:2] == (0, 301) and bytes(outcome.result[3]) == b"hi"


# * 25: proxies and response headers --------------------------------------------------------------


class TestCase25Proxies:
    def test_http_proxy_absolute_form_and_unset(self):
        proxy = FaultServer(answer(OK_HEAD + b"Content-Length: 1\r\n\r\np"))
        run = Run(HTTPClient())
        try:
            run.client.set_http_proxy("127.0.0.1", proxy.port)
            connect(run, "origin.test", 8080)
            exchange(run, url="/p?q=1")
            assert run.body == b"p"
            assert proxy.requests[0].startswith(b"GET http://origin.test:8080/p?q=1 HTTP/1.1\r\n")
            run.client.set_http_proxy("", -1)
            assert run.client.connect_to_host("origin.test", 8080) == OK
            assert run.client.get_status() == C.STATUS_RESOLVING  # the real name, no proxy
        finally:
            run.client.close()
            proxy.close()

    @pytest.mark.parametrize("reply", [
        b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n",
        b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 3\r\n\r\nbad",
        b"garbage\r\n\r\n", b""])
    def test_https_proxy_refusal_is_cant_connect(self, reply):
        proxy = FaultServer(answer(reply))
        run = Run(HTTPClient())
        try:
            run.client.set_https_proxy("127.0.0.1", proxy.port)
            assert run.call("connect_to_host", "https://origin.test", 443) == OK
            assert run.poll_while(ACTIVE) == C.STATUS_CANT_CONNECT
            assert proxy.requests[0].startswith(b"CONNECT origin.test:443 HTTP/1.1\r\n")
        finally:
            run.client.close()
            proxy.close()

    def test_https_proxy_verifies_the_origin_name(self, ca):
        origin = TLSServer(server_context(ca.issue_cert("origin.test")))

        def tunnel(conn, srv):
            srv.read_request(conn)
            with socket.create_connection(("127.0.0.1", origin.port), timeout=5) as upstream:
                conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                for _ in range(1000):
                    readable, _, _ = select.select([conn, upstream], [], [], 2)
                    if not readable:
                        return
                    for source in readable:
                        data = source.recv(65536)
                        if not data:
                            return
                        (upstream if source is conn else conn).sendall(data)

        proxy = FaultServer(tunnel)
        run = Run(HTTPClient())
        try:
            run.client.set_https_proxy("127.0.0.1", proxy.port)
            connect(run, "origin.test", 443, trusted(ca))
            exchange(run)
            assert (run.code, run.body) == (200, b"ok")
        finally:
            run.client.close()
            proxy.close()
            origin.close()

    def test_header_accessors(self):
        server = FaultServer(answer(OK_HEAD + b"Set-Cookie: a=1\r\nSet-Cookie: b=2\r\n"
                                    b"Content-Length: 0\r\n\r\n"))
        client = HTTPClient()
        try:
            connect(Run(client), "127.0.0.1", server.port)
            client.request(C.METHOD_GET, "/", [])
            Run(client).poll_while((C.STATUS_REQUESTING,))
            assert dict(client.get_response_headers_as_dictionary())["Set-Cookie"] == "b=2"
            assert list(client.get_response_headers()) == [] and not client.has_response()
        finally:
            client.close()
            server.close()


# * Any server behaviour: mutated responses (hypothesis) -----------------------------------------

BASE_RESPONSES = [
    OK_HEAD + b"Content-Length: 11\r\nX-A: 1\r\n\r\nhello world",
    CHUNKED_HEAD + b"5;e=1\r\nhello\r\n6\r\n world\r\n0\r\nX-T: 1\r\n\r\n",
    b"HTTP/1.1 100 Continue\r\n\r\n" + OK_HEAD + b"Content-Length: 2\r\n\r\nok",
    OK_HEAD + b"Connection: close\r\n\r\nuntil the end",
    b"HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nabc",
    b"HTTP/1.1 204 No Content\r\nContent-Length: 4\r\n\r\n",
]


def mutate(data: bytes, edits) -> bytes:
    """Apply (kind, position, byte) edits: flip, insert, delete, cut."""
    data = bytearray(data)
    for kind, position, value in edits:
        where = position % (len(data) + 1)
        if kind == "flip" and where < len(data):
            data[where] = value
        elif kind == "insert":
            data[where:where] = bytes([value]) * (1 + value % 3)
        elif kind == "delete" and where < len(data):
            del data[where]
        elif kind == "cut":
            del data[where:]
    return bytes(data)


class TestAnyServerBehaviour:
    """Whatever the server sends: no exception, no slow call, no truncated body as success."""

    def test_mutated_responses(self):
        from hypothesis import HealthCheck, given, settings
        from hypothesis import strategies as st

        edit = st.tuples(st.sampled_from(["flip", "insert", "delete", "cut"]),
                         st.integers(0, 400), st.sampled_from(b"\r\n :;0aZ\x00\xff-9"))

        @settings(max_examples=120, deadline=None,
                  suppress_health_check=list(HealthCheck))
        @given(st.sampled_from(BASE_RESPONSES), st.lists(edit, max_size=4),
               st.sampled_from(["whole", "tiny"]), st.booleans())
        def check(base, edits, mode, rst):
            response = mutate(base, edits)
            run = against(answer(response, mode, linger=0.05, rst=rst))
            assert run.status in (C.STATUS_CONNECTED, C.STATUS_CONNECTION_ERROR,
                                  C.STATUS_DISCONNECTED)
            if run.status == C.STATUS_CONNECTED and run.length > 0 and run.code not in (204, 304):
                assert len(run.body) == run.length  # complete, or not CONNECTED

        check()
