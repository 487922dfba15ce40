"""HTTPClient for both dialects: Godot's poll-driven HTTP/1.1 client.

Contract (see /work/shared/reference/httpclient-behavior.md): the status only
moves inside ``poll()``, ``request()`` and ``read_response_body_chunk()``, and
none of them blocks unless ``blocking_mode_enabled`` is set.  Name resolution
runs on a worker thread (STATUS_RESOLVING), connects are non-blocking
(STATUS_CONNECTING), TLS handshakes step once per poll.

Response heads are parsed by a fresh ``h11.Connection`` per request/response
cycle (h11 is strict: malformed heads or framing give STATUS_CONNECTION_ERROR).
Chunked bodies stream through h11; Content-Length and read-to-EOF bodies bypass
it and are read straight into a reusable buffer, so each body chunk is copied
exactly once (socket -> buffer -> the returned PackedByteArray).

Deliberate differences from Godot (hardening notes): CR/LF/NUL in the URL or a
header is refused with ERR_INVALID_PARAMETER; a bad status line, conflicting,
junk or over-int64 Content-Length, a Transfer-Encoding other than ``chunked``,
a chunk size over 16 hex digits, or a head over HEAD_LIMIT bytes, a head line
over LINE_LIMIT or more than HEADER_COUNT_LIMIT headers is
STATUS_CONNECTION_ERROR (Godot is lenient); a connection is not reused after a
response framed by both Content-Length and chunked, or when bytes nobody asked
for wait on it when the next request starts (its transport is closed, so that
request ends in STATUS_CONNECTION_ERROR); 1xx responses
are skipped; a 204/304 never waits for a body; an HTTP/1.0 response without
keep-alive and without a length is read to EOF; chunk extensions are accepted
and chunk payloads are returned as they arrive, with no 16 MiB cap (Godot
returns whole chunks, rejects extensions); header lines are rebuilt as
``Name: value`` from h11's parse; a bare IPv6 host gets a bracketed Host header.

Module-level overrides, set by the command line:
  ``set_default_trust_store(path|None)``   replace certifi's CA bundle (--ca-file)
  ``set_resolve_overrides(mapping, catch_all)``  --resolve HOST:PORT=ADDR:PORT and
      --offline; see ``route``.
  ``set_variant_stringifier(fn)``  replace ``variant.stringify`` (Godot's ``str()``) in
      query_string_from_dict.
"""

from __future__ import annotations

import ipaddress
import platform
import socket
import threading

import h11

from ..errors import engine_error
from .global_constants import (
    ERR_CANT_CONNECT,
    ERR_CANT_RESOLVE,
    ERR_CONNECTION_ERROR,
    ERR_INVALID_DATA,
    ERR_INVALID_PARAMETER,
    ERR_UNCONFIGURED,
    OK,
)
from .objects import RefCounted
from .packed import PackedArray, PackedByteArray
from .stream_peers import (
    EOF,
    FAILURE,
    StreamPeerSSL,
    StreamPeerTCP,
    StreamPeerTCP3,
    StreamPeerTLS,
    _bytes_out,
    _StreamPeerTCPBase,
)
from .tls import TLSOptions, client_context, set_default_trust_store  # noqa: F401 (re-export)

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

GODOT_VERSION_4 = "4.6.dev.custom_build"
GODOT_VERSION_3 = "3.6.2.stable.custom_build"
_OS_NAMES_4 = {"Linux": "Linux", "Windows": "Windows", "Darwin": "macOS"}
_OS_NAMES_3 = {"Linux": "X11", "Windows": "Windows", "Darwin": "OSX"}
# Response head caps (Godot has none; hardening item 12) and the largest size an
# int64 holds (Content-Length; chunk sizes of more than 16 hex digits exceed it).
HEAD_LIMIT = 256 * 1024
LINE_LIMIT = 64 * 1024
HEADER_COUNT_LIMIT = 500
SIZE_LIMIT = 2**63 - 1

# * Host routing: --resolve and --offline ---------------------------------

_overrides: dict[tuple[str, int | None], tuple[str, int | None]] = {}
_catch_all: Any = None


def set_resolve_overrides(mapping: dict | None = None, catch_all: Any = None) -> None:
    """Route connections before name resolution.

    ``mapping``: ``{(host, port): (addr, port)}``; a key port of ``None`` matches
    any port and a target port of ``None`` keeps the requested one.
    ``catch_all``: ``None``, an ``(addr, port)`` pair, or a callable
    ``(host, port, tls) -> (addr, port) | None`` consulted for every host the
    mapping does not name, except loopback IP literals (so local servers still
    work under ``--offline``).  Calling with no arguments clears everything.
    """
    global _catch_all
    _overrides.clear()
    for (host, port), target in (mapping or {}).items():
        _overrides[(host.lower(), port)] = target
    _catch_all = catch_all


def route(host: str, port: int, tls: bool) -> tuple[str, int]:
    """Where a connection to ``host:port`` really goes (identity without overrides)."""
    target = _overrides.get((host.lower(), port)) or _overrides.get((host.lower(), None))
    if target is None and _catch_all is not None and not _is_loopback(host):
        target = _catch_all(host, port, tls) if callable(_catch_all) else _catch_all
    if target is None:
        return host, port
    return target[0], port if target[1] is None else target[1]


# The sandbox: connections only to loopback addresses (set by gdscript.sandbox).
LOOPBACK_ONLY = [False]


