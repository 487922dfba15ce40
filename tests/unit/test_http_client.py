"""HTTPClient API surface, argument checks and query strings (both dialects).

Exact values come from /work/shared/reference/httpclient-behavior.md, the class
reference XML in /work/shared/docs, and real Godot 3.2.3 runs (noted per test).
Network cases that need a server live in test_http_client_loopback.py.
"""

from __future__ import annotations

import re
import socket
import time
from pathlib import Path

import pytest

from conftest import capturing
from gdscript.stdlib import http_client
from gdscript.stdlib.global_constants import (
    ERR_CANT_CONNECT,
    ERR_CANT_RESOLVE,
    ERR_INVALID_PARAMETER,
    ERR_UNCONFIGURED,
    OK,
)
from gdscript.stdlib.http_client import HTTPClient, HTTPClient3, query_string_from_dict, route
from gdscript.stdlib.packed import PackedByteArray
from gdscript.stdlib.tls import CryptoKey, TLSOptions, X509Certificate

DOCS = Path("/work/shared/docs")


@pytest.fixture
def engine_errors():
    """Engine errors as (message, explanation)."""
    yield from capturing(lambda level, message, explanation: (message, explanation))


@pytest.fixture(autouse=True)
def _no_overrides():
    http_client.set_resolve_overrides()
    yield
    http_client.set_resolve_overrides()


def _xml_constants(enum: str) -> dict[str, int]:
    text = (DOCS / "4.x/xml/HTTPClient.xml").read_text()
    return {name: int(value) for name, value in
            re.findall(rf'<constant name="(\w+)" value="(-?\d+)" enum="{enum}"', text)}


def _rst_constants(prefix: str) -> dict[str, int]:
    text = (DOCS / "3.x/classes/class_httpclient.rst").read_text()
    return {name: int(value) for name, value in
            re.findall(rf"\*\*({prefix}_\w+)\*\* = ``(-?\d+)``", text)}


def _poll_until(client, statuses, limit=5.0):
    deadline = time.monotonic() + limit
    while client.get_status() in statuses and time.monotonic() < deadline:
        client.poll()
        time.sleep(0.001)
    return client.get_status()


class TestConstants:
    @pytest.mark.parametrize("enum", ["Method", "Status", "ResponseCode"])
    def test_every_4x_constant_matches_the_class_reference(self, enum):
        expected = _xml_constants(enum)
        assert len(expected) > 5
        for name, value in expected.items():
            assert getattr(HTTPClient, name) == value, name

    @pytest.mark.parametrize("prefix", ["METHOD", "STATUS", "RESPONSE"])
    def test_every_3x_constant_matches_the_3x_class_reference(self, prefix):
        expected = _rst_constants(prefix)
        assert len(expected) > 5
        for name, value in expected.items():
            assert getattr(HTTPClient3, name) == value, name

    def test_handshake_status_is_named_per_dialect(self):
        assert HTTPClient.STATUS_TLS_HANDSHAKE_ERROR == 9
        assert not hasattr(HTTPClient, "STATUS_SSL_HANDSHAKE_ERROR")
        assert HTTPClient3.STATUS_SSL_HANDSHAKE_ERROR == 9
        assert not hasattr(HTTPClient3, "STATUS_TLS_HANDSHAKE_ERROR")

    def test_registry_tables(self):
        assert http_client.GODOT_CLASSES_4["HTTPClient"] is HTTPClient
        assert http_client.GODOT_CLASSES_3["HTTPClient"] is HTTPClient3
        assert HTTPClient().get_class() == "HTTPClient"
        assert HTTPClient3().get_class() == "HTTPClient"
        assert HTTPClient().is_class("RefCounted")


