"""StreamPeer, StreamPeerTCP and StreamPeerTLS (4.x) / StreamPeerSSL (3.x).

Contract: non-blocking sockets driven by ``poll()`` exactly like Godot; the
public ``get_data``/``put_data`` block (Godot's semantics), the ``*_partial_*``
calls never do.  Besides Godot's API every peer offers a small transport
protocol that HTTPClient uses for speed (no Godot Array per read):

* ``_recv_into(view) -> int``: bytes read (> 0), 0 if nothing is available,
  ``EOF`` (-1) when the peer closed, ``FAILURE`` (-2) on error.
* ``_send(view) -> int``: bytes written (>= 0), or ``FAILURE``.
* ``_wait(readable, timeout)``: block until the peer may make progress.

The TLS peer runs ``ssl.SSLObject`` over two ``MemoryBIO``s on top of any
StreamPeer, so the handshake never blocks and TLS can go through a proxy tunnel.
"""

from __future__ import annotations

import errno
import fcntl
import select
import socket
import ssl
import struct
import termios
import time

from ..errors import engine_error
from . import tls as tls_module
from .global_constants import (
    ERR_ALREADY_IN_USE,
    ERR_CANT_RESOLVE,
    ERR_CONNECTION_ERROR,
    ERR_FILE_EOF,
    ERR_INVALID_PARAMETER,
    FAILED,
    OK,
)
from .objects import RefCounted
from .packed import PackedByteArray

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from typing import Any

EOF = -1
FAILURE = -2
CONNECT_TIMEOUT_SECONDS = 30.0  # Godot's network/limits/tcp/connect_timeout_seconds


def _array(items: list[Any]) -> Any:
    """A Godot Array (``arrays.Array`` once it exists, else a list)."""
    try:
        from .arrays import Array  # type: ignore[import-not-found]
    except ImportError:
        return list(items)
    return Array(items)


def _bytes_out(view: Any) -> PackedByteArray:
    """One copy of ``view`` into a new PackedByteArray."""
    out = PackedByteArray()
    bytearray.extend(out, view)
    return out


