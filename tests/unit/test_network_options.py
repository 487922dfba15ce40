"""--offline, --resolve, --ca-file and serve-fixtures (interpreter/network_options.py).

Requests go through the real HTTPRequest node and HTTPClient; every server
listens on 127.0.0.1.  ``example.com`` never leaves the machine: --offline and
--resolve route it before any name lookup.
"""

from __future__ import annotations

import io
import json
import os
import socket
import ssl
import threading
import time

import certifi
import pytest
import trustme
from pytest_httpserver import HTTPServer

from gdscript.errors import UsageError, set_engine_error_sink
from gdscript.network_options import (
    apply_network_options, parse_resolve, read_ca_file, serve_fixtures,
)
from gdscript.stdlib import http_client, objects, tls
from gdscript.stdlib.http_request import HTTPRequest
from gdscript.stdlib.objects import Callable
from gdscript.stdlib.scene_tree import FakeClock, SceneTree, run_main_loop


@pytest.fixture(autouse=True)
def clean_state():
    old = set_engine_error_sink(lambda *args: None)
    del objects.MESSAGE_QUEUE[:]
    yield
    set_engine_error_sink(old)
    http_client.set_resolve_overrides()
    tls.set_default_trust_store(None)


@pytest.fixture
def applied():
    """apply_network_options, undone after the test."""
    undos = []

    def apply(**options):
        undos.append(apply_network_options(**options))
        return undos[-1]

    yield apply
    for undo in reversed(undos):
        undo()


@pytest.fixture(scope="module")
def trusted_server():
    ca = trustme.CA()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert("127.0.0.1", "secure.test").configure_cert(context)
    server = HTTPServer(host="127.0.0.1", ssl_context=context, threaded=True)
    server.expect_request("/secure").respond_with_data("trusted")
    server.start()
    with ca.cert_pem.tempfile() as ca_path:
        yield server, ca_path
    server.stop()


def fetch(url):
    """(result, code, body bytes) of one HTTPRequest through a real SceneTree loop."""
    tree = SceneTree()
    tree._gd_start()
    node = HTTPRequest()
    tree.root.add_child(node)
    got = []
    node.connect("request_completed", Callable(function=lambda *a: got.append(a)))
    node.request(url)
    run_main_loop(tree, FakeClock(), max_seconds=10)
    assert len(got) == 1
    return got[0][0], got[0][1], bytes(got[0][3])


# * --resolve -------------------------------------------------------------------


class TestResolveSyntax:
    @pytest.mark.parametrize("entry, expected", [
        ("example.com:443=127.0.0.1:8443", (("example.com", 443), ("127.0.0.1", 8443))),
        ("Example.COM:80=10.0.0.1", (("example.com", 80), ("10.0.0.1", None))),
        ("api.test:*=127.0.0.1:9000", (("api.test", None), ("127.0.0.1", 9000))),
        ("[::1]:80=[::1]:8080", (("::1", 80), ("::1", 8080))),
        ("host:80=localhost:81", (("host", 80), ("localhost", 81))),
    ])
    def test_valid(self, entry, expected):
        assert parse_resolve(entry) == expected

    @pytest.mark.parametrize("entry", [
        "example.com:443", "example.com=127.0.0.1:80", "example.com:443:127.0.0.1",
        ":443=127.0.0.1:1", "h:x=127.0.0.1:1", "h:80=", "h:80=1.2.3.4:port", "",
        "h:80=::1:80"])
    def test_invalid_syntax(self, entry):
        with pytest.raises(UsageError) as caught:
            parse_resolve(entry)
        assert str(caught.value) == (f"Invalid --resolve value '{entry}': expected "
                                     "HOST:PORT=ADDR:PORT (e.g. example.com:443=127.0.0.1:8443).")

    @pytest.mark.parametrize("entry", ["h:0=127.0.0.1:80", "h:80=127.0.0.1:65536"])
    def test_port_out_of_range(self, entry):
        with pytest.raises(UsageError, match="out of range"):
            parse_resolve(entry)


class TestResolve:
    def test_routes_a_name_to_a_local_server(self, applied):
        with HTTPServer(host="127.0.0.1") as server:
            server.expect_request("/hello").respond_with_data("routed")
            applied(resolve=[f"example.com:80=127.0.0.1:{server.port}"])
            assert http_client.route("example.com", 80, False) == ("127.0.0.1", server.port)
            assert fetch("http://example.com/hello") == (0, 200, b"routed")
            assert server.log[0][0].headers["Host"] == "example.com"

    def test_other_ports_are_not_routed(self, applied):
        applied(resolve=["example.com:80=127.0.0.1:1"])
        assert http_client.route("example.com", 443, True) == ("example.com", 443)

    def test_undo(self, applied):
        undo = applied(resolve=["example.com:80=127.0.0.1:1"])
        undo()
        assert http_client.route("example.com", 80, False) == ("example.com", 80)

    def test_bad_entry_changes_nothing(self):
        with pytest.raises(UsageError):
            apply_network_options(resolve=["a:1=127.0.0.1:2", "broken"])
        assert http_client.route("a", 1, False) == ("a", 1)


# * --ca-file -----------------------------------------------------------------------