def network_allowed(address: str) -> bool:
    """Whether a connection to ``address`` (after routing) may be made now."""
    if not LOOPBACK_ONLY[0]:
        return True
    if _is_loopback(address.strip("[]")) or address.lower() == "localhost":
        return True
    engine_error(f"Connecting to '{address}' is refused in the sandbox: only loopback "
                 f"addresses are allowed (run with --allow-net to lift this).")
    return False


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class _Resolution:
    """getaddrinfo on a daemon thread; ``poll()`` reads ``addresses`` once ``done``."""

    def __init__(self, host: str, port: int) -> None:
        self.done = threading.Event()
        self.addresses: list[tuple[int, tuple]] = []
        thread = threading.Thread(target=self._run, args=(host, port), daemon=True,
                                  name=f"resolve {host}")
        thread.start()

    def _run(self, host: str, port: int) -> None:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError):
            infos = []
        seen = set()
        for family, _type, _proto, _name, sockaddr in infos:
            if (family, sockaddr) not in seen:
                seen.add((family, sockaddr))
                self.addresses.append((family, sockaddr))
        self.done.set()


# * query_string_from_dict -------------------------------------------------

_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")
_stringify: Callable[[Any, int], str] | None = None


def set_variant_stringifier(function: Callable[[Any, int], str] | None) -> None:
    """Install the runtime's ``str(value)`` as ``function(value, dialect)``."""
    global _stringify
    _stringify = function


def uri_encode(text: str) -> str:
    """Godot's String.uri_encode / 3.x http_escape: UTF-8, uppercase %XX."""
    return "".join(chr(b) if b in _UNRESERVED else f"%{b:02X}"
                   for b in text.encode("utf-8", "surrogatepass"))


def _variant_str(value: Any, dialect: int) -> str:
    if _stringify is not None:
        return _stringify(value, dialect)
    try:
        from .variant import stringify
    except ImportError:
        return _fallback_str(value, dialect)
    return stringify(value, dialect)


def _fallback_str(value: Any, dialect: int) -> str:
    if value is None:
        return "<null>" if dialect == 4 else "Null"
    if isinstance(value, bool):
        text = "true" if value else "false"
        return text if dialect == 4 else text.capitalize()
    if isinstance(value, float):
        return _float_str(value, dialect)
    return str(value)


def _float_str(value: float, dialect: int) -> str:
    if value != value:
        return "nan"
    if value in (float("inf"), float("-inf")):
        return "inf" if value > 0 else "-inf"
    if dialect == 3:
        return f"{value:.6f}".rstrip("0").rstrip(".")
    text = repr(value)
    return text if ("." in text or "e" in text) else text + ".0"


def query_string_from_dict(fields: Any, dialect: int = 4) -> str:
    parts = []
    for key, value in fields.items():
        name = uri_encode(_variant_str(key, dialect))
        if value is None:
            parts.append(name)
        elif isinstance(value, list) and not isinstance(value, PackedArray):
            # Only Arrays repeat the key; packed arrays are stringified like any value.
            parts.extend(f"{name}={uri_encode(_variant_str(item, dialect))}" for item in value)
        else:
            parts.append(f"{name}={uri_encode(_variant_str(value, dialect))}")
    return "&".join(parts)


def _godot_container(kind: str, value: Any) -> Any:
    """A PackedStringArray / Dictionary once those modules exist, else list/dict."""
    try:
        if kind == "PackedStringArray":
            from .packed import PackedStringArray  # type: ignore[attr-defined]

            return PackedStringArray(value)
        from .dictionary import Dictionary  # type: ignore[import-not-found]

        return Dictionary(value)
    except ImportError:
        return list(value) if kind == "PackedStringArray" else dict(value)


# * HTTPClient --------------------------------------------------------------


