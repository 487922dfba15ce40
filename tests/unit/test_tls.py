"""TLS: X509Certificate, CryptoKey, TLSOptions, and HTTPClient over TLS.

Certificates come from trustme (a test-only dependency); servers are threads
on 127.0.0.1.  Expected outcomes: http-hardening.md checklist item 8/9/25 and
httpclient-behavior.md (handshake failure -> STATUS_TLS_HANDSHAKE_ERROR, poll()
returns ERR_CANT_CONNECT once, then ERR_CONNECTION_ERROR).
"""

from __future__ import annotations

import datetime
import select
import socket
import ssl
import threading
import time

import pytest
import trustme

from gdscript.errors import set_engine_error_sink
from gdscript.stdlib import http_client, tls
from gdscript.stdlib.global_constants import (
    ERR_CANT_CONNECT,
    ERR_CONNECTION_ERROR,
    ERR_FILE_CANT_OPEN,
    ERR_INVALID_DATA,
    OK,
)
from gdscript.stdlib.http_client import HTTPClient, HTTPClient3
from gdscript.stdlib.stream_peers import StreamPeerTCP, StreamPeerTLS
from gdscript.stdlib.tls import CryptoKey, TLSOptions, X509Certificate

ACTIVE = (HTTPClient.STATUS_RESOLVING, HTTPClient.STATUS_CONNECTING)


@pytest.fixture(autouse=True)
def _isolated(request):
    messages: list[str] = []
    old = set_engine_error_sink(lambda level, message, explanation: messages.append(message))
    http_client.set_resolve_overrides()
    tls.set_default_trust_store(None)
    yield messages
    set_engine_error_sink(old)
    http_client.set_resolve_overrides()
    tls.set_default_trust_store(None)


@pytest.fixture(scope="module")
def ca():
    return trustme.CA()


def certificate_of(authority) -> X509Certificate:
    cert = X509Certificate()
    assert cert.load_from_string(authority.cert_pem.bytes().decode()) == OK
    return cert