class TestCaFile:
    def test_missing_file(self, tmp_path):
        with pytest.raises(UsageError) as caught:
            apply_network_options(ca_file=str(tmp_path / "nope.pem"))
        assert str(caught.value) == f"--ca-file: file not found: '{tmp_path / 'nope.pem'}'."

    def test_directory(self, tmp_path):
        with pytest.raises(UsageError, match="is a directory"):
            read_ca_file(str(tmp_path))

    def test_not_pem(self, tmp_path):
        path = tmp_path / "x.pem"
        path.write_bytes(b"\x30\x82 not a pem file")
        with pytest.raises(UsageError, match="is not a PEM certificate file"):
            read_ca_file(str(path))

    def test_replaces_the_trust_store(self, applied, trusted_server):
        server, ca_path = trusted_server
        url = server.url_for("/secure")
        assert fetch(url)[0] == HTTPRequest.RESULT_TLS_HANDSHAKE_ERROR  # certifi only
        undo = applied(ca_file=ca_path)
        assert tls.default_trust_store() == ca_path
        assert fetch(url) == (0, 200, b"trusted")
        undo()
        assert tls.default_trust_store() == certifi.where()

    def test_with_resolve_a_name_verifies(self, applied, trusted_server):
        server, ca_path = trusted_server
        applied(ca_file=ca_path, resolve=[f"secure.test:443=127.0.0.1:{server.port}"])
        assert fetch("https://secure.test/secure") == (0, 200, b"trusted")


# * --offline ---------------------------------------------------------------------------


class TestOffline:
    def test_http_reaches_the_fixture_server(self, applied):
        applied(offline=True)
        result, code, body = fetch("http://example.com/get")
        echoed = json.loads(body)
        assert (result, code) == (0, 200)
        assert echoed["url"] == "http://example.com/get"
        assert echoed["headers"]["Host"] == "example.com"

    def test_https_verifies_against_the_fixture_ca(self, applied):
        applied(offline=True)
        result, code, body = fetch("https://example.com/get?q=1")
        assert (result, code) == (0, 200)
        assert json.loads(body)["url"] == "https://example.com/get?q=1"

    def test_unresolvable_names_still_answer(self, applied):
        applied(offline=True)
        assert fetch("http://no-such-host.invalid/status/418")[:2] == (0, 418)

    def test_loopback_literals_are_not_routed(self, applied):
        with HTTPServer(host="127.0.0.1") as server:
            server.expect_request("/mine").respond_with_data("local")
            applied(offline=True)
            assert fetch(server.url_for("/mine")) == (0, 200, b"local")

    def test_resolve_wins_over_offline(self, applied):
        with HTTPServer(host="127.0.0.1") as server:
            server.expect_request("/x").respond_with_data("resolved")
            applied(offline=True, resolve=[f"example.com:80=127.0.0.1:{server.port}"])
            assert fetch("http://example.com/x") == (0, 200, b"resolved")
            assert json.loads(fetch("http://example.org/get")[2])["url"] == (
                "http://example.org/get")

    def test_ca_file_is_trusted_too(self, applied, trusted_server):
        server, ca_path = trusted_server
        applied(offline=True, ca_file=ca_path,
                resolve=[f"secure.test:443=127.0.0.1:{server.port}"])
        assert fetch("https://secure.test/secure") == (0, 200, b"trusted")
        assert fetch("https://example.com/get")[:2] == (0, 200)
        with open(tls.default_trust_store(), "rb") as handle:
            bundle = handle.read()
        with open(ca_path, "rb") as handle:
            assert handle.read().strip() in bundle

    def test_undo_stops_the_server_and_removes_the_bundle(self, applied):
        undo = applied(offline=True)
        store = tls.default_trust_store()
        port = http_client.route("example.com", 80, False)[1]
        undo()
        assert not os.path.exists(store)
        assert http_client.route("example.com", 80, False) == ("example.com", 80)
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=1).close()


# * serve-fixtures -------------------------------------------------------------------------


class TestServeFixtures:
    def run_in_thread(self, port=None):
        out, stop = io.StringIO(), threading.Event()
        codes = []
        thread = threading.Thread(target=lambda: codes.append(serve_fixtures(port, stop, out)),
                                  daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while "Press Ctrl-C" not in out.getvalue() and time.monotonic() < deadline:
            time.sleep(0.02)
        return out, stop, thread, codes

    def test_serves_until_stopped(self):
        out, stop, thread, codes = self.run_in_thread()
        try:
            first = out.getvalue().splitlines()[0]
            url = first.split()[-1]
            assert first.startswith("Serving fixtures on http://127.0.0.1:")
            assert fetch(url + "status/201")[:2] == (0, 201)
            assert "https://127.0.0.1:" in out.getvalue() and "/redirect/<n>" in out.getvalue()
        finally:
            stop.set()
            thread.join(5)
        assert codes == [0]

    def test_chosen_port(self):
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        out, stop, thread, codes = self.run_in_thread(port)
        stop.set()
        thread.join(5)
        assert f"http://127.0.0.1:{port}/" in out.getvalue() and codes == [0]

    def test_port_in_use(self):
        busy = socket.socket()
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        try:
            with pytest.raises(UsageError, match="cannot listen on 127.0.0.1:"):
                serve_fixtures(busy.getsockname()[1], threading.Event(), io.StringIO())
        finally:
            busy.close()

    def test_port_out_of_range(self):
        with pytest.raises(UsageError, match="out of range"):
            serve_fixtures(70000, threading.Event(), io.StringIO())