class TestInitialState:
    @pytest.mark.parametrize("cls", [HTTPClient, HTTPClient3])
    def test_fresh_client(self, cls):
        # Godot 3.2.3 prints: status 0, code 0, body length -1, blocking False.
        client = cls()
        assert client.get_status() == cls.STATUS_DISCONNECTED
        assert client.get_response_code() == 0
        assert client.get_response_body_length() == -1
        assert client.has_response() is False
        assert client.is_response_chunked() is False
        assert client.is_blocking_mode_enabled() is False
        assert client.get_connection() is None

    @pytest.mark.parametrize("cls", [HTTPClient, HTTPClient3])
    def test_poll_while_disconnected_is_unconfigured(self, cls):
        assert cls().poll() == ERR_UNCONFIGURED


class TestProperties:
    def test_read_chunk_size_default_and_range(self, engine_errors):
        client = HTTPClient()
        assert client.read_chunk_size == 65536 == client.get_read_chunk_size()
        client.read_chunk_size = 256
        assert client.get_read_chunk_size() == 256
        client.set_read_chunk_size(1 << 24)
        assert client.read_chunk_size == 1 << 24
        client.set_read_chunk_size(255)
        client.read_chunk_size = (1 << 24) + 1
        assert client.read_chunk_size == 1 << 24
        assert [m for m, _ in engine_errors] == [
            'Condition "p_size < 256 || p_size > (1 << 24)" is true.'] * 2

    def test_blocking_mode_property_and_methods(self):
        client = HTTPClient3()
        client.blocking_mode_enabled = True
        assert client.is_blocking_mode_enabled() is True
        client.set_blocking_mode(False)
        assert client.blocking_mode_enabled is False


