"""HTTPRequest (stdlib/http_request.py) driven through a real SceneTree and run_main_loop.

Servers listen on 127.0.0.1 only: the project's fixture server, pytest-httpserver
for scripted responses, and ``RawServer`` (a socket thread) for what no HTTP
library sends (truncated bodies, silence).  Loops run on a FakeClock with a
wall-clock cap.  Expected behaviour: Godot's scene/main/http_request.cpp, with
the deliberate differences of http-hardening.md (redirect codes, streaming
gzip limit, truncation results, wall-clock timeout).
"""

from __future__ import annotations

import gzip
import json
import re
import socket
import ssl
import threading
import time
import tracemalloc
import xml.etree.ElementTree as ET
import zlib

import pytest
import trustme
from pytest_httpserver import HTTPServer
from werkzeug.wrappers import Response

from gdscript.errors import set_engine_error_sink
from gdscript.fixture_server import FixtureServer
from gdscript.stdlib import http_client, http_request, objects
from gdscript.stdlib.global_constants import (
    ERR_BUSY, ERR_CANT_CONNECT, ERR_INVALID_PARAMETER, ERR_UNCONFIGURED, OK,
)
from gdscript.stdlib.http_client import HTTPClient
from gdscript.stdlib.http_request import HTTPRequest, HTTPRequest3, _Inflater, parse_url
from gdscript.stdlib.objects import Callable, godot_api
from gdscript.stdlib.packed import PackedByteArray, PackedStringArray
from gdscript.stdlib.scene_tree import FakeClock, RealClock, SceneTree, SceneTree3, run_main_loop
from gdscript.stdlib.tls import TLSOptions, X509Certificate

# * Fixtures -----------------------------------------------------------------


@pytest.fixture(autouse=True)
def errors():
    captured: list[tuple[str, str | None]] = []
    old = set_engine_error_sink(lambda level, message, why: captured.append((message, why)))
    del objects.MESSAGE_QUEUE[:]
    http_client.set_resolve_overrides()
    yield captured
    set_engine_error_sink(old)
    del objects.MESSAGE_QUEUE[:]
    http_request.set_path_resolver(None)


@pytest.fixture(scope="module")
def fixture():
    with FixtureServer() as server:
        yield f"http://127.0.0.1:{server.http_port}"


@pytest.fixture(scope="module")
def _shared_httpserver():
    server = HTTPServer(host="127.0.0.1", threaded=True)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def httpserver(_shared_httpserver):
    yield _shared_httpserver
    _shared_httpserver.clear()


class RawServer:
    """Serves ``respond(conn)`` to each accepted client on 127.0.0.1 (bounded: 5 s each)."""

    def __init__(self, respond, connections=1):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.requests: list[bytes] = []
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
                    self.requests.append(conn.recv(65536))
                    self._respond(conn)
                except OSError:
                    pass
        self.sock.close()


class Outcome:
    def __init__(self, err, results, node, tree, exit_code, seconds):
        self.err, self.results, self.node, self.tree = err, results, node, tree
        self.exit_code, self.seconds = exit_code, seconds

    @property
    def result(self):
        assert len(self.results) == 1, self.results
        return self.results[0]

    def json(self):
        return json.loads(bytes(self.result[3]).decode())


def run_request(url, *args, cls=HTTPRequest, setup=None, max_seconds=10.0, clock=None,
                during=None):
    """Add an HTTPRequest to a started tree, call request(url, *args), run the loop."""
    tree = (SceneTree3 if cls is HTTPRequest3 else SceneTree)()
    tree._gd_start()
    node = cls()
    tree.root.add_child(node)
    if setup is not None:
        setup(node)
    results = []
    node.connect("request_completed", Callable(function=lambda *a: results.append(a)))
    err = node.request(url, *args)
    if during is not None:
        during(node, tree)
    started = time.monotonic()
    code = run_main_loop(tree, clock or FakeClock(), max_seconds=max_seconds)
    return Outcome(err, results, node, tree, code, time.monotonic() - started)