class StreamPeer(RefCounted):
    """Abstract byte stream with Godot's typed put_/get_ helpers."""

    GODOT_NAME = "StreamPeer"
    _DIALECT = 4  # for put_var/get_var encoding

    def __init__(self) -> None:
        super().__init__()
        self._gd_big_endian = False

    # Transport protocol (subclasses override) -------------------------
    def _recv_into(self, view: memoryview) -> int:
        return FAILURE

    def _send(self, view: memoryview) -> int:
        return FAILURE

    def _wait(self, readable: bool, timeout: float) -> None:
        time.sleep(min(timeout, 0.001))

    # Godot API ----------------------------------------------------------
    @property
    def big_endian(self) -> bool:
        return self._gd_big_endian

    @big_endian.setter
    def big_endian(self, value: bool) -> None:
        self._gd_big_endian = bool(value)

    def set_big_endian(self, enable: bool) -> None:
        self._gd_big_endian = bool(enable)

    def is_big_endian_enabled(self) -> bool:
        return self._gd_big_endian

    def get_available_bytes(self) -> int:
        return 0

    def put_data(self, data: Any) -> int:
        return self._put_all(memoryview(bytes(data)))

    def put_partial_data(self, data: Any) -> Any:
        sent = self._send(memoryview(bytes(data)))
        if sent < 0:
            return _array([FAILED, 0])
        return _array([OK, sent])

    def get_data(self, bytes: int) -> Any:  # noqa: A002 - Godot's parameter name
        err, data = self._get_all(bytes)
        return _array([err, data if err == OK else PackedByteArray()])

    def get_partial_data(self, bytes: int) -> Any:  # noqa: A002
        if bytes < 0:
            return _array([ERR_INVALID_PARAMETER, PackedByteArray()])
        buffer = bytearray(bytes)
        got = self._recv_into(memoryview(buffer)) if bytes else 0
        if got == EOF:
            return _array([ERR_FILE_EOF, PackedByteArray()])
        if got < 0:
            return _array([FAILED, PackedByteArray()])
        return _array([OK, _bytes_out(memoryview(buffer)[:got])])

    def _put_all(self, view: memoryview) -> int:
        while len(view):
            sent = self._send(view)
            if sent < 0:
                return FAILED
            view = view[sent:]
            if len(view):
                self._wait(False, 0.05)
        return OK

    def _get_all(self, count: int) -> tuple[int, PackedByteArray]:
        if count < 0:
            return ERR_INVALID_PARAMETER, PackedByteArray()
        buffer = bytearray(count)
        view, filled = memoryview(buffer), 0
        while filled < count:
            got = self._recv_into(view[filled:])
            if got == EOF:
                return ERR_FILE_EOF, PackedByteArray()
            if got < 0:
                return FAILED, PackedByteArray()
            filled += got
            if got == 0:
                self._wait(True, 0.05)
        return OK, _bytes_out(view)

    # Typed helpers -------------------------------------------------------
    def _put_struct(self, code: str, value: Any) -> None:
        order = ">" if self._gd_big_endian else "<"
        self.put_data(struct.pack(order + code, value))

    def _get_struct(self, code: str, size: int) -> Any:
        err, data = self._get_all(size)
        if err != OK:
            engine_error('Condition "err != OK" is true. Returning: 0')
            return 0.0 if code in "efd" else 0
        order = ">" if self._gd_big_endian else "<"
        return struct.unpack(order + code, bytes(data))[0]

    def put_u8(self, value: int) -> None:
        self._put_struct("B", value & 0xFF)

    def put_8(self, value: int) -> None:
        self._put_struct("b", _signed(value, 8))

    def put_u16(self, value: int) -> None:
        self._put_struct("H", value & 0xFFFF)

    def put_16(self, value: int) -> None:
        self._put_struct("h", _signed(value, 16))

    def put_u32(self, value: int) -> None:
        self._put_struct("I", value & 0xFFFFFFFF)

    def put_32(self, value: int) -> None:
        self._put_struct("i", _signed(value, 32))

    def put_u64(self, value: int) -> None:
        self._put_struct("Q", value & 0xFFFFFFFFFFFFFFFF)

    def put_64(self, value: int) -> None:
        self._put_struct("q", _signed(value, 64))

    def put_half(self, value: float) -> None:
        self._put_struct("e", float(value))

    def put_float(self, value: float) -> None:
        self._put_struct("f", float(value))

    def put_double(self, value: float) -> None:
        self._put_struct("d", float(value))

    def put_string(self, value: str) -> None:
        # Godot: ASCII bytes prefixed by their 32-bit length.
        data = "".join(c if ord(c) < 128 else "?" for c in value).encode("ascii")
        self.put_u32(len(data))
        self.put_data(data)

    def put_utf8_string(self, value: str) -> None:
        data = value.encode("utf-8", "surrogatepass")
        self.put_u32(len(data))
        self.put_data(data)

    def get_u8(self) -> int:
        return self._get_struct("B", 1)

    def get_8(self) -> int:
        return self._get_struct("b", 1)

    def get_u16(self) -> int:
        return self._get_struct("H", 2)

    def get_16(self) -> int:
        return self._get_struct("h", 2)

    def get_u32(self) -> int:
        return self._get_struct("I", 4)

    def get_32(self) -> int:
        return self._get_struct("i", 4)

    def get_u64(self) -> int:
        return _signed(self._get_struct("Q", 8), 64)  # Godot ints are signed 64-bit

    def get_64(self) -> int:
        return self._get_struct("q", 8)

    def get_half(self) -> float:
        return self._get_struct("e", 2)

    def get_float(self) -> float:
        return self._get_struct("f", 4)

    def get_double(self) -> float:
        return self._get_struct("d", 8)

    def get_string(self, bytes: int = -1) -> str:  # noqa: A002
        data = self._get_text_bytes(bytes)
        return data.split(b"\0", 1)[0].decode("latin-1")

    def get_utf8_string(self, bytes: int = -1) -> str:  # noqa: A002
        return self._get_text_bytes(bytes).decode("utf-8", "replace")

    def put_var(self, value: Any, full_objects: bool = False) -> None:
        # Godot: the encoded Variant, prefixed by its 32-bit length.
        try:
            from .marshalls import encode_variant  # type: ignore[import-not-found]
        except ImportError:
            engine_error("Variant encoding is not available.")
            return
        data = bytes(encode_variant(value, self._DIALECT))
        self.put_32(len(data))
        self.put_data(data)

    def get_var(self, allow_objects: bool = False) -> Any:
        size = self.get_32()
        err, data = self._get_all(max(size, 0))
        try:
            from .marshalls import MarshallError, decode_variant  # type: ignore[import-not-found]
        except ImportError:
            engine_error("Variant decoding is not available.")
            return None
        if err != OK or size < 0:
            engine_error('Condition "err != OK" is true. Returning: Variant()')
            return None
        try:
            return decode_variant(bytes(data), self._DIALECT)
        except MarshallError:
            engine_error('Condition "err != OK" is true. Returning: Variant()',
                         "Error when trying to decode Variant.")
            return None

    def _get_text_bytes(self, count: int) -> bytes:
        if count < 0:
            count = self.get_32()
        if count < 0:
            engine_error('Condition "p_bytes < 0" is true. Returning: String()')
            return b""
        err, data = self._get_all(count)
        if err != OK:
            engine_error('Condition "err != OK" is true. Returning: String()')
            return b""
        return bytes(data)