class _HTTPClientBase(RefCounted):
    """What both dialects share; HTTPClient (4.x) and HTTPClient3 add the rest."""

    GODOT_NAME = "HTTPClient"
    _DIALECT = 4
    _DEFAULT_READ_CHUNK_SIZE = 65536
    _HOST_FIRST = False  # 4.x: Host after the user headers, only when none is given
    _URL_CONDITION = "!_check_request_url(p_method, p_url)"
    _TCP_CLASS: type[_StreamPeerTCPBase] = StreamPeerTCP
    _TLS_CLASS: type[StreamPeerTLS] = StreamPeerTLS
    _HOST_MIN_LEN = 4
    _RETURNING = "Returning"
    _BYTES_NAME = "PackedByteArray"

    METHOD_GET, METHOD_HEAD, METHOD_POST, METHOD_PUT, METHOD_DELETE = 0, 1, 2, 3, 4
    METHOD_OPTIONS, METHOD_TRACE, METHOD_CONNECT, METHOD_PATCH, METHOD_MAX = 5, 6, 7, 8, 9
    _METHOD_NAMES = ("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "CONNECT",
                     "PATCH")

    STATUS_DISCONNECTED, STATUS_RESOLVING, STATUS_CANT_RESOLVE = 0, 1, 2
    STATUS_CONNECTING, STATUS_CANT_CONNECT, STATUS_CONNECTED = 3, 4, 5
    STATUS_REQUESTING, STATUS_BODY, STATUS_CONNECTION_ERROR = 6, 7, 8
    _STATUS_HANDSHAKE_ERROR = 9

    RESPONSE_CONTINUE, RESPONSE_SWITCHING_PROTOCOLS, RESPONSE_PROCESSING = 100, 101, 102
    RESPONSE_OK, RESPONSE_CREATED, RESPONSE_ACCEPTED = 200, 201, 202
    RESPONSE_NON_AUTHORITATIVE_INFORMATION, RESPONSE_NO_CONTENT = 203, 204
    RESPONSE_RESET_CONTENT, RESPONSE_PARTIAL_CONTENT, RESPONSE_MULTI_STATUS = 205, 206, 207
    RESPONSE_ALREADY_REPORTED, RESPONSE_IM_USED = 208, 226
    RESPONSE_MULTIPLE_CHOICES, RESPONSE_MOVED_PERMANENTLY, RESPONSE_FOUND = 300, 301, 302
    RESPONSE_SEE_OTHER, RESPONSE_NOT_MODIFIED, RESPONSE_USE_PROXY = 303, 304, 305
    RESPONSE_SWITCH_PROXY, RESPONSE_TEMPORARY_REDIRECT = 306, 307
    RESPONSE_PERMANENT_REDIRECT = 308
    RESPONSE_BAD_REQUEST, RESPONSE_UNAUTHORIZED, RESPONSE_PAYMENT_REQUIRED = 400, 401, 402
    RESPONSE_FORBIDDEN, RESPONSE_NOT_FOUND, RESPONSE_METHOD_NOT_ALLOWED = 403, 404, 405
    RESPONSE_NOT_ACCEPTABLE, RESPONSE_PROXY_AUTHENTICATION_REQUIRED = 406, 407
    RESPONSE_REQUEST_TIMEOUT, RESPONSE_CONFLICT, RESPONSE_GONE = 408, 409, 410
    RESPONSE_LENGTH_REQUIRED, RESPONSE_PRECONDITION_FAILED = 411, 412
    RESPONSE_REQUEST_ENTITY_TOO_LARGE, RESPONSE_REQUEST_URI_TOO_LONG = 413, 414
    RESPONSE_UNSUPPORTED_MEDIA_TYPE, RESPONSE_REQUESTED_RANGE_NOT_SATISFIABLE = 415, 416
    RESPONSE_EXPECTATION_FAILED, RESPONSE_IM_A_TEAPOT = 417, 418
    RESPONSE_MISDIRECTED_REQUEST, RESPONSE_UNPROCESSABLE_ENTITY = 421, 422
    RESPONSE_LOCKED, RESPONSE_FAILED_DEPENDENCY, RESPONSE_UPGRADE_REQUIRED = 423, 424, 426
    RESPONSE_PRECONDITION_REQUIRED, RESPONSE_TOO_MANY_REQUESTS = 428, 429
    RESPONSE_REQUEST_HEADER_FIELDS_TOO_LARGE = 431
    RESPONSE_UNAVAILABLE_FOR_LEGAL_REASONS = 451
    RESPONSE_INTERNAL_SERVER_ERROR, RESPONSE_NOT_IMPLEMENTED = 500, 501
    RESPONSE_BAD_GATEWAY, RESPONSE_SERVICE_UNAVAILABLE = 502, 503
    RESPONSE_GATEWAY_TIMEOUT, RESPONSE_HTTP_VERSION_NOT_SUPPORTED = 504, 505
    RESPONSE_VARIANT_ALSO_NEGOTIATES, RESPONSE_INSUFFICIENT_STORAGE = 506, 507
    RESPONSE_LOOP_DETECTED, RESPONSE_NOT_EXTENDED = 508, 510
    RESPONSE_NETWORK_AUTH_REQUIRED = 511

    def __init__(self) -> None:
        super().__init__()
        self._gd_read_chunk_size = self._DEFAULT_READ_CHUNK_SIZE
        self._gd_blocking = False
        self._gd_http_proxy: tuple[str, int] = ("", -1)
        self._gd_https_proxy: tuple[str, int] = ("", -1)
        self._gd_scratch = memoryview(bytearray(65536))
        self._reset()

    def _reset(self) -> None:
        """Everything ``close()`` forgets (proxies, chunk size and blocking stay)."""
        self._gd_status = self.STATUS_DISCONNECTED
        self._gd_tcp: _StreamPeerTCPBase | None = None
        self._gd_tls_peer: StreamPeerTLS | None = None
        self._gd_conn: Any = None
        self._gd_resolution: _Resolution | None = None
        self._gd_addresses: list[tuple[int, tuple]] = []
        self._gd_host, self._gd_port = "", -1
        self._gd_tls: tuple[Any, str] | None = None  # (ssl context, name to verify)
        self._gd_tunnel: Any = None  # h11 connection of a pending CONNECT, or True once needed
        self._gd_out: memoryview | None = None
        self._gd_h11: h11.Connection | None = None
        self._gd_h11_buffered = False
        self._gd_head_fed = 0
        self._gd_head_line = 0  # bytes since the last LF fed while the head is incomplete
        self._gd_head_longest = 0
        self._gd_reusable = True
        self._gd_pending = memoryview(b"")
        self._gd_pending_eof = False
        self._gd_chunk_rest = memoryview(b"")
        self._gd_response_num = 0
        self._gd_headers: list[str] = []
        self._gd_chunked = False
        self._gd_body_size = -1
        self._gd_body_left = 0
        self._gd_mode = ""  # "length", "eof", "chunked" or "none" while in STATUS_BODY
        self._gd_head_request = False

    def _condition_failed(self, condition: str, returned: str | None = None,
                          explanation: str | None = None) -> None:
        """Godot's ERR_FAIL_COND* message (4.x says "Returning", 3.x "Returned")."""
        text = f'Condition "{condition}" is true.'
        if returned is not None:
            text += f" {self._RETURNING}: {returned}"
        engine_error(text, explanation)

    # * Properties --------------------------------------------------------
    @property
    def read_chunk_size(self) -> int:
        return self._gd_read_chunk_size

    @read_chunk_size.setter
    def read_chunk_size(self, value: int) -> None:
        self.set_read_chunk_size(value)

    def set_read_chunk_size(self, size: int) -> None:
        if size < 256 or size > (1 << 24):
            self._condition_failed("p_size < 256 || p_size > (1 << 24)")
            return
        self._gd_read_chunk_size = size
        if size > len(self._gd_scratch):
            self._gd_scratch = memoryview(bytearray(size))

    def get_read_chunk_size(self) -> int:
        return self._gd_read_chunk_size

    @property
    def blocking_mode_enabled(self) -> bool:
        return self._gd_blocking

    @blocking_mode_enabled.setter
    def blocking_mode_enabled(self, value: bool) -> None:
        self._gd_blocking = bool(value)

    def set_blocking_mode(self, enabled: bool) -> None:
        self._gd_blocking = bool(enabled)

    def is_blocking_mode_enabled(self) -> bool:
        return self._gd_blocking

    @property
    def connection(self) -> Any:
        return self.get_connection()

    @connection.setter
    def connection(self, peer: Any) -> None:
        self.set_connection(peer)

    def get_connection(self) -> Any:
        return self._gd_conn if self._gd_conn is not None else self._gd_tcp

    def set_connection(self, connection: Any) -> None:
        if connection is None:
            engine_error('Condition "p_connection.is_null()" is true.',
                         "Connection is not a reference to a valid StreamPeer object.")
            return
        if self._gd_tls is not None and not isinstance(connection, StreamPeerTLS):
            engine_error('Parameter "Object::cast_to<StreamPeerTLS>(p_connection.ptr())" is null.',
                         "Connection is not a reference to a valid StreamPeerTLS object.")
            return
        if connection is self._gd_conn:
            return
        tls = self._gd_tls
        self.close()
        self._gd_tls = tls
        self._gd_conn = connection
        self._gd_tls_peer = connection if isinstance(connection, StreamPeerTLS) else None
        self._gd_status = self.STATUS_CONNECTED

    # * Connecting ----------------------------------------------------------
    def connect_to_host(self, host: str, port: int = -1, tls_options: Any = None) -> int:
        self.close()
        lower = host.lower()
        if lower.startswith("http://"):
            host, tls_options = host[7:], None
        elif lower.startswith("https://"):
            host = host[8:]
            if tls_options is None:
                tls_options = TLSOptions.client()
        if tls_options is not None and tls_options.is_server():
            self._condition_failed("tls_options.is_valid() && tls_options->is_server()",
                                   "ERR_INVALID_PARAMETER")
            return ERR_INVALID_PARAMETER
        tls = None
        if tls_options is not None:
            tls = (tls_options._context(), tls_options.get_common_name_override())
        return self._connect(host, port, tls)

    def _connect(self, host: str, port: int, tls: tuple[Any, str] | None) -> int:
        if len(host) < self._HOST_MIN_LEN:
            self._condition_failed("conn_host.length() < HOST_MIN_LEN", "ERR_INVALID_PARAMETER")
            return ERR_INVALID_PARAMETER
        if port < 0:
            port = 443 if tls is not None else 80
        self._gd_host, self._gd_port = host, port
        bare = host[1:-1] if host.startswith("[") and host.endswith("]") else host
        if tls is not None:
            self._gd_tls = (tls[0], tls[1] or bare)
        target = (bare, port)
        proxy = self._gd_https_proxy if tls is not None else self._gd_http_proxy
        if proxy[0]:
            target = proxy
            self._gd_tunnel = True if tls is not None else None
        address, target_port = route(target[0], target[1], tls is not None)
        if not network_allowed(address):
            self._gd_status = self.STATUS_CANT_CONNECT
            return ERR_CANT_CONNECT
        self._gd_tcp = self._TCP_CLASS()
        self._gd_conn = self._gd_tcp
        if _is_ip(address):
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            sockaddr = (address, target_port) if family == socket.AF_INET else (
                address, target_port, 0, 0)
            self._gd_addresses = [(family, sockaddr)]
            err = self._connect_next()
            if err != OK:
                self._gd_status = self.STATUS_CANT_CONNECT
            return err
        self._gd_resolution = _Resolution(address, target_port)
        self._gd_status = self.STATUS_RESOLVING
        return OK

    def _connect_next(self) -> int:
        """Start a connect to the next resolved address: OK (CONNECTING) or the last error."""
        err = ERR_CANT_CONNECT
        while self._gd_addresses:
            family, sockaddr = self._gd_addresses.pop(0)
            err = self._gd_tcp._connect_address(family, sockaddr)
            if err == OK:
                self._gd_status = self.STATUS_CONNECTING
                return OK
        return err

    def set_http_proxy(self, host: str, port: int) -> None:
        self._gd_http_proxy = ("", -1) if (not host or port == -1) else (host, port)

    def set_https_proxy(self, host: str, port: int) -> None:
        self._gd_https_proxy = ("", -1) if (not host or port == -1) else (host, port)

    def close(self) -> None:
        if self._gd_tls_peer is not None:
            self._gd_tls_peer.disconnect_from_stream()
        if self._gd_tcp is not None:
            self._gd_tcp.disconnect_from_host()
        self._reset()

    def _fail(self, status: int, err: int) -> int:
        self.close()
        self._gd_status = status
        return err

    # * poll() ------------------------------------------------------------------
    def get_status(self) -> int:
        return self._gd_status

    def poll(self) -> int:
        if self._gd_tcp is not None:
            self._gd_tcp._poll()  # 4.x: notices a FIN (3.x's TCP peer ignores it here)
        status = self._gd_status
        if status == self.STATUS_RESOLVING:
            return self._poll_resolving()
        if status == self.STATUS_CONNECTING:
            return self._poll_connecting()
        if status in (self.STATUS_CONNECTED, self.STATUS_BODY):
            return self._poll_alive()
        if status == self.STATUS_REQUESTING:
            return self._poll_requesting()
        if status == self.STATUS_DISCONNECTED:
            return ERR_UNCONFIGURED
        if status == self.STATUS_CANT_CONNECT:
            return ERR_CANT_CONNECT
        if status == self.STATUS_CANT_RESOLVE:
            return ERR_CANT_RESOLVE
        return ERR_CONNECTION_ERROR

    def _poll_resolving(self) -> int:
        assert self._gd_resolution is not None
        if not self._gd_resolution.done.is_set():
            return OK
        self._gd_addresses = list(self._gd_resolution.addresses)
        self._gd_resolution = None
        if not self._gd_addresses:
            return self._fail(self.STATUS_CANT_RESOLVE, ERR_CANT_RESOLVE)
        err = self._connect_next()
        if err != OK:
            return self._fail(self.STATUS_CANT_CONNECT, err)
        return OK

    def _poll_connecting(self) -> int:
        tcp = self._gd_tcp
        assert tcp is not None
        if self._gd_tls_peer is not None:
            return self._poll_handshake()  # the TLS peer reports a closed TCP itself
        tcp_status = tcp.get_status()
        if tcp_status == StreamPeerTCP.STATUS_CONNECTING:
            return OK
        if tcp_status == StreamPeerTCP.STATUS_CONNECTED:
            if self._gd_tunnel is not None:
                return self._poll_tunnel()
            if self._gd_tls is not None:
                return self._poll_handshake()
            self._gd_status = self.STATUS_CONNECTED
            return OK
        if self._gd_addresses and self._connect_next() == OK:
            return OK
        return self._fail(self.STATUS_CANT_CONNECT, ERR_CANT_CONNECT)

    def _poll_handshake(self) -> int:
        assert self._gd_tls is not None and self._gd_tcp is not None
        peer = self._gd_tls_peer
        if peer is None:
            peer = self._gd_tls_peer = self._TLS_CLASS()
            err = peer._start(self._gd_tcp, self._gd_tls[0], self._gd_tls[1])
            self._gd_conn = peer
        else:
            peer.poll()
            err = OK
        peer_status = peer.get_status()
        if err == OK and peer_status == StreamPeerTLS.STATUS_CONNECTED:
            self._gd_status = self.STATUS_CONNECTED
            return OK
        if err == OK and peer_status == StreamPeerTLS.STATUS_HANDSHAKING:
            return OK
        return self._fail(self._STATUS_HANDSHAKE_ERROR, ERR_CANT_CONNECT)

    def _poll_tunnel(self) -> int:
        """HTTPS proxy: send CONNECT, wait for a 200, then hand over to the TLS handshake."""
        if self._gd_tunnel is True:
            authority = self._authority()
            self._gd_out = memoryview(self._connect_request(authority))
            self._gd_tunnel = self._new_h11("CONNECT")
        if not self._flush_request():
            return self._fail(self.STATUS_CANT_CONNECT, ERR_CANT_CONNECT)
        if self._gd_out is not None:
            return OK
        self._gd_h11 = self._gd_tunnel
        try:
            event = self._next_head_event()
        except h11.RemoteProtocolError:
            return self._fail(self.STATUS_CANT_CONNECT, ERR_CANT_CONNECT)
        if event is None:
            return OK
        if event.status_code != 200:
            return self._fail(self.STATUS_CANT_CONNECT, ERR_CANT_CONNECT)
        self._gd_tunnel, self._gd_h11 = None, None
        return OK

    def _authority(self) -> str:
        host = self._gd_host if ":" not in self._gd_host or self._gd_host.startswith("[") else (
            f"[{self._gd_host}]")
        return f"{host}:{self._gd_port}"

    def _connect_request(self, authority: str) -> bytes:
        return (f"CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n"
                f"User-Agent: {self._user_agent()}\r\nAccept: */*\r\n\r\n").encode()

    def _poll_alive(self) -> int:
        if self._gd_pending or self._gd_h11_buffered or self._gd_chunk_rest:
            return OK  # unread response bytes: the close only matters once they are used
        if self._gd_tls_peer is not None:
            self._gd_tls_peer.poll()
            if self._gd_tls_peer.get_status() != StreamPeerTLS.STATUS_CONNECTED:
                self._gd_status = self.STATUS_CONNECTION_ERROR
                return ERR_CONNECTION_ERROR
        elif (self._gd_tcp is not None
              and self._gd_tcp.get_status() != StreamPeerTCP.STATUS_CONNECTED):
            self._gd_status = self.STATUS_CONNECTION_ERROR
            return ERR_CONNECTION_ERROR
        return OK

    def _poll_requesting(self) -> int:
        if not self._flush_request():
            return self._fail(self.STATUS_CONNECTION_ERROR, ERR_CONNECTION_ERROR)
        if self._gd_out is not None:
            return OK
        try:
            event = self._next_head_event()
        except h11.RemoteProtocolError:
            return self._fail(self.STATUS_CONNECTION_ERROR, ERR_CONNECTION_ERROR)
        if event is not None:
            self._on_response(event)
        return OK

    def _flush_request(self) -> bool:
        """Write what is left of the request; False on a write error."""
        out = self._gd_out
        if out is None:
            return True
        if self._gd_blocking:
            ok = self._gd_conn._put_all(out) == OK
            self._gd_out = None
            return ok
        while len(out):  # write until the transport would block
            sent = self._gd_conn._send(out)
            if sent < 0:
                return False
            if sent == 0:
                break
            out = out[sent:]
        self._gd_out = out if len(out) else None
        return True

    # * Response head -----------------------------------------------------------
    def _new_h11(self, method: str) -> h11.Connection:
        """An h11 parser primed with a stand-in request (the real bytes are ours)."""
        conn = h11.Connection(h11.CLIENT, max_incomplete_event_size=HEAD_LIMIT + 1)
        conn.send(h11.Request(method=method, target="/", headers=[("Host", "h")]))
        conn.send(h11.EndOfMessage())
        self._gd_head_fed = len(self._gd_pending)
        self._gd_head_line = self._gd_head_longest = 0
        if self._gd_pending:
            self._track_head_lines(self._gd_pending)
            conn.receive_data(bytes(self._gd_pending))
            self._gd_h11_buffered = True
            self._gd_pending = memoryview(b"")
        if self._gd_pending_eof:
            conn.receive_data(b"")
        return conn

    def _next_head_event(self) -> Any:
        """The final Response once its head is complete, else None (1xx skipped)."""
        conn = self._gd_h11
        while True:
            event = conn.next_event()
            if event is h11.NEED_DATA:
                self._gd_h11_buffered = False
                # Feed at most one byte past the limit, so the cap does not depend on
                # how the bytes were split into reads.
                room = HEAD_LIMIT + 1 - self._gd_head_fed
                if room <= 0 or max(self._gd_head_line, self._gd_head_longest) > LINE_LIMIT + 1:
                    raise h11.RemoteProtocolError("response head too large")
                got = self._feed_h11(conn, room)
                if got > 0:
                    self._gd_head_fed += got
                    self._track_head_lines(self._gd_scratch[:got])
                if got == 0:
                    if not self._gd_blocking:
                        return None
                    self._gd_conn._wait(True, 0.1)
                continue
            if isinstance(event, h11.InformationalResponse):
                continue
            if isinstance(event, h11.Response):
                return _checked_head(event)
            raise h11.RemoteProtocolError("connection closed before a response")

    def _track_head_lines(self, data: Any) -> None:
        """Line lengths (with CR) of head bytes fed; only judged while the head is incomplete."""
        data = bytes(data)
        first, last = data.find(b"\n"), data.rfind(b"\n")
        if first == -1:
            self._gd_head_line += len(data)
            return
        inner = 0  # a whole line inside this piece; only a piece over the cap can hold one
        if len(data) > LINE_LIMIT and last > first:
            inner = max(map(len, data[first + 1:last].split(b"\n")))
        self._gd_head_longest = max(self._gd_head_longest, self._gd_head_line + first, inner)
        self._gd_head_line = len(data) - last - 1

    def _feed_h11(self, conn: h11.Connection, limit: int | None = None) -> int:
        got = self._gd_conn._recv_into(self._gd_scratch[:limit])
        if got > 0:
            conn.receive_data(self._gd_scratch[:got])
            self._gd_h11_buffered = True
        elif got in (EOF, FAILURE):
            conn.receive_data(b"")
        return got

    def _on_response(self, event: h11.Response) -> None:
        self._gd_response_num = event.status_code
        self._gd_headers = [
            f"{name.decode('utf-8', 'replace')}: {value.decode('utf-8', 'replace')}"
            for name, value in event.headers.raw_items()]
        values = {}
        for name, value in event.headers:
            values.setdefault(name, []).append(value.lower())
        length = values.get(b"content-length")
        self._gd_chunked = b"chunked" in values.get(b"transfer-encoding", [])
        self._gd_body_size = int(length[0]) if length else -1
        self._gd_reusable = not (self._gd_chunked and length)  # ambiguous framing
        no_body = self._gd_head_request or event.status_code in (204, 304)
        if self._gd_chunked and not no_body:
            self._gd_mode = "chunked"  # h11 keeps the buffered bytes
        else:
            data, closed = self._gd_h11.trailing_data
            self._gd_pending, self._gd_pending_eof = memoryview(data), closed
            self._gd_h11, self._gd_h11_buffered = None, False
            self._gd_mode = self._body_mode(event, values, no_body, length is not None)
        self._gd_body_left = self._gd_body_size if self._gd_mode == "length" else 0
        if self._gd_head_request:
            self._gd_body_size = 0
        self._gd_status = self.STATUS_CONNECTED if self._gd_mode == "" else self.STATUS_BODY

    def _body_mode(self, event: h11.Response, values: dict, no_body: bool, has_length: bool) -> str:
        if no_body:
            return "none" if (self._gd_head_request or has_length or self._gd_chunked) else ""
        if has_length:
            return "length"
        tokens = b",".join(values.get(b"connection", [])).split(b",")
        closing = b"close" in (t.strip() for t in tokens)
        if event.http_version == b"1.0" and b"keep-alive" not in (t.strip() for t in tokens):
            closing = True
        return "eof" if closing else ""

    # * Requests -----------------------------------------------------------------
    def request(self, method: int, url: str, headers: Any, body: str = "") -> int:
        return self._request(method, url, headers, body.encode("utf-8", "surrogatepass"))

    def request_raw(self, method: int, url: str, headers: Any, body: Any) -> int:
        return self._request(method, url, headers, bytes(body))

    def _request(self, method: int, url: str, headers: Any, body: bytes) -> int:
        err = self._check_request(method, url, headers)
        if err != OK:
            return err
        head = self._request_head(method, url, list(headers), len(body))
        if self._unsolicited_bytes():
            self._drop_transport()  # never read them as this request's response
        self._gd_head_request = method == self.METHOD_HEAD
        self._gd_h11 = self._new_h11(self._METHOD_NAMES[method])
        self._gd_out = memoryview(head + body if body else head)
        self._gd_status = self.STATUS_REQUESTING
        return OK

    def _check_request(self, method: int, url: str, headers: Any) -> int:
        if not 0 <= method < self.METHOD_MAX:
            engine_error(f"Index p_method = {method} is out of bounds "
                         f"(METHOD_MAX = {self.METHOD_MAX}).")
            return ERR_INVALID_PARAMETER
        if not self._check_request_url(method, url):
            self._condition_failed(self._URL_CONDITION, "ERR_INVALID_PARAMETER")
            return ERR_INVALID_PARAMETER
        if self._gd_status != self.STATUS_CONNECTED:
            self._condition_failed("status != STATUS_CONNECTED", "ERR_INVALID_PARAMETER")
            return ERR_INVALID_PARAMETER
        if self._gd_conn is None:
            self._condition_failed("connection.is_null()", "ERR_INVALID_DATA")
            return ERR_INVALID_DATA
        err = self._verify_headers(headers)
        return err if err != OK else _refuse_line_breaks(url, headers)

    @staticmethod
    def _check_request_url(method: int, url: str) -> bool:
        if method == _HTTPClientBase.METHOD_CONNECT:
            colon = url.find(":")
            return 0 < colon < len(url) - 1
        if method == _HTTPClientBase.METHOD_OPTIONS and url == "*":
            return True
        return url.startswith(("/", "http://", "https://"))

    def _verify_headers(self, headers: Any) -> int:
        for index, header in enumerate(headers):
            header = str(header)
            stripped = header.strip()
            if not stripped:
                self._condition_failed("sanitized.is_empty()", "ERR_INVALID_PARAMETER",
                                       f"Invalid HTTP header at index {index}: empty.")
                return ERR_INVALID_PARAMETER
            if stripped.find(":") < 1:
                self._condition_failed("sanitized.find_char(':') < 1", "ERR_INVALID_PARAMETER",
                                       f"Invalid HTTP header at index {index}: String must contain "
                             f"header-value pair, delimited by ':', but was: '{header}'.")
                return ERR_INVALID_PARAMETER
        return OK

    def _request_head(self, method: int, url: str, headers: list, body_size: int) -> bytes:
        uri = url
        if self._gd_tls is None and self._gd_http_proxy[0]:
            uri = f"http://{self._gd_host}:{self._gd_port}{url}"
        lines = [f"{self._METHOD_NAMES[method]} {uri} HTTP/1.1"]
        if self._HOST_FIRST:
            lines.append(f"Host: {self._host_header()}")
        lines.extend(str(header) for header in headers)
        given = [str(header).lower() for header in headers]

        def missing(name: str) -> bool:
            return not any(header.startswith(name) for header in given)

        if not self._HOST_FIRST and missing("host:"):
            lines.append(f"Host: {self._host_header()}")
        if body_size > 0 and missing("content-length:"):
            lines.append(f"Content-Length: {body_size}")
        if missing("user-agent:"):
            lines.append(f"User-Agent: {self._user_agent()}")
        if missing("accept:"):
            lines.append("Accept: */*")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8", "surrogatepass")

    def _host_header(self) -> str:
        host = self._gd_host
        if ":" in host and not host.startswith("["):
            host = f"[{host}]"  # bare IPv6 literal
        default = 443 if self._gd_tls is not None else 80
        return host if self._gd_port == default else f"{host}:{self._gd_port}"

    def _user_agent(self) -> str:
        os_name = _OS_NAMES_4.get(platform.system(), platform.system())
        return f"GodotEngine/{GODOT_VERSION_4} ({os_name})"

    # * Response accessors ------------------------------------------------------
    def has_response(self) -> bool:
        return len(self._gd_headers) != 0

    def get_response_code(self) -> int:
        return self._gd_response_num

    def is_response_chunked(self) -> bool:
        return self._gd_chunked

    def get_response_body_length(self) -> int:
        return self._gd_body_size

    def get_response_headers(self) -> Any:
        headers, self._gd_headers = self._gd_headers, []
        return _godot_container("PackedStringArray", headers)

    def get_response_headers_as_dictionary(self) -> Any:
        result: dict[str, str] = {}
        for line in self._gd_headers:
            colon = line.find(":")
            if colon != -1:
                result[line[:colon].strip()] = line[colon + 1:].strip()
        self._gd_headers = []
        return _godot_container("Dictionary", result)

    def query_string_from_dict(self, fields: Any) -> str:
        return query_string_from_dict(fields, self._DIALECT)

    # * Body ----------------------------------------------------------------------
    def read_response_body_chunk(self) -> PackedByteArray:
        if self._gd_status != self.STATUS_BODY:
            self._condition_failed("status != STATUS_BODY", self._BYTES_NAME + "()")
            return PackedByteArray()
        if self._gd_mode == "chunked":
            return self._read_chunked()
        if self._gd_mode == "none":
            self._gd_status = self.STATUS_CONNECTED
            return PackedByteArray()
        limit = self._gd_read_chunk_size
        if self._gd_mode == "length":
            limit = min(limit, self._gd_body_left)
        if self._gd_pending:
            out = _bytes_out(self._gd_pending[:limit])
            self._gd_pending = self._gd_pending[len(out):]
            return self._account(out, OK)
        if self._gd_pending_eof:
            return self._account(PackedByteArray(), EOF)
        filled, err = self._read_scratch(limit)
        return self._account(_bytes_out(self._gd_scratch[:filled]), err)

    def _read_scratch(self, limit: int) -> tuple[int, int]:
        """Fill up to ``limit`` bytes of the scratch buffer: (count, OK/EOF/FAILURE)."""
        view, filled = self._gd_scratch, 0
        while filled < limit:
            got = self._gd_conn._recv_into(view[filled:limit])
            if got > 0:
                filled += got
            elif got == 0:
                if not self._gd_blocking:
                    break
                self._gd_conn._wait(True, 0.1)
            else:
                return filled, got
        return filled, OK

    def _account(self, out: PackedByteArray, err: int) -> PackedByteArray:
        if self._gd_mode == "length":
            self._gd_body_left -= len(out)
        if err == EOF:
            self.close()
            self._gd_status = self.STATUS_DISCONNECTED
        elif err != OK:
            self._fail(self.STATUS_CONNECTION_ERROR, ERR_CONNECTION_ERROR)
        elif self._gd_mode == "length" and self._gd_body_left == 0:
            self._end_body()
        return out

    def _end_body(self) -> None:
        self._gd_mode = ""
        self._gd_status = self.STATUS_CONNECTED
        if not self._gd_reusable:
            self._drop_transport()

    def _drop_transport(self) -> None:
        """Close the socket but keep the state: the next poll() or request reports the error."""
        if self._gd_tls_peer is not None:
            self._gd_tls_peer.disconnect_from_stream()
        peer = self._gd_tcp if self._gd_tcp is not None else self._gd_conn
        if hasattr(peer, "disconnect_from_host"):
            peer.disconnect_from_host()
        self._gd_pending, self._gd_pending_eof = memoryview(b""), False

    def _unsolicited_bytes(self) -> bool:
        """Response bytes before a request was sent: a smuggled or stray response."""
        if self._gd_pending:
            return True
        return self._gd_conn._recv_into(memoryview(bytearray(1))) > 0

    def _read_chunked(self) -> PackedByteArray:
        limit = self._gd_read_chunk_size
        if self._gd_chunk_rest:
            out = _bytes_out(self._gd_chunk_rest[:limit])
            self._gd_chunk_rest = self._gd_chunk_rest[len(out):]
            return out
        conn = self._gd_h11
        while True:
            try:
                event = conn.next_event()
            except h11.RemoteProtocolError:
                self._fail(self.STATUS_CONNECTION_ERROR, ERR_CONNECTION_ERROR)
                return PackedByteArray()
            if _chunk_size_left(conn) > SIZE_LIMIT:
                self._fail(self.STATUS_CONNECTION_ERROR, ERR_CONNECTION_ERROR)
                return PackedByteArray()
            if event is h11.NEED_DATA:
                self._gd_h11_buffered = False
                got = self._feed_h11(conn)
                if got == 0 and self._gd_blocking:
                    self._gd_conn._wait(True, 0.1)
                elif got == 0:
                    return PackedByteArray()
                elif got == EOF:
                    return self._account(PackedByteArray(), EOF)
                elif got == FAILURE:
                    return self._account(PackedByteArray(), FAILURE)
                continue
            if isinstance(event, h11.Data):
                data = memoryview(event.data)
                self._gd_chunk_rest = data[limit:]
                return _bytes_out(data[:limit])
            if isinstance(event, h11.EndOfMessage):
                data, closed = conn.trailing_data
                self._gd_pending, self._gd_pending_eof = memoryview(data), closed
                self._gd_h11, self._gd_h11_buffered = None, False
                self._end_body()
                return PackedByteArray()
            self._fail(self.STATUS_CONNECTION_ERROR, ERR_CONNECTION_ERROR)
            return PackedByteArray()


