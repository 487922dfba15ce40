"""The offline fixture server: every route, keep-alive, HTTPS with the run's CA.

Checked with Python's http.client (an independent client), and once end to end
with this project's HTTPClient routed through ``--offline``-style overrides.
"""

from __future__ import annotations

import gzip
import http.client
import json
import os
import shutil
import socket
import ssl
import time

import pytest

from gdscript.fixture_server import MAX_DELAY_SECONDS, FixtureServer
from gdscript.stdlib import http_client, tls
from gdscript.stdlib.http_client import HTTPClient

needs_openssl = pytest.mark.skipif(shutil.which("openssl") is None, reason="no openssl command")


@pytest.fixture(scope="module")
def server():
    fixture = FixtureServer()
    fixture.start()
    yield fixture
    fixture.stop()


@pytest.fixture
def conn(server):
    connection = http.client.HTTPConnection("127.0.0.1", server.http_port, timeout=5)
    yield connection
    connection.close()


def get(conn, path, method="GET", body=None, headers=None):
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    return response, response.read()


class TestRoutes:
    def test_start_returns_both_ports(self, server):
        assert server.start() == (server.http_port, server.https_port)
        assert isinstance(server.http_port, int) and server.http_port > 0

    def test_get_echoes_args_headers_and_url(self, server, conn):
        response, body = get(conn, "/get?a=1&b=x%20y", headers={"X-Test": "yes"})
        data = json.loads(body)
        assert response.status == 200
        assert data["args"] == {"a": "1", "b": "x y"}
        assert data["headers"]["X-Test"] == "yes"
        assert data["url"] == f"http://127.0.0.1:{server.http_port}/get?a=1&b=x%20y"
        assert data["origin"] == "127.0.0.1" and data["method"] == "GET"

    def test_post_echoes_form_and_json(self, conn):
        _, body = get(conn, "/post", "POST", b"k=v&e=%C3%A9",
                      {"Content-Type": "application/x-www-form-urlencoded"})
        data = json.loads(body)
        assert data["form"] == {"k": "v", "e": "é"} and data["data"] == "k=v&e=%C3%A9"
        _, body = get(conn, "/post", "POST", b'{"n": [1, 2]}', {"Content-Type": "application/json"})
        assert json.loads(body)["json"] == {"n": [1, 2]}

    def test_headers(self, conn):
        _, body = get(conn, "/headers", headers={"X-One": "1"})
        assert json.loads(body)["headers"]["X-One"] == "1"

    @pytest.mark.parametrize("code", [200, 201, 204, 304, 404, 418, 503])
    def test_status(self, conn, code):
        response, body = get(conn, f"/status/{code}")
        assert (response.status, body) == (code, b"")

    def test_chunked(self, conn):
        response, body = get(conn, "/chunked")
        assert response.getheader("Transfer-Encoding") == "chunked"
        assert body == b"".join(b"This is chunk %d of 5.\n" % i for i in range(1, 6))

    def test_bytes_are_deterministic(self, conn):
        response, body = get(conn, "/bytes/1000")
        assert response.getheader("Content-Length") == "1000"
        assert body == bytes(i % 256 for i in range(1000))

    def test_gzip(self, conn):
        response, body = get(conn, "/gzip")
        assert response.getheader("Content-Encoding") == "gzip"
        assert json.loads(gzip.decompress(body))["gzipped"] is True
        assert get(conn, "/gzip")[1] == body  # deterministic (mtime 0)

    def test_redirect_chain(self, conn):
        locations = []
        path = "/redirect/3"
        for _ in range(5):
            response, _ = get(conn, path)
            if response.status != 302:
                break
            path = response.getheader("Location")
            locations.append(path)
        assert locations == ["/redirect/2", "/redirect/1", "/get"]
        assert response.status == 200

    def test_delay_is_bounded(self, conn):
        start = time.monotonic()
        response, _ = get(conn, "/delay/0.2")
        assert response.status == 200 and 0.2 <= time.monotonic() - start < 2
        assert MAX_DELAY_SECONDS == 10.0

    def test_any_other_path_is_an_html_page(self, server, conn):
        response, body = get(conn, "/some/where?q=<x>", headers={"Host": "example.com"})
        assert response.getheader("Content-Type") == "text/html; charset=utf-8"
        assert b"<p>Host: example.com</p>" in body and b"<p>Path: /some/where</p>" in body
        assert get(conn, "/some/where", headers={"Host": "example.com"})[1] == body

    def test_head_has_headers_only(self, conn):
        response, body = get(conn, "/bytes/50", "HEAD")
        assert response.getheader("Content-Length") == "50" and body == b""

    def test_keep_alive(self, conn):
        get(conn, "/get")
        first_socket = conn.sock
        get(conn, "/headers")
        assert conn.sock is first_socket