def _signed(value: int, bits: int) -> int:
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >> (bits - 1) else value


class _StreamPeerTCPBase(StreamPeer):
    """A TCP connection: what both dialects share (``_poll`` is their internal poll)."""

    GODOT_NAME = "StreamPeerTCP"
    STATUS_NONE = 0
    STATUS_CONNECTING = 1
    STATUS_CONNECTED = 2
    STATUS_ERROR = 3
    _POLL_DETECTS_FIN = True  # 4.x poll() notices a closed peer; 3.x does not

    def __init__(self) -> None:
        super().__init__()
        self._gd_sock: socket.socket | None = None
        self._gd_status = self.STATUS_NONE
        self._gd_peer: tuple[str, int] = ("", 0)
        self._gd_bind: tuple[str, int] | None = None
        self._gd_deadline = 0.0
        self._gd_fin_seen = False

    def __del__(self) -> None:
        # Godot closes the socket when the last reference goes away.
        sock = getattr(self, "_gd_sock", None)
        if sock is not None:
            sock.close()

    @classmethod
    def _adopt(cls, sock: socket.socket) -> _StreamPeerTCPBase:
        """A connected peer around an accepted socket (what TCPServer.take_connection gives)."""
        peer = cls()
        sock.setblocking(False)
        peer._gd_sock, peer._gd_status = sock, cls.STATUS_CONNECTED
        address = sock.getpeername()
        peer._gd_peer = (address[0], address[1])
        return peer

    # Connection ---------------------------------------------------------
    def connect_to_host(self, host: str, port: int) -> int:
        if self._gd_status != self.STATUS_NONE:
            engine_error('Condition "status != STATUS_NONE" is true. Returning: ERR_ALREADY_IN_USE')
            return ERR_ALREADY_IN_USE
        if not 1 <= port <= 65535:
            engine_error('Condition "p_port < 1 || p_port > 65535" is true. '
                         "Returning: ERR_INVALID_PARAMETER",
                         "The remote port number must be between 1 and 65535 (inclusive).")
            return ERR_INVALID_PARAMETER
        address = _resolve_blocking(host, port)
        if address is None:
            return ERR_CANT_RESOLVE
        return self._connect_address(*address)

    def _connect_address(self, family: int, sockaddr: tuple) -> int:
        """Start a non-blocking connect to an already resolved address."""
        self.disconnect_from_host()
        try:
            sock = socket.socket(family, socket.SOCK_STREAM)
        except OSError:
            return FAILED
        sock.setblocking(False)
        if self._gd_bind is not None:
            try:
                sock.bind(self._gd_bind)
            except OSError:
                sock.close()
                return FAILED
        code = sock.connect_ex(sockaddr)
        if code not in (0, errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EAGAIN):
            sock.close()
            engine_error("Connection to remote host failed!")
            return FAILED
        self._gd_sock, self._gd_peer = sock, (sockaddr[0], sockaddr[1])
        self._gd_status = self.STATUS_CONNECTED if code == 0 else self.STATUS_CONNECTING
        self._gd_deadline = time.monotonic() + CONNECT_TIMEOUT_SECONDS
        return OK

    def disconnect_from_host(self) -> None:
        if self._gd_sock is not None:
            self._gd_sock.close()
        self._gd_sock = None
        self._gd_status = self.STATUS_NONE
        self._gd_peer = ("", 0)
        self._gd_fin_seen = False

    def _poll(self) -> int:
        if self._gd_status == self.STATUS_CONNECTING:
            return self._poll_connection()
        if self._gd_status == self.STATUS_CONNECTED and self._POLL_DETECTS_FIN:
            self._detect_fin()
        return OK

    def _poll_connection(self) -> int:
        assert self._gd_sock is not None
        _, writable, _ = select.select([], [self._gd_sock], [], 0)
        if writable:
            code = self._gd_sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if code == 0:
                self._gd_status = self.STATUS_CONNECTED
                return OK
        elif time.monotonic() < self._gd_deadline:
            return OK
        self.disconnect_from_host()
        self._gd_status = self.STATUS_ERROR
        return ERR_CONNECTION_ERROR

    def _detect_fin(self) -> None:
        assert self._gd_sock is not None
        try:
            data = self._gd_sock.recv(1, socket.MSG_PEEK)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self.disconnect_from_host()
            self._gd_status = self.STATUS_ERROR
            return
        if not data:
            self.disconnect_from_host()
            self._gd_fin_seen = True

    def get_status(self) -> int:
        return self._gd_status

    def get_connected_host(self) -> str:
        return self._gd_peer[0]

    def get_connected_port(self) -> int:
        return self._gd_peer[1]

    def set_no_delay(self, enabled: bool) -> None:
        if self._gd_sock is None or self._gd_status != self.STATUS_CONNECTED:
            engine_error('Condition "!is_connected_to_host()" is true.')
            return
        self._gd_sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1 if enabled else 0)

    def get_available_bytes(self) -> int:
        if self._gd_sock is None or self._gd_status != self.STATUS_CONNECTED:
            return 0
        buffer = bytearray(4)
        fcntl.ioctl(self._gd_sock.fileno(), termios.FIONREAD, buffer)
        return struct.unpack("i", buffer)[0]

    # Transport protocol ------------------------------------------------
    def _recv_into(self, view: memoryview) -> int:
        if self._gd_status != self.STATUS_CONNECTED or self._gd_sock is None:
            return EOF if self._gd_fin_seen else FAILURE
        try:
            got = self._gd_sock.recv_into(view)
        except (BlockingIOError, InterruptedError):
            return 0
        except OSError:
            self.disconnect_from_host()
            self._gd_status = self.STATUS_ERROR
            return FAILURE
        if got == 0 and len(view):
            self.disconnect_from_host()
            self._gd_fin_seen = True
            return EOF
        return got

    def _send(self, view: memoryview) -> int:
        if self._gd_status != self.STATUS_CONNECTED or self._gd_sock is None:
            return FAILURE
        try:
            return self._gd_sock.send(view)
        except (BlockingIOError, InterruptedError):
            return 0
        except OSError:
            self.disconnect_from_host()
            self._gd_status = self.STATUS_ERROR
            return FAILURE

    def _wait(self, readable: bool, timeout: float) -> None:
        if self._gd_sock is None:
            return
        if readable and self._gd_status == self.STATUS_CONNECTED:
            select.select([self._gd_sock], [], [], timeout)
        else:
            select.select([], [self._gd_sock], [], timeout)