def _chunk_size_left(conn: h11.Connection) -> int:
    """Bytes h11 still expects in the current chunk (private state; 0 if h11 changes)."""
    return getattr(getattr(conn, "_reader", None), "_bytes_in_chunk", 0)


def _checked_head(event: h11.Response) -> h11.Response:
    """``event`` if it is within the head caps and its Content-Length fits an int64."""
    if len(event.headers) > HEADER_COUNT_LIMIT or len(event.reason) + 13 > LINE_LIMIT:
        raise h11.RemoteProtocolError("too many response headers or status line too long")
    for name, value in event.headers.raw_items():
        if len(name) + len(value) + 2 > LINE_LIMIT:
            raise h11.RemoteProtocolError("response header line too long")
        if name.lower() == b"content-length" and int(value) > SIZE_LIMIT:
            raise h11.RemoteProtocolError("Content-Length too large")
    return event


def _refuse_line_breaks(url: str, headers: Any) -> int:
    """Refuse request splitting: Godot sends CR/LF as given, this project does not."""
    if any(c in url for c in "\r\n\0"):
        engine_error("Invalid URL: it contains a line break or NUL character.")
        return ERR_INVALID_PARAMETER
    for index, header in enumerate(headers):
        if any(c in str(header) for c in "\r\n\0"):
            engine_error(f"Invalid HTTP header at index {index}: it contains a line break or NUL "
                         "character.")
            return ERR_INVALID_PARAMETER
    return OK