class TLSServer:
    """Serves ``connections`` TLS clients with leaf ``cert``: one request, one 'ok' response."""

    def __init__(self, cert=None, connections=1, plain=False, host="127.0.0.1"):
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        if cert is not None:
            cert.configure_cert(self.context)
        self.sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
        self.sock.bind((host, 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.plain, self.connections = plain, connections
        self.requests: list[bytes] = []
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        self.sock.settimeout(5)
        for _ in range(self.connections):
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.settimeout(5)
            try:
                self._serve(conn)
            except (OSError, ssl.SSLError):
                pass
            finally:
                conn.close()

    def _serve(self, conn):
        if self.plain:
            conn.recv(1024)
            conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
            return
        with self.context.wrap_socket(conn, server_side=True) as secure:
            data = b""
            while b"\r\n\r\n" not in data:
                piece = secure.recv(4096)
                if not piece:
                    return
                data += piece
            self.requests.append(data)
            secure.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
            time.sleep(0.05)

    def close(self):
        self.sock.close()
        self.thread.join(5)


def drive(client, statuses, limit=5.0):
    deadline = time.monotonic() + limit
    while client.get_status() in statuses and time.monotonic() < deadline:
        client.poll()
        time.sleep(0.0005)
    return client.get_status()


def fetch(client) -> tuple[int, bytes]:
    assert client.request(HTTPClient.METHOD_GET, "/", []) == OK
    drive(client, (HTTPClient.STATUS_REQUESTING,))
    code, body = client.get_response_code(), bytearray()
    while client.get_status() == HTTPClient.STATUS_BODY:
        client.poll()
        body += client.read_response_body_chunk()
    return code, bytes(body)


def outcome(server_cert, host, options=None, dialect=4, **connect3):
    """Connect an HTTPClient over TLS; return (final status, body or None, poll results)."""
    server = TLSServer(server_cert)
    client = HTTPClient() if dialect == 4 else HTTPClient3()
    try:
        if dialect == 4:
            assert client.connect_to_host(host, server.port, options) == OK
        else:
            assert client.connect_to_host(host, server.port, **connect3) == OK
        status = drive(client, ACTIVE)
        if status != HTTPClient.STATUS_CONNECTED:
            return status, None
        return status, fetch(client)
    finally:
        client.close()
        server.close()


class TestHTTPClientTLS:
    def test_trusted_chain_connects(self, ca):
        status, result = outcome(ca.issue_cert("localhost"), "localhost",
                                 TLSOptions.client(certificate_of(ca)))
        assert (status, result) == (HTTPClient.STATUS_CONNECTED, (200, b"ok"))

    def test_ip_address_san(self, ca):
        status, result = outcome(ca.issue_cert("127.0.0.1"), "127.0.0.1",
                                 TLSOptions.client(certificate_of(ca)))
        assert (status, result) == (HTTPClient.STATUS_CONNECTED, (200, b"ok"))

    def test_https_scheme_uses_the_default_trust_store(self, ca):
        with ca.cert_pem.tempfile() as path:
            tls.set_default_trust_store(path)
            status, result = outcome(ca.issue_cert("localhost"), "https://localhost")
        assert (status, result) == (HTTPClient.STATUS_CONNECTED, (200, b"ok"))

    def test_unknown_ca_against_certifi(self, ca, _isolated):
        status, _ = outcome(ca.issue_cert("localhost"), "https://localhost")
        assert status == HTTPClient.STATUS_TLS_HANDSHAKE_ERROR
        assert any("certificate verify failed" in m or "issuer" in m for m in _isolated)

    @pytest.mark.parametrize("case", ["hostname mismatch", "expired", "not yet valid"])
    def test_verification_failures(self, ca, case):
        now = datetime.datetime.now(datetime.timezone.utc)
        cert = {
            "hostname mismatch": lambda: ca.issue_cert("other.test"),
            "expired": lambda: ca.issue_cert("localhost", not_before=now - datetime.timedelta(
                days=10), not_after=now - datetime.timedelta(days=1)),
            "not yet valid": lambda: ca.issue_cert("localhost", not_before=now + datetime.timedelta(
                days=1), not_after=now + datetime.timedelta(days=10)),
        }[case]()
        server = TLSServer(cert)
        client = HTTPClient()
        try:
            client.connect_to_host("localhost", server.port, TLSOptions.client(certificate_of(ca)))
            results = []
            while client.get_status() in ACTIVE and len(results) < 5000:
                results.append(client.poll())
                time.sleep(0.0005)
            assert client.get_status() == HTTPClient.STATUS_TLS_HANDSHAKE_ERROR
            assert results[-1] == ERR_CANT_CONNECT
            assert client.poll() == ERR_CONNECTION_ERROR
        finally:
            client.close()
            server.close()

    def test_self_signed_leaf_is_refused(self):
        own = trustme.CA()  # the CA certificate itself, served as the leaf
        server_cert = own.issue_cert("localhost")
        status, _ = outcome(server_cert, "localhost", TLSOptions.client())
        assert status == HTTPClient.STATUS_TLS_HANDSHAKE_ERROR

    def test_client_unsafe_skips_verification(self, ca):
        status, result = outcome(ca.issue_cert("other.test"), "localhost",
                                 TLSOptions.client_unsafe())
        assert (status, result) == (HTTPClient.STATUS_CONNECTED, (200, b"ok"))

    def test_common_name_override(self, ca):
        status, result = outcome(ca.issue_cert("other.test"), "localhost",
                                 TLSOptions.client(certificate_of(ca), "other.test"))
        assert (status, result) == (HTTPClient.STATUS_CONNECTED, (200, b"ok"))

    def test_plain_http_on_the_tls_port(self):
        server = TLSServer(plain=True)
        client = HTTPClient()
        try:
            client.connect_to_host("localhost", server.port, TLSOptions.client_unsafe())
            start = time.monotonic()
            assert drive(client, ACTIVE) == HTTPClient.STATUS_TLS_HANDSHAKE_ERROR
            assert time.monotonic() - start < 2
        finally:
            client.close()
            server.close()

    def test_3x_use_ssl_and_verify_host(self, ca):
        cert = ca.issue_cert("localhost")
        status, result = outcome(cert, "localhost", dialect=3, use_ssl=True, verify_host=False)
        assert (status, result) == (HTTPClient.STATUS_CONNECTED, (200, b"ok"))
        status, _ = outcome(cert, "localhost", dialect=3, use_ssl=True)
        assert status == HTTPClient3.STATUS_SSL_HANDSHAKE_ERROR
        status, _ = outcome(cert, "https://localhost", dialect=3, verify_host=False)
        assert status == HTTPClient.STATUS_CONNECTED  # https:// forces SSL in 3.x

    def test_3x_http_prefix_keeps_ssl(self, ca):
        status, result = outcome(ca.issue_cert("localhost"), "http://localhost", dialect=3,
                                 use_ssl=True, verify_host=False)
        assert (status, result) == (HTTPClient.STATUS_CONNECTED, (200, b"ok"))

    def test_connection_is_the_tls_peer(self, ca):
        server = TLSServer(ca.issue_cert("localhost"))
        client = HTTPClient()
        try:
            client.connect_to_host("localhost", server.port, TLSOptions.client(certificate_of(ca)))
            drive(client, ACTIVE)
            peer = client.get_connection()
            assert isinstance(peer, StreamPeerTLS)
            assert peer.get_status() == StreamPeerTLS.STATUS_CONNECTED
            assert isinstance(peer.get_stream(), StreamPeerTCP)
        finally:
            client.close()
            server.close()


class TestHTTPSProxy:
    def test_connect_tunnel_verifies_the_origin_name(self, ca):
        origin = TLSServer(ca.issue_cert("origin.test"))
        seen: list[bytes] = []
        proxy = socket.socket()
        proxy.bind(("127.0.0.1", 0))
        proxy.listen()

        def tunnel():
            proxy.settimeout(5)
            conn, _ = proxy.accept()
            with conn, socket.create_connection(("127.0.0.1", origin.port)) as upstream:
                head = b""
                while b"\r\n\r\n" not in head:
                    head += conn.recv(1024)
                seen.append(head)
                conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                _pipe(conn, upstream)

        thread = threading.Thread(target=tunnel, daemon=True)
        thread.start()
        client = HTTPClient()
        client.set_https_proxy("127.0.0.1", proxy.getsockname()[1])
        try:
            client.connect_to_host("origin.test", 443, TLSOptions.client(certificate_of(ca)))
            assert drive(client, ACTIVE) == HTTPClient.STATUS_CONNECTED
            assert fetch(client) == (200, b"ok")
            assert seen[0].startswith(b"CONNECT origin.test:443 HTTP/1.1\r\n")
            assert b"\r\nHost: origin.test\r\n" in origin.requests[0]
        finally:
            client.close()
            proxy.close()
            thread.join(5)
            origin.close()


def _pipe(a: socket.socket, b: socket.socket) -> None:
    """Copy both ways until either side closes (bounded by a 5 s idle timeout)."""
    while True:
        readable, _, _ = select.select([a, b], [], [], 5)
        if not readable:
            return
        for source in readable:
            data = source.recv(65536)
            if not data:
                return
            (b if source is a else a).sendall(data)


class TestCertificatesAndKeys:
    def test_certificate_round_trip(self, ca, tmp_path):
        pem = ca.cert_pem.bytes().decode()
        cert = X509Certificate()
        assert cert.load_from_string(pem) == OK
        assert cert.save_to_string() == pem
        path = str(tmp_path / "ca.crt")
        assert cert.save(path) == OK
        again = X509Certificate()
        assert again.load(path) == OK and again.save_to_string() == pem

    def test_der_certificate_file(self, ca, tmp_path):
        pem = ca.cert_pem.bytes().decode()
        (tmp_path / "ca.der").write_bytes(ssl.PEM_cert_to_DER_cert(pem))
        cert = X509Certificate()
        assert cert.load(str(tmp_path / "ca.der")) == OK
        assert ssl.PEM_cert_to_DER_cert(cert.save_to_string()) == ssl.PEM_cert_to_DER_cert(pem)

    def test_chain_keeps_every_certificate(self, ca):
        child = ca.create_child_ca()
        leaf = child.issue_cert("localhost")
        chain = "".join(p.bytes().decode() for p in leaf.cert_chain_pems)
        cert = X509Certificate()
        assert cert.load_from_string(chain) == OK
        # trustme's chain: the leaf and its intermediate CA (not the root).
        assert len(leaf.cert_chain_pems) == 2
        assert cert.save_to_string() == chain

    def test_bad_certificate_input(self, tmp_path, _isolated):
        cert = X509Certificate()
        assert cert.load_from_string("not a certificate") == ERR_INVALID_DATA
        assert cert.load(str(tmp_path / "missing.crt")) == ERR_FILE_CANT_OPEN
        assert cert.save_to_string() == ""
        assert len(_isolated) == 2

    def test_private_key_round_trip(self, ca, tmp_path):
        pem = ca.issue_cert("localhost").private_key_pem.bytes().decode()
        key = CryptoKey()
        assert key.load_from_string(pem) == OK and key.is_public_only() is False
        assert key.save_to_string() == pem
        assert key.save(str(tmp_path / "k.key")) == OK
        again = CryptoKey()
        assert again.load(str(tmp_path / "k.key")) == OK and again.save_to_string() == pem

    def test_private_key_is_not_a_public_key(self, ca, _isolated):
        pem = ca.issue_cert("localhost").private_key_pem.bytes().decode()
        key = CryptoKey()
        assert key.load_from_string(pem, True) == ERR_INVALID_DATA
        assert key.load_from_string(pem) == OK
        assert key.save_to_string(True) == ""  # deriving it needs real crypto

    def test_tls_options_accessors(self, ca):
        cert = certificate_of(ca)
        client = TLSOptions.client(cert, "name.test")
        assert (client.is_server(), client.is_unsafe_client()) == (False, False)
        assert client.get_trusted_ca_chain() is cert
        assert client.get_common_name_override() == "name.test"
        unsafe = TLSOptions.client_unsafe()
        assert unsafe.is_unsafe_client() and unsafe.get_trusted_ca_chain() is None
        key = CryptoKey()
        server = TLSOptions.server(key, cert)
        assert server.is_server() and server.get_private_key() is key
        assert server.get_own_certificate() is cert


class TestStreamPeerTLSBothEnds:
    def test_accept_and_connect_with_our_own_peers(self, ca):
        leaf = ca.issue_cert("localhost")
        key, cert = CryptoKey(), X509Certificate()
        assert key.load_from_string(leaf.private_key_pem.bytes().decode()) == OK
        assert cert.load_from_string(leaf.cert_chain_pems[0].bytes().decode()) == OK
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        client_tcp = StreamPeerTCP()
        assert client_tcp.connect_to_host("127.0.0.1", listener.getsockname()[1]) == OK
        accepted, _ = listener.accept()
        server_tcp = StreamPeerTCP._adopt(accepted)
        for _ in range(2000):
            if client_tcp.get_status() != StreamPeerTCP.STATUS_CONNECTING:
                break
            client_tcp.poll()
            time.sleep(0.0005)
        assert client_tcp.get_status() == StreamPeerTCP.STATUS_CONNECTED
        server, client = StreamPeerTLS(), StreamPeerTLS()
        try:
            assert server.accept_stream(server_tcp, TLSOptions.server(key, cert)) == OK
            assert client.connect_to_stream(client_tcp, "localhost",
                                            TLSOptions.client(certificate_of(ca))) == OK
            for _ in range(2000):
                client_tcp.poll()
                client.poll()
                server.poll()
                if client.get_status() == server.get_status() == StreamPeerTLS.STATUS_CONNECTED:
                    break
                time.sleep(0.0005)
            assert client.get_status() == StreamPeerTLS.STATUS_CONNECTED
            assert server.get_status() == StreamPeerTLS.STATUS_CONNECTED
            assert client.put_data(b"ping" * 1000) == OK
            err, data = server.get_data(4000)
            assert (err, bytes(data)) == (OK, b"ping" * 1000)
            server.put_utf8_string("héllo")
            assert client.get_utf8_string() == "héllo"
        finally:
            client.disconnect_from_stream()
            server.disconnect_from_stream()
            listener.close()

    def test_hostname_mismatch_status(self, ca):
        server = TLSServer(ca.issue_cert("other.test"))
        tcp = StreamPeerTCP()
        peer = StreamPeerTLS()
        try:
            assert tcp.connect_to_host("127.0.0.1", server.port) == OK
            for _ in range(2000):
                tcp.poll()
                if tcp.get_status() != StreamPeerTCP.STATUS_CONNECTING:
                    break
                time.sleep(0.0005)
            peer.connect_to_stream(tcp, "localhost", TLSOptions.client(certificate_of(ca)))
            for _ in range(2000):
                if peer.get_status() != StreamPeerTLS.STATUS_HANDSHAKING:
                    break
                peer.poll()
                time.sleep(0.0005)
            assert peer.get_status() == StreamPeerTLS.STATUS_ERROR_HOSTNAME_MISMATCH
        finally:
            peer.disconnect_from_stream()
            tcp.disconnect_from_host()
            server.close()