class TestConnectArguments:
    @pytest.mark.parametrize("host", ["a.b", "::1", "http://a.b", "https://", ""])
    def test_short_host_is_invalid(self, host, engine_errors):
        client = HTTPClient()
        assert client.connect_to_host(host, 80) == ERR_INVALID_PARAMETER
        assert client.get_status() == HTTPClient.STATUS_DISCONNECTED
        assert engine_errors == [('Condition "conn_host.length() < HOST_MIN_LEN" is true. '
                                  "Returning: ERR_INVALID_PARAMETER", None)]

    def test_3x_wording_says_returned(self, engine_errors):
        # Godot 3.2.3: 'Condition "conn_host.length() < HOST_MIN_LEN" is true. Returned: ...'
        assert HTTPClient3().connect_to_host("a.b", 80) == ERR_INVALID_PARAMETER
        assert engine_errors[0][0] == ('Condition "conn_host.length() < HOST_MIN_LEN" is true. '
                                       "Returned: ERR_INVALID_PARAMETER")

    def test_server_tls_options_are_refused(self, engine_errors):
        options = TLSOptions.server(CryptoKey(), X509Certificate())
        assert HTTPClient().connect_to_host("example.com", 443, options) == ERR_INVALID_PARAMETER
        assert "is_server()" in engine_errors[0][0]

    def test_unresolvable_host_resolves_in_background(self):
        client = HTTPClient()
        start = time.monotonic()
        assert client.connect_to_host("no-such-host.invalid", 80) == OK
        assert time.monotonic() - start < 0.05  # resolution never blocks the caller
        assert client.get_status() == HTTPClient.STATUS_RESOLVING
        assert _poll_until(client, (HTTPClient.STATUS_RESOLVING,)) == HTTPClient.STATUS_CANT_RESOLVE
        assert client.poll() == ERR_CANT_RESOLVE

    def test_closed_port_is_cant_connect(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        client = HTTPClient()
        assert client.connect_to_host("127.0.0.1", port) == OK
        assert client.get_status() == HTTPClient.STATUS_CONNECTING
        final = _poll_until(client, (HTTPClient.STATUS_CONNECTING,))
        assert final == HTTPClient.STATUS_CANT_CONNECT
        assert client.poll() == ERR_CANT_CONNECT

    def test_connect_calls_close_first(self):
        client = HTTPClient()
        client.connect_to_host("no-such-host.invalid", 80)
        client.connect_to_host("a.b", 80)
        assert client.get_status() == HTTPClient.STATUS_DISCONNECTED


class TestRequestArguments:
    def test_method_out_of_range(self, engine_errors):
        client = HTTPClient()
        assert client.request(HTTPClient.METHOD_MAX, "/", []) == ERR_INVALID_PARAMETER
        assert client.request(-1, "/", []) == ERR_INVALID_PARAMETER
        assert engine_errors[0][0] == "Index p_method = 9 is out of bounds (METHOD_MAX = 9)."

    @pytest.mark.parametrize("method,url", [
        (HTTPClient.METHOD_GET, "index.php"),
        (HTTPClient.METHOD_GET, "*"),
        (HTTPClient.METHOD_CONNECT, "example.com"),
        (HTTPClient.METHOD_CONNECT, ":443"),
        (HTTPClient.METHOD_CONNECT, "example.com:"),
        (HTTPClient.METHOD_POST, "ftp://x/"),
    ])
    def test_bad_urls(self, method, url, engine_errors):
        assert HTTPClient().request(method, url, []) == ERR_INVALID_PARAMETER
        assert engine_errors == [('Condition "!_check_request_url(p_method, p_url)" is true. '
                                  "Returning: ERR_INVALID_PARAMETER", None)]

    @pytest.mark.parametrize("method,url", [
        (HTTPClient.METHOD_GET, "/x"),
        (HTTPClient.METHOD_GET, "http://example.com/x"),
        (HTTPClient.METHOD_GET, "https://example.com/"),
        (HTTPClient.METHOD_OPTIONS, "*"),
        (HTTPClient.METHOD_CONNECT, "example.com:443"),
    ])
    def test_good_urls_then_fail_on_status(self, method, url, engine_errors):
        # The URL check passes; the next check (not connected) fails.
        assert HTTPClient().request(method, url, []) == ERR_INVALID_PARAMETER
        assert engine_errors == [('Condition "status != STATUS_CONNECTED" is true. '
                                  "Returning: ERR_INVALID_PARAMETER", None)]

    def test_read_body_when_not_in_body_state(self, engine_errors):
        out = HTTPClient().read_response_body_chunk()
        assert isinstance(out, PackedByteArray) and len(out) == 0
        assert engine_errors[0][0] == ('Condition "status != STATUS_BODY" is true. '
                                       "Returning: PackedByteArray()")
        HTTPClient3().read_response_body_chunk()
        # Godot 3.2.3 says exactly this:
        assert engine_errors[1][0] == ('Condition "status != STATUS_BODY" is true. '
                                       "Returned: PoolByteArray()")


class TestQueryString:
    @pytest.mark.parametrize("fields,expected", [
        # The class reference examples (both dialects, confirmed on Godot 3.2.3).
        ({"username": "user", "password": "pass"}, "username=user&password=pass"),
        ({"single": 123, "not_valued": None, "multiple": [22, 33, 44]},
         "single=123&not_valued&multiple=22&multiple=33&multiple=44"),
        ({}, ""),
        # uri_encode: UTF-8 bytes, uppercase hex, only A-Z a-z 0-9 _ . - ~ kept.
        ({"a b": "é/:=&*~._-"}, "a%20b=%C3%A9%2F%3A%3D%26%2A~._-"),
        ({"k": "1+1", "e": ""}, "k=1%2B1&e="),
        ({"arr": []}, ""),
    ])
    @pytest.mark.parametrize("cls", [HTTPClient, HTTPClient3])
    def test_documented_and_encoding_cases(self, cls, fields, expected):
        assert cls().query_string_from_dict(fields) == expected

    def test_4x_stringifies_values(self):
        fields = {"t": True, "f": 1.5, "g": 1.0, "n": [None, "x y"], 7: 8}
        assert query_string_from_dict(fields, 4) == "t=true&f=1.5&g=1.0&n=%3Cnull%3E&n=x%20y&7=8"

    def test_3x_stringifies_values_like_godot_3(self):
        # Output of Godot 3.2.3 for the same dictionary.
        fields = {"a b": "é/:=&*~._-", "t": True, "f": 1.5, "g": 1.0, "n": [None, "x y"]}
        assert (HTTPClient3().query_string_from_dict(fields)
                == "a%20b=%C3%A9%2F%3A%3D%26%2A~._-&t=True&f=1.5&g=1&n=Null&n=x%20y")

    def test_nested_values_are_stringified(self):
        # Godot 3.2.3 prints "1=2&d=%7Ba%3A1%7D" for {1: 2, "d": {"a": 1}}.
        assert HTTPClient3().query_string_from_dict({1: 2, "d": {"a": 1}}) == "1=2&d=%7Ba%3A1%7D"
        assert (HTTPClient().query_string_from_dict({"d": {"a": 1}})
                == "d=%7B%20%22a%22%3A%201%20%7D")

    def test_packed_arrays_do_not_repeat_the_key(self):
        from gdscript.stdlib.packed import PackedStringArray

        assert query_string_from_dict({"p": PackedStringArray(["a", "b"])}, 4) == (
            "p=" + http_client.uri_encode('["a", "b"]'))

    def test_runtime_stringifier_is_used(self):
        http_client.set_variant_stringifier(lambda value, dialect: f"<{value}:{dialect}>")
        try:
            assert query_string_from_dict({"a": 1}, 3) == "%3Ca%3A3%3E=%3C1%3A3%3E"
        finally:
            http_client.set_variant_stringifier(None)


class TestRouting:
    def test_identity_without_overrides(self):
        assert route("example.com", 443, True) == ("example.com", 443)

    def test_exact_and_any_port_entries(self):
        http_client.set_resolve_overrides({
            ("Example.com", 443): ("10.0.0.1", 8443),
            ("other.org", None): ("10.0.0.2", None),
        })
        assert route("example.com", 443, True) == ("10.0.0.1", 8443)
        assert route("example.com", 80, False) == ("example.com", 80)
        assert route("other.org", 81, False) == ("10.0.0.2", 81)

    def test_catch_all_skips_loopback_literals(self):
        seen = []

        def catch_all(host, port, tls):
            seen.append((host, port, tls))
            return ("127.0.0.1", 9 if tls else 8)

        http_client.set_resolve_overrides({}, catch_all)
        assert route("example.com", 443, True) == ("127.0.0.1", 9)
        assert route("example.com", 80, False) == ("127.0.0.1", 8)
        assert route("127.0.0.1", 5000, False) == ("127.0.0.1", 5000)
        assert route("::1", 5000, False) == ("::1", 5000)
        assert seen == [("example.com", 443, True), ("example.com", 80, False)]

    def test_routed_name_connects_to_the_override(self):
        with socket.socket() as server:
            server.bind(("127.0.0.1", 0))
            server.listen()
            http_client.set_resolve_overrides(
                {("fixture.test", 80): ("127.0.0.1", server.getsockname()[1])})
            client = HTTPClient()
            assert client.connect_to_host("fixture.test") == OK
            assert client.get_status() == HTTPClient.STATUS_CONNECTING  # IP: no resolving
            assert _poll_until(client, (HTTPClient.STATUS_CONNECTING,)) == \
                HTTPClient.STATUS_CONNECTED
            assert client.get_connection().get_connected_port() == server.getsockname()[1]
            client.close()
            assert client.get_status() == HTTPClient.STATUS_DISCONNECTED


class TestProxySettings:
    def test_proxy_set_and_clear(self):
        client = HTTPClient()
        client.set_http_proxy("proxy.local", 3128)
        client.set_https_proxy("proxy.local", 3129)
        assert client._gd_http_proxy == ("proxy.local", 3128)
        client.set_http_proxy("", 3128)
        client.set_https_proxy("proxy.local", -1)
        assert client._gd_http_proxy == ("", -1) and client._gd_https_proxy == ("", -1)