class HTTPClient(_HTTPClientBase):
    """Godot 4's HTTPClient (HTTPClientTCP)."""

    STATUS_TLS_HANDSHAKE_ERROR = 9


class HTTPClient3(_HTTPClientBase):
    """Godot 3's HTTPClient: use_ssl/verify_host, request written inside request()."""

    _DIALECT = 3
    _TCP_CLASS = StreamPeerTCP3
    _TLS_CLASS = StreamPeerSSL
    _RETURNING = "Returned"
    _BYTES_NAME = "PoolByteArray"
    _DEFAULT_READ_CHUNK_SIZE = 4096  # what Godot 3.2.3 reports
    # Godot 3.2.3 writes Host right after the request line, even when the user
    # headers hold one (checked against godot3-server by tests/gd/godot3/http_*).
    _HOST_FIRST = True
    # ... and takes only URLs starting with "/" (no absolute or CONNECT/OPTIONS forms).
    _URL_CONDITION = '!p_url.begins_with("/")'
    STATUS_SSL_HANDSHAKE_ERROR = 9

    def connect_to_host(  # type: ignore[override]
            self, host: str, port: int = -1, use_ssl: bool = False,
            verify_host: bool = True) -> int:
        self.close()
        lower = host.lower()
        if lower.startswith("http://"):
            host = host[7:]  # 3.x keeps use_ssl as given
        elif lower.startswith("https://"):
            host, use_ssl = host[8:], True
        tls = (client_context(bool(verify_host)), "") if use_ssl else None
        return self._connect(host, port, tls)

    @staticmethod
    def _check_request_url(method: int, url: str) -> bool:
        return url.startswith("/")

    def _verify_headers(self, headers: Any) -> int:
        return OK  # 3.x has no header validation

    def _request(self, method: int, url: str, headers: Any, body: bytes) -> int:
        err = super()._request(method, url, headers, body)
        if err != OK:
            return err
        # 3.x writes the whole request synchronously (blocking put_data).
        if self._gd_conn._put_all(self._gd_out) != OK:
            return self._fail(self.STATUS_CONNECTION_ERROR, ERR_CONNECTION_ERROR)
        self._gd_out = None
        return OK

    def _user_agent(self) -> str:
        os_name = _OS_NAMES_3.get(platform.system(), platform.system())
        return f"GodotEngine/{GODOT_VERSION_3} ({os_name})"



GODOT_CLASSES: dict[str, type] = {}
GODOT_CLASSES_4 = {"HTTPClient": HTTPClient}
GODOT_CLASSES_3 = {"HTTPClient": HTTPClient3}
