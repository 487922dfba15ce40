"""StreamPeer typed helpers, StreamPeerTCP states, StreamPeerSSL (3.x) on loopback.

Byte layouts follow Godot's StreamPeer (little-endian unless big_endian; strings
prefixed by a 32-bit length).  Pairs of real sockets on 127.0.0.1: one end is a
StreamPeerTCP that connected, the other an accepted socket adopted as a peer.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time

import pytest
import trustme

from conftest import capturing
from gdscript.stdlib import stream_peers
from gdscript.stdlib.global_constants import (
    ERR_ALREADY_IN_USE,
    ERR_CANT_RESOLVE,
    ERR_FILE_EOF,
    ERR_INVALID_PARAMETER,
    OK,
)
from gdscript.stdlib.packed import PackedByteArray
from gdscript.stdlib.stream_peers import StreamPeerSSL, StreamPeerTCP, StreamPeerTCP3, StreamPeerTLS


@pytest.fixture
def engine_errors():
    """Engine errors as (message, explanation)."""
    yield from capturing(lambda level, message, explanation: (message, explanation))


def wait_connected(peer, limit=5.0):
    deadline = time.monotonic() + limit
    # 4.x advances a connect in poll(); 3.x (no poll()) in get_status().
    while peer.get_status() == StreamPeerTCP.STATUS_CONNECTING and time.monotonic() < deadline:
        if hasattr(peer, "poll"):
            peer.poll()
        time.sleep(0.0005)
    return peer.get_status()


@pytest.fixture(params=[StreamPeerTCP, StreamPeerTCP3], ids=["4.x", "3.x"])
def pair(request):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    client = request.param()
    assert client.connect_to_host("127.0.0.1", listener.getsockname()[1]) == OK
    accepted, _ = listener.accept()
    server = request.param._adopt(accepted)
    assert wait_connected(client) == StreamPeerTCP.STATUS_CONNECTED
    yield client, server
    client.disconnect_from_host()
    server.disconnect_from_host()
    listener.close()


def raw(peer, count):
    err, data = peer.get_data(count)
    assert err == OK and isinstance(data, PackedByteArray)
    return bytes(data)


class TestTypedHelpers:
    @pytest.mark.parametrize("method,value,little", [
        ("put_u8", 0xAB, b"\xab"),
        ("put_8", -1, b"\xff"),
        ("put_u16", 0x1234, b"\x34\x12"),
        ("put_16", -2, b"\xfe\xff"),
        ("put_u32", 0x01020304, b"\x04\x03\x02\x01"),
        ("put_32", -3, b"\xfd\xff\xff\xff"),
        ("put_u64", 0x0102030405060708, b"\x08\x07\x06\x05\x04\x03\x02\x01"),
        ("put_64", -4, b"\xfc" + b"\xff" * 7),
        ("put_float", 1.5, b"\x00\x00\xc0\x3f"),
        ("put_double", -2.0, b"\x00" * 7 + b"\xc0"),
        ("put_half", 1.0, b"\x00\x3c"),
    ])
    def test_layout_in_both_byte_orders(self, pair, method, value, little):
        client, server = pair
        getattr(client, method)(value)
        assert raw(server, len(little)) == little
        client.big_endian = True
        getattr(client, method)(value)
        assert raw(server, len(little)) == little[::-1]

    @pytest.mark.parametrize("put,get,value", [
        ("put_u8", "get_u8", 200), ("put_8", "get_8", -100), ("put_u16", "get_u16", 65535),
        ("put_16", "get_16", -32768), ("put_u32", "get_u32", 4000000000),
        ("put_32", "get_32", -5), ("put_64", "get_64", -(1 << 63)),
        ("put_float", "get_float", 0.25), ("put_double", "get_double", 1e300),
        ("put_half", "get_half", -0.5),
    ])
    def test_round_trips(self, pair, put, get, value):
        client, server = pair
        server.set_big_endian(True)
        client.set_big_endian(True)
        getattr(client, put)(value)
        assert getattr(server, get)() == value

    def test_u64_reads_as_a_signed_godot_int(self, pair):
        client, server = pair
        client.put_u64(-1)
        assert server.get_u64() == -1

    def test_strings_are_length_prefixed(self, pair):
        client, server = pair
        client.put_string("abc")
        assert raw(server, 7) == b"\x03\x00\x00\x00abc"
        client.put_utf8_string("é")
        assert raw(server, 6) == b"\x02\x00\x00\x00\xc3\xa9"
        client.put_utf8_string("naïve ☃")
        assert server.get_utf8_string() == "naïve ☃"
        client.put_data(b"xyz")
        assert server.get_string(3) == "xyz"

    def test_big_endian_property(self, pair):
        client, _ = pair
        assert client.is_big_endian_enabled() is False
        client.big_endian = True
        assert client.is_big_endian_enabled() is True and client.big_endian is True


class TestVariants:
    def test_var_round_trip_is_length_prefixed(self, pair):
        marshalls = pytest.importorskip("gdscript.stdlib.marshalls")
        client, server = pair
        dialect = 3 if isinstance(client, StreamPeerTCP3) else 4
        encoded = bytes(marshalls.encode_variant(12345, dialect))
        client.put_var(12345)
        assert server.get_32() == len(encoded)
        assert raw(server, len(encoded)) == encoded
        client.put_var("text")
        assert server.get_var() == "text"


class TestData:
    def test_partial_reads_never_block(self, pair):
        client, server = pair
        start = time.monotonic()
        err, data = server.get_partial_data(10)
        assert (err, bytes(data)) == (OK, b"")
        assert time.monotonic() - start < 0.1
        err, sent = client.put_partial_data(PackedByteArray(b"hello"))
        assert (err, sent) == (OK, 5)
        deadline = time.monotonic() + 5
        while server.get_available_bytes() < 5 and time.monotonic() < deadline:
            time.sleep(0.001)
        assert server.get_available_bytes() == 5
        err, data = server.get_partial_data(3)
        assert (err, bytes(data)) == (OK, b"hel")

    def test_get_data_waits_for_everything(self, pair):
        client, server = pair
        payload = bytes(range(256)) * 4000
        threading.Timer(0.05, lambda: client.put_data(payload)).start()
        assert raw(server, len(payload)) == payload

    def test_eof(self, pair):
        client, server = pair
        client.put_data(b"ab")
        client.disconnect_from_host()
        err, data = server.get_data(5)
        assert (err, bytes(data)) == (ERR_FILE_EOF, b"")

    def test_typed_read_at_eof_gives_zero(self, pair, engine_errors):
        client, server = pair
        client.disconnect_from_host()
        assert server.get_u32() == 0
        assert server.get_double() == 0.0
        assert len(engine_errors) == 2


class TestTCPStatus:
    def test_connection_details(self, pair):
        client, server = pair
        assert client.get_connected_host() == server.get_connected_host() == "127.0.0.1"
        assert client.get_connected_port() != server.get_connected_port()
        if isinstance(client, StreamPeerTCP):  # get_local_port is 4.x only
            assert client.get_connected_port() == server.get_local_port()
            assert server.get_connected_port() == client.get_local_port()
        client.set_no_delay(True)

    def test_fin_is_noticed_by_4x_poll_only(self, pair):
        client, server = pair
        server.disconnect_from_host()
        time.sleep(0.05)
        if isinstance(client, StreamPeerTCP3):
            assert client.get_status() == StreamPeerTCP.STATUS_CONNECTED
        else:
            client.poll()
            assert client.get_status() == StreamPeerTCP.STATUS_NONE

    def test_closed_port_is_an_error(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        peer = StreamPeerTCP()
        assert peer.connect_to_host("127.0.0.1", port) == OK
        assert wait_connected(peer) == StreamPeerTCP.STATUS_ERROR

    def test_argument_errors(self, engine_errors):
        peer = StreamPeerTCP()
        assert peer.connect_to_host("127.0.0.1", 0) == ERR_INVALID_PARAMETER
        assert engine_errors[0][1] == ("The remote port number must be between 1 and 65535 "
                                       "(inclusive).")
        assert peer.connect_to_host("no-such-host.invalid", 80) == ERR_CANT_RESOLVE
        with socket.socket() as listener:
            listener.bind(("127.0.0.1", 0))
            listener.listen()
            assert peer.connect_to_host("127.0.0.1", listener.getsockname()[1]) == OK
            assert peer.connect_to_host("127.0.0.1", listener.getsockname()[1]) == \
                ERR_ALREADY_IN_USE
            peer.disconnect_from_host()
        assert peer.get_status() == StreamPeerTCP.STATUS_NONE
        assert peer.get_connected_host() == "" and peer.get_connected_port() == 0

    def test_dialect_specific_methods(self):
        peer = StreamPeerTCP3()
        assert peer.is_connected_to_host() is False
        for name in ("poll", "bind", "get_local_port"):
            assert hasattr(StreamPeerTCP(), name) and not hasattr(peer, name)
        assert not hasattr(StreamPeerTCP(), "is_connected_to_host")


class TestStreamPeerSSL:
    def test_3x_blocking_handshake_without_validation(self):
        ca = trustme.CA()
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ca.issue_cert("localhost").configure_cert(context)
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen()

        def serve():
            conn, _ = listener.accept()
            with context.wrap_socket(conn, server_side=True) as secure:
                secure.sendall(secure.recv(100).upper())

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        tcp = StreamPeerTCP3()
        tcp.connect_to_host("127.0.0.1", listener.getsockname()[1])
        assert tcp.get_status() in (StreamPeerTCP.STATUS_CONNECTING, StreamPeerTCP.STATUS_CONNECTED)
        wait_connected(tcp)
        peer = StreamPeerSSL()
        assert peer.is_blocking_handshake_enabled() is True
        try:
            assert peer.connect_to_stream(tcp, False, "localhost") == OK
            assert peer.get_status() == StreamPeerSSL.STATUS_CONNECTED
            peer.put_data(b"shout")
            err, data = peer.get_data(5)
            assert (err, bytes(data)) == (OK, b"SHOUT")
        finally:
            peer.disconnect_from_stream()
            thread.join(5)
            listener.close()

    def test_status_constants_and_registry(self):
        for cls in (StreamPeerTLS, StreamPeerSSL):
            assert (cls.STATUS_DISCONNECTED, cls.STATUS_HANDSHAKING, cls.STATUS_CONNECTED,
                    cls.STATUS_ERROR, cls.STATUS_ERROR_HOSTNAME_MISMATCH) == (0, 1, 2, 3, 4)
        assert stream_peers.GODOT_CLASSES_4["StreamPeerTLS"] is StreamPeerTLS
        assert stream_peers.GODOT_CLASSES_3["StreamPeerSSL"] is StreamPeerSSL
        assert stream_peers.GODOT_CLASSES_3["StreamPeerTCP"] is StreamPeerTCP3
        assert StreamPeerSSL().get_class() == "StreamPeerSSL"