def result_codes(path):
    """RESULT_* name -> value from a class reference page (XML or rst)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".xml":
        root = ET.fromstring(text)
        return {c.get("name"): int(c.get("value")) for c in root.iter("constant")}
    return {m[0]: int(m[1]) for m in re.findall(r"\*\*(RESULT_\w+)\*\* = ``(\d+)``", text)}


# * API and constants ------------------------------------------------------------


class TestApi:
    def test_4x_matches_the_class_reference(self, shared):
        root = ET.parse(shared / "docs/4.x/xml/HTTPRequest.xml").getroot()
        api = godot_api(HTTPRequest)
        assert {m.get("name") for m in root.iter("method")} <= set(api.methods)
        for member in root.iter("member"):
            assert member.get("name") in api.properties
            assert member.get("setter") in api.methods and member.get("getter") in api.methods
        assert {s.get("name") for s in root.iter("signal")} <= set(api.signals)
        for name, value in result_codes(shared / "docs/4.x/xml/HTTPRequest.xml").items():
            assert api.constants[name] == value

    def test_3x_constants_match_the_3x_page(self, shared):
        expected = result_codes(shared / "docs/3.x/classes/class_httprequest.rst")
        assert len(expected) == 13
        api = godot_api(HTTPRequest3)
        assert {k: v for k, v in api.constants.items() if k.startswith("RESULT_")} == expected
        assert "accept_gzip" not in api.properties and "set_tls_options" not in api.methods

    def test_defaults(self):
        four, three = HTTPRequest(), HTTPRequest3()
        assert (four.download_chunk_size, three.download_chunk_size) == (65536, 4096)
        assert (four.max_redirects, four.body_size_limit, four.timeout) == (8, -1, 0.0)
        assert four.accept_gzip is True and four.use_threads is False
        assert four.download_file == "" and four.get_body_size() == -1
        assert four.get_http_client_status() == HTTPClient.STATUS_DISCONNECTED

    def test_owns_a_timer_child_like_godot(self):
        # Checked with godot3-server: HTTPRequest.new().get_child_count() == 1.
        assert HTTPRequest3().get_child_count() == 1
        assert HTTPRequest().get_child(0).get_class() == "Timer"

    def test_negative_timeout_is_refused(self, errors):
        node = HTTPRequest()
        node.timeout = -1
        assert node.timeout == 0.0
        assert errors[-1][0] == 'Condition "p_timeout < 0" is true.'


class TestParseUrl:
    @pytest.mark.parametrize("url, expected", [
        ("http://Example.COM/a?b=1#frag", ("http://", "example.com", 0, "/a?b=1")),
        ("https://user:pw@host:8443", ("https://", "host", 8443, "")),
        ("http://[::1]:80/x", ("http://", "::1", 80, "/x")),
        ("ftp://h/x", ("ftp://", "h", 0, "/x")),
    ])
    def test_parts(self, url, expected):
        assert parse_url(url) == expected

    @pytest.mark.parametrize("url", ["http://", "http://h:0/", "http://h:70000/",
                                     "http://h:x/", "http://a:b:c/", "http://[::1/"])
    def test_invalid(self, url):
        assert parse_url(url) is None


# * Starting a request -------------------------------------------------------------


class TestRequestChecks:
    def test_not_in_tree(self, errors):
        assert HTTPRequest().request("http://127.0.0.1/") == ERR_UNCONFIGURED
        assert errors == [('Condition "!is_inside_tree()" is true. Returning: ERR_UNCONFIGURED',
                           None)]

    def test_not_in_tree_3x_wording(self, errors):
        # godot3-server 3.2.3 prints exactly this line.
        assert HTTPRequest3().request("http://127.0.0.1/") == ERR_UNCONFIGURED
        assert errors[0][0] == 'Condition "!is_inside_tree()" is true. Returned: ERR_UNCONFIGURED'

    def test_busy(self, fixture, errors):
        second = []

        def again(node, tree):
            second.append(node.request(fixture + "/get"))

        outcome = run_request(fixture + "/get", during=again)
        assert second == [ERR_BUSY]
        assert errors == [('Condition "requesting" is true. Returning: ERR_BUSY',
                           "HTTPRequest is processing a request. Wait for completion or "
                           "cancel it before attempting a new one.")]
        assert outcome.result[0] == HTTPRequest.RESULT_SUCCESS

    def test_busy_3x_prints_only_the_message(self, fixture, errors):
        run_request(fixture + "/get", cls=HTTPRequest3,
                    during=lambda node, tree: node.request(fixture + "/get"))
        assert errors == [("HTTPRequest is processing a request. Wait for completion or cancel "
                           "it before attempting a new one.", None)]

    def test_invalid_scheme(self, errors):
        outcome = run_request("ftp://127.0.0.1/x")
        assert outcome.err == ERR_INVALID_PARAMETER and outcome.results == []
        assert errors == [("Method/function failed. Returning: ERR_INVALID_PARAMETER",
                           "Invalid URL scheme: 'ftp://'.")]

    def test_unparsable_url(self, errors):
        outcome = run_request("http://host:99999/")
        assert outcome.err == ERR_INVALID_PARAMETER
        assert errors[0][1] == "Error parsing URL: 'http://host:99999/'."

    def test_3x_url_errors(self, errors):
        # Messages as printed by godot3-server 3.2.3.
        assert run_request("ftp://127.0.0.1:1/", cls=HTTPRequest3).err == ERR_INVALID_PARAMETER
        assert run_request("http://a:99999/", cls=HTTPRequest3).err == ERR_INVALID_PARAMETER
        assert [e[0] for e in errors] == [
            "Malformed URL: ftp://127.0.0.1:1/.",
            'Condition "port < 1 || port > 65535" is true. Returned: ERR_INVALID_PARAMETER']

    def test_connect_failure_returns_error_and_still_emits(self):
        # A host shorter than HTTPClient's HOST_MIN_LEN fails in connect_to_host.
        outcome = run_request("http://a.b/")
        assert outcome.err == ERR_CANT_CONNECT
        assert outcome.result[:2] == (HTTPRequest.RESULT_CANT_CONNECT, 0)

    def test_settings_locked_while_requesting(self, fixture, errors):
        def change(node, tree):
            node.download_chunk_size = 4096
            node.body_size_limit = 10

        outcome = run_request(fixture + "/get", during=change)
        assert outcome.node is not None and outcome.result[0] == HTTPRequest.RESULT_SUCCESS
        assert len(errors) == 2 and all(
            e[0] == 'Condition "get_http_client_status() != HTTPClient::STATUS_DISCONNECTED" '
                    'is true.' for e in errors)


# * Responses -------------------------------------------------------------------------


class TestResponses:
    def test_get(self, fixture):
        outcome = run_request(fixture + "/get?x=1")
        result, code, headers, body = outcome.result
        assert (result, code, outcome.err, outcome.exit_code) == (0, 200, OK, 0)
        assert isinstance(headers, PackedStringArray) and isinstance(body, PackedByteArray)
        assert "Content-Type: application/json" in headers
        echoed = outcome.json()
        assert echoed["method"] == "GET" and echoed["args"] == {"x": "1"}
        assert echoed["headers"]["Accept-Encoding"] == "gzip, deflate"
        assert echoed["headers"]["User-Agent"].startswith("GodotEngine/4.")

    @pytest.mark.parametrize("cls", [HTTPRequest, HTTPRequest3])
    def test_sizes_stay_readable_in_the_completion_handler(self, fixture, cls):
        """Godot's cancel_request() (run before request_completed) keeps body_len and
        downloaded; the next request resets them (checked against Godot 3.2.3 by
        tests/gd/godot3/http_request_node.gd)."""
        seen = []

        def setup(node):
            node.connect("request_completed", Callable(function=lambda *a: seen.append(
                (node.get_body_size(), node.get_downloaded_bytes()))))

        outcome = run_request(fixture + "/bytes/300", cls=cls, setup=setup)
        assert outcome.result[0] == 0 and seen == [(300, 300)]
        node = outcome.node
        assert (node.get_body_size(), node.get_downloaded_bytes()) == (300, 300)
        tree = (SceneTree3 if cls is HTTPRequest3 else SceneTree)()
        tree._gd_start()
        tree.root.add_child(node)  # the first tree ended and let go of it
        assert node.request(fixture + "/get") == OK
        assert (node.get_body_size(), node.get_downloaded_bytes()) == (-1, 0)
        node.cancel_request()

    def test_post_with_data_and_custom_headers(self, fixture):
        outcome = run_request(fixture + "/post", ["Content-Type: application/json", "X-Test: 7"],
                              HTTPClient.METHOD_POST, '{"name": "Godette"}')
        echoed = outcome.json()
        assert echoed["method"] == "POST" and echoed["json"] == {"name": "Godette"}
        assert echoed["headers"]["X-Test"] == "7"
        assert echoed["headers"]["Content-Length"] == "19"

    def test_request_raw(self, fixture):
        tree = SceneTree()
        tree._gd_start()
        node = HTTPRequest()
        tree.root.add_child(node)
        got = []
        node.connect("request_completed", Callable(function=lambda *a: got.append(a)))
        assert node.request_raw(fixture + "/put", PackedStringArray(), HTTPClient.METHOD_PUT,
                                PackedByteArray(b"\x00\xffraw")) == OK
        run_main_loop(tree, FakeClock(), max_seconds=10)
        assert json.loads(bytes(got[0][3]))["data"] == "\x00\ufffdraw"

    def test_user_accept_encoding_is_kept(self, fixture):
        outcome = run_request(fixture + "/headers", ["accept-encoding: identity"])
        sent = {k.lower(): v for k, v in outcome.json()["headers"].items()}
        assert sent["accept-encoding"] == "identity"

    def test_404_is_a_successful_request(self, fixture):
        outcome = run_request(fixture + "/status/404")
        assert outcome.result[:2] == (HTTPRequest.RESULT_SUCCESS, 404)
        assert outcome.result[3] == PackedByteArray()

    def test_head_and_204_have_no_body(self, fixture):
        head = run_request(fixture + "/bytes/100", [], HTTPClient.METHOD_HEAD)
        assert head.result[:2] == (0, 200) and len(head.result[3]) == 0
        assert run_request(fixture + "/status/204").result[:2] == (0, 204)

    def test_chunked(self, fixture):
        outcome = run_request(fixture + "/chunked")
        body = bytes(outcome.result[3]).decode()
        assert outcome.result[0] == 0 and body.count("This is chunk") == 5

    def test_large_body_is_complete(self, fixture):
        outcome = run_request(fixture + "/bytes/3000000")
        body = bytes(outcome.result[3])
        assert len(body) == 3_000_000 and body[:256] == bytes(range(256))
        assert body[-1] == (3_000_000 - 1) % 256

    def test_body_is_not_read_one_chunk_per_frame(self, fixture):
        # 8 MiB in 64 KiB reads is 128 chunks; Godot reads one per frame (128 frames).
        outcome = run_request(fixture + f"/bytes/{8 << 20}", clock=RealClock())
        assert len(outcome.result[3]) == 8 << 20
        assert outcome.tree.get_frame() < 64

    def test_hold_keeps_the_loop_alive_until_the_signal(self, fixture):
        holds = []
        outcome = run_request(fixture + "/delay/0.3",
                              during=lambda node, tree: holds.append(dict(tree._gd_holds)))
        assert list(holds[0].values()) == [outcome.node]
        assert outcome.tree._gd_holds == {} and outcome.seconds >= 0.3
        assert outcome.result[0] == 0

    def test_eof_delimited_body_is_success(self):
        server = RawServer(lambda c: c.sendall(
            b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it"))
        outcome = run_request(server.url + "/")
        assert outcome.result[0] == 0 and bytes(outcome.result[3]) == b"all of it"

    def test_body_cut_short_is_a_connection_error(self):
        server = RawServer(lambda c: c.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this"))
        outcome = run_request(server.url + "/")
        assert outcome.result[:2] == (HTTPRequest.RESULT_CONNECTION_ERROR, 200)

    def test_chunked_without_last_chunk(self):
        server = RawServer(lambda c: c.sendall(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"))
        outcome = run_request(server.url + "/")
        assert outcome.result[0] == HTTPRequest.RESULT_CHUNKED_BODY_SIZE_MISMATCH

    def test_closed_without_answer_is_connection_error(self):
        server = RawServer(lambda c: None)
        assert run_request(server.url + "/").result[0] == HTTPRequest.RESULT_CONNECTION_ERROR

    def test_line_breaks_in_headers_are_refused(self, errors):
        server = RawServer(lambda c: c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))
        outcome = run_request(server.url + "/", ["X-A: 1\r\nX-Evil: 2"])
        assert outcome.err == OK and outcome.result[0] == HTTPRequest.RESULT_CONNECTION_ERROR
        server.thread.join(5)
        assert server.requests == [b""]  # connected, then closed without sending anything

    def test_http_proxy(self):
        proxy = RawServer(lambda c: c.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\nproxied"))
        outcome = run_request("http://example.com/page?q=1",
                              setup=lambda n: n.set_http_proxy("127.0.0.1", proxy.port))
        assert bytes(outcome.result[3]) == b"proxied"
        head = proxy.requests[0].split(b"\r\n")
        assert head[0] == b"GET http://example.com:80/page?q=1 HTTP/1.1"
        assert b"Host: example.com" in head

    def test_script_subclass_names_do_not_collide(self, fixture):
        # A script extending HTTPRequest may define any of these; the node must not call them.
        def boom(self, *args):
            raise AssertionError("internal call reached a script method")

        names = ("_start", "_connect", "_finish", "_store", "_error", "_redirect", "_complete",
                 "_read_body", "_request_done", "_update_connection", "_handle_response")
        Scripted = type("Scripted", (HTTPRequest,), dict.fromkeys(names, boom))
        outcome = run_request(fixture + "/redirect/1", cls=Scripted)
        assert outcome.result[:2] == (0, 200)

    def test_3x_request(self, fixture):
        outcome = run_request(fixture + "/get", [], True, HTTPClient.METHOD_GET, cls=HTTPRequest3)
        echoed = outcome.json()
        assert outcome.result[:2] == (0, 200)
        assert "Accept-Encoding" not in echoed["headers"]
        assert echoed["headers"]["User-Agent"].startswith("GodotEngine/3.")

    def test_3x_post(self, fixture):
        outcome = run_request(fixture + "/post", ["Content-Type: text/plain"], True,
                              HTTPClient.METHOD_POST, "three", cls=HTTPRequest3)
        assert outcome.json()["data"] == "three"


class TestFailures:
    def test_cant_connect(self):
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()  # nothing listens there any more
        outcome = run_request(f"http://127.0.0.1:{port}/")
        assert outcome.result == (HTTPRequest.RESULT_CANT_CONNECT, 0, PackedStringArray(),
                                  PackedByteArray())

    def test_cant_resolve(self):
        outcome = run_request("http://no-such-host.invalid/")
        assert outcome.result[:2] == (HTTPRequest.RESULT_CANT_RESOLVE, 0)

    def test_timeout(self):
        release = threading.Event()
        server = RawServer(lambda c: release.wait(5))
        outcome = run_request(server.url + "/", setup=lambda n: n.set_timeout(0.3))
        release.set()
        assert outcome.result[:2] == (HTTPRequest.RESULT_TIMEOUT, 0)
        assert 0.3 <= outcome.seconds < 3

    def test_3x_timeout_value(self):
        release = threading.Event()
        server = RawServer(lambda c: release.wait(5))
        outcome = run_request(server.url + "/", cls=HTTPRequest3,
                              setup=lambda n: n.set_timeout(0.2))
        release.set()
        assert outcome.result[0] == HTTPRequest3.RESULT_TIMEOUT == 12

    def test_cancel_request(self):
        release = threading.Event()
        server = RawServer(lambda c: release.wait(5))
        tree = SceneTree()
        tree._gd_start()
        node = HTTPRequest()
        tree.root.add_child(node)
        got = []
        node.connect("request_completed", Callable(function=lambda *a: got.append(a)))
        node.request(server.url + "/")
        timer = tree.create_timer(0.1)
        timer.connect("timeout", Callable(function=node.cancel_request))
        started = time.monotonic()
        run_main_loop(tree, FakeClock(), max_seconds=10)
        release.set()
        assert got == [] and tree._gd_holds == {}
        assert time.monotonic() - started < 3

    def test_leaving_the_tree_cancels(self, fixture):
        tree = SceneTree()
        tree._gd_start()
        node = HTTPRequest()
        tree.root.add_child(node)
        node.request(fixture + "/delay/5")
        tree.root.remove_child(node)
        assert node.get_http_client_status() == HTTPClient.STATUS_DISCONNECTED
        assert tree._gd_holds == {}
        assert run_main_loop(tree, FakeClock(), max_seconds=10) == 0

    def test_can_request_again_from_the_handler(self, fixture):
        tree = SceneTree()
        tree._gd_start()
        node = HTTPRequest()
        tree.root.add_child(node)
        got = []

        def done(*args):
            got.append(args[1])
            if len(got) == 1:
                assert node.request(fixture + "/status/201") == OK

        node.connect("request_completed", Callable(function=done))
        node.request(fixture + "/get")
        run_main_loop(tree, FakeClock(), max_seconds=10)
        assert got == [200, 201]


# * Redirects -----------------------------------------------------------------------------


def _record(log):
    def handler(request):
        log.append((request.method, request.get_data(), dict(request.headers)))
        return Response("final", status=200)
    return handler


class TestRedirects:
    def test_follows_the_fixture_chain(self, fixture):
        outcome = run_request(fixture + "/redirect/3")
        assert outcome.result[:2] == (0, 200) and outcome.json()["url"].endswith("/get")

    def test_limit(self, fixture):
        assert run_request(fixture + "/redirect/8").result[:2] == (0, 200)
        outcome = run_request(fixture + "/redirect/9")
        assert outcome.result[:2] == (HTTPRequest.RESULT_REDIRECT_LIMIT_REACHED, 302)
        assert any(h.startswith("Location: ") for h in outcome.result[2])

    def test_zero_redirects_allowed(self, fixture):
        outcome = run_request(fixture + "/redirect/1", setup=lambda n: n.set_max_redirects(0))
        assert outcome.result[0] == HTTPRequest.RESULT_REDIRECT_LIMIT_REACHED

    def test_3x_limit_value(self, fixture):
        outcome = run_request(fixture + "/redirect/2", cls=HTTPRequest3,
                              setup=lambda n: n.set_max_redirects(1))
        assert outcome.result[0] == HTTPRequest3.RESULT_REDIRECT_LIMIT_REACHED == 11

    @pytest.mark.parametrize("code, method, body", [
        (301, "GET", b""), (302, "GET", b""), (303, "GET", b""),
        (307, "POST", b"payload"), (308, "POST", b"payload")])
    def test_post_redirect_method(self, httpserver, code, method, body):
        log = []
        httpserver.expect_request("/start").respond_with_response(
            Response("", status=code, headers={"Location": "../final"}))
        httpserver.expect_request("/final").respond_with_handler(_record(log))
        outcome = run_request(httpserver.url_for("/start"),
                              ["Content-Type: text/plain", "X-Keep: 1"],
                              HTTPClient.METHOD_POST, "payload")
        assert outcome.result[:2] == (0, 200) and bytes(outcome.result[3]) == b"final"
        assert [(m, d) for m, d, _ in log] == [(method, body)]
        assert log[0][2]["X-Keep"] == "1"
        assert ("Content-Type" in log[0][2]) == (method == "POST")

    def test_absolute_location_and_authorization_dropped_across_hosts(self, httpserver):
        log = []
        other = httpserver.url_for("/final").replace("127.0.0.1", "localhost")
        httpserver.expect_request("/start").respond_with_response(
            Response("", status=302, headers={"Location": other}))
        httpserver.expect_request("/final").respond_with_handler(_record(log))
        outcome = run_request(httpserver.url_for("/start"),
                              ["Authorization: Bearer secret", "X-Keep: 1"])
        assert outcome.result[:2] == (0, 200)
        assert "Authorization" not in log[0][2] and log[0][2]["Host"].startswith("localhost")

    def test_authorization_kept_on_same_origin(self, httpserver):
        log = []
        httpserver.expect_request("/start").respond_with_response(
            Response("", status=307, headers={"Location": "/final"}))
        httpserver.expect_request("/final").respond_with_handler(_record(log))
        run_request(httpserver.url_for("/start"), ["Authorization: Bearer secret"])
        assert log[0][2]["Authorization"] == "Bearer secret"

    def test_x_location_is_not_a_location(self, httpserver):
        httpserver.expect_request("/start").respond_with_response(
            Response("stay", status=302, headers={"X-Location": "/final"}))
        outcome = run_request(httpserver.url_for("/start"))
        assert outcome.result[:2] == (0, 302) and bytes(outcome.result[3]) == b"stay"

    def test_non_http_location_is_not_followed(self, httpserver):
        httpserver.expect_request("/start").respond_with_response(
            Response("here", status=301, headers={"Location": "file:///etc/passwd"}))
        outcome = run_request(httpserver.url_for("/start"))
        assert outcome.result[:2] == (0, 301) and bytes(outcome.result[3]) == b"here"


# * Compression and size limits ------------------------------------------------------------


def _bomb(size):
    """gzip of ``size`` zero bytes (about 1000:1)."""
    return gzip.compress(bytes(size), compresslevel=9, mtime=0)


class TestCompression:
    def test_gzip_is_decompressed(self, fixture):
        outcome = run_request(fixture + "/gzip")
        assert "Content-Encoding: gzip" in outcome.result[2]
        assert outcome.json()["gzipped"] is True

    def test_gzip_not_accepted(self, fixture):
        outcome = run_request(fixture + "/gzip", setup=lambda n: n.set_accept_gzip(False))
        assert bytes(outcome.result[3])[:2] == b"\x1f\x8b"  # the raw gzip stream

    @pytest.mark.parametrize("encoder", [zlib.compress, lambda d: zlib.compress(d)[2:-4]],
                             ids=["zlib", "raw"])
    def test_deflate(self, httpserver, encoder):
        text = b"deflated text " * 1000
        httpserver.expect_request("/d").respond_with_response(
            Response(encoder(text), headers={"Content-Encoding": "deflate"}))
        outcome = run_request(httpserver.url_for("/d"))
        assert outcome.result[0] == 0 and bytes(outcome.result[3]) == text

    def test_corrupt_gzip(self, httpserver):
        httpserver.expect_request("/bad").respond_with_response(
            Response(b"\x1f\x8b\x08\x00garbage-garbage", headers={"Content-Encoding": "gzip"}))
        outcome = run_request(httpserver.url_for("/bad"))
        assert outcome.result[:2] == (HTTPRequest.RESULT_BODY_DECOMPRESS_FAILED, 200)

    def test_truncated_gzip(self, httpserver):
        httpserver.expect_request("/cut").respond_with_response(
            Response(gzip.compress(b"x" * 5000)[:-12], headers={"Content-Encoding": "gzip"}))
        outcome = run_request(httpserver.url_for("/cut"))
        assert outcome.result[0] == HTTPRequest.RESULT_BODY_DECOMPRESS_FAILED

    def test_content_length_over_limit_fails_before_reading(self, fixture):
        outcome = run_request(fixture + "/bytes/5000", setup=lambda n: n.set_body_size_limit(100))
        assert outcome.result[:2] == (HTTPRequest.RESULT_BODY_SIZE_LIMIT_EXCEEDED, 200)
        assert len(outcome.result[3]) == 0

    def test_plain_body_over_limit_without_length(self):
        server = RawServer(lambda c: c.sendall(
            b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + b"x" * 5000))
        outcome = run_request(server.url + "/", setup=lambda n: n.set_body_size_limit(1000))
        assert outcome.result[0] == HTTPRequest.RESULT_BODY_SIZE_LIMIT_EXCEEDED

    def test_limit_counts_the_inflated_size(self, httpserver):
        data = _bomb(200_000)
        httpserver.expect_request("/z").respond_with_response(
            Response(data, headers={"Content-Encoding": "gzip"}))
        small = run_request(httpserver.url_for("/z"),
                            setup=lambda n: n.set_body_size_limit(len(data) * 2))
        assert small.result[0] == HTTPRequest.RESULT_BODY_SIZE_LIMIT_EXCEEDED
        exact = run_request(httpserver.url_for("/z"),
                            setup=lambda n: n.set_body_size_limit(200_000))
        assert exact.result[0] == 0 and len(exact.result[3]) == 200_000

    def test_gzip_bomb_stops_early(self, httpserver):
        # 256 MiB of zeros in ~250 KiB of gzip, streamed chunked so no length warns first;
        # the inflated bytes held at any time stay near the 1 MiB limit.
        data = _bomb(256 << 20)

        def stream():
            for start in range(0, len(data), 16384):
                yield data[start:start + 16384]

        httpserver.expect_request("/bomb").respond_with_response(
            Response(stream(), headers={"Content-Encoding": "gzip"}))
        tracemalloc.start()
        try:
            outcome = run_request(httpserver.url_for("/bomb"),
                                  setup=lambda n: n.set_body_size_limit(1 << 20))
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert outcome.result[0] == HTTPRequest.RESULT_BODY_SIZE_LIMIT_EXCEEDED
        assert peak < 16 << 20

    def test_inflater_output_is_capped(self):
        data = _bomb(64 << 20)
        inflater = _Inflater("gzip", 65536)
        out = inflater.feed(data, 1000)
        assert 1000 < len(out) <= 1001 and not inflater.finished
        whole = _Inflater("gzip", 65536).feed(data[:1000], None)
        assert len(whole) > 0 and set(whole) == {0}


# * download_file ----------------------------------------------------------------------------


class TestDownloadFile:
    def test_body_goes_to_the_file(self, fixture, tmp_path):
        target = tmp_path / "out.bin"
        outcome = run_request(fixture + "/bytes/300000",
                              setup=lambda n: n.set_download_file(str(target)))
        assert outcome.result[:2] == (0, 200) and len(outcome.result[3]) == 0
        data = target.read_bytes()
        assert len(data) == 300000 and data[:256] == bytes(range(256))

    def test_gzip_body_is_stored_decompressed(self, fixture, tmp_path):
        target = tmp_path / "g.json"
        run_request(fixture + "/gzip", setup=lambda n: n.set_download_file(str(target)))
        assert json.loads(target.read_text())["gzipped"] is True

    def test_godot_paths_use_the_resolver(self, fixture, tmp_path):
        http_request.set_path_resolver(lambda p: str(tmp_path / p.split("://", 1)[1]))
        run_request(fixture + "/bytes/10", setup=lambda n: n.set_download_file("user://ten"))
        assert (tmp_path / "ten").read_bytes() == bytes(range(10))

    def test_cant_open(self, fixture, tmp_path):
        missing = tmp_path / "no-such-dir" / "x"
        outcome = run_request(fixture + "/bytes/10",
                              setup=lambda n: n.set_download_file(str(missing)))
        assert outcome.result[:2] == (HTTPRequest.RESULT_DOWNLOAD_FILE_CANT_OPEN, 200)

    def test_3x_cant_open_value(self, fixture, tmp_path):
        missing = str(tmp_path / "no-such-dir" / "x")
        outcome = run_request(fixture + "/bytes/10", cls=HTTPRequest3,
                              setup=lambda n: n.set_download_file(missing))
        assert outcome.result[0] == HTTPRequest3.RESULT_DOWNLOAD_FILE_CANT_OPEN == 9


# * TLS --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tls_server():
    ca = trustme.CA()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    server = HTTPServer(host="127.0.0.1", ssl_context=context, threaded=True)
    server.expect_request("/secure").respond_with_data("secret page")
    server.start()
    yield server, ca
    server.stop()


class TestTLS:
    def test_unknown_ca_is_a_handshake_error(self, tls_server):
        server, _ca = tls_server
        outcome = run_request(server.url_for("/secure"))
        assert outcome.result[:2] == (HTTPRequest.RESULT_TLS_HANDSHAKE_ERROR, 0)

    def test_trusted_chain(self, tls_server):
        server, ca = tls_server
        cert = X509Certificate()
        cert.load_from_string(ca.cert_pem.bytes().decode())
        outcome = run_request(server.url_for("/secure"),
                              setup=lambda n: n.set_tls_options(TLSOptions.client(cert)))
        assert outcome.result[:2] == (0, 200) and bytes(outcome.result[3]) == b"secret page"

    def test_3x_without_domain_validation(self, tls_server):
        server, _ca = tls_server
        strict = run_request(server.url_for("/secure"), [], True, cls=HTTPRequest3)
        assert strict.result[0] == HTTPRequest3.RESULT_SSL_HANDSHAKE_ERROR
        loose = run_request(server.url_for("/secure"), [], False, cls=HTTPRequest3)
        assert loose.result[:2] == (0, 200)

    def test_server_options_refused(self, errors):
        node = HTTPRequest()
        node.set_tls_options(None)
        assert errors[0][0] == 'Condition "p_options.is_null() || p_options->is_server()" is true.'