class StreamPeerTCP(_StreamPeerTCPBase):
    """Godot 4's StreamPeerTCP: poll() advances a connect and notices a closed peer."""

    def poll(self) -> int:
        return self._poll()

    def bind(self, port: int, host: str = "*") -> int:
        if self._gd_sock is not None:
            return ERR_ALREADY_IN_USE
        self._gd_bind = ("" if host == "*" else host, port)
        return OK

    def get_local_port(self) -> int:
        if self._gd_sock is None:
            return 0
        return self._gd_sock.getsockname()[1]


class StreamPeerTCP3(_StreamPeerTCPBase):
    """Godot 3's StreamPeerTCP: get_status() advances a connect, no FIN check."""

    _DIALECT = 3

    _POLL_DETECTS_FIN = False

    def get_status(self) -> int:
        if self._gd_status == self.STATUS_CONNECTING:
            self._poll_connection()
        return self._gd_status

    def is_connected_to_host(self) -> bool:
        return self._gd_status != self.STATUS_NONE


def _resolve_blocking(host: str, port: int) -> tuple[int, tuple] | None:
    """First address for ``host`` (StreamPeerTCP resolves synchronously, like Godot)."""
    from .http_client import network_allowed, route  # --resolve/--offline and the sandbox

    host, port = route(host, port, False)
    if not network_allowed(host):
        return None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return None
    return (infos[0][0], infos[0][4]) if infos else None