@needs_openssl
class TestHTTPS:
    def test_ca_is_trusted_for_localhost(self, server):
        assert os.path.exists(server.ca_pem_path)
        context = ssl.create_default_context(cafile=server.ca_pem_path)
        connection = http.client.HTTPSConnection("localhost", server.https_port, timeout=5,
                                                 context=context)
        try:
            connection.request("GET", "/get")
            data = json.loads(connection.getresponse().read())
        finally:
            connection.close()
        assert data["url"] == f"https://localhost:{server.https_port}/get"

    def test_any_sni_name_gets_a_valid_certificate(self, server):
        context = ssl.create_default_context(cafile=server.ca_pem_path)
        plain = socket.create_connection(("127.0.0.1", server.https_port), timeout=5)
        with context.wrap_socket(plain, server_hostname="godotengine.org") as secure:
            assert secure.getpeercert()["subjectAltName"] == (("DNS", "godotengine.org"),)
            secure.sendall(b"GET /status/202 HTTP/1.1\r\nHost: godotengine.org\r\n"
                           b"Connection: close\r\n\r\n")
            assert secure.recv(100).startswith(b"HTTP/1.1 202 ")

    def test_offline_routing_with_httpclient(self, server):
        http_client.set_resolve_overrides({}, server.resolve_override)
        tls.set_default_trust_store(server.ca_pem_path)
        client = HTTPClient()
        try:
            for host in ("https://example.com", "http://example.org"):
                assert client.connect_to_host(host) == 0
                deadline = time.monotonic() + 5
                while client.get_status() in (1, 3) and time.monotonic() < deadline:
                    client.poll()
                    time.sleep(0.001)
                assert client.get_status() == HTTPClient.STATUS_CONNECTED
                client.request(HTTPClient.METHOD_GET, "/get", [])
                while client.get_status() == HTTPClient.STATUS_REQUESTING:
                    client.poll()
                body = bytearray()
                while client.get_status() == HTTPClient.STATUS_BODY:
                    client.poll()
                    body += client.read_response_body_chunk()
                url = json.loads(bytes(body))["url"]
                assert url == f"{host}/get"
        finally:
            client.close()
            http_client.set_resolve_overrides()
            tls.set_default_trust_store(None)


    def test_bulk_body_over_tls(self, server):
        from gdscript.stdlib.tls import TLSOptions, X509Certificate

        ca = X509Certificate()
        assert ca.load(server.ca_pem_path) == 0
        client = HTTPClient()
        size = 3_000_000
        try:
            client.connect_to_host("localhost", server.https_port, TLSOptions.client(ca))
            deadline = time.monotonic() + 5
            while client.get_status() in (1, 3) and time.monotonic() < deadline:
                client.poll()
                time.sleep(0.001)
            client.request(HTTPClient.METHOD_GET, f"/bytes/{size}", [])
            while client.get_status() == HTTPClient.STATUS_REQUESTING:
                client.poll()
            body = bytearray()
            while client.get_status() == HTTPClient.STATUS_BODY and time.monotonic() < deadline:
                client.poll()
                body += client.read_response_body_chunk()
        finally:
            client.close()
        assert len(body) == size and body[:512] == bytes(range(256)) * 2
        assert body[-1] == (size - 1) % 256


    def test_large_upload_over_tls_never_blocks_poll(self, server):
        from gdscript.stdlib.tls import TLSOptions, X509Certificate

        ca = X509Certificate()
        ca.load(server.ca_pem_path)
        client = HTTPClient()
        payload = "0123456789abcdef" * 250_000  # 4 MB
        slowest = 0.0
        try:
            client.connect_to_host("localhost", server.https_port, TLSOptions.client(ca))
            deadline = time.monotonic() + 10
            while client.get_status() in (1, 3) and time.monotonic() < deadline:
                client.poll()
            assert client.request(HTTPClient.METHOD_POST, "/post", [], payload) == 0
            body = bytearray()
            while client.get_status() in (HTTPClient.STATUS_REQUESTING, HTTPClient.STATUS_BODY) \
                    and time.monotonic() < deadline:
                start = time.perf_counter()
                client.poll()
                slowest = max(slowest, time.perf_counter() - start)
                if client.get_status() == HTTPClient.STATUS_BODY:
                    body += client.read_response_body_chunk()
        finally:
            client.close()
        assert json.loads(bytes(body))["data"] == payload
        assert slowest < 0.25  # one poll writes what the socket takes, then returns


class TestLifecycle:
    def test_stop_removes_the_ca_and_closes_ports(self):
        fixture = FixtureServer()
        http_port, _ = fixture.start()
        path = fixture.ca_pem_path
        fixture.stop()
        assert path is None or not os.path.exists(path)
        with pytest.raises(OSError):
            http.client.HTTPConnection("127.0.0.1", http_port, timeout=1).connect()

    def test_context_manager(self):
        with FixtureServer() as fixture:
            connection = http.client.HTTPConnection("127.0.0.1", fixture.http_port, timeout=5)
            connection.request("GET", "/status/201")
            assert connection.getresponse().status == 201
            connection.close()