class StreamPeerTLS(StreamPeer):
    """TLS over another StreamPeer (4.x signature of connect_to_stream)."""

    GODOT_NAME = "StreamPeerTLS"
    STATUS_DISCONNECTED = 0
    STATUS_HANDSHAKING = 1
    STATUS_CONNECTED = 2
    STATUS_ERROR = 3
    STATUS_ERROR_HOSTNAME_MISMATCH = 4
    _HOSTNAME_MISMATCH = 62  # X509_V_ERR_HOSTNAME_MISMATCH
    _RECORD_PLAINTEXT = 16384  # one TLS record per _send: bounded work, bounded backlog

    def __init__(self) -> None:
        super().__init__()
        self._gd_status = self.STATUS_DISCONNECTED
        self._gd_base: StreamPeer | None = None
        self._gd_ssl: ssl.SSLObject | None = None
        self._gd_incoming = ssl.MemoryBIO()
        self._gd_outgoing = ssl.MemoryBIO()
        self._gd_scratch = bytearray(65536)
        self._gd_backlog = bytearray()  # ciphertext the base stream has not taken yet
        self._gd_base_eof = False
        self._gd_verify_message = ""

    def connect_to_stream(self, stream: StreamPeer, common_name: str,
                          client_options: Any = None) -> int:
        if client_options is None:
            client_options = tls_module.TLSOptions.client()
        if client_options.is_server():
            engine_error('Condition "p_options.is_null() || p_options->is_server()" is true. '
                         "Returning: ERR_INVALID_PARAMETER")
            return ERR_INVALID_PARAMETER
        name = client_options.get_common_name_override() or common_name
        return self._start(stream, client_options._context(), name)

    def accept_stream(self, stream: StreamPeer, server_options: Any) -> int:
        if server_options is None or not server_options.is_server():
            engine_error('Condition "p_options.is_null() || !p_options->is_server()" is true. '
                         "Returning: ERR_INVALID_PARAMETER")
            return ERR_INVALID_PARAMETER
        return self._start(stream, server_options._context(), None)

    def _start(self, stream: StreamPeer, context: ssl.SSLContext, name: str | None) -> int:
        if stream is None:
            return ERR_INVALID_PARAMETER
        self.disconnect_from_stream()
        self._gd_base, self._gd_base_eof = stream, False
        self._gd_backlog = bytearray()
        self._gd_incoming, self._gd_outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
        server_side = context.protocol == ssl.PROTOCOL_TLS_SERVER
        self._gd_ssl = context.wrap_bio(self._gd_incoming, self._gd_outgoing,
                                        server_side=server_side,
                                        server_hostname=None if server_side else (name or None))
        self._gd_status = self.STATUS_HANDSHAKING
        self._handshake_step()
        return OK if self._gd_status != self.STATUS_ERROR else ERR_CONNECTION_ERROR

    def _handshake_step(self) -> None:
        """Advance the handshake as far as the available bytes allow."""
        assert self._gd_ssl is not None
        while True:
            try:
                self._gd_ssl.do_handshake()
                break
            except ssl.SSLWantReadError:
                if not self._flush():
                    self._fail("TLS handshake: write error.")
                    return
                pulled = self._pull()
                if pulled > 0:
                    continue
                if pulled != 0 and not self._gd_incoming.pending:
                    self._fail("TLS handshake: connection closed by the peer.")
                return
            except ssl.SSLCertVerificationError as error:
                self._fail(error.verify_message or str(error), error.verify_code)
                return
            except (ssl.SSLError, OSError) as error:
                self._fail(str(error))
                return
        self._flush()
        self._gd_status = self.STATUS_CONNECTED

    def _fail(self, message: str, verify_code: int = 0) -> None:
        self._flush()
        self._gd_verify_message = message
        engine_error(f"TLS handshake error: {message}")
        mismatch = verify_code == self._HOSTNAME_MISMATCH
        self._drop()
        self._gd_status = self.STATUS_ERROR_HOSTNAME_MISMATCH if mismatch else self.STATUS_ERROR

    def _drop(self) -> None:
        self._gd_ssl = None
        self._gd_base = None
        self._gd_status = self.STATUS_DISCONNECTED

    def _flush(self) -> bool:
        """Send what the base stream takes now of the TLS output; False on error.

        Ciphertext it cannot take yet waits in a backlog, so nothing here blocks.
        """
        if self._gd_outgoing.pending:
            self._gd_backlog += self._gd_outgoing.read()
        if not self._gd_backlog or self._gd_base is None:
            return True
        with memoryview(self._gd_backlog) as view:
            sent = self._gd_base._send(view)
        if sent < 0:
            return False
        del self._gd_backlog[:sent]
        return True

    def _put_all(self, view: memoryview) -> int:
        err = super()._put_all(view)
        while err == OK and self._gd_backlog:  # put_data returns once all is on the wire
            self._wait(False, 0.05)
            err = OK if self._flush() else FAILED
        return err

    def _pull(self) -> int:
        """Move available ciphertext from the base stream into the incoming BIO."""
        if self._gd_base is None:
            return FAILURE
        got = self._gd_base._recv_into(memoryview(self._gd_scratch))
        if got > 0:
            self._gd_incoming.write(memoryview(self._gd_scratch)[:got])
        elif got == EOF:
            self._gd_base_eof = True
            self._gd_incoming.write_eof()
        return got

    def poll(self) -> None:
        if self._gd_status == self.STATUS_HANDSHAKING:
            self._handshake_step()
            return
        if self._gd_status != self.STATUS_CONNECTED or self._gd_base is None:
            return
        poll = getattr(self._gd_base, "_poll", None) or getattr(self._gd_base, "poll", None)
        if poll is not None:
            poll()
        base_status = getattr(self._gd_base, "get_status", lambda: 2)()
        if base_status != _StreamPeerTCPBase.STATUS_CONNECTED and not self._has_buffered():
            self.disconnect_from_stream()

    def _has_buffered(self) -> bool:
        ssl_object = self._gd_ssl
        return bool(self._gd_incoming.pending or (ssl_object is not None and ssl_object.pending()))

    def disconnect_from_stream(self) -> None:
        if self._gd_ssl is not None and self._gd_status == self.STATUS_CONNECTED:
            try:
                self._gd_ssl.unwrap()
            except (ssl.SSLError, OSError, ValueError):
                pass
            self._flush()
        base = self._gd_base
        self._drop()
        if base is not None and hasattr(base, "disconnect_from_host"):
            base.disconnect_from_host()

    def get_status(self) -> int:
        return self._gd_status

    def get_stream(self) -> StreamPeer | None:
        return self._gd_base

    def get_available_bytes(self) -> int:
        return self._gd_ssl.pending() if self._gd_ssl is not None else 0

    # Transport protocol ------------------------------------------------
    def _recv_into(self, view: memoryview) -> int:
        if self._gd_status != self.STATUS_CONNECTED or self._gd_ssl is None:
            return FAILURE
        if self._gd_backlog and not self._flush():
            return FAILURE
        while True:
            try:
                got = self._gd_ssl.read(len(view), view)
            except ssl.SSLWantReadError:
                pulled = self._pull()
                if pulled == 0:
                    return 0
                if pulled == FAILURE:
                    return FAILURE
                continue
            except (ssl.SSLZeroReturnError, ssl.SSLEOFError):
                self.disconnect_from_stream()
                return EOF
            except ssl.SSLError:
                self.disconnect_from_stream()
                return FAILURE
            return got if got or not len(view) else self._eof()

    def _eof(self) -> int:
        self.disconnect_from_stream()
        return EOF

    def _send(self, view: memoryview) -> int:
        if self._gd_status != self.STATUS_CONNECTED or self._gd_ssl is None:
            return FAILURE
        if not self._flush():
            return FAILURE
        if self._gd_backlog:
            return 0  # the base stream is full: like a socket that would block
        try:
            sent = self._gd_ssl.write(view[:self._RECORD_PLAINTEXT])
        except ssl.SSLError:
            self.disconnect_from_stream()
            return FAILURE
        return sent if self._flush() else FAILURE

    def _wait(self, readable: bool, timeout: float) -> None:
        if self._gd_base is not None:
            self._gd_base._wait(readable, timeout)


class StreamPeerSSL(StreamPeerTLS):
    """Godot 3's name and connect_to_stream signature."""

    GODOT_NAME = "StreamPeerSSL"
    _DIALECT = 3

    def __init__(self) -> None:
        super().__init__()
        self._gd_blocking_handshake = True

    @property
    def blocking_handshake(self) -> bool:
        return self._gd_blocking_handshake

    @blocking_handshake.setter
    def blocking_handshake(self, value: bool) -> None:
        self._gd_blocking_handshake = bool(value)

    def set_blocking_handshake_enabled(self, enabled: bool) -> None:
        self._gd_blocking_handshake = bool(enabled)

    def is_blocking_handshake_enabled(self) -> bool:
        return self._gd_blocking_handshake

    def connect_to_stream(  # type: ignore[override]
            self, stream: StreamPeer, validate_certs: bool = False, for_hostname: str = "",
            valid_certificate: Any = None) -> int:
        trusted = valid_certificate.save_to_string() if valid_certificate is not None else None
        context = tls_module.client_context(bool(validate_certs), trusted)
        err = self._start(stream, context, for_hostname or None)
        if err == OK and self._gd_blocking_handshake:
            err = self._finish_handshake()
        return err

    def accept_stream(self, stream: StreamPeer, private_key: Any = None,  # type: ignore[override]
                      certificate: Any = None, chain: Any = None) -> int:
        options = tls_module.TLSOptions.server(private_key, certificate)
        err = self._start(stream, options._context(), None)
        if err == OK and self._gd_blocking_handshake:
            err = self._finish_handshake()
        return err

    def _finish_handshake(self) -> int:
        deadline = time.monotonic() + CONNECT_TIMEOUT_SECONDS
        while self._gd_status == self.STATUS_HANDSHAKING and time.monotonic() < deadline:
            self._wait(True, 0.05)
            self._handshake_step()
        return OK if self._gd_status == self.STATUS_CONNECTED else ERR_CONNECTION_ERROR


GODOT_CLASSES = {"StreamPeer": StreamPeer}
GODOT_CLASSES_4 = {"StreamPeerTCP": StreamPeerTCP, "StreamPeerTLS": StreamPeerTLS}
GODOT_CLASSES_3 = {"StreamPeerTCP": StreamPeerTCP3, "StreamPeerSSL": StreamPeerSSL}
